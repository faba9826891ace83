"""Corrections never edit: `CorrectCount` books the difference beside the wrong count, with its reason,
linked to the corrected event in the audit export and the console's audit query."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select

from mes_terminal.db.event_chain import verify_database
from mes_terminal.db.records import Count, Event, Lot, WorkOrderOperation
from mes_terminal.domain.error_codes import (
    CORRECTION_BELOW_ZERO,
    CORRECTION_NO_CHANGE,
    CORRECTION_NOT_A_COUNT,
    CORRECTION_REASON_NEEDED,
)
from mes_terminal.domain.errors import InvalidInput, InvalidState, NotPermitted, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.supervisor_views import AuditFilter
from mes_terminal.services.reports.audit_trail import audit_csv, read_trail
from mes_terminal.services.reports.service import ReportService
from mes_terminal.services.supervisor import SupervisorService
from tests.helpers import OPERATOR, command, run_first_job

JOB = {"actor": OPERATOR, "station": "WS-01", "work_order": "WO-1", "operation": 10}


@pytest.fixture
def reported(bus: CommandBus, clock) -> int:
    """WO-1/10 running; 10 good reported (it should have been 8): the CountReported event's id."""
    run_first_job(bus, clock.now())
    bus.execute(command(c.ReportCount, clock.now(), good=Decimal(10), **JOB))
    clock.advance(timedelta(minutes=5))
    with bus.engine.connect() as connection:
        return connection.execute(select(func.max(Event.id)).where(Event.type == "CountReported")).scalar_one()


def _correct(bus: CommandBus, clock, event_id: int, good: str, scrap: str = "0", reason: str = "Miscounted"):
    return bus.execute(
        command(
            c.CorrectCount,
            clock.now(),
            event_id=event_id,
            good=Decimal(good),
            scrap=Decimal(scrap),
            reason=reason,
            scrap_reason="BURR" if Decimal(scrap) > 0 else None,
        )
    ).result


def _totals(engine: Engine) -> tuple[Decimal, Decimal, Decimal]:
    with engine.connect() as connection:
        good, scrap = connection.execute(
            select(WorkOrderOperation.good_quantity, WorkOrderOperation.scrap_quantity).where(
                WorkOrderOperation.seq == 10
            )
        ).one()
        counted = connection.execute(select(func.sum(Count.good))).scalar_one()
    return good, scrap, Decimal(counted)


def test_a_correction_books_the_difference_and_leaves_the_report_as_it_was(bus, plant, clock, reported) -> None:
    with plant.connect() as connection:
        before = connection.execute(select(Event.payload, Event.hash).where(Event.id == reported)).one()
    result = _correct(bus, clock, reported, "8")
    assert (result["good_change"], result["total_good"], result["corrects"]) == ("-2", "8", reported)
    assert _totals(plant) == (Decimal(8), Decimal(0), Decimal(8))
    with plant.connect() as connection:
        counts = connection.execute(select(Count.good, Count.source, Count.corrects_event_id, Count.reason)).all()
        after = connection.execute(select(Event.payload, Event.hash).where(Event.id == reported)).one()
        corrected = connection.execute(select(Event.payload).where(Event.type == "CountCorrected")).scalar_one()
    assert sorted(counts) == [
        (Decimal(-2), "correction", reported, "Miscounted"),
        (Decimal(10), "operator", None, None),
    ]
    assert after == before  # never an UPDATE of the reported count's event
    assert corrected["corrects"] == reported and corrected["reason"] == "Miscounted"
    assert corrected["before"] == {"good": "10", "scrap": "0"} and corrected["after"] == {"good": "8", "scrap": "0"}
    assert verify_database(plant).intact


def test_a_second_correction_starts_where_the_first_left_it(bus, plant, clock, reported) -> None:
    _correct(bus, clock, reported, "8")
    result = _correct(bus, clock, reported, "9", "1", reason="One of them was a burr")
    assert (result["good_change"], result["scrap_change"]) == ("1", "1")
    assert _totals(plant)[:2] == (Decimal(9), Decimal(1))
    with pytest.raises(InvalidInput) as same:
        _correct(bus, clock, reported, "9", "1")
    assert same.value.code == CORRECTION_NO_CHANGE


