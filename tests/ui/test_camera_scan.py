"""A camera as a scanner: frames of rendered labels through the real decoding path, routed like a scan.

Only the camera device is a stand-in (`PlayedCamera` plays pictures); the frames are our own labels
rendered to PDF and rasterised by poppler, read by zxing-cpp on the decoder's worker thread.
"""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtGui import QImage

from mes_terminal.domain.scans import ScanKind
from mes_terminal.ui.terminal.camera_scan import CameraDevice, CameraScanDialog, FrameDecoder
from tests.barcode_reading import pdf_to_images
from tests.unit.test_lot_labels import MADE, label_pdf

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

LINK = "https://id.gs1.org/01/09506000134352/10/L-2026-0302?11=260302&17=270302&30=250"


class PlayedCamera(CameraDevice):
    """The camera device, and only it, replaced: frames are handed in by the test."""

    def __init__(self) -> None:
        super().__init__()
        self.running = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def show(self, image: QImage) -> None:
        self.frame.emit(image)


def camera_frame(picture: Image.Image, size: tuple[int, int] = (1280, 960)) -> QImage:
    """`picture` held up in front of a camera: in the middle of a larger grey frame, as RGB."""
    frame = Image.new("RGB", size, (128, 128, 128))
    frame.paste(picture.convert("RGB"), ((size[0] - picture.width) // 2, (size[1] - picture.height) // 2))
    data = frame.tobytes()
    return QImage(data, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888).copy()


@pytest.fixture(scope="module")
def qr_of_a_label() -> Image.Image:
    """The upper part of the 4x6 label with a Digital Link: its QR code, no linear barcode."""
    page = pdf_to_images(label_pdf(MADE, "4x6", digital_link=True), dpi=200)[0]
    return page.crop((0, 0, page.width, page.height // 3))


@pytest.fixture(scope="module")
def gs1_128_of_a_label() -> Image.Image:
    """The lower part of the 4x2 label: its two GS1-128 symbols."""
    page = pdf_to_images(label_pdf(MADE, "4x2"), dpi=200)[0]
    return page.crop((0, page.height // 3, page.width, page.height))


def test_the_decoder_reads_a_frame_on_its_worker_and_answers_on_the_gui_thread(qtbot, qr_of_a_label) -> None:
    decoder = FrameDecoder()
    try:
        with qtbot.waitSignal(decoder.decoded, timeout=10_000) as read:
            assert decoder.submit(camera_frame(qr_of_a_label))
            assert not decoder.submit(camera_frame(qr_of_a_label))  # one frame at a time: this one is dropped
        assert read.args[0] == LINK
        assert not decoder.busy
    finally:
        decoder.shutdown()


def test_a_gs1_128_is_sent_with_its_symbology_identifier_as_a_scanner_would(qtbot, gs1_128_of_a_label) -> None:
    decoder = FrameDecoder()
    try:
        with qtbot.waitSignal(decoder.decoded, timeout=10_000) as read:
            decoder.submit(camera_frame(gs1_128_of_a_label))
        assert read.args[0] in ("]C1010950600013435210L-2026-0302", "]C1112603021727030230250")
    finally:
        decoder.shutdown()


def test_a_read_beeps_freezes_on_its_frame_and_looks_again_later(qtbot, qr_of_a_label) -> None:
    camera, beeps = PlayedCamera(), []
    dialog = CameraScanDialog(camera, beep=lambda: beeps.append(1), freeze_ms=3_600_000)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    assert camera.running
    blank = camera_frame(Image.new("L", (200, 200), 255))
    camera.show(blank)
    qtbot.waitUntil(lambda: dialog.decoder.frames_read == 1, timeout=10_000)
    assert not dialog.frozen and beeps == []
    with qtbot.waitSignal(dialog.scanned, timeout=10_000) as scanned:
        camera.show(camera_frame(qr_of_a_label))
    assert scanned.args == [LINK]
    assert dialog.frozen and beeps == [1]
    assert "Read: https://id.gs1.org/01/09506000134352" in dialog.status.text()
    frames = dialog.decoder.frames_read
    camera.show(camera_frame(qr_of_a_label))  # frozen: not read again, nothing sent twice
    assert dialog.decoder.frames_read == frames and not dialog.decoder.busy
    dialog.on_resume_due()  # the freeze is over (its timer, or "Scan again")
    with qtbot.waitSignal(dialog.scanned, timeout=10_000):
        camera.show(camera_frame(qr_of_a_label))
    assert beeps == [1, 1]
    dialog.reject()
    assert not camera.running


def test_the_camera_button_routes_what_the_camera_reads_like_a_wedge_scan(qtbot, open_window, qr_of_a_label) -> None:
    window = open_window(camera=True)
    assert window.ui.cameraButton.isVisible()
    camera = PlayedCamera()
    window.camera_device = lambda: camera
    window.camera_unavailable = lambda: None
    window.ui.cameraButton.click()
    assert window.camera_dialog is not None and camera.running
    with qtbot.waitSignal(window.scan_router.routed, timeout=10_000) as routed:
        camera.show(camera_frame(qr_of_a_label))
    from_camera = routed.args[0]
    assert (from_camera.kind, from_camera.gs1, from_camera.gs1_data) == (ScanKind.LOT, True, LINK)
    assert from_camera == window.scan_router.route(LINK)  # the very scan a wedge scanner's text makes
    window.camera_dialog.reject()
    assert not camera.running and window.camera_dialog is None


def test_without_a_camera_the_button_says_why(open_window) -> None:
    window = open_window(camera=True)
    window.camera_unavailable = lambda: "No camera is connected to this terminal."
    window.ui.cameraButton.click()
    assert window.camera_dialog is None
    assert window.banner.kind == "error" and "No camera is connected" in window.banner.text()


def test_the_camera_button_is_hidden_unless_the_station_has_a_camera(window) -> None:
    assert not window.ui.cameraButton.isVisible()
