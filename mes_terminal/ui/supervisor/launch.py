"""Opening the supervisor console: its QApplication look (a desktop, not a touch terminal) and the window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QCursor, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from mes_terminal.paths import resources_dir
from mes_terminal.services.supervisor import SupervisorService
from mes_terminal.ui.i18n import LanguageSwitcher, language_of

log = logging.getLogger(__name__)

POINT_SIZE = 10


def supervisor_style_sheet() -> str:
    path = resources_dir() / "themes" / "supervisor.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("the supervisor theme %s is missing; using Qt's default look", path)
        return ""


def apply_supervisor_look(app: QApplication) -> None:
    app.setApplicationName("MES Supervisor console")
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSize(POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(supervisor_style_sheet())


LARGEST = QSize(1920, 1080)  # beyond this the console is a window of its own, not the whole screen


def fills_screen(available: QRect) -> bool:
    return available.width() <= LARGEST.width() or available.height() <= LARGEST.height()


def place_on_screen(window: QWidget, available: QRect) -> None:
    """Size `window` to the screen's available geometry (never larger, at most 1920x1080) and centre it.

    The window's minimum shrinks to the screen when the screen is smaller, so nothing lies off screen."""
    size = LARGEST.boundedTo(available.size())
    window.setMinimumSize(window.minimumSize().boundedTo(size))
    window.resize(size)
    frame = window.frameGeometry()
    frame.moveCenter(available.center())
    window.move(frame.topLeft())


def run_supervisor(service: SupervisorService, locale: str | None = None, *, exit_when_ready: bool = False) -> int:
    """Open the console on the screen under the pointer, sized to it (maximised up to 1920x1080), until it closes."""
    from mes_terminal.ui.supervisor.window import SupervisorWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_supervisor_look(app)
    languages = LanguageSwitcher(app)
    if locale and language_of(locale) != "en":
        languages.switch(locale)
    window = SupervisorWindow(service)
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    if screen is not None:
        place_on_screen(window, screen.availableGeometry())
    else:
        window.resize(LARGEST)
    if screen is not None and fills_screen(screen.availableGeometry()):
        window.showMaximized()
    else:
        window.show()
    if exit_when_ready:  # a start-up check: end at the first paint
        from mes_terminal.ui.start_check import ExitWhenPainted

        ExitWhenPainted(window, app)
    try:
        return app.exec()
    finally:
        window.shutdown()