def test_a_correction_needs_a_reason_a_count_event_and_a_lead_or_supervisor(bus, plant, clock, reported) -> None:
    with pytest.raises(InvalidInput) as no_reason:
        _correct(bus, clock, reported, "8", reason="  ")
    assert no_reason.value.code == CORRECTION_REASON_NEEDED
    with pytest.raises(UnknownEntity) as not_a_count:
        _correct(bus, clock, reported - 1, "8")
    assert not_a_count.value.code == CORRECTION_NOT_A_COUNT
    with pytest.raises(NotPermitted):
        bus.execute(
            command(c.CorrectCount, clock.now(), actor=OPERATOR, event_id=reported, good=Decimal(8), reason="x")
        )
    _correct(bus, clock, reported, "0", reason="Nothing was made")  # down to zero is a correction too
    assert _totals(plant) == (Decimal(0), Decimal(0), Decimal(0))


def test_the_output_lot_of_the_final_operation_follows_the_correction(bus, plant, clock) -> None:
    run_first_job(bus, clock.now())
    bus.execute(command(c.ReportCount, clock.now(), good=Decimal(10), **JOB))
    bus.execute(command(c.CompleteJob, clock.now(), **JOB))
    final = {**JOB, "station": "WS-02", "operation": 20}
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-02", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), **final))
    bus.execute(command(c.ReportCount, clock.now(), good=Decimal(10), **final))
    clock.advance(timedelta(minutes=1))
    with plant.connect() as connection:
        last = connection.execute(select(func.max(Event.id)).where(Event.type == "CountReported")).scalar_one()
        lot_before = connection.execute(select(Lot.quantity).where(Lot.number == "WO-1")).scalar_one()
    _correct(bus, clock, last, "7")
    with plant.connect() as connection:
        assert connection.execute(select(Lot.quantity).where(Lot.number == "WO-1")).scalar_one() == lot_before - 3
    # Most of the lot's parts are gone (scrapped): taking more back than it holds is refused.
    bus.execute(command(c.ScrapLot, clock.now(), lot="WO-1", quantity=lot_before - 4, scrap_reason="BURR"))
    with pytest.raises(InvalidState) as below:
        _correct(bus, clock, last, "0")
    assert below.value.code == CORRECTION_BELOW_ZERO
    assert _totals(plant)[0] == Decimal(10)  # operation 10 untouched; operation 20 still 7


def test_the_audit_export_and_the_console_show_both_linked(bus, plant, clock, reported) -> None:
    _correct(bus, clock, reported, "8")
    trail = read_trail(
        plant, clock.now() - timedelta(days=1), clock.now() + timedelta(days=1), generated_at=clock.now()
    )
    by_id = {entry.id: entry for entry in trail.entries}
    correction = next(entry for entry in trail.entries if entry.type == "CountCorrected")
    assert by_id[reported].corrected_by == (correction.id,) and correction.corrects == reported
    assert "Miscounted" in correction.why and "good: 10 -> 8" in correction.changes
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(audit_csv(trail).decode()))}
    assert rows[str(reported)]["corrected_by"] == str(correction.id)
    assert rows[str(correction.id)]["corrects"] == str(reported)
    console = SupervisorService(plant, bus, clock)
    events = {row.id: row for row in console.audit(AuditFilter(limit=100))}
    assert events[reported].corrected_by == (correction.id,)
    assert events[correction.id].payload["corrects"] == reported


def test_the_reports_take_the_correction_in_the_period_of_the_corrected_count(bus, plant, clock) -> None:
    run_first_job(bus, clock.now())
    reported_at = clock.now()
    bus.execute(command(c.ReportCount, reported_at, good=Decimal(6), scrap=Decimal(4), scrap_reason="BURR", **JOB))
    clock.advance(timedelta(days=2))  # corrected two days later
    with plant.connect() as connection:
        event_id = connection.execute(select(func.max(Event.id)).where(Event.type == "CountReported")).scalar_one()
    _correct(bus, clock, event_id, "9", "1", reason="Three were fine after deburring")
    service = ReportService(plant, clock)
    day = reported_at.date().isoformat()
    next_day = (reported_at + timedelta(days=1)).date().isoformat()
    production = service.production(start=day, end=next_day)
    assert [(r["work_order"], r["good"], r["scrap"], r["reports"]) for r in production.rows] == [("WO-1", 9, 1, 1)]
    scrap = service.scrap(start=day, end=next_day)
    assert [(r["reason"], r["scrap"], r["reports"]) for r in scrap.rows] == [("BURR", 1, 1)]
    with plant.connect() as connection:
        booked = connection.execute(select(Count.reported_at).where(Count.source == "correction")).scalar_one()
    assert booked == reported_at
