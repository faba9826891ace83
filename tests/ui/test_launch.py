"""Opening the terminal: from `run_terminal`, and the command line's refusals before any window opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mes_terminal.cli import main
from mes_terminal.config import load_settings
from mes_terminal.ui.app import run_terminal
from mes_terminal.ui.terminal.options import TerminalOptions
from mes_terminal.ui.terminal.window import TerminalWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_run_terminal_opens_the_window_and_returns_when_it_closes(qapp, qtbot, service, clock, database_url):
    seen: list[TerminalWindow] = []

    def close_when_shown() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, TerminalWindow) and w.isVisible()]
        if windows and windows[0].vm.station is not None:
            seen.extend(windows)
            windows[0].close()
        else:
            QTimer.singleShot(20, close_when_shown)

    QTimer.singleShot(0, close_when_shown)
    code = run_terminal(service, "WS-01", clock, load_settings(flags={"database_url": database_url}), full_screen=False)
    assert code == 0
    assert seen and seen[0].ui.stationLabel.text() == "WS-01 · Laser cutter"
    assert qapp.styleSheet()  # the terminal theme was applied


def test_the_command_line_needs_a_station(capsys, plant, database_url):
    assert main(["terminal", "--database-url", database_url]) == 2
    assert "Name the station" in capsys.readouterr().err


def test_the_command_line_refuses_an_unknown_station(capsys, plant, database_url):
    assert main(["terminal", "--station", "WS-99", "--database-url", database_url]) == 2
    assert "There is no workstation WS-99." in capsys.readouterr().err


def test_a_window_started_before_it_is_shown_reads_the_station_at_once(themed_app, qtbot, service, clock):
    window = TerminalWindow(service, "WS-01", clock, options=TerminalOptions(inactivity_minutes=0, sounds=False))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.start()  # not on screen: nothing to paint first
    try:
        assert window.vm.station is not None and window.vm.station.code == "WS-01"
        assert window.current_screen == "sign_in"
        assert window.station_screen.model.rowCount() == len(window.vm.dispatch)
    finally:
        window.shutdown()


def test_a_station_screen_built_late_starts_from_what_was_read(themed_app, qtbot, service, clock, work_order):
    """The station screen is built after the first paint; one built after the first answer shows it."""
    window = TerminalWindow(service, "WS-01", clock, options=TerminalOptions(inactivity_minutes=0, sounds=False))
    qtbot.addWidget(window)
    window.vm.start()  # the view-model alone: the screen is not built yet
    qtbot.waitUntil(lambda: bool(window.vm.dispatch) and not window.vm.busy, timeout=10_000)
    try:
        assert window._station_screen is None
        model = window.station_screen.model
        assert [model.row(r).work_order for r in range(model.rowCount())] == [i.work_order for i in window.vm.dispatch]
        assert work_order in {item.work_order for item in window.vm.dispatch}
    finally:
        window.shutdown()
