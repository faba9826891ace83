"""The plant's problem built from the queries' rows (services/planning/planner.build_problem), no database.

Running work is kept where it runs, the plan in force is kept inside the frozen hours and free after
them, durations come from the quantity left at the ideal cycle, and the calendar is the line's shifts
in the site's time zone, across the autumn clock change too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mes_terminal.domain.error_codes import SCHEDULE_DOES_NOT_FIT
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.intervals import Span
from mes_terminal.domain.shift_calendar import DAYS, BreakPattern, ShiftPattern
from mes_terminal.scheduling import problem as sp
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


# --- what the plant file adds: capacity, transfer, interruption, the matrix, holidays, maintenance ---------

BERLIN = ZoneInfo("Europe/Berlin")


def solved(problem: sp.Problem) -> dict[str, sp.PlannedOperation]:
    """The plan by operation key, after the independent check found nothing wrong with it."""
    result = schedule(problem, Options(time_limit=5))
    assert violations(problem, result.plan.operations) == []
    return {p.key: p for p in result.plan.operations}


def round_the_clock(operations: list[OperationRow], capacity: int = 1, **calendar: Any) -> Facts:
    """One station on a line without shifts (it works around the clock but for what is closed)."""
    return Facts((StationRow("WS-01", 1, "Europe/Berlin", capacity),), {}, tuple(operations), (), **calendar)


def overlaps(placed: sp.PlannedOperation, start: int, end: int) -> bool:
    return placed.start < end and start < placed.end


def test_no_work_is_planned_on_a_holiday() -> None:
    # Four uninterruptible 10-hour jobs from Saturday noon: without the holiday on Sunday they would run
    # through it. The holiday is the site-local day: 22:00 UTC Saturday (midnight CEST) to 23:00 UTC
    # Sunday (midnight CET): 25 real hours, the clocks go back that night.
    rows = [op(f"WO-{i}", 10, quantity=Decimal(1200), interruptible=False, eligible=("WS-01",)) for i in range(4)]
    facts = round_the_clock(rows, holidays={1: (date(2026, 10, 25),)})
    problem = build_problem(facts, ORIGIN, ORIGIN, 4, 0)
    day_off = (10 * 60, 35 * 60)
    assert problem.station("WS-01").windows == ((0, day_off[0]), (day_off[1], 4 * 24 * 60))
    plan = solved(problem)
    assert not any(overlaps(p, *day_off) for p in plan.values())
    assert max(p.end for p in plan.values()) > day_off[1]  # the work waited for Monday


def test_a_holiday_of_another_line_leaves_this_one_working() -> None:
    facts = round_the_clock([op("WO-1", 10, eligible=("WS-01",))], holidays={2: (date(2026, 10, 25),)})
    assert build_problem(facts, ORIGIN, ORIGIN, 2, 0).station("WS-01").windows == ((0, 2 * 24 * 60),)


def test_no_work_is_planned_inside_a_maintenance_window() -> None:
    service = Span(ORIGIN + timedelta(hours=1), ORIGIN + timedelta(hours=4))
    rows = [op(f"WO-{i}", 10, quantity=Decimal(120), interruptible=False, eligible=("WS-01",)) for i in range(3)]
    problem = build_problem(round_the_clock(rows, maintenance={"WS-01": (service,)}), ORIGIN, ORIGIN, 1, 0)
    assert problem.station("WS-01").windows == ((0, 60), (240, 24 * 60))
    plan = solved(problem)
    assert not any(overlaps(p, 60, 240) for p in plan.values())
    # On a shift calendar too: the night's window is cut by the service.
    night_service = Span(ORIGIN + timedelta(hours=10), ORIGIN + timedelta(hours=12))  # 00:00-02:00 CEST
    night = Facts(
        (StationRow("WS-01", 1, "Europe/Berlin"),), {1: [NIGHT]}, (), (), maintenance={"WS-01": (night_service,)}
    )
    windows = build_problem(night, ORIGIN, ORIGIN, 1, 0).station("WS-01").windows
    assert windows[0] == (8 * 60, 10 * 60) and windows[1][0] == 12 * 60 + 30  # 22:00-00:00, then after the break


def test_a_station_of_capacity_two_runs_two_operations_at_once() -> None:
    rows = [op("WO-1", 10, eligible=("WS-01",)), op("WO-2", 10, eligible=("WS-01",))]  # 50 minutes each
    problem = build_problem(round_the_clock(rows, capacity=2), ORIGIN, ORIGIN, 1, 0)
    assert problem.station("WS-01").capacity == 2
    plan = solved(problem)
    assert (plan["WO-1/10"].start, plan["WO-2/10"].start) == (0, 0)
    single = solved(build_problem(round_the_clock(rows), ORIGIN, ORIGIN, 1, 0))
    assert not overlaps(single["WO-1/10"], single["WO-2/10"].start, single["WO-2/10"].end)


def test_the_transfer_time_separates_an_operation_from_the_one_before() -> None:
    rows = [
        op("WO-1", 10, eligible=("WS-01",)),
        op("WO-1", 20, eligible=("WS-02",), transfer_minutes=45),
    ]
    facts = Facts(
        (StationRow("WS-01", 1, "Europe/Berlin"), StationRow("WS-02", 1, "Europe/Berlin")), {}, tuple(rows), ()
    )
    problem = build_problem(facts, ORIGIN, ORIGIN, 1, 0)
    assert problem.jobs[0].operations[1].wait_before == 45
    plan = solved(problem)
    assert plan["WO-1/20"].start == plan["WO-1/10"].end + 45


def test_an_uninterruptible_operation_is_placed_whole_inside_one_window() -> None:
    # The first night works 22:00-02:00 CEST (240 minutes) and 02:30 CEST-06:00 CET (270, the clocks go
    # back): a 250-minute job that may not pause fits only after the break; one of 600 fits no night.
    long_job = op("WO-1", 10, quantity=Decimal(500), interruptible=False, eligible=("WS-01",))
    problem = build_problem(facts([long_job]), ORIGIN, ORIGIN, 2, 0)
    placed = solved(problem)["WO-1/10"]
    windows = problem.station("WS-01").windows
    assert any(a <= placed.start and placed.end <= b for a, b in windows)
    assert (placed.start, placed.end) == (windows[1][0], windows[1][0] + 250)  # after the break, whole
    pausing = solved(build_problem(facts([replace(long_job, interruptible=True)]), ORIGIN, ORIGIN, 2, 0))
    assert pausing["WO-1/10"].start == windows[0][0]  # may pause: starts with the night
    too_long = op("WO-2", 10, quantity=Decimal(1200), interruptible=False, eligible=("WS-01",))  # 600 min
    with pytest.raises(InvalidState) as refused:
        schedule(build_problem(facts([too_long]), ORIGIN, ORIGIN, 2, 0), Options(time_limit=1))
    assert refused.value.code == SCHEDULE_DOES_NOT_FIT


def test_the_changeover_matrix_sets_the_minutes_between_families() -> None:
    # Two orders of different families on one station: the matrix says 40 minutes from PAINTED to RAW,
    # 5 the other way; the routing's 10 minutes apply to a pair it does not name.
    rows = [
        op("WO-1", 10, family="PAINTED", eligible=("WS-01",)),
        op("WO-2", 10, family="RAW", product="BRACKET-B", eligible=("WS-01",), due_at=ORIGIN + timedelta(days=1)),
    ]
    matrix = {("PAINTED", "RAW"): 40, ("RAW", "PAINTED"): 5}
    problem = build_problem(round_the_clock(rows, changeovers=matrix), ORIGIN, ORIGIN, 1, 0)
    assert dict(problem.changeover) == matrix
    assert [o.family for job in problem.jobs for o in job.operations] == ["PAINTED", "RAW"]
    plan = solved(problem)
    first, second = sorted(plan.values(), key=lambda p: p.start)
    expected = matrix[(problem_family(problem, first.key), problem_family(problem, second.key))]
    assert second.setup == expected and second.start >= first.end + expected
    station = problem.station("WS-01")
    other = replace(problem.jobs[0].operations[0], family="BLANK")
    assert sp.setup_minutes(problem, station, "RAW", other) == 10  # not in the matrix: the routing's


def test_without_a_family_the_product_is_its_own_family() -> None:
    problem = build_problem(round_the_clock([op("WO-1", 10, eligible=("WS-01",))]), ORIGIN, ORIGIN, 1, 0)
    assert problem.jobs[0].operations[0].family == "BRACKET-A"


def problem_family(problem: sp.Problem, key: str) -> str:
    return next(o.family for job in problem.jobs for o in job.operations if o.key == key)  # type: ignore[misc]
