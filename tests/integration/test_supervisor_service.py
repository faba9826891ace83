"""The supervisor console's service: sign-in, board, changes, andon, orders, dispatch, audit, master data."""

from __future__ import annotations

import csv
from datetime import timedelta
from decimal import Decimal

import pytest

from mes_terminal.domain.errors import AuthenticationFailed, Conflict, InvalidState, NotPermitted
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.shift_status import shift_oee
from mes_terminal.services.queries.supervisor_views import AuditFilter
from mes_terminal.services.reports.audit_export import write_csv
from mes_terminal.services.supervisor import SupervisorService
from mes_terminal.services.terminal import TerminalService
from tests.helpers import LEAD, OPERATOR, SUPERVISOR, command


@pytest.fixture
def service(plant, bus: CommandBus, clock) -> SupervisorService:
    return SupervisorService(plant, bus, clock)


def _order(bus: CommandBus, clock, number: str, *, release: bool = True, priority: int = 0) -> str:
    bus.execute(
        command(
            c.CreateWorkOrder,
            clock.now(),
            number=number,
            product="BRACKET-A",
            quantity=Decimal(10),
            due=clock.now() + timedelta(days=1),
            priority=priority,
        )
    )
    if release:
        bus.execute(command(c.ReleaseWorkOrder, clock.now(), number=number))
    return number


def _sign_in_operator(bus: CommandBus, clock, station: str = "WS-01") -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station=station, badge=OPERATOR, pin="4711"))


# --- sign-in -------------------------------------------------------------------------------------


def test_a_supervisor_signs_in_to_the_console(service: SupervisorService) -> None:
    user = service.sign_in(SUPERVISOR, "1234")
    assert (user.name, user.roles) == ("Grace Hopper", ("supervisor",))


def test_an_operator_is_refused_by_the_service(service: SupervisorService) -> None:
    with pytest.raises(NotPermitted, match="may not open the supervisor console"):
        service.sign_in(OPERATOR, "4711")


def test_a_wrong_pin_is_not_recognised_and_audited(service: SupervisorService) -> None:
    with pytest.raises(AuthenticationFailed, match="not recognised"):
        service.sign_in(SUPERVISOR, "0000")
    assert [row.type for row in service.audit(AuditFilter(user=SUPERVISOR))] == ["SignInConsoleRefused"]


# --- the board -----------------------------------------------------------------------------------


