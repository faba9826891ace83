"""Where scans come from: a keyboard-wedge scanner (told apart from typing by timing) and a serial one.

`WedgeKeyFilter` is installed on the QApplication, so it sees every key press whatever has focus. It
feeds `devices.wedge.WedgeDetector`; keys the detector holds back (they might be the start of a scan)
are swallowed, and those that turn out to be typing are sent on to the focused widget a few
milliseconds late. `SerialScanInput` reads a serial scanner on its own thread and hands each scan to
the GUI thread through a queued signal.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from mes_terminal.devices.wedge import WedgeDetector

log = logging.getLogger(__name__)

_KEYS = {"\r": Qt.Key.Key_Return, "\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "\b": Qt.Key.Key_Backspace}


class WedgeKeyFilter(QObject):
    scanned = Signal(str)

    def __init__(
        self, detector: WedgeDetector, parent: QObject | None = None, *, now: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.detector = detector
        self._now = now
        self._replaying = False
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.timeout.connect(self.on_flush_due)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        text = event.text()
        if not text or event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False  # Shift, arrows, shortcuts: not a scanner's business
        if text in ("\r", "\n", "\t") and self.detector.flush_due is None:
            return False  # a lone Enter or Tab from a person: no run of keys is pending
        scans = self.detector.feed(text, at=self._now())
        self._pass_on(self.detector.take_typed())
        for scan in scans:
            self.scanned.emit(scan)
        self._arm_flush()
        return True

    def on_flush_due(self) -> None:
        self.detector.flush(self._now())
        self._pass_on(self.detector.take_typed())
        self._arm_flush()

    def _arm_flush(self) -> None:
        due = self.detector.flush_due
        if due is None:
            self._flush.stop()
            return
        self._flush.start(max(1, int((due - self._now()) * 1000) + 2))

    def _pass_on(self, typed: str) -> None:
        """Deliver keys found to be typing to the widget with the focus, as if they came just now."""
        if not typed:
            return
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None:
            return
        self._replaying = True
        try:
            for ch in typed:
                key = _KEYS.get(ch) or (
                    Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
                )
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
        finally:
            self._replaying = False


class SerialScanInput(QObject):
    """A serial scanner (`devices.serial_scanner`), its scans and state delivered on the GUI thread."""

    scanned = Signal(str)
    state_changed = Signal(str)

    def __init__(
        self, url: str, baudrate: int = 9600, parent: QObject | None = None, *, terminator: str = "CR"
    ) -> None:
        super().__init__(parent)
        from mes_terminal.devices.serial_scanner import SerialScanner
        from mes_terminal.domain.setup_fields import terminator_bytes

        # The reader thread calls these; emitting a signal from there queues it to this object's thread.
        self.scanner = SerialScanner(
            url,
            self.scanned.emit,
            baudrate=baudrate,
            terminator=terminator_bytes(terminator),
            on_state=self.state_changed.emit,
        )

    def start(self) -> None:
        self.scanner.start()

    def stop(self) -> None:
        self.scanner.stop()
