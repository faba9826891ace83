"""Opening the supervisor console: its QApplication look (a desktop, not a touch terminal) and the window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

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


def run_supervisor(service: SupervisorService, locale: str | None = None, *, exit_when_ready: bool = False) -> int:
    """Open the console (maximised on a screen of 1920x1080 or less) and run until it closes."""
    from mes_terminal.ui.supervisor.window import SupervisorWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_supervisor_look(app)
    languages = LanguageSwitcher(app)
    if locale and language_of(locale) != "en":
        languages.switch(locale)
    window = SupervisorWindow(service)
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else None
    if available is not None and (available.width() <= 1920 or available.height() <= 1080):
        window.showMaximized()
    else:
        window.resize(1920, 1080)
        window.show()
    if exit_when_ready:  # a start-up check: end at the first paint
        from mes_terminal.ui.start_check import ExitWhenPainted

        ExitWhenPainted(window, app)
    try:
        return app.exec()
    finally:
        window.shutdown()
