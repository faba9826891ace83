"""An independent check of a plan against its problem: every broken rule as a sentence.

Written apart from the model and the rules on purpose (it imports only the problem's data types): a
plan the solver gets wrong is caught here rather than agreed with. Tests run it on every plan they
make; the command line runs it before a plan is stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from mes_terminal.scheduling.problem import Operation, PlannedOperation, Problem, Station


def violations(problem: Problem, plan: Sequence[PlannedOperation], at: Callable[[int], str] = str) -> list[str]:
    """Every rule `plan` breaks, as a sentence; `at` writes a minute of the problem (the console writes
    the site's wall-clock time, tests and the command line the minute itself)."""
    found: list[str] = []
    by_key: dict[str, PlannedOperation] = {}
    for entry in plan:
        if entry.key in by_key:
            found.append(f"{entry.key} is planned twice")
        by_key[entry.key] = entry
    stations = {s.code: s for s in problem.stations}
    ops: dict[str, Operation] = {}
    for job in problem.jobs:
        previous: PlannedOperation | None = None
        for op in job.operations:
            ops[op.key] = op
            placed = by_key.get(op.key)
            if placed is None:
                found.append(f"{op.key} is not planned")
                previous = None
                continue
            found += _operation(problem, stations, op, placed, at)
            if previous is not None and op.fixed is None and placed.start < previous.end + op.wait_before:
                found.append(
                    f"{op.key} starts at {at(placed.start)}, before {previous.key} ends ({at(previous.end)})"
                    + (" and its wait" if op.wait_before else "")
                )
            previous = placed
    found += [f"{key} is not an operation of the problem" for key in by_key if key not in ops]
    lists: dict[str, list[PlannedOperation]] = defaultdict(list)
    for entry in plan:
        lists[entry.station].append(entry)
    for code, placed_here in lists.items():
        if code in stations:
            found += _station(problem, stations[code], sorted(placed_here, key=lambda p: (p.start, p.end)), ops, at)
    return found


def _operation(
    problem: Problem, stations: dict[str, Station], op: Operation, placed: PlannedOperation, at: Callable[[int], str]
) -> list[str]:
    if op.fixed is not None:
        f = op.fixed
        if (placed.station, placed.start, placed.end) != (f.station, f.start, f.end):
            where = f"{placed.station} {at(placed.start)}-{at(placed.end)}"
            return [f"{op.key} was to stay at {f.station} {at(f.start)}-{at(f.end)}, is at {where}"]
        return []
    problems = []
    station = stations.get(placed.station)
    if station is None or placed.station not in op.durations:
        return [f"{op.key} is at {placed.station}, which cannot do it"]
    if placed.start < op.release:
        problems.append(f"{op.key} starts at {at(placed.start)}, before its release at {at(op.release)}")
    if placed.end > problem.horizon or placed.start < 0:
        problems.append(f"{op.key} lies outside the horizon {at(0)}-{at(problem.horizon)}")
    needed = op.durations[placed.station]
    inside = [(a, b) for a, b in station.windows if a <= placed.start < b]
    if not inside:
        problems.append(f"{op.key} starts at {at(placed.start)}, outside the planned time of {placed.station}")
    worked = sum(max(0, min(b, placed.end) - max(a, placed.start)) for a, b in station.windows)
    if worked != needed:
        problems.append(f"{op.key} gets {worked} planned minutes at {placed.station}, needs {needed}")
    if not any(a < placed.end <= b for a, b in station.windows):
        problems.append(f"{op.key} ends at {at(placed.end)}, outside the planned time of {placed.station}")
    if not op.interruptible and inside and placed.end > inside[0][1]:
        problems.append(f"{op.key} may not be interrupted but spans a break at {at(inside[0][1])}")
    return problems


def _station(
    problem: Problem,
    station: Station,
    placed: list[PlannedOperation],
    ops: dict[str, Operation],
    at: Callable[[int], str],
) -> list[str]:
    problems = []
    events = sorted([(p.start, 1) for p in placed] + [(p.end, -1) for p in placed], key=lambda e: (e[0], e[1]))
    running = 0
    for moment, step in events:
        running += step
        if running > station.capacity:
            problems.append(
                f"{station.code} runs {running} operations at {at(moment)}, its capacity is {station.capacity}"
            )
            break
    if station.capacity == 1:
        family = station.initial_family
        end = None
        for p in placed:
            op = ops.get(p.key)
            if op is None:
                continue
            need = _changeover(problem, family, op)
            if op.fixed is None and need and p.start < (end if end is not None else 0) + need:
                problems.append(
                    f"{p.key} at {station.code} leaves {p.start - (end or 0)} minutes for a {need}-minute changeover"
                )
            family, end = op.family, p.end
    return problems


def _changeover(problem: Problem, before: str | None, op: Operation) -> int:
    if before is None or op.family is None or before == op.family:
        return 0
    return problem.changeover.get((before, op.family), op.setup)
