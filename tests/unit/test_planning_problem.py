"""The plant's problem built from the queries' rows (services/planning/planner.build_problem), no database.

Running work is kept where it runs, the plan in force is kept inside the frozen hours and free after
them, durations come from the quantity left at the ideal cycle, and the calendar is the line's shifts
in the site's time zone, across the autumn clock change too.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from mes_terminal.domain.shift_calendar import DAYS, BreakPattern, ShiftPattern
from mes_terminal.scheduling.check import violations
from mes_terminal.scheduling.options import Options
from mes_terminal.scheduling.solve import schedule
from mes_terminal.services.planning.planner import Facts, build_problem
from mes_terminal.services.queries.schedule import CurrentRow, OperationRow, StationRow

ORIGIN = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)  # Saturday; Berlin changes its clocks the night after
NIGHT = ShiftPattern("N", DAYS, time(22), time(6), (BreakPattern(time(2), 30),))


def op(number: str, seq: int, status: str = "ready", **changes: object) -> OperationRow:
    fields: dict[str, object] = {
        "operation_id": seq,
        "work_order": number,
        "seq": seq,
        "name": f"Op {seq}",
        "status": status,
        "product": "BRACKET-A",
        "quantity": Decimal(100),
        "good": Decimal(0),
        "due_at": ORIGIN + timedelta(days=2),
        "priority": 0,
        "released_at": ORIGIN - timedelta(days=1),
        "cycle_seconds": Decimal(30),
        "setup_minutes": Decimal(10),
        "station": None,
        "started_at": None,
        "eligible": ("WS-01", "WS-02"),
    }
    fields.update(changes)
    return OperationRow(**fields)  # type: ignore[arg-type]


def facts(operations: list[OperationRow], current: list[CurrentRow] | None = None) -> Facts:
    stations = (StationRow("WS-01", 1, "Europe/Berlin"), StationRow("WS-02", 1, "Europe/Berlin"))
    return Facts(stations, {1: [NIGHT]}, tuple(operations), tuple(current or []))


def test_durations_come_from_the_quantity_left_at_the_ideal_cycle() -> None:
    problem = build_problem(facts([op("WO-1", 10, good=Decimal(40))]), ORIGIN, ORIGIN, 2, 0)
    operation = problem.jobs[0].operations[0]
    assert dict(operation.durations) == {"WS-01": 30, "WS-02": 30}  # 60 left x 30 s
    assert (operation.family, operation.setup, problem.jobs[0].due, problem.jobs[0].weight) == (
        "BRACKET-A",
        10,
        2880,
        1,
    )


def test_a_running_operation_is_kept_at_its_station_until_the_rest_is_made() -> None:
    running = op("WO-1", 10, "running", station="WS-02", started_at=ORIGIN - timedelta(minutes=20), good=Decimal(50))
    problem = build_problem(facts([running, op("WO-1", 20)]), ORIGIN, ORIGIN, 2, 0)
    fixed = problem.jobs[0].operations[0].fixed
    assert fixed is not None and (fixed.station, fixed.start, fixed.end) == ("WS-02", -20, 25)


def test_the_plan_in_force_is_kept_inside_the_frozen_hours_only() -> None:
    night = ORIGIN + timedelta(hours=8)  # 22:00 Berlin
    current = [
        CurrentRow("WO-1", 10, "WS-02", night, night + timedelta(minutes=50), 0),
        CurrentRow("WO-2", 10, "WS-01", night + timedelta(hours=3), night + timedelta(hours=4), 0),
    ]
    rows = [op("WO-1", 10), op("WO-2", 10)]
    problem = build_problem(facts(rows, current), ORIGIN, ORIGIN, 2, frozen_hours=10)
    kept = {o.key: o.fixed for job in problem.jobs for o in job.operations}
    assert kept["WO-1/10"] is not None and kept["WO-1/10"].start == 480
    assert kept["WO-2/10"] is None  # starts after the frozen ten hours: free to move
    assert {p.key for p in problem.current} == {"WO-1/10", "WO-2/10"}


def test_a_night_over_the_autumn_change_gives_its_extra_hour_to_the_plan() -> None:
    # Two operations of 250 minutes each on one station: the night from 22:00 CEST to 06:00 CET is nine
    # real hours less a 30-minute break, 510 minutes, so both fit in the one night.
    rows = [
        op("WO-1", 10, quantity=Decimal(500), eligible=("WS-01",)),
        op("WO-2", 10, quantity=Decimal(500), eligible=("WS-01",)),
    ]
    problem = build_problem(facts(rows), ORIGIN, ORIGIN, 1, 0)
    assert sum(b - a for a, b in problem.station("WS-01").windows) == 510
    result = schedule(problem, Options(time_limit=5))
    assert violations(problem, result.plan.operations) == []
    assert result.plan.figures.makespan <= 8 * 60 + 9 * 60  # done by 06:00 CET
