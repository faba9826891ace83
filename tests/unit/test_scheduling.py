"""The scheduler (mes_terminal/scheduling): exact optima, calendars, changeovers, kept work, refusals.

Every plan made here also goes through `scheduling.check`, which shares no code with the model or the
rules; a few hand-broken plans show that the check does catch what it claims to.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mes_terminal.domain.error_codes import SCHEDULE_DOES_NOT_FIT, SCHEDULE_NO_STATION
from mes_terminal.domain.errors import InvalidInput, InvalidState
from mes_terminal.domain.shift_calendar import DAYS, BreakPattern, ShiftPattern
from mes_terminal.scheduling.check import violations
from mes_terminal.scheduling.instances import read
from mes_terminal.scheduling.options import Options
from mes_terminal.scheduling.problem import Fixed, Job, Operation, PlannedOperation, Problem, Station
from mes_terminal.scheduling.rules import RULES, dispatch
from mes_terminal.scheduling.solve import Result, schedule
from mes_terminal.scheduling.timeline import instant, windows

STANDARDS = Path(__file__).resolve().parents[3] / "shared" / "standards" / "scheduling"
FT06 = """# Fisher and Thompson 6x6, optimum 55
6 6
2  1  0  3  1  6  3  7  5  3  4  6
1  8  2  5  4 10  5 10  0 10  3  4
2  5  3  4  5  8  0  9  1  1  4  7
1  5  0  5  2  5  3  3  4  8  5  9
2  9  1  3  4  5  5  4  0  3  3  1
1  3  3  3  5  9  0 10  4  4  2  1
"""
FAST = Options(time_limit=5.0, workers=1, seed=7)


def solved(problem: Problem, options: Options = FAST) -> Result:
    result = schedule(problem, options)
    assert violations(problem, result.plan.operations) == []
    for plan in result.rules.values():
        assert violations(problem, plan.operations) == []
    return result


def at(plan: tuple[PlannedOperation, ...], key: str) -> PlannedOperation:
    return next(p for p in plan if p.key == key)


def line(*ops: Operation, code: str = "J", due: int | None = None, weight: int = 1) -> Job:
    return Job(code, ops, due=due, weight=weight)


# --- exact optima ------------------------------------------------------------------------------------


def test_ft06_is_solved_to_its_known_optimum_of_55() -> None:
    problem = read(FT06, "jssp")
    result = solved(problem, Options(time_limit=20.0, objectives=("makespan",)))
    assert (result.plan.figures.makespan, result.plan.optimal, result.plan.lower_bound) == (55, True, 55)
    assert result.baseline is not None and result.baseline.figures.makespan > 55  # the rules do worse


def test_a_small_flexible_job_shop_matches_brute_force() -> None:
    # Two machines, three jobs of two operations each with a choice of machine: enumerate every
    # assignment and order to find the optimum independently.
    jobs = (
        line(Operation("a/0", {"0": 3, "1": 5}), Operation("a/1", {"1": 2}), code="a"),
        line(Operation("b/0", {"0": 2}), Operation("b/1", {"0": 4, "1": 3}), code="b"),
        line(Operation("c/0", {"1": 4, "0": 4}), Operation("c/1", {"0": 1, "1": 2}), code="c"),
    )
    problem = Problem(jobs, (Station("0", ((0, 100),)), Station("1", ((0, 100),))), 100)
    result = solved(problem, Options(time_limit=10.0, objectives=("makespan",)))
    assert result.plan.optimal
    assert result.plan.figures.makespan == _brute_force_makespan(problem)


def _brute_force_makespan(problem: Problem) -> int:
    ops = [op for job in problem.jobs for op in job.operations]
    best = 10**9
    for machines in itertools.product(*[sorted(op.durations) for op in ops]):
        chosen = dict(zip([op.key for op in ops], machines, strict=True))
        for order in itertools.permutations(ops):
            positions = {op.key: i for i, op in enumerate(order)}
            if any(
                positions[a.key] > positions[b.key]
                for job in problem.jobs
                for a, b in itertools.pairwise(job.operations)
            ):
                continue
            free = {"0": 0, "1": 0}
            done: dict[str, int] = {}
            previous: dict[str, str] = {}
            for job in problem.jobs:
                for a, b in itertools.pairwise(job.operations):
                    previous[b.key] = a.key
            for op in order:  # a semi-active schedule of this order and assignment
                m = chosen[op.key]
                start = max(free[m], done.get(previous.get(op.key, ""), 0))
                done[op.key] = free[m] = start + op.durations[m]
            best = min(best, max(done.values()))
    return best


def test_jssp_instances_from_the_standards_reach_their_optimum_when_present() -> None:
    path = STANDARDS / "jssp" / "ft06"
    if not path.exists():
        pytest.skip(f"the benchmark instances are not beside the checkout ({STANDARDS})")
    problem = read(path.read_text(), "jssp")
    assert solved(problem, Options(time_limit=20.0, objectives=("makespan",))).plan.figures.makespan == 55


# --- calendars ---------------------------------------------------------------------------------------


def test_an_interruptible_operation_pauses_over_a_break_and_continues_after_it() -> None:
    station = Station("S", ((0, 60), (90, 300)))  # a 30-minute break at 60
    problem = Problem((line(Operation("J/1", {"S": 100})),), (station,), 300)
    plan = solved(problem).plan
    assert (at(plan.operations, "J/1").start, at(plan.operations, "J/1").end) == (0, 130)


def test_an_uninterruptible_operation_is_placed_whole_after_the_break() -> None:
    station = Station("S", ((0, 60), (90, 300)))
    problem = Problem((line(Operation("J/1", {"S": 100}, interruptible=False)),), (station,), 300)
    placed = at(solved(problem).plan.operations, "J/1")
    assert (placed.start, placed.end) == (90, 190)


def test_no_work_on_a_holiday_or_in_maintenance() -> None:
    # Day 2 is a holiday and a maintenance window closes 30-60 of day 1: both are simply not windows.
    station = Station("S", ((0, 30), (60, 480), (2 * 1440, 2 * 1440 + 480)))
    jobs = tuple(line(Operation(f"J{i}/1", {"S": 200}), code=f"J{i}") for i in range(3))
    plan = solved(Problem(jobs, (station,), 3 * 1440)).plan
    for p in plan.operations:
        assert not (30 <= p.start < 60) and not (480 <= p.start < 2 * 1440)
    assert plan.figures.makespan > 2 * 1440  # the third needs the day after the holiday


def test_an_operation_longer_than_every_window_is_refused_when_it_may_not_be_interrupted() -> None:
    station = Station("S", ((0, 60), (90, 150)))
    problem = Problem((line(Operation("WO-9/10", {"S": 61}, interruptible=False)),), (station,), 200)
    with pytest.raises(InvalidState) as refused:
        schedule(problem, FAST)
    assert refused.value.code == SCHEDULE_DOES_NOT_FIT
    assert "WO-9/10" in str(refused.value) and "61 minutes" in str(refused.value)


def test_an_operation_no_station_can_do_is_refused_with_a_sentence() -> None:
    jobs = (line(Operation("WO-1/10", {"S": 5}), Operation("WO-1/20", {"PAINT": 5})),)
    with pytest.raises(InvalidState) as refused:
        schedule(Problem(jobs, (Station("S", ((0, 100),)),), 100), FAST)
    assert refused.value.code == SCHEDULE_NO_STATION
    assert str(refused.value) == "No station can do operation WO-1/20; nothing was planned."


# --- routing, capacity, changeovers, kept work, release ----------------------------------------------


def test_routing_precedence_keeps_the_transfer_time() -> None:
    stations = (Station("A", ((0, 500),)), Station("B", ((0, 500),)))
    job = line(Operation("J/1", {"A": 30}), Operation("J/2", {"B": 20}, wait_before=45))
    plan = solved(Problem((job,), stations, 500)).plan
    assert at(plan.operations, "J/2").start == 75


def test_a_station_with_capacity_two_runs_two_at_once_and_not_three() -> None:
    oven = Station("OVEN", ((0, 1000),), capacity=2)
    jobs = tuple(line(Operation(f"J{i}/1", {"OVEN": 60}), code=f"J{i}") for i in range(3))
    plan = solved(Problem(jobs, (oven,), 1000), Options(time_limit=5, objectives=("makespan",))).plan
    assert plan.figures.makespan == 120
    assert sorted(p.start for p in plan.operations) == [0, 0, 60]


def test_changeovers_follow_the_family_matrix_and_group_families() -> None:
    station = Station("S", ((0, 1000),), initial_family="red")
    ops = [("r1", "red"), ("b1", "blue"), ("r2", "red"), ("b2", "blue")]
    jobs = tuple(line(Operation(f"{k}/1", {"S": 10}, family=f, setup=99), code=k) for k, f in ops)
    matrix = {("red", "blue"): 30, ("blue", "red"): 50}
    problem = Problem(jobs, (station,), 1000, changeover=matrix)
    plan = solved(problem, Options(time_limit=5, objectives=("makespan",))).plan
    assert plan.optimal and plan.figures.makespan == 40 + 30  # both reds, one change to blue, both blues
    order = [p.key for p in sorted(plan.operations, key=lambda p: p.start)]
    assert order[:2] in (["r1/1", "r2/1"], ["r2/1", "r1/1"])
    assert sum(p.setup for p in plan.operations) == 30


def test_running_and_frozen_operations_stay_where_they_are() -> None:
    stations = (Station("A", ((0, 1000),)), Station("B", ((0, 1000),)))
    running = Operation("R/1", {"A": 50}, fixed=Fixed("A", -20, 30))
    frozen = Operation("F/1", {"A": 40, "B": 40}, fixed=Fixed("B", 100, 140))
    jobs = (line(running, code="R"), line(frozen, code="F"), line(Operation("X/1", {"A": 10, "B": 10}), code="X"))
    plan = solved(Problem(jobs, stations, 1000)).plan
    assert (at(plan.operations, "R/1").start, at(plan.operations, "R/1").end) == (-20, 30)
    assert (at(plan.operations, "F/1").station, at(plan.operations, "F/1").start) == ("B", 100)


def test_a_release_date_holds_an_operation_back() -> None:
    job = line(Operation("J/1", {"S": 10}, release=300))
    assert at(solved(Problem((job,), (Station("S", ((0, 1000),)),), 1000)).plan.operations, "J/1").start == 300


# --- objectives ---------------------------------------------------------------------------------------


def test_weighted_tardiness_comes_before_makespan() -> None:
    # The heavy order due early goes first even though the other order first would end sooner overall.
    stations = (Station("A", ((0, 1000),)), Station("B", ((0, 1000),)))
    heavy = line(Operation("H/1", {"A": 50}), code="H", due=50, weight=10)
    light = line(Operation("L/1", {"A": 10}), Operation("L/2", {"B": 100}), code="L", due=1000)
    plan = solved(Problem((heavy, light), stations, 1000)).plan
    assert at(plan.operations, "H/1").start == 0
    assert plan.figures.weighted_tardiness == 0 and plan.figures.makespan == 160


def test_a_reschedule_keeps_a_current_plan_that_is_as_good() -> None:
    stations = (Station("A", ((0, 1000),)), Station("B", ((0, 1000),)))
    jobs = tuple(line(Operation(f"J{i}/1", {"A": 10, "B": 10}), code=f"J{i}", due=100) for i in range(4))
    current = (
        PlannedOperation("J0/1", "B", 0, 10),
        PlannedOperation("J1/1", "A", 10, 20),
        PlannedOperation("J2/1", "A", 0, 10),
        PlannedOperation("J3/1", "B", 10, 20),
    )
    plan = solved(Problem(jobs, stations, 1000, current=current)).plan
    assert plan.figures.changes == 0
    assert {(p.key, p.station, p.start) for p in plan.operations} == {(p.key, p.station, p.start) for p in current}


def test_the_same_problem_gives_the_same_plan_with_a_fixed_seed() -> None:
    problem = read(FT06, "jssp")
    options = Options(time_limit=20.0, workers=1, seed=3, objectives=("makespan",))
    assert schedule(problem, options).plan.operations == schedule(problem, options).plan.operations


@pytest.mark.parametrize("rule", RULES)
def test_every_dispatch_rule_makes_a_valid_plan_of_ft06(rule: str) -> None:
    problem = read(FT06, "jssp")
    plan = dispatch(problem, rule)
    assert violations(problem, plan.operations) == [] and plan.figures.makespan >= 55


# --- the check catches broken plans -------------------------------------------------------------------


def test_the_check_names_each_broken_rule() -> None:
    station = Station("S", ((0, 60), (90, 300)), initial_family="x")
    jobs = (
        line(Operation("J/1", {"S": 30}, family="x"), Operation("J/2", {"S": 30}, family="y", setup=15), code="J"),
        line(Operation("K/1", {"S": 20}, interruptible=False, fixed=None), code="K"),
    )
    problem = Problem(jobs, (station,), 300)
    broken = (
        PlannedOperation("J/1", "S", 0, 30),
        PlannedOperation("J/2", "S", 20, 50),  # before J/1 ends, overlapping it, without its changeover
        PlannedOperation("K/1", "S", 50, 110),  # spans the break though it may not, and works 30 minutes, not 20
    )
    found = " | ".join(violations(problem, broken))
    assert "J/2 starts at 20, before J/1 ends" in found
    assert "capacity is 1" in found
    assert "changeover" in found
    assert "K/1 may not be interrupted" in found
    assert "K/1 gets" in found
    assert violations(problem, broken[:1]) != []  # J/2 and K/1 missing


# --- real time: a plan across the autumn daylight saving change ------------------------------------------


def test_a_night_shift_over_the_autumn_change_has_one_hour_more_and_the_plan_uses_it() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    origin = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
    night = ShiftPattern("N", DAYS, time(22), time(6), (BreakPattern(time(2), 30),))
    found = windows([night], berlin, origin, 24 * 60)
    assert sum(b - a for a, b in found) == 9 * 60 - 30  # 22:00 CEST to 06:00 CET is nine real hours
    problem = Problem((line(Operation("J/1", {"S": 9 * 60 - 30})),), (Station("S", found),), 24 * 60)
    placed = at(solved(problem).plan.operations, "J/1")
    assert instant(origin, placed.start).astimezone(berlin).strftime("%d %H:%M %Z") == "24 22:00 CEST"
    assert instant(origin, placed.end).astimezone(berlin).strftime("%d %H:%M %Z") == "25 06:00 CET"


def test_malformed_instance_files_are_refused_with_the_line() -> None:
    with pytest.raises(InvalidInput, match="Line 2"):
        read("2 2\n0 5 1\n1 4 0 3\n", "jssp")
    with pytest.raises(InvalidInput, match="machine 7"):
        read("1 2\n1 1 7 3\n", "fjsp")
