"""The site's material check: a count or completion needing more lot-controlled material than the job has
taken is refused (`block`) or goes through as an exception the board and the production report show (`warn`)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Lot, Site, WorkOrderOperation
from mes_terminal.domain.errors import InvalidState
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.services.reports.service import ReportService
from mes_terminal.services.supervisor import SupervisorService
from tests.helpers import OPERATOR, command

WO = "WO-M"  # 50 brackets at 0.35 kg of steel each: 17.5 kg


@pytest.fixture
def running(bus: CommandBus, clock) -> CommandBus:
    """Ada signed in at WS-01 running WO-M operation 10; lot S-1 holds 1000 kg of steel, nothing taken yet."""
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(1000)))
    bus.execute(command(c.CreateWorkOrder, clock.now(), number=WO, product="BRACKET-A", quantity=Decimal(50),
                        due=clock.now()))  # fmt: skip
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), number=WO))
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    job(bus, clock, c.StartJob)
    return bus


def job(bus: CommandBus, clock, cls: type[c.Command], **fields: object) -> dict:
    done = bus.execute(
        command(cls, clock.now(), actor=OPERATOR, station="WS-01", work_order=WO, operation=10, **fields)
    )
    return dict(done.result)


def set_material_check(engine: Engine, rule: str) -> None:
    with Session(engine) as session, session.begin():
        for site in session.scalars(select(Site)):
            site.material_check = rule


def reported(engine: Engine) -> Decimal:
    with Session(engine) as session:
        operation = session.scalars(select(WorkOrderOperation).where(WorkOrderOperation.seq == 10)).one()
        return operation.good_quantity + operation.scrap_quantity


def exceptions(engine: Engine) -> list[dict]:
    return [e.to_json() for e in read_events(engine, 0) if e.type == "ReportedWithoutMaterial"]


def test_block_refuses_a_count_without_material_naming_it_and_the_missing_quantity(running, clock) -> None:
    set_material_check(running.engine, "block")
    with pytest.raises(InvalidState) as refused:
        job(running, clock, c.ReportCount, good=Decimal(4))
    assert refused.value.code == "job.material_not_taken"
    assert refused.value.message == (
        "WO-M operation 10 (Cut) has not taken the material for 4 pcs: STEEL-2MM 1.4 kg missing "
        "(0 of 1.4 kg taken). Scan the lots, then report again."
    )
    assert reported(running.engine) == 0 and exceptions(running.engine) == []
    job(running, clock, c.ConsumeLot, lot="S-1")  # the scan takes what the 50 planned need
    assert job(running, clock, c.ReportCount, good=Decimal(4))["warning"] is None
    assert reported(running.engine) == 4


def test_block_refuses_a_completion_after_material_went_back(running, clock) -> None:
    set_material_check(running.engine, "block")
    job(running, clock, c.ConsumeLot, lot="S-1", quantity=Decimal(10))
    job(running, clock, c.ReportCount, good=Decimal(20))  # 7 kg needed, 10 taken
    job(running, clock, c.ReturnLot, lot="S-1", quantity=Decimal(5))  # 5 kg left with the job
    with pytest.raises(InvalidState, match=r"STEEL-2MM 2 kg missing \(5 of 7 kg taken\)"):
        job(running, clock, c.CompleteJob, short_close=True)


def test_warn_lets_a_count_through_with_the_warning_and_an_exception_event(running, clock) -> None:
    counted = job(running, clock, c.ReportCount, good=Decimal(40), scrap=Decimal(2), scrap_reason="BURR")
    assert counted["warning"] == (
        "Reported without material: WO-M operation 10 (Cut) has not taken the material for 42 pcs: "
        "STEEL-2MM 14.7 kg missing (0 of 14.7 kg taken)."
    )
    assert reported(running.engine) == 42
    (event,) = exceptions(running.engine)
    assert (event["entity_id"], event["station"], event["payload"]["during"]) == (f"{WO}/10", "WS-01", "count")
    assert event["payload"]["missing"] == [
        {"material": "STEEL-2MM", "unit": "kg", "needed": "14.7", "taken": "0", "missing": "14.7"}
    ]


def test_the_board_and_the_production_report_show_what_was_reported_without_material(running, clock) -> None:
    job(running, clock, c.ConsumeLot, lot="S-1", quantity=Decimal(1))
    job(running, clock, c.ReportCount, good=Decimal(10))  # 3.5 kg needed, 1 taken
    clock.advance(timedelta(minutes=1))  # reports cover what happened before now
    board = SupervisorService(running.engine, running, clock).board()
    (ws01,) = [row for row in board if row.station == "WS-01"]
    assert ws01.without_material == ("STEEL-2MM 2.5 kg",)
    assert all(row.without_material == () for row in board if row.station != "WS-01")
    production = ReportService(running.engine, clock).production(
        station="WS-01", start=clock.now().date().isoformat(), end="2026-03-03"
    )
    assert [(r["work_order"], r["without_material"]) for r in production.rows] == [(WO, 1)]
    assert production.summary["reported_without_material"] == 1


def test_a_completion_with_everything_taken_says_nothing_and_backflush_is_not_checked(running, clock) -> None:
    assert job(running, clock, c.ConsumeLot, lot="S-1")["consumed"] == "17.5"
    job(running, clock, c.ReportCount, good=Decimal(50))
    done = job(running, clock, c.CompleteJob)
    assert done["warning"] is None and exceptions(running.engine) == []
    with Session(running.engine) as session:
        assert session.scalars(select(Lot.quantity).where(Lot.number == "S-1")).one() == Decimal("982.5")
