"""What a scan means, decided by the terminal's view-model alone: no window is built here.

The view-model carries out banners, selections and badge-only sign-ins itself and asks the window, through
`scan_intention`, for the rest (the sign-in screen, the station screen, a confirmation)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.services.terminal import TerminalService
from mes_terminal.ui.terminal import scan_decisions as decide
from mes_terminal.ui.terminal.scan_decisions import JobKey
from mes_terminal.ui.terminal.view_model import TerminalViewModel
from tests.helpers import LEAD, OPERATOR, command

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class Terminal:
    """A started view-model of one station, with everything it said and asked written down."""

    def __init__(self, qtbot, service: TerminalService, station: str, clock) -> None:
        self.qtbot = qtbot
        self.vm = TerminalViewModel(service, station, clock, refresh_ms=3_600_000)
        self.banners: list[tuple[str, str]] = []
        self.asked: list[object] = []
        self.vm.feedback.connect(lambda kind, text: self.banners.append((kind, text)))
        self.vm.scan_intention.connect(self.asked.append)
        self.settle(self.vm.start)

    def settle(self, act) -> None:
        """Act, then wait until every service call it made (and the refresh after) has answered."""
        with self.qtbot.waitSignal(self.vm.settled, timeout=10_000):
            act()
        self.qtbot.waitUntil(lambda: not self.vm.busy)

    def read_again(self) -> None:
        self.settle(self.vm.refresh)


@pytest.fixture
def open_vm(qapp, qtbot, service, clock) -> Iterator:
    opened: list[Terminal] = []

    def open_(station: str = "WS-01") -> Terminal:
        terminal = Terminal(qtbot, service, station, clock)
        opened.append(terminal)
        return terminal

    yield open_
    for terminal in opened:
        terminal.vm.shutdown()


@pytest.fixture
def terminal(open_vm) -> Terminal:
    return open_vm()


def sign_in(bus, clock, badge: str = OPERATOR, pin: str = "4711", station: str = "WS-01") -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=badge, station=station, badge=badge, pin=pin))


def test_a_badge_at_a_pin_station_asks_for_the_pin(terminal: Terminal) -> None:
    terminal.vm.on_badge_scanned(OPERATOR)
    assert terminal.asked == [decide.AskPin(OPERATOR, adding=False)]
    assert terminal.banners[-1] == ("info", "Badge B1001 scanned: enter your PIN.")
    assert not terminal.vm.busy  # nothing was sent


def test_a_second_badge_asks_for_its_pin_while_the_first_stays_signed_in(terminal: Terminal, bus, clock) -> None:
    sign_in(bus, clock)
    terminal.read_again()
    terminal.vm.on_badge_scanned(LEAD)
    assert terminal.asked == [decide.AskPin(LEAD, adding=True)]


def test_a_badge_alone_signs_in_at_a_badge_only_station(open_vm, plant) -> None:
    terminal = open_vm("WS-02")
    terminal.settle(lambda: terminal.vm.on_badge_scanned(OPERATOR))
    assert terminal.asked == []
    assert terminal.banners[-1] == ("ok", "Welcome, Ada Lovelace. You are signed in.")
    assert terminal.vm.active_badge == OPERATOR
    assert [e.type for e in read_events(plant)][-1] == "SignedIn"


def test_a_signed_in_badge_asks_before_signing_out_and_yes_signs_out(terminal: Terminal, bus, clock, plant) -> None:
    sign_in(bus, clock)
    terminal.read_again()
    terminal.vm.on_badge_scanned(OPERATOR)
    (question,) = terminal.asked
    assert question == decide.ConfirmSignOut(OPERATOR, "Ada Lovelace")
    terminal.settle(lambda: terminal.vm.answer(question, True))
    assert terminal.vm.station is not None and terminal.vm.station.operators == ()
    assert terminal.vm.active_badge is None
    assert [e.type for e in read_events(plant)][-1] == "SignedOut"


def test_no_to_signing_out_makes_the_badge_the_one_the_terminal_acts_for(terminal: Terminal, bus, clock) -> None:
    sign_in(bus, clock)
    sign_in(bus, clock, LEAD, "4444")
    terminal.read_again()
    assert terminal.vm.active_badge == LEAD  # the last one in
    terminal.vm.on_badge_scanned(OPERATOR)
    terminal.vm.answer(terminal.asked[-1], False)
    assert terminal.vm.active_badge == OPERATOR
    assert len(terminal.vm.station.operators) == 2  # type: ignore[union-attr]
    assert not terminal.vm.busy


def test_a_traveler_of_a_ready_job_selects_it_and_asks_to_start_it(terminal: Terminal, bus, clock, work_order) -> None:
    sign_in(bus, clock)
    terminal.read_again()
    terminal.vm.on_operation_scanned(work_order, 10)
    key = JobKey(work_order, 10)
    assert terminal.vm.selected == key
    assert terminal.asked == [decide.ShowStation(), decide.ConfirmStart(key, "Cut")]
    terminal.settle(lambda: terminal.vm.answer(terminal.asked[-1], True))
    assert terminal.banners[-1] == ("ok", "Started WO-1 operation 10.")
    # Scanned again, it runs here: a green banner, no question.
    terminal.asked.clear()
    terminal.vm.on_operation_scanned(work_order, 10)
    assert terminal.asked == [decide.ShowStation()]
    assert terminal.banners[-1][0] == "ok"


def test_no_to_starting_starts_nothing(terminal: Terminal, bus, clock, work_order) -> None:
    sign_in(bus, clock)
    terminal.read_again()
    terminal.vm.on_operation_scanned(work_order, 10)
    terminal.vm.answer(terminal.asked[-1], False)
    assert not terminal.vm.busy
    assert terminal.vm.station is not None and terminal.vm.station.jobs == ()


def test_a_traveler_without_anyone_signed_in_selects_and_asks_for_a_badge(work_order, terminal: Terminal) -> None:
    terminal.vm.on_operation_scanned(work_order, 10)
    assert terminal.vm.selected == JobKey(work_order, 10)
    assert terminal.asked == []  # the sign-in screen stays
    assert terminal.banners[-1] == ("warn", "Sign in first: scan your badge.")


def test_a_traveler_of_a_job_not_ready_here_says_why(work_order, terminal: Terminal) -> None:
    terminal.vm.on_operation_scanned(work_order, 20)  # Bend runs at WS-02, after Cut
    assert terminal.banners[-1] == ("error", "WO-1 operation 20 is not in this station's dispatch list.")
    assert terminal.vm.selected != JobKey(work_order, 20)


def test_a_work_order_scan_selects_its_job_here_and_says_where_it_stands(work_order, terminal: Terminal) -> None:
    terminal.vm.on_work_order_scanned(work_order)
    assert terminal.vm.selected == JobKey(work_order, 10)
    kind, text = terminal.banners[-1]
    assert kind == "info" and text == terminal.vm.dispatch[0].reason
    terminal.vm.on_work_order_scanned("WO-NONE")
    assert terminal.banners[-1] == ("error", "Work order WO-NONE has nothing to do at this station.")


def test_a_station_sign_confirms_this_station_or_warns_of_another(terminal: Terminal) -> None:
    terminal.vm.on_station_scanned("WS-01")
    assert terminal.banners[-1] == ("ok", "This is station WS-01.")
    terminal.vm.on_station_scanned("WS-02")
    assert terminal.banners[-1] == ("warn", "This terminal is station WS-01; the sign says WS-02.")
    terminal.vm.on_unknown_scanned("Not a code MES Terminal knows: XYZ")
    assert terminal.banners[-1] == ("error", "Scan not recognised. Not a code MES Terminal knows: XYZ")
    assert terminal.asked == []


def test_a_lot_label_is_taken_into_the_running_job(terminal: Terminal, bus, clock, work_order) -> None:
    from mes_terminal.domain.scans import classify_scan

    sign_in(bus, clock)
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order=work_order, operation=10))
    terminal.read_again()
    results: list[tuple] = []
    terminal.vm.lot_scan_result.connect(lambda *result: results.append(result))
    terminal.settle(lambda: terminal.vm.consume_scan(classify_scan("LOT:S-1")))
    assert results == [("ok", "Lot S-1: 3.5 kg of STEEL-2MM taken into WO-1 operation 10.", "STEEL-2MM")]
    terminal.settle(lambda: terminal.vm.consume_scan(classify_scan("LOT:NOPE")))
    assert results[-1] == ("error", "There is no lot NOPE.", None)
