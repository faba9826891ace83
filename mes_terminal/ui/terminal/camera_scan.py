"""A camera as a scanner: frames from the station's camera, read off the GUI thread, routed like a scan.

- `QtCamera` is the device (a `CameraDevice`): Qt Multimedia's QCamera into a QVideoSink, each frame
  as a QImage. It is the only part that needs a camera (and Qt Multimedia's libraries); tests put a
  stand-in device in its place that plays frames of rendered labels.
- `FrameDecoder` reads one frame at a time with zxing-cpp (`devices.camera_decoder`) on a worker
  thread; frames arriving while one is being read are dropped, so the viewfinder never lags.
- `CameraScanDialog` shows the viewfinder; on a read it beeps, freezes on the frame that was read,
  and emits `scanned` with the text a scanner would have sent, which the window routes as any scan.
  After a moment it looks again, so several labels can be read in a row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mes_terminal.devices.camera_decoder import decode_luminance, decoder_unavailable
from mes_terminal.domain.scans import for_display

if TYPE_CHECKING:  # Qt Multimedia loads only when a camera is started (it needs the system's media libraries)
    from PySide6.QtMultimedia import QCamera, QVideoFrame

log = logging.getLogger(__name__)

FREEZE_MS = 1500  # how long the frame that was read stays on screen before the camera looks again
READ_FRAME_COLOUR = "#1a7f37"


class CameraDevice(QObject):
    """A camera: `frame(QImage)` for each picture between `start` and `stop`, `failed(sentence)` when it
    stops by itself. `QtCamera` is the real one; tests feed rendered labels through a stand-in."""

    frame = Signal(QImage)
    failed = Signal(str)

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class QtCamera(CameraDevice):
    """The station's default camera through Qt Multimedia."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._camera: QCamera | None = None
        self._keep: list[QObject] = []  # the capture session and the sink live as long as the camera

    @staticmethod
    def unavailable() -> str | None:
        """None when a camera can be used here, else why not (no Qt Multimedia, no camera, no decoder)."""
        reason = decoder_unavailable()
        if reason is not None:
            return reason
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError as error:
            return f"The camera cannot be used: Qt Multimedia does not load ({error})."
        if not QMediaDevices.videoInputs():
            return "No camera is connected to this terminal."
        return None

    def start(self) -> None:
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        session = QMediaCaptureSession(self)
        sink = QVideoSink(self)
        session.setCamera(camera)
        session.setVideoSink(sink)
        sink.videoFrameChanged.connect(self._on_video_frame)
        camera.errorOccurred.connect(self._on_error)
        self._camera, self._keep = camera, [session, sink]
        camera.start()

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()

    def _on_video_frame(self, video_frame: QVideoFrame) -> None:
        image = video_frame.toImage()
        if not image.isNull():
            self.frame.emit(image)

    def _on_error(self, _error: object, text: str) -> None:
        self.failed.emit(f"The camera stopped: {text}")


class FrameDecoder(QObject):
    """Reads frames on one worker thread; `decoded(scan, frame)` on the GUI thread for each read."""

    decoded = Signal(str, QImage)
    _finished = Signal(list, QImage)  # from the worker thread, queued to this object's thread

    def __init__(
        self, parent: QObject | None = None, *, decode: Callable[[bytes, int, int, int], list[str]] = decode_luminance
    ) -> None:
        super().__init__(parent)
        self._decode = decode
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="camera-decoder")
        self.busy = False
        self.frames_read = 0
        self._finished.connect(self._on_finished)

    def submit(self, image: QImage) -> bool:
        """Start reading `image` unless a frame is being read; False when it was dropped."""
        if self.busy or image.isNull():
            return False
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        data = bytes(grey.constBits())  # a copy: the frame's memory belongs to the camera
        self.busy = True
        future = self._pool.submit(self._decode, data, grey.width(), grey.height(), grey.bytesPerLine())
        future.add_done_callback(lambda done: self._deliver(done, image))
        return True

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _deliver(self, done: Future[list[str]], image: QImage) -> None:
        try:
            scans = done.result()
        except Exception:  # a frame that cannot be read is no read; the next one may be
            log.warning("a camera frame could not be decoded", exc_info=True)
            scans = []
        self._finished.emit(scans, image)

    def _on_finished(self, scans: list[str], image: QImage) -> None:
        self.busy = False
        self.frames_read += 1
        if scans:
            self.decoded.emit(scans[0], image)


class CameraScanDialog(QDialog):
    """The viewfinder. `scanned(text)` for each read; the window routes it like any other scan."""

    scanned = Signal(str)

    def __init__(
        self,
        camera: CameraDevice,
        parent: QWidget | None = None,
        *,
        decoder: FrameDecoder | None = None,
        beep: Callable[[], None] = QApplication.beep,
        freeze_ms: int = FREEZE_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan with the camera"))
        self.camera = camera
        self.decoder = decoder or FrameDecoder(self)
        self._beep = beep
        self.frozen = False
        self.viewfinder = QLabel(self)
        self.viewfinder.setObjectName("viewfinder")
        self.viewfinder.setMinimumSize(480, 360)
        self.viewfinder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.viewfinder.setStyleSheet("background: black;")
        self.status = QLabel(self.tr("Hold the barcode in front of the camera."), self)
        self.status.setWordWrap(True)
        self.again_button = QPushButton(self.tr("Scan again"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewfinder, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._resume = QTimer(self)
        self._resume.setSingleShot(True)
        self._resume.setInterval(freeze_ms)
        self._resume.timeout.connect(self.on_resume_due)
        self.again_button.clicked.connect(self.on_resume_due)
        self.close_button.clicked.connect(self.reject)
        camera.frame.connect(self.on_frame)
        camera.failed.connect(self.on_camera_failed)
        self.decoder.decoded.connect(self.on_decoded)
        self.finished.connect(self.on_closed)

    def start(self) -> None:
        self.camera.start()

    def on_frame(self, image: QImage) -> None:
        if self.frozen:
            return
        self._show(image)
        self.decoder.submit(image)

    def on_decoded(self, text: str, image: QImage) -> None:
        if self.frozen:
            return  # a read of a frame taken before the last read was shown
        self.frozen = True
        self._show(image, read=True)
        self.status.setText(self.tr("Read: {scan}").format(scan=for_display(text)))
        self._beep()
        self.scanned.emit(text)
        self._resume.start()

    def on_resume_due(self) -> None:
        self._resume.stop()
        self.frozen = False
        self.status.setText(self.tr("Hold the barcode in front of the camera."))

    def on_camera_failed(self, sentence: str) -> None:
        self.status.setText(sentence)

    def on_closed(self, _result: int) -> None:
        self._resume.stop()
        self.camera.stop()
        self.decoder.shutdown()

    def _show(self, image: QImage, *, read: bool = False) -> None:
        pixmap = QPixmap.fromImage(image).scaled(
            self.viewfinder.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        if read:  # the frozen frame framed in green: this is what was read
            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor(READ_FRAME_COLOUR), 8))
            painter.drawRect(pixmap.rect().adjusted(4, 4, -4, -4))
            painter.end()
        self.viewfinder.setPixmap(pixmap)
