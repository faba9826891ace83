"""A start-up check for installers and benchmarks: end the event loop once a window shows what it should.

    ExitWhenPainted(window, app, ready_signal=window.vm.settled, ok=lambda: window.vm.station is not None)

The loop ends with 0 at the first paint after `ready_signal` (or after showing, without one), which is
what a person would see; with 1 when `ok()` is false at that moment (the data could not be read).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class ExitWhenPainted(QObject):
    def __init__(
        self,
        window: QWidget,
        app: QApplication,
        *,
        ready_signal: Any = None,
        ok: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(window)  # owned by the window, so it lives as long as the loop runs
        self._window = window
        self._app = app
        self._ok = ok
        self._ready = ready_signal is None
        if ready_signal is not None:
            ready_signal.connect(self.on_ready)
        window.installEventFilter(self)

    def on_ready(self) -> None:
        if not self._ok():
            self._app.exit(1)
            return
        self._ready = True
        self._window.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._ready and event.type() == QEvent.Type.Paint:
            self._ready = False
            QTimer.singleShot(0, lambda: self._app.exit(0))  # after this paint has been delivered
        return False
