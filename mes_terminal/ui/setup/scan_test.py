"""The setup's 'scan now' test: listens to the chosen scanner until one barcode arrives, then stops."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from mes_terminal.devices.wedge import WedgeDetector
from mes_terminal.ui.terminal.scan_input import SerialScanInput, WedgeKeyFilter


class ScanTest(QObject):
    scanned = Signal(str)  # the first barcode read
    state_changed = Signal(str)  # a serial port's "connected" / "disconnected: <reason>"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wedge: WedgeKeyFilter | None = None
        self._serial: SerialScanInput | None = None

    @property
    def listening(self) -> bool:
        return self._wedge is not None or self._serial is not None

    def listen_to_keyboard(self, max_gap_ms: float = 35.0) -> None:
        self.stop()
        app = QApplication.instance()
        self._wedge = WedgeKeyFilter(WedgeDetector(max_gap_ms=max_gap_ms), self)
        self._wedge.scanned.connect(self.on_scanned)
        if app is not None:
            app.installEventFilter(self._wedge)

    def listen_to_serial(self, port: str, baudrate: int, terminator: str) -> None:
        self.stop()
        self._serial = SerialScanInput(port, baudrate, self, terminator=terminator)
        self._serial.scanned.connect(self.on_scanned)
        self._serial.state_changed.connect(self.state_changed)
        self._serial.start()

    def stop(self) -> None:
        if self._wedge is not None:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self._wedge)
            self._wedge.deleteLater()
            self._wedge = None
        if self._serial is not None:
            self._serial.stop()  # waits for the reader thread: no scan arrives after this
            self._serial.deleteLater()
            self._serial = None

    def on_scanned(self, text: str) -> None:
        if not self.listening:
            return
        self.stop()
        self.scanned.emit(text)
