"""When the database cannot be reached: the header says so, and what was entered is kept to send again."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mes_terminal.db.engine import make_engine
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.services.terminal import TerminalService
from mes_terminal.ui.widgets.quantity_dialog import QuantityDialog
from tests.helpers import OPERATOR, UNREACHABLE, command

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_count_made_offline_is_kept_and_sent_again_once(qtbot, window, work_order, plant, clock, monkeypatch):
    window.scan_router.route("BADGE:B1001")
    window.sign_in_screen.ui.pinEdit.setText("4711")
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.sign_in_screen.ui.signInButton.click()
    ui = window.station_screen.ui
    ui.dispatchView.selectRow(window.station_screen.model.row_of("WO-1", 10))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        ui.startButton.click()

    online = window.vm.service
    unreachable = make_engine(UNREACHABLE)
    try:
        window.vm.service = TerminalService(unreachable, CommandBus(unreachable, clock), clock)
        monkeypatch.setattr(QuantityDialog, "ask", classmethod(lambda cls, *args, **kwargs: Decimal(5)))
        with qtbot.waitSignal(window.vm.settled, timeout=20_000):
            ui.reportGoodButton.click()
        assert window.ui.connectionLabel.text() == "Offline"
        assert window.banner.kind == "warn" and "Send again" in window.banner.text()
        assert ui.resendFrame.isVisible()
        assert ui.resendLabel.text() == "Not sent yet: Report 5 good and 0 scrap for WO-1 operation 10"
        pending = window.vm.pending
    finally:
        window.vm.service = online
        unreachable.dispose()

    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        ui.resendButton.click()
    assert window.ui.connectionLabel.text() == "Online"
    assert not ui.resendFrame.isVisible()
    assert ui.goodValue.text() == "5"
    counts = [e for e in read_events(plant) if e.type == "CountReported"]
    assert len(counts) == 1 and counts[0].command_id == str(pending.command_id)


def test_a_lot_label_scanned_offline_is_kept_and_sent_again_once(qtbot, window, work_order, plant, bus, clock):
    """Our label names its lot without the database: its ConsumeLot is kept with its id. A GS1 label needs the
    database to find its lot: the terminal says it is offline and keeps nothing."""
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order=work_order, operation=10))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    ui = window.station_screen.ui

    online = window.vm.service
    unreachable = make_engine(UNREACHABLE)
    try:
        window.vm.service = TerminalService(unreachable, CommandBus(unreachable, clock), clock)
        with qtbot.waitSignal(window.vm.settled, timeout=20_000):
            window.scan_router.route("]C1010950600013435210MILL-9")
        assert window.ui.connectionLabel.text() == "Offline"
        assert window.banner.kind == "warn" and "cannot be reached" in window.banner.text()
        assert window.vm.pending is None
        with qtbot.waitSignal(window.vm.settled, timeout=20_000):
            window.scan_router.route("LOT:S-1")
        assert window.banner.kind == "warn" and "Send again" in window.banner.text()
        pending = window.vm.pending
        assert isinstance(pending, c.ConsumeLot) and (pending.lot, pending.work_order) == ("S-1", "WO-1")
        assert ui.resendFrame.isVisible()
    finally:
        window.vm.service = online
        unreachable.dispose()

    with qtbot.waitSignal(window.vm.lot_scan_result, timeout=10_000):
        ui.resendButton.click()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert window.ui.connectionLabel.text() == "Online"
    assert not ui.resendFrame.isVisible()
    assert window.banner.text() == "Lot S-1: 3.5 kg of STEEL-2MM taken into WO-1 operation 10."
    taken = [e for e in read_events(plant) if e.type == "LotConsumed"]
    assert len(taken) == 1 and taken[0].command_id == str(pending.command_id)
