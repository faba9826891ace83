"""Dispatch rules (EDD, SPT, critical ratio): the fallback when the solver finds nothing, and its baseline.

A serial schedule: among the operations whose predecessor is placed, the rule picks one, and it goes
to the eligible station (and lane, on stations that run several at once) where it ends first, at the
earliest time the calendar, the changeovers and the work already placed allow.
"""

from __future__ import annotations

from dataclasses import dataclass

from mes_terminal.domain.error_codes import SCHEDULE_HORIZON
from mes_terminal.domain.errors import InvalidState
from mes_terminal.scheduling.calendar import earliest_start, finish
from mes_terminal.scheduling.plan import Plan, figures
from mes_terminal.scheduling.problem import Job, Operation, PlannedOperation, Problem, Station, setup_minutes

RULES = ("edd", "spt", "cr")
CURRENT = "current"  # the order of the plan in force: a repair that moves as little as it must


@dataclass
class _Busy:
    start: int
    end: int
    op: Operation


def dispatch(problem: Problem, rule: str) -> Plan:
    """The plan one rule makes; raises `InvalidState` when something does not fit in the horizon."""
    if rule not in (*RULES, CURRENT):
        raise ValueError(f"unknown dispatch rule {rule!r}")
    planned = {p.key: p.start for p in problem.current}
    lanes: dict[str, list[list[_Busy]]] = {s.code: [[] for _ in range(s.capacity)] for s in problem.stations}
    placed: dict[str, PlannedOperation] = {}
    for _job, _i, op in problem.operations():  # kept operations first: everything else goes around them
        if op.fixed is not None:
            f = op.fixed
            lane = min(lanes[f.station], key=lambda lane: sum(_overlap(b, f.start, f.end) for b in lane))
            _insert(lane, _Busy(f.start, f.end, op))
            placed[op.key] = PlannedOperation(op.key, f.station, f.start, f.end, 0)
    progress = {job.code: 0 for job in problem.jobs}
    ready_at = {job.code: 0 for job in problem.jobs}
    stations = {s.code: s for s in problem.stations}
    while True:
        ready = [job for job in problem.jobs if progress[job.code] < len(job.operations)]
        if not ready:
            break
        job = min(ready, key=lambda j: (_priority(rule, j, progress[j.code], ready_at[j.code], planned), j.code))
        op = job.operations[progress[job.code]]
        at = max(op.release, ready_at[job.code] + op.wait_before if progress[job.code] else op.release)
        if rule == CURRENT and op.key in planned:
            at = max(at, planned[op.key])  # not earlier than planned: a repair, not a new plan
        if op.key not in placed:
            placed[op.key] = _place(problem, stations, lanes, op, at)
        ready_at[job.code] = placed[op.key].end
        progress[job.code] += 1
    operations = tuple(sorted(placed.values(), key=lambda p: (p.station, p.start, p.key)))
    return Plan(operations, figures(problem, operations), rule)


def _priority(rule: str, job: Job, index: int, ready: int, planned: dict[str, int]) -> tuple[float, ...]:
    op = job.operations[index]
    if rule == CURRENT:  # planned operations at their planned start, the rest after them by due date
        return (0, planned[op.key], 0) if op.key in planned else (1, job.due if job.due is not None else 10**9, ready)
    work = min(op.durations.values(), default=0)
    due = job.due if job.due is not None else 10**9
    if rule == "edd":
        return (due, -job.weight, ready)
    if rule == "spt":
        return (work, ready)
    remaining = sum(min(o.durations.values(), default=0) for o in job.operations[index:]) or 1
    return ((due - ready) / remaining / max(job.weight, 1), ready)


def _place(
    problem: Problem, stations: dict[str, Station], lanes: dict[str, list[list[_Busy]]], op: Operation, at: int
) -> PlannedOperation:
    best: tuple[int, int, str, int, int, int] | None = None  # end, start, station, lane, setup
    for code, minutes in sorted(op.durations.items()):
        station = stations.get(code)
        if station is None:
            continue
        for index, lane in enumerate(lanes[code]):
            found = _earliest_in_lane(problem, station, lane, op, minutes, at)
            if found is not None and (best is None or found[:2] < best[:2]):
                best = (found[1], found[0], code, index, found[2], 0)
    if best is None or best[0] > problem.horizon:
        raise InvalidState(SCHEDULE_HORIZON.sentence(operation=op.key), code=SCHEDULE_HORIZON)
    end, start, code, index, setup, _ = best
    _insert(lanes[code][index], _Busy(start, end, op))
    return PlannedOperation(op.key, code, start, end, setup)


def _earliest_in_lane(
    problem: Problem, station: Station, lane: list[_Busy], op: Operation, minutes: int, at: int
) -> tuple[int, int, int] | None:
    """(start, end, setup) of the earliest gap of the lane that holds the operation, or None."""
    candidates = sorted({at} | {b.end for b in lane if b.end >= at})
    for candidate in candidates:
        previous = _last_before(lane, candidate)
        family = previous.op.family if previous is not None else station.initial_family
        setup = setup_minutes(problem, station, family, op)
        floor = max(candidate, (previous.end if previous is not None else 0) + setup)
        start = earliest_start(station.windows, floor, minutes, op.interruptible)
        if start is None:
            return None
        end = finish(station.windows, start, minutes, op.interruptible)
        if end is None:
            return None
        if _last_before(lane, start) is not previous or any(_overlap(b, start, end) for b in lane):
            continue
        following = [b for b in lane if b.start >= end]
        if following:
            after = min(following, key=lambda b: b.start)
            if after.start < end + setup_minutes(problem, station, op.family, after.op):
                continue
        return start, end, setup
    return None


def _last_before(lane: list[_Busy], at: int) -> _Busy | None:
    before = [b for b in lane if b.end <= at]
    return max(before, key=lambda b: (b.end, b.start)) if before else None


def _overlap(busy: _Busy, start: int, end: int) -> int:
    return max(0, min(busy.end, end) - max(busy.start, start))


def _insert(lane: list[_Busy], busy: _Busy) -> None:
    lane.append(busy)
    lane.sort(key=lambda b: (b.start, b.end))