def test_the_board_shows_every_station_and_a_job_started_at_a_terminal(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    before = service.last_event_id()
    assert {row.station: row.state for row in service.board()} == {"WS-01": "offline", "WS-02": "offline"}
    _sign_in_operator(bus, clock)
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    clock.advance(timedelta(minutes=2))
    bus.execute(
        command(c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10, good=4)
    )
    changes = service.changes_since(before)
    assert "WS-01" in changes.stations and changes.orders
    (row,) = service.board(changes.stations)
    assert (row.state, row.work_order, row.operation, row.operators) == ("running", "WO-1", 10, ("Ada Lovelace",))
    assert (row.good, row.target, row.ideal_cycle_seconds, row.actual_cycle_seconds) == (4, 10, 12, Decimal("30.0"))
    assert service.changes_since(changes.last_event_id).empty


def test_a_call_for_help_shows_until_a_supervisor_answers_it_once(service, bus, clock) -> None:
    _sign_in_operator(bus, clock)
    bus.execute(command(c.CallSupervisor, clock.now(), actor=OPERATOR, station="WS-01", message="Jam"))
    (call,) = service.open_calls()
    assert (call.station, call.called_by, call.message) == ("WS-01", "Ada Lovelace", "Jam")
    assert next(r for r in service.board() if r.station == "WS-01").andon_call_id == call.call_id
    with pytest.raises(NotPermitted):
        service.execute(service.command(c.AcknowledgeAndon, OPERATOR, station="WS-01", call_id=call.call_id))
    service.execute(service.command(c.AcknowledgeAndon, SUPERVISOR, station="WS-01", call_id=call.call_id))
    assert service.open_calls() == []
    with pytest.raises(InvalidState, match="Grace Hopper has already answered"):
        service.execute(service.command(c.AcknowledgeAndon, LEAD, station="WS-01", call_id=call.call_id))


def test_the_timeline_holds_runs_stops_and_counts(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    _sign_in_operator(bus, clock)
    start = clock.now()
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    clock.advance(timedelta(minutes=5))
    bus.execute(
        command(c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10, good=3)
    )
    bus.execute(
        command(
            c.PauseJob,
            clock.now(),
            actor=OPERATOR,
            station="WS-01",
            work_order="WO-1",
            operation=10,
            reason="BREAKDOWN",
        )
    )
    timeline = service.timeline("WS-01", start - timedelta(hours=1), clock.now() + timedelta(hours=1))
    assert [(r.label, r.end is not None) for r in timeline.runs] == [("WO-1/10 Cut", True)]
    assert [(s.label, s.end) for s in timeline.stops] == [("Breakdown", None)]
    assert [n.good for n in timeline.counts] == [3]
    assert next(r for r in service.board() if r.station == "WS-01").state == "down"


def test_oee_of_the_shift_so_far_comes_from_the_reports(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    _sign_in_operator(bus, clock)
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    clock.advance(timedelta(minutes=10))
    found = shift_oee(service.engine, clock)
    assert set(found) == {"WS-01", "WS-02"}


# --- work orders ---------------------------------------------------------------------------------


def test_editing_an_order_changed_meanwhile_is_a_conflict_and_keeps_their_change(service, bus, clock) -> None:
    _order(bus, clock, "WO-1", release=False)
    (seen,) = service.work_orders()
    service.execute(service.command(c.EditWorkOrder, LEAD, number="WO-1", expected_version=seen.version, priority=7))
    with pytest.raises(Conflict, match="their change is kept"):
        service.execute(
            service.command(c.EditWorkOrder, SUPERVISOR, number="WO-1", expected_version=seen.version, priority=1)
        )
    (now,) = service.work_orders()
    assert (now.priority, now.version) == (7, seen.version + 1)


def test_an_edit_cannot_go_below_what_was_made(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    _sign_in_operator(bus, clock)
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    bus.execute(
        command(c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10, good=6)
    )
    with pytest.raises(InvalidState, match="already made 6"):
        service.execute(service.command(c.EditWorkOrder, SUPERVISOR, number="WO-1", quantity=Decimal(5)))


def test_late_orders_are_marked_and_only_completed_ones_close(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    clock.advance(timedelta(days=2))
    (row,) = service.work_orders()
    assert row.late
    with pytest.raises(InvalidState, match="only a completed order can be closed"):
        service.execute(service.command(c.CloseWorkOrder, SUPERVISOR, number="WO-1"))


def test_an_operator_may_not_edit_orders(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    with pytest.raises(NotPermitted):
        service.execute(service.command(c.EditWorkOrder, OPERATOR, number="WO-1", priority=3))


# --- dispatch ------------------------------------------------------------------------------------


def test_reordering_persists_and_reaches_the_terminal(service, bus, clock, plant) -> None:
    for number in ("WO-1", "WO-2", "WO-3"):
        _order(bus, clock, number)
    assert [r.key for r in service.dispatch_list("WS-01")] == ["WO-1/10", "WO-2/10", "WO-3/10"]
    service.execute(service.command(c.ReorderDispatch, SUPERVISOR, station="WS-01", operations=("WO-3/10", "WO-1/10")))
    assert [r.key for r in service.dispatch_list("WS-01")] == ["WO-3/10", "WO-1/10", "WO-2/10"]
    terminal = TerminalService(plant, bus, clock)
    assert [(i.work_order, i.operation) for i in terminal.dispatch_list("WS-01")] == [
        ("WO-3", 10),
        ("WO-1", 10),
        ("WO-2", 10),
    ]


def test_reordering_with_an_operation_not_eligible_changes_nothing(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    _order(bus, clock, "WO-2")
    with pytest.raises(InvalidState, match="cannot run at WS-01; nothing was reordered"):
        service.execute(
            service.command(c.ReorderDispatch, SUPERVISOR, station="WS-01", operations=("WO-2/10", "WO-1/20"))
        )
    assert [r.key for r in service.dispatch_list("WS-01")] == ["WO-1/10", "WO-2/10"]
    assert not any(r.assigned for r in service.dispatch_list("WS-01"))


def test_the_console_lists_each_job_as_ready_or_not_exactly_as_the_terminal_does(service, bus, clock, plant) -> None:
    # WO-2612-004 on hold read "ready" on the console while the terminal refused it (issue 15).
    _order(bus, clock, "WO-1")
    _order(bus, clock, "WO-2")
    bus.execute(command(c.HoldWorkOrder, clock.now(), number="WO-2"))
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(100)))
    terminal = TerminalService(plant, bus, clock)
    seen = {}
    for station in ("WS-01", "WS-02"):
        console = [(r.key, r.readiness, r.reason, r.reasons) for r in service.dispatch_list(station)]
        shown = [
            (f"{i.work_order}/{i.operation}", i.readiness, i.reason, i.reasons) for i in terminal.dispatch_list(station)
        ]
        assert console == shown
        seen.update({key: (state, reason) for key, state, reason, _ in console})
    assert seen == {
        "WO-1/10": ("ready", "Ready: 10 to make."),
        "WO-2/10": ("order_on_hold", "Work order WO-2 is on hold."),
        "WO-1/20": ("waiting_previous", seen["WO-1/20"][1]),
        "WO-2/20": ("order_on_hold", "Work order WO-2 is on hold."),
    }
    assert seen["WO-1/20"][1].startswith("Waiting for operation 10 (Cut)")


def test_an_operator_may_not_reorder(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    with pytest.raises(NotPermitted):
        service.execute(service.command(c.ReorderDispatch, OPERATOR, station="WS-01", operations=("WO-1/10",)))


def test_assigning_to_a_station_that_is_not_eligible_is_refused(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    with pytest.raises(InvalidState, match="cannot run at WS-02"):
        service.execute(
            service.command(c.AssignOperation, SUPERVISOR, work_order="WO-1", operation=10, station="WS-02")
        )
    service.execute(service.command(c.AssignOperation, LEAD, work_order="WO-1", operation=10, station="WS-01"))
    (row,) = service.dispatch_list("WS-01")
    assert row.assigned and row.eligible_stations == ("WS-01",)


def test_a_supervisor_acts_on_an_operators_behalf_and_it_is_recorded(service, bus, clock) -> None:
    _order(bus, clock, "WO-1")
    service.execute(service.command(c.StartJob, SUPERVISOR, station="WS-01", work_order="WO-1", operation=10))
    (event,) = [row for row in service.audit(AuditFilter(station="WS-01")) if row.type == "JobStarted"]
    assert event.actor == SUPERVISOR and event.payload["on_behalf"] is True


# --- audit and master data -----------------------------------------------------------------------


def test_the_audit_trail_filters_and_exports_csv(service, bus, clock, tmp_path) -> None:
    _order(bus, clock, "WO-1")
    rows = service.audit(AuditFilter(entity="WO-1"))
    assert [r.type for r in rows] == ["WorkOrderReleased", "WorkOrderCreated"]
    assert service.audit(AuditFilter(user="grace")) == service.audit(AuditFilter(user=SUPERVISOR))
    assert service.audit(AuditFilter(start=clock.now() + timedelta(hours=1))) == []
    path = tmp_path / "audit.csv"
    assert write_csv(rows, path) == 2
    with path.open(encoding="utf-8") as handle:
        read = list(csv.DictReader(handle))
    assert [r["type"] for r in read] == ["WorkOrderReleased", "WorkOrderCreated"]
    assert read[1]["actor_name"] == "Grace Hopper"


def test_master_data_shows_what_the_plant_file_loaded_without_pins(service) -> None:
    sections = {s.name: s for s in service.master_data()}
    assert [r[:2] for r in sections["workstations"].rows] == [("L1", "WS-01"), ("L1", "WS-02")]
    assert ("B2001", "Grace Hopper", "supervisor", True, None) in sections["users"].rows
    assert "pin" not in " ".join(sections["users"].columns)
    assert sections["routing"].rows[0][:4] == ("BRACKET-A", 10, "Cut", "WS-01")


# --- genealogy: a lot label scanned into the search fields -------------------------------------------------


@pytest.fixture
def gs1_steel(plant, bus: CommandBus, clock) -> None:
    """Lot S-7 of steel from the supplier's batch MILL-9; the steel carries a GTIN."""
    from sqlalchemy import update

    from mes_terminal.db.records import Material

    bus.execute(
        command(c.ReceiveLot, clock.now(), lot="S-7", material="STEEL-2MM", quantity=Decimal(5), supplier_lot="MILL-9")
    )
    with plant.begin() as connection:
        connection.execute(update(Material).where(Material.code == "STEEL-2MM").values(gtin="09506000134352"))


@pytest.mark.parametrize(
    "scanned",
    [
        "S-7",
        "LOT:S-7",
        "]C1010950600013435210MILL-9",
        "https://id.gs1.org/01/09506000134352/10/MILL-9?17=301231",
        "]Q1http://steel.example/01/09506000134352/10/MILL-9/",
    ],
)
def test_a_trace_takes_a_lot_typed_or_scanned_from_any_of_its_labels(
    service: SupervisorService, gs1_steel: None, scanned: str
) -> None:
    assert service.trace(scanned, forward=True, depth=5)["tree"]["lot"] == "S-7"


def test_a_recall_takes_the_supplier_lot_from_the_suppliers_digital_link(service: SupervisorService, gs1_steel) -> None:
    typed = service.recall("MILL-9")
    assert service.recall("https://steel.example/01/09506000134352/10/MILL-9") == typed
    assert typed["received_lots"] == ["S-7"]


def test_a_bad_digital_link_in_the_trace_field_says_why(service: SupervisorService, gs1_steel) -> None:
    from mes_terminal.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="check digit"):
        service.trace("https://id.gs1.org/01/09506000134353/10/MILL-9", forward=False, depth=5)
