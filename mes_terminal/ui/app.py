"""The QApplication for the terminal: theme, fonts, language; and `run_terminal`, which opens the window."""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from mes_terminal.domain.clock import Clock
from mes_terminal.paths import resources_dir
from mes_terminal.ui.i18n import language_of
from mes_terminal.ui.terminal.options import TerminalOptions

if TYPE_CHECKING:  # the service stack is imported behind the painted window (cli/terminal_start.py)
    from mes_terminal.services.terminal import TerminalService

log = logging.getLogger(__name__)

BODY_POINT_SIZE = 16


def terminal_style_sheet() -> str:
    path = resources_dir() / "themes" / "terminal.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("the terminal theme %s is missing; using Qt's default look", path)
        return ""


def create_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, or a new one, set up for the terminal (Fusion, big type, theme)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_terminal_look(app)
    return app


def apply_terminal_look(app: QApplication) -> None:
    app.setApplicationName("MES Terminal")
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(BODY_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(terminal_style_sheet())


def freeze_startup_objects() -> None:
    """Move everything built at start-up out of the garbage collector's sight.

    The modules, records and widgets of start-up never become garbage, but every full collection
    walks them again: measured, that put 60-100 ms pauses into one scan in a hundred. Frozen, the
    p99 from scan to banner fell from 40-126 ms to 32-37 ms (benchmarks/terminal.py).
    """
    gc.collect()
    gc.freeze()


def run_terminal(
    service: TerminalService,
    station: str,
    clock: Clock,
    settings: Any,
    *,
    options: TerminalOptions | None = None,
    full_screen: bool = True,
    exit_when_ready: bool = False,
) -> int:
    """Open the terminal window for `station` and run until it closes; the exit code of the event loop.

    With `exit_when_ready` the loop ends (0) at the first paint that shows the station, or (1) when the
    station could not be read: a start-up check for installers and benchmarks.
    """
    from mes_terminal.ui.terminal.window import TerminalWindow

    app = create_application()
    options = options or TerminalOptions(
        language=language_of(getattr(settings, "locale", "en") or "en"), **getattr(settings, "terminal", {})
    )
    window = TerminalWindow(service, station, clock, options=options)
    if full_screen:
        window.showFullScreen()
    else:
        window.resize(1024, 768)
        window.show()
    if exit_when_ready:
        from mes_terminal.ui.start_check import ExitWhenPainted

        ExitWhenPainted(window, app, ready_signal=window.vm.settled, ok=lambda: window.vm.station is not None)
    window.start()
    freeze_startup_objects()
    try:
        return app.exec()
    finally:
        window.close()  # still open when the loop was ended otherwise (exit_when_ready); shuts it down
