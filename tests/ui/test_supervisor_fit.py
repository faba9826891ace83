"""The console on the screen it opens on: sized to it, the sign-in card centred, the board without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from mes_terminal.services.commands import catalog as c
from mes_terminal.ui.supervisor import board_model as b
from mes_terminal.ui.supervisor.launch import apply_supervisor_look, place_on_screen
from tests.helpers import OPERATOR, command, run_first_job
from tests.ui.test_supervisor_console import sign_in


@pytest.fixture
def desktop_look(qapp):
    """The console's own look (a desktop font, not the terminal's touch sizes), put back afterwards."""
    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    apply_supervisor_look(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setStyle(style)


# What a supervisor reads at a glance: never hidden, never scrolled out of sight.
AT_A_GLANCE = (b.STATION, b.STATE, b.JOB, b.OPERATORS, b.PROGRESS, b.ANDON, b.OEE)


def test_the_console_opens_sized_to_a_1280x800_screen_and_centres_the_sign_in_card(
    desktop_look, console, qtbot
) -> None:
    console.resize(1920, 1080)
    place_on_screen(console, QRect(0, 0, 1280, 800))
    qtbot.waitUntil(lambda: console.width() <= 1280 and console.height() <= 800)
    assert (console.width(), console.height()) == (1280, 800)
    assert console.minimumWidth() <= 1280 and console.minimumHeight() <= 800
    card = console.sign_in_page.ui.signInCard
    centre = card.mapTo(console, card.rect().center())
    assert abs(centre.x() - console.width() // 2) <= 12
    assert abs(centre.y() - console.height() // 2) <= 80  # under the header and banner, in the middle below


def test_a_screen_larger_than_full_hd_gets_a_full_hd_window_in_its_middle(desktop_look, console, qtbot) -> None:
    place_on_screen(console, QRect(2560, 0, 2560, 1440))  # a second screen, right of the first
    assert (console.width(), console.height()) == (1920, 1080)
    middle = console.frameGeometry().center()
    assert abs(middle.x() - 3840) <= 2 and abs(middle.y() - 720) <= 2


def test_at_1280x800_the_board_shows_every_column_needed_at_a_glance_without_scrolling(
    desktop_look, console, qtbot, bus, clock
) -> None:
    run_first_job(bus, clock.now())
    bus.execute(command(c.CallSupervisor, clock.now(), actor=OPERATOR, station="WS-01", message="Die stuck"))
    console.resize(1280, 800)
    sign_in(console, qtbot)
    console.board.model.set_oee({"WS-01": None})
    qtbot.waitUntil(lambda: console.board.ui.boardView.viewport().width() > 0)
    view = console.board.ui.boardView
    view.horizontalHeader().viewport().update()
    qtbot.wait(50)
    assert not view.horizontalScrollBar().isVisible()
    assert view.horizontalScrollBar().maximum() == 0
    room = view.viewport().width()
    for column in AT_A_GLANCE:
        assert not view.isColumnHidden(column), column
        left = view.columnViewportPosition(column)
        assert left >= 0 and left + view.columnWidth(column) <= room, column
        assert view.columnWidth(column) >= 40, column
    assert view.columnWidth(b.JOB) >= 150  # the job keeps room to be read, elided beyond it
    job = console.board.model.index(0, b.JOB)
    text = job.data()
    assert text.startswith("WO-1/10")
    assert job.data(Qt.ItemDataRole.ToolTipRole) == text  # elided on the board, whole in the tooltip
    andon = console.board.model.index(0, b.ANDON).data()
    assert "calls" in andon


def test_on_a_wide_screen_every_column_of_the_board_is_shown(desktop_look, console, qtbot, bus, clock) -> None:
    run_first_job(bus, clock.now())
    console.resize(1920, 1080)
    sign_in(console, qtbot)
    view = console.board.ui.boardView
    assert not any(view.isColumnHidden(column) for column in range(b.COLUMNS))
    assert not view.horizontalScrollBar().isVisible()
    assert view.columnViewportPosition(b.OEE) + view.columnWidth(b.OEE) <= view.viewport().width()
