"""The console's Conflicts tab: actions a terminal saved offline that a rule refused on delivery, listed with
what happened; discarded with a reason, or applied again once what refused them is put right."""

from __future__ import annotations

import pytest

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.ui.supervisor.conflicts_page import DiscardDialog
from tests.helpers import OPERATOR, command, keep_held_scan
from tests.ui.test_supervisor_console import settle, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def held_scan(bus: CommandBus, clock, tmp_path) -> c.ConsumeLot:
    return keep_held_scan(bus, clock, tmp_path / "outbox.sqlite")


def open_tab(console, qtbot) -> None:
    with qtbot.waitSignal(console.conflicts.conflicts.conflicts_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.conflicts)
    settle(console, qtbot)


def cells(page, row: int) -> list[object]:
    return [page.model.index(row, column).data() for column in range(page.model.columnCount())]


def test_a_conflict_is_listed_and_discarded_with_a_reason(console, qtbot, monkeypatch, qtmodeltester, held_scan):
    sign_in(console, qtbot)
    open_tab(console, qtbot)
    page = console.conflicts
    qtmodeltester.check(page.model)
    assert page.count_label.text() == "Open conflicts: 1"
    row = cells(page, 0)
    assert row[0] == "1" and row[2:5] == ["WS-01", OPERATOR, "Consume lot"]  # words, not a class name
    assert row[5] == "work order WO-1, operation 10, lot S-1, quantity 2"
    assert row[6] == "Lot S-1 is on hold; it cannot be used."
    assert not page.discard_button.isEnabled()
    page.view.selectRow(0)
    assert page.discard_button.isEnabled() and page.apply_button.isEnabled()

    monkeypatch.setattr(DiscardDialog, "ask", classmethod(lambda cls, *args: "Steel taken from lot S-2 instead"))
    with qtbot.waitSignal(page.conflicts.conflicts_changed, timeout=10_000):
        page.discard_button.click()
    settle(console, qtbot)
    assert console.banner.text() == "Conflict 1 discarded."
    assert page.count_label.text() == "Open conflicts: 0"


def test_applying_again_while_a_rule_still_refuses_says_why_and_keeps_it(console, qtbot, held_scan, bus, clock, plant):
    sign_in(console, qtbot)
    open_tab(console, qtbot)
    page = console.conflicts
    page.view.selectRow(0)
    page.apply_button.click()
    settle(console, qtbot)
    assert "on hold" in console.banner.text()
    assert page.count_label.text() == "Open conflicts: 1"

    bus.execute(command(c.ReleaseLot, clock.now(), lot="S-1", reason="Only the wrapping"))
    page.view.selectRow(0)
    with qtbot.waitSignal(page.conflicts.conflicts_changed, timeout=10_000):
        page.apply_button.click()
    settle(console, qtbot)
    assert console.banner.text() == "Conflict 1 applied."
    assert page.count_label.text() == "Open conflicts: 0"
    taken = [e for e in read_events(plant) if e.type == "LotConsumed"]
    assert len(taken) == 1 and taken[0].command_id == str(held_scan.command_id)
