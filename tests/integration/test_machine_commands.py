"""Machine states and counts through the command spine: automatic stops, micro-stops, counts to the
running job or kept unassigned, counters that reset, and signals delivered twice that run once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import (
    Count,
    DowntimeEvent,
    Event,
    MachineCount,
    MachineSource,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.errors import AuthenticationFailed, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.reports.service import ReportService
from mes_terminal.services.supervisor import SupervisorService
from mes_terminal.services.terminal import TerminalService
from tests.helpers import OPERATOR, command, run_first_job
from tests.machine_helpers import load_machine_plant

MACHINE = "MACHINE"
STATION = "WS-01"


@pytest.fixture
def bus(engine, clock) -> CommandBus:
    load_machine_plant(engine, clock.now())
    return CommandBus(engine, clock)


def start_job(bus: CommandBus, clock, quantity: int = 100) -> None:
    run_first_job(bus, clock.now(), quantity)


def machine(bus: CommandBus, clock, cls: type[c.Command], **fields: object) -> dict:
    result = dict(bus.execute(command(cls, clock.now(), actor=MACHINE, station=STATION, **fields)).result)
    if "counted" in result:
        result["counted"] = Decimal(result["counted"])  # results are stored as JSON: decimals as text
    return result


def test_down_opens_a_stop_that_needs_a_reason_and_running_ends_it(bus, engine, clock) -> None:
    down = machine(bus, clock, c.MachineState, state="down")
    assert down["down"] and down["reason_needed"]
    shown = TerminalService(engine, bus, clock).open_downtime(STATION)
    assert shown is not None and shown.reason_needed and shown.source == "machine"
    clock.advance(timedelta(minutes=5))
    running = machine(bus, clock, c.MachineState, state="running")
    assert (running["down"], running["micro_stop"]) == (False, False)
    with Session(engine) as session:
        stop = session.scalars(select(DowntimeEvent)).one()
    assert (stop.source, stop.reason_id, stop.ended_at is not None) == ("machine", None, True)


def test_a_stop_shorter_than_the_threshold_is_a_micro_stop(bus, engine, clock) -> None:
    machine(bus, clock, c.MachineState, state="down")
    clock.advance(timedelta(seconds=20))
    assert machine(bus, clock, c.MachineState, state="idle")["micro_stop"] is True
    with Session(engine) as session:
        ended = session.scalars(select(Event).where(Event.type == "DowntimeEnded")).one()
    assert ended.payload["micro_stop"] is True and ended.payload["reason_needed"] is False


def test_the_same_signal_delivered_twice_runs_once(bus, engine, clock) -> None:
    signal = command(c.MachineState, clock.now(), actor=MACHINE, station=STATION, state="down")
    first, again = bus.execute(signal), bus.execute(signal)
    assert again.replayed and again.result == first.result
    with Session(engine) as session:
        assert len(session.scalars(select(DowntimeEvent)).all()) == 1


def test_counts_go_to_the_running_job_through_the_count_rules(bus, engine, clock) -> None:
    start_job(bus, clock, quantity=10)
    assert machine(bus, clock, c.MachineCount, value=Decimal(1000))["counter"] == "baseline"
    counted = machine(bus, clock, c.MachineCount, value=Decimal(1004))
    assert (counted["counted"], counted["work_order"], counted["unassigned_because"]) == (4, "WO-1", None)
    scrap = machine(bus, clock, c.MachineCount, signal="scrap", mode="increment", value=Decimal(1))
    assert scrap["work_order"] == "WO-1"
    too_many = machine(bus, clock, c.MachineCount, value=Decimal(1020))  # 16 more than the order's 10 allow
    assert too_many["unassigned_because"] == "count.too_many" and too_many["counted"] == 16
    with Session(engine) as session:
        operation = session.scalars(select(WorkOrderOperation).where(WorkOrderOperation.seq == 10)).one()
        assert (operation.good_quantity, operation.scrap_quantity) == (4, 1)
        assert {count.source for count in session.scalars(select(Count))} == {"machine"}
        kept = session.scalars(select(MachineCount).where(MachineCount.count_id.is_(None))).one()
        assert kept.good == 16


def test_counts_without_a_job_are_kept_unassigned(bus, engine, clock) -> None:
    machine(bus, clock, c.MachineCount, value=Decimal(7))
    kept = machine(bus, clock, c.MachineCount, value=Decimal(12))
    assert (kept["counted"], kept["unassigned_because"], kept["work_order"]) == (5, "no_job", None)


def test_a_counter_reset_is_logged_and_counts_from_zero(bus, engine, clock, caplog) -> None:
    for value in (500, 510, 3):
        result = machine(bus, clock, c.MachineCount, value=Decimal(value))
    assert (result["counter"], result["counted"]) == ("reset", 3)
    wrapped = machine(bus, clock, c.MachineCount, value=Decimal(65530), wrap=Decimal(65536))
    assert wrapped["counted"] == 65527
    after_wrap = machine(bus, clock, c.MachineCount, value=Decimal(4), wrap=Decimal(65536))
    assert (after_wrap["counter"], after_wrap["counted"]) == ("wrapped", 10)
    assert "reset" in caplog.text
    with Session(engine) as session:
        resets = session.scalars(select(Event).where(Event.type == "MachineCounterReset").order_by(Event.id)).all()
    assert [e.payload["counter"] for e in resets] == ["reset", "wrapped"]


def test_source_status_is_an_event_only_when_it_changes(bus, engine, clock) -> None:
    url = "mqtt://127.0.0.1:1883"
    assert machine(bus, clock, c.MachineSourceStatus, url=url, online=True)["changed"] is True
    assert machine(bus, clock, c.MachineSourceStatus, url=url, online=True)["changed"] is False
    with Session(engine) as session:
        assert session.scalars(select(MachineSource.online)).one() is True
    with pytest.raises(UnknownEntity):
        machine(bus, clock, c.MachineSourceStatus, url="mqtt://elsewhere:1883", online=False)


def test_loading_the_plant_again_changes_nothing(engine, clock) -> None:
    load_machine_plant(engine, clock.now())
    with Session(engine) as session:
        before = session.scalars(select(Event.id)).all()
    load_machine_plant(engine, clock.now())
    with Session(engine) as session:
        assert session.scalars(select(Event.id)).all() == before
        assert len(session.scalars(select(MachineSource)).all()) == 1


def test_the_board_shows_the_machines_source_and_its_unassigned_counts(bus, engine, clock) -> None:
    board = SupervisorService(engine, bus, clock)
    assert board.board(frozenset({STATION}))[0].machine_online is None  # never connected yet
    machine(bus, clock, c.MachineSourceStatus, url="mqtt://127.0.0.1:1883", online=False)
    machine(bus, clock, c.MachineCount, value=Decimal(7))
    machine(bus, clock, c.MachineCount, value=Decimal(19))
    row = board.board(frozenset({STATION}))[0]
    assert (row.machine_online, row.machine_unassigned) == (False, 12)
    assert board.board(frozenset({"WS-02"}))[0].machine_online is None  # no machine at all


def test_the_oee_report_says_which_figures_came_from_the_machine(bus, engine, clock) -> None:
    start_job(bus, clock)
    machine(bus, clock, c.MachineCount, value=Decimal(0))
    machine(bus, clock, c.MachineCount, value=Decimal(6))
    bus.execute(
        command(
            c.ReportCount,
            clock.now(),
            actor=OPERATOR,
            station=STATION,
            work_order="WO-1",
            operation=10,
            good=Decimal(2),
        )
    )
    machine(bus, clock, c.MachineState, state="down")
    clock.advance(timedelta(minutes=3))
    machine(bus, clock, c.MachineState, state="running")
    report = ReportService(engine, clock).oee(
        start=clock.now() - timedelta(hours=1), end=clock.now() + timedelta(minutes=1), station=STATION
    )
    assert report.summary["total_count"] == 8
    assert (report.summary["machine_count"], report.summary["machine_stops"], report.summary["operator_stops"]) == (
        6,
        1,
        0,
    )


def test_the_connectors_account_never_signs_in_at_a_terminal(bus, engine, clock) -> None:
    with Session(engine) as session:
        station = session.scalars(select(Workstation).where(Workstation.code == STATION)).one()
        station.badge_only = True  # where a typed badge alone would open a session
        session.commit()
    with pytest.raises(AuthenticationFailed, match="not recognised"):
        bus.execute(command(c.SignIn, clock.now(), actor=MACHINE, station=STATION, badge=MACHINE))
