"""An operator's day at a station: start, count, pause, resume, complete; readiness and labour."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import DowntimeEvent, JobRun, LabourEntry, WorkOrder, WorkOrderOperation
from mes_terminal.domain.errors import InvalidState, NotPermitted, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.event_feed import read_events
from tests.helpers import LEAD, OPERATOR, SUPERVISOR, command

WO = "WO-1"


@pytest.fixture
def released(bus: CommandBus, clock) -> str:
    bus.execute(
        command(
            c.CreateWorkOrder,
            clock.now(),
            number=WO,
            product="BRACKET-A",
            quantity=Decimal(100),
            due=clock.now() + timedelta(days=1),
        )
    )
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), number=WO))
    return WO


def sign_in(bus: CommandBus, clock, badge: str = OPERATOR, pin: str = "4711", station: str = "WS-01") -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=badge, station=station, badge=badge, pin=pin))


def act(
    bus: CommandBus,
    clock,
    cls: type[c.Command],
    seq: int = 10,
    actor: str = OPERATOR,
    station: str = "WS-01",
    **fields: object,
) -> dict:
    return dict(
        bus.execute(
            command(cls, clock.now(), actor=actor, station=station, work_order=WO, operation=seq, **fields)
        ).result
    )


def later(clock, minutes: float) -> None:
    clock.advance(timedelta(minutes=minutes))


def _operation(engine, seq: int) -> WorkOrderOperation:
    with Session(engine) as session:
        return session.scalars(
            select(WorkOrderOperation).join(WorkOrder).where(WorkOrder.number == WO, WorkOrderOperation.seq == seq)
        ).one()


def test_a_full_job_from_start_to_completion(bus: CommandBus, plant, clock, released) -> None:
    sign_in(bus, clock)
    assert act(bus, clock, c.StartJob)["status"] == "running"
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(50)))
    assert act(bus, clock, c.ConsumeLot, lot="S-1")["consumed"] == "35"  # what 100 brackets need
    later(clock, 10)
    act(bus, clock, c.ReportCount, good=Decimal(40))
    later(clock, 5)
    act(bus, clock, c.ReportCount, good=Decimal(50), scrap=Decimal(2), scrap_reason="BURR")
    act(bus, clock, c.PauseJob, reason="BREAKDOWN")
    later(clock, 15)
    act(bus, clock, c.ResumeJob)
    later(clock, 3)
    act(bus, clock, c.ReportCount, good=Decimal(8))
    done = act(bus, clock, c.CompleteJob)

    assert done == {
        "station": "WS-01",
        "work_order": WO,
        "operation": 10,
        "status": "completed",
        "good": "98",
        "scrap": "2",
        "short_closed": False,
        "order_status": "in_progress",
        "output_lot": WO,  # the order's lot appeared at the first good count
        "backflushed": [],
        "warning": None,
    }
    types = [e.type for e in read_events(plant)]
    assert types[-12:] == [
        "JobStarted",
        "LotReceived",
        "LotConsumed",
        "LotProduced",
        "CountReported",
        "CountReported",
        "DowntimeStarted",
        "JobPaused",
        "DowntimeEnded",
        "JobResumed",
        "CountReported",
        "JobCompleted",
    ]
    with Session(plant) as session:
        runs = session.scalars(select(JobRun).order_by(JobRun.id)).all()
        downtime = session.scalars(select(DowntimeEvent)).one()
        labour = session.scalars(select(LabourEntry).order_by(LabourEntry.id)).all()
    assert [(r.end_reason, (r.ended_at - r.started_at).total_seconds() / 60) for r in runs] == [
        ("paused", 15.0),
        ("completed", 3.0),
    ]
    assert (downtime.ended_at - downtime.started_at).total_seconds() / 60 == 15.0
    assert [e.ended_at is not None for e in labour] == [True, True]
    assert _operation(plant, 20).status == "ready"


def test_an_order_must_be_released_and_the_station_eligible(bus: CommandBus, clock) -> None:
    bus.execute(
        command(c.CreateWorkOrder, clock.now(), number=WO, product="BRACKET-A", quantity=Decimal(10), due=clock.now())
    )
    sign_in(bus, clock)
    with pytest.raises(InvalidState, match="WO-1 operation 10 \\(Cut\\) cannot start: Work order WO-1 is not released"):
        act(bus, clock, c.StartJob)
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), number=WO))
    with pytest.raises(InvalidState, match="WO-1 operation 20 \\(Bend\\) does not run at WS-01"):
        act(bus, clock, c.StartJob, seq=20)


def test_the_next_operation_waits_for_good_parts(bus: CommandBus, clock, released) -> None:
    sign_in(bus, clock)
    sign_in(bus, clock, station="WS-02")
    with pytest.raises(InvalidState, match="Waiting for operation 10 \\(Cut\\): no parts available yet"):
        act(bus, clock, c.StartJob, seq=20, station="WS-02")
    act(bus, clock, c.StartJob)
    act(bus, clock, c.ReportCount, good=Decimal(5))
    assert act(bus, clock, c.StartJob, seq=20, station="WS-02")["status"] == "running"
    act(bus, clock, c.ReportCount, seq=20, station="WS-02", good=Decimal(5))
    with pytest.raises(InvalidState, match="only 5 may be reported \\(0 left\\)"):
        act(bus, clock, c.ReportCount, seq=20, station="WS-02", good=Decimal(1))


def test_reports_beyond_the_available_quantity_are_refused(bus: CommandBus, plant, clock, released) -> None:
    sign_in(bus, clock)
    act(bus, clock, c.StartJob)
    act(bus, clock, c.ReportCount, good=Decimal(95))
    with pytest.raises(InvalidState, match="6 more would make 101, but only 100 may be reported \\(5 left\\)"):
        act(bus, clock, c.ReportCount, good=Decimal(6))
    assert _operation(plant, 10).good_quantity == Decimal(95)


def test_scrap_needs_a_known_reason(bus: CommandBus, clock, released) -> None:
    sign_in(bus, clock)
    act(bus, clock, c.StartJob)
    with pytest.raises(InvalidState, match="Choose a scrap reason"):
        act(bus, clock, c.ReportCount, scrap=Decimal(1))
    with pytest.raises(UnknownEntity, match="There is no scrap reason DENT"):
        act(bus, clock, c.ReportCount, scrap=Decimal(1), scrap_reason="DENT")
    with pytest.raises(InvalidState, match="Report a good or a scrap quantity above zero"):
        act(bus, clock, c.ReportCount)


def test_completing_short_needs_short_close_and_is_recorded(bus: CommandBus, plant, clock, released) -> None:
    sign_in(bus, clock)
    act(bus, clock, c.StartJob)
    act(bus, clock, c.ReportCount, good=Decimal(60))
    with pytest.raises(InvalidState, match=r"has 60 of 100 reported\. Report the rest, or complete it with a short"):
        act(bus, clock, c.CompleteJob)
    assert act(bus, clock, c.CompleteJob, short_close=True)["short_closed"] is True
    assert _operation(plant, 10).short_closed


def test_the_last_operation_completes_the_order(bus: CommandBus, plant, clock, released) -> None:
    sign_in(bus, clock)
    sign_in(bus, clock, station="WS-02")
    act(bus, clock, c.StartJob)
    act(bus, clock, c.ReportCount, good=Decimal(100))
    act(bus, clock, c.CompleteJob)
    act(bus, clock, c.StartJob, seq=20, station="WS-02")
    act(bus, clock, c.ReportCount, seq=20, station="WS-02", good=Decimal(99), scrap=Decimal(1), scrap_reason="BURR")
    assert act(bus, clock, c.CompleteJob, seq=20, station="WS-02")["order_status"] == "completed"


def test_an_operator_must_be_signed_in_but_a_lead_may_act_on_behalf(bus: CommandBus, clock, released) -> None:
    with pytest.raises(NotPermitted, match="Ada Lovelace is not signed in at WS-01"):
        act(bus, clock, c.StartJob)
    assert act(bus, clock, c.StartJob, actor=LEAD)["status"] == "running"
    act(bus, clock, c.PauseJob, actor=SUPERVISOR)


def test_a_double_tap_changes_nothing(bus: CommandBus, plant, clock, released) -> None:
    sign_in(bus, clock)
    act(bus, clock, c.StartJob)
    tap = command(
        c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order=WO, operation=10, good=Decimal(3)
    )
    first, second = bus.execute(tap), bus.execute(tap)
    assert second.replayed and second.result == first.result
    assert _operation(plant, 10).good_quantity == Decimal(3)


def test_several_operators_share_a_job_and_one_runs_two(bus: CommandBus, plant, clock, released) -> None:
    sign_in(bus, clock)
    sign_in(bus, clock, badge=LEAD, pin="4444")
    sign_in(bus, clock, station="WS-02")
    act(bus, clock, c.StartJob)
    act(bus, clock, c.JoinJob, actor=LEAD)
    act(bus, clock, c.JoinJob, actor=LEAD)  # a double tap on Join
    act(bus, clock, c.ReportCount, good=Decimal(10))
    act(bus, clock, c.StartJob, seq=20, station="WS-02")  # Ada now runs two jobs at once
    later(clock, 30)
    act(bus, clock, c.LeaveJob, actor=LEAD)
    with pytest.raises(InvalidState, match="Linus Lead is not on WO-1 operation 10"):
        act(bus, clock, c.LeaveJob, actor=LEAD)
    with Session(plant) as session:
        entries = session.scalars(select(LabourEntry).order_by(LabourEntry.id)).all()
    assert len(entries) == 3
    assert sum(e.ended_at is None for e in entries) == 2  # Ada on both jobs


def test_signing_out_leaves_the_jobs(bus: CommandBus, plant, clock, released) -> None:
    sign_in(bus, clock)
    act(bus, clock, c.StartJob)
    later(clock, 60)
    bus.execute(command(c.SignOut, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR))
    with Session(plant) as session:
        entry = session.scalars(select(LabourEntry)).one()
        run = session.scalars(select(JobRun)).one()
    assert (entry.ended_at - entry.started_at) == timedelta(minutes=60)
    assert run.ended_at is None  # the machine keeps running the job


def test_pause_resume_and_reports_need_the_job_here(bus: CommandBus, clock, released) -> None:
    sign_in(bus, clock)
    with pytest.raises(InvalidState, match="is not running here"):
        act(bus, clock, c.PauseJob)
    with pytest.raises(InvalidState, match="is not paused at WS-01"):
        act(bus, clock, c.ResumeJob)
    with pytest.raises(InvalidState, match="is not running at WS-01"):
        act(bus, clock, c.ReportCount, good=Decimal(1))
    act(bus, clock, c.StartJob)
    with pytest.raises(InvalidState, match="is already running here"):
        act(bus, clock, c.StartJob)


def test_call_supervisor_is_an_event(bus: CommandBus, plant, clock) -> None:
    out = bus.execute(command(c.CallSupervisor, clock.now(), actor=OPERATOR, station="WS-01", message="Jam"))
    assert out.result == {"station": "WS-01", "called_by": "Ada Lovelace"}
    assert read_events(plant)[-1].type == "SupervisorCalled"


def test_labour_over_two_jobs_at_once_is_shared_not_doubled(bus: CommandBus, plant, clock, released) -> None:
    from mes_terminal.services.reports.labour import labour_by_job

    start = clock.now()
    sign_in(bus, clock)
    sign_in(bus, clock, station="WS-02")
    act(bus, clock, c.StartJob)
    act(bus, clock, c.ReportCount, good=Decimal(10))
    later(clock, 30)
    act(bus, clock, c.StartJob, seq=20, station="WS-02")
    later(clock, 30)
    act(bus, clock, c.PauseJob)
    later(clock, 30)
    shares = labour_by_job(plant, OPERATOR, start, clock.now())
    assert [(s.work_order, s.operation, s.seconds) for s in shares] == [
        (WO, 10, Decimal(1800 + 900)),  # alone for 30 min, then half of 30 min
        (WO, 20, Decimal(900 + 1800)),  # half of 30 min, then alone for 30 min
    ]
    assert sum(s.seconds for s in shares) == Decimal(90 * 60)
