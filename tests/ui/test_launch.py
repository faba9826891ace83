"""Opening the terminal: from `run_terminal`, and the command line's refusals before any window opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mes_terminal.cli import main
from mes_terminal.config import load_settings
from mes_terminal.ui.app import run_terminal
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
