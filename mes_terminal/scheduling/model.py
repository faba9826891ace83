"""The CP-SAT model: one optional interval per operation and eligible station, objectives in turn.

Calendars are domains: an operation may start only inside a window of its station. An uninterruptible
one starts where the whole of it fits before the window ends; an interruptible one ends later by the
gaps it spans, read from the cumulative gap time before each window (two element constraints), so its
interval covers the breaks it pauses over and nothing else runs on the station meanwhile.
Changeovers are arcs of a circuit per station (only where some changeover is not zero). Objectives
are solved lexicographically: each stage keeps the previous ones at their value and starts from their
solution.
"""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from mes_terminal.domain.error_codes import SCHEDULE_HORIZON
from mes_terminal.domain.errors import InvalidState
from mes_terminal.scheduling.calendar import earliest_start, finish
from mes_terminal.scheduling.options import Options
from mes_terminal.scheduling.plan import Plan, figures
from mes_terminal.scheduling.problem import (
    Operation,
    PlannedOperation,
    Problem,
    Station,
    Window,
    setup_minutes,
    usable,
)

_SHARE = {"tardiness": 5, "makespan": 3, "changes": 2}  # of the time limit, among the stages that apply


@dataclass
class _Option:
    station: str
    present: cp_model.IntVar | int
    start: cp_model.IntVar
    end: cp_model.IntVar
    interval: cp_model.IntervalVar
    op: Operation
    minutes: int = 0  # working minutes it needs at this station
    fixed_size: bool = True  # start to end is exactly `minutes` (no gap inside)
    # Interruptible over several windows: the windows, and the literals "starts / ends in window k".
    windows: tuple[Window, ...] = ()
    starts_in: tuple[cp_model.IntVar, ...] = ()
    ends_in: tuple[cp_model.IntVar, ...] = ()
    size: cp_model.IntVar | None = None
    calendar: tuple[Window, ...] = ()  # the station's windows inside the horizon


@dataclass
class _Built:
    model: cp_model.CpModel
    starts: dict[str, cp_model.IntVar] = field(default_factory=dict)
    ends: dict[str, cp_model.IntVar] = field(default_factory=dict)
    options: dict[str, list[_Option]] = field(default_factory=dict)
    objectives: dict[str, cp_model.LinearExpr] = field(default_factory=dict)
    # Per station with changeovers: its options (node i + 1) and the circuit's arc literals.
    circuits: list[tuple[list[_Option], dict[tuple[int, int], cp_model.IntVar]]] = field(default_factory=list)
    tardy: list[tuple[cp_model.IntVar, int, str]] = field(default_factory=list)  # (var, due, last operation)
    makespan: cp_model.IntVar | None = None
    moved: dict[str, tuple[cp_model.IntVar, PlannedOperation]] = field(default_factory=dict)
    cumulative: set[str] = field(default_factory=set)  # stations that run several operations at once


def solve(problem: Problem, options: Options) -> Plan | None:
    """The best plan found within the time limit, or None when no plan was found in time."""
    began = time.monotonic()
    built = _build(problem)
    ceiling = _hint(built, options.hint)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, options.workers)
    solver.parameters.random_seed = options.seed
    # Probing in presolve costs seconds on a plant-sized model (tens of thousands of literals) and
    # finds little here; the search gets that time instead.
    solver.parameters.cp_model_probing_level = 0
    stages = [name for name in options.objectives if name in built.objectives]
    if stages and stages[0] == "makespan" and ceiling is not None and built.makespan is not None:
        # Makespan first: nothing ending after the plan we start from can be better (a tight horizon).
        built.model.add(built.makespan <= ceiling)
    # The rounds' strength is in moving operations between stations; where no operation has a choice,
    # CP-SAT's own search (with its scheduling neighbourhoods when it has two workers) did better on
    # the job-shop benchmarks (ta09, ta10), so the whole model keeps the time there.
    rounds = any(len(choices) > 1 for choices in built.options.values())
    operations: tuple[PlannedOperation, ...] | None = None
    optimal = True
    bound: int | None = None
    for index, name in enumerate(stages):
        left = options.time_limit - (time.monotonic() - began)
        share = _SHARE[name] / sum(_SHARE[n] for n in stages[index:])
        budget = max(0.05, left * share)
        deadline = time.monotonic() + budget
        # The whole model first, for a share of the stage's time: small problems are proven optimal
        # here; on larger ones the rest of the time goes to the neighbourhood search.
        # A model that takes longer to yield its first solution keeps the stage's time until it does.
        first = budget if not rounds or budget < 2 * _FIRST_MIN else max(_FIRST_MIN, budget * _FIRST_SHARE)
        solver.parameters.max_time_in_seconds = budget
        built.model.minimize(built.objectives[name])
        status = _solve_until_found(solver, built.model, time.monotonic() + first)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            optimal = False  # this stage found nothing in its time: keep what the earlier stages found
            break
        values = list(solver.response_proto.solution)
        value = round(solver.objective_value)
        bound = round(solver.best_objective_bound)
        if rounds and status != cp_model.OPTIMAL and value > bound:
            values, value = _neighbourhoods(problem, built, values, value, bound, deadline, options)
        optimal = optimal and value <= bound
        operations = _extract(problem, built, values)  # now: a later stage that fails leaves no solution
        _keep(built, values)
        built.model.add(built.objectives[name] <= value)
    if operations is None:
        return None
    return Plan(
        operations,
        figures(problem, operations),
        "cp-sat",
        optimal=optimal,
        lower_bound=bound,
        seconds=round(time.monotonic() - began, 3),
    )


def _solve_until_found(solver: cp_model.CpSolver, model: cp_model.CpModel, until: float) -> cp_model.CpSolverStatus:
    """Solve; stop at `until` if a solution is found by then, else at the first solution after it."""
    found = threading.Event()
    done = threading.Event()

    class _Found(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            found.set()
            if time.monotonic() >= until:
                self.stop_search()

    def watch() -> None:
        if not done.wait(max(0.0, until - time.monotonic())) and found.is_set():
            solver.stop_search()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        return solver.solve(model, _Found())
    finally:
        done.set()
        watcher.join()


_FIRST_SHARE = 0.1  # of a stage's time for the whole model before the neighbourhood search
_FIRST_MIN = 1.0  # seconds the whole model gets first, at least, when the stage has time for more
_STEP = 0.1  # deterministic time of one neighbourhood's solve (a second or two of wall time)


def _neighbourhoods(
    problem: Problem,
    built: _Built,
    values: list[int],
    value: int,
    bound: int,
    deadline: float,
    options: Options,
) -> tuple[list[int], int]:
    """Large-neighbourhood search from a solution: free a part, keep the rest's stations and order, re-solve.

    Each round frees the operations of some jobs, of a stretch of time or of some stations; every other
    operation keeps its station and its order there (it may still move earlier or later). A round that
    improves the objective becomes the solution. Rounds are limited by deterministic time and seeded
    from `options.seed`, so one worker gives the same rounds on any machine; how many fit depends on
    the clock. Returns the best solution's values and objective.
    """
    rng = random.Random(options.seed)
    free = [key for key, opts in built.options.items() if all(o.op.fixed is None for o in opts)]
    if not free:
        return values, value
    movable = set(free)
    jobs = {job.code: [op.key for op in job.operations if op.key in movable] for job in problem.jobs}
    job_keys = [code for code, keys in jobs.items() if keys]
    size = [0.25, 0.25, 0.25]  # per kind of neighbourhood: the share of the operations a round frees
    sub_solver = cp_model.CpSolver()
    sub_solver.parameters.num_workers = max(1, options.workers)
    sub_solver.parameters.cp_model_probing_level = 0
    sub_solver.parameters.linearization_level = 0  # rounds are short: search rather than LP
    round_number = 0
    while value > bound:
        left = deadline - time.monotonic()
        if left < 0.1:
            break
        round_number += 1
        chosen = _station_of(built, values)
        kind = rng.choice((0, 1, 1, 2))  # a stretch of time most often
        target = max(2, round(size[kind] * len(free)))
        if kind == 0:  # whole jobs
            freed: set[str] = set()
            for job in rng.sample(job_keys, len(job_keys)):
                freed.update(jobs[job])
                if len(freed) >= target:
                    break
        elif kind == 1:  # a stretch of time
            by_start = sorted(free, key=lambda k: (values[built.starts[k].index], k))
            first = rng.randrange(max(1, len(by_start) - target + 1))
            freed = set(by_start[first : first + target])
        else:  # whole stations
            stations = sorted({chosen[k] for k in free})
            freed = set()
            for code in rng.sample(stations, len(stations)):
                freed.update(k for k in free if chosen[k] == code)
                if len(freed) >= target:
                    break
        sub = built.model.clone()
        proto = sub.proto
        for key in free:
            if key in freed:
                continue
            for o in built.options[key]:
                if not isinstance(o.present, int):
                    v = values[o.present.index]
                    domain = proto.variables[o.present.index].domain
                    domain.clear()
                    domain.extend([v, v])
        kept: dict[str, list[str]] = {}
        for key in free:
            if key not in freed:
                kept.setdefault(chosen[key], []).append(key)
        for code, keys in kept.items():
            keys.sort(key=lambda k: (values[built.starts[k].index], values[built.ends[k].index], k))
            var = sub.get_int_var_from_proto_index
            for a, b in itertools.pairwise(keys):
                # One at a time: b after a ends; several at once: b starts no earlier than a.
                after = built.starts[a] if code in built.cumulative else built.ends[a]
                sub.add(var(built.starts[b].index) >= var(after.index))
        _set_hint(sub, values)
        sub_solver.parameters.random_seed = options.seed + round_number
        sub_solver.parameters.max_deterministic_time = _STEP
        sub_solver.parameters.max_time_in_seconds = max(0.05, deadline - time.monotonic())
        status = sub_solver.solve(sub)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and round(sub_solver.objective_value) < value:
            values = list(sub_solver.response_proto.solution)
            value = round(sub_solver.objective_value)
        # Solved whole: free more next time; cut by its time: free less.
        size[kind] = min(0.9, size[kind] * 1.1) if status == cp_model.OPTIMAL else max(0.05, size[kind] * 0.95)
    return values, value


def _station_of(built: _Built, values: list[int]) -> dict[str, str]:
    return {
        key: next(o.station for o in opts if isinstance(o.present, int) or values[o.present.index])
        for key, opts in built.options.items()
    }


def _build(problem: Problem) -> _Built:
    model = cp_model.CpModel()
    built = _Built(model)
    horizon = problem.horizon
    stations = {s.code: s for s in problem.stations}
    per_station: dict[str, list[_Option]] = {s.code: [] for s in problem.stations}
    for _job, _index, op in problem.operations():
        if op.fixed is not None:
            f = op.fixed
            start, end = model.new_constant(f.start), model.new_constant(f.end)
            interval = model.new_interval_var(start, f.end - f.start, end, f"fixed {op.key}")
            option = _Option(f.station, 1, start, end, interval, op)
            per_station[f.station].append(option)
            built.starts[op.key], built.ends[op.key], built.options[op.key] = start, end, [option]
            continue
        eligible = [
            (stations[code], minutes)
            for code, minutes in sorted(op.durations.items())
            if code in stations and usable(_clipped(stations[code], horizon), minutes, op.interruptible)
        ]
        single = len(eligible) == 1
        op_start = model.new_int_var(op.release, horizon, f"start {op.key}")
        op_end = model.new_int_var(0, horizon, f"end {op.key}")
        made = []
        for station, minutes in eligible:
            present: cp_model.IntVar | int = 1 if single else model.new_bool_var(f"{op.key} at {station.code}")
            made_option = _option(model, station, op, minutes, present, horizon, op_start if single else None)
            if made_option is None:
                continue
            if not single:
                assert not isinstance(present, int)
                model.add(op_start == made_option.start).only_enforce_if(present)
                model.add(op_end == made_option.end).only_enforce_if(present)
            else:
                model.add(op_end == made_option.end)
            made.append(made_option)
            per_station[station.code].append(made_option)
        if not made:
            raise InvalidState(SCHEDULE_HORIZON.sentence(operation=op.key), code=SCHEDULE_HORIZON)
        if not single:
            model.add_exactly_one([o.present for o in made if not isinstance(o.present, int)])
            if all(o.fixed_size for o in made):  # redundant, but it lets the choice of station propagate
                model.add(op_end == op_start + sum(o.minutes * o.present for o in made))
        built.starts[op.key], built.ends[op.key], built.options[op.key] = op_start, op_end, made
    for job in problem.jobs:
        for before, after in itertools.pairwise(job.operations):
            if after.fixed is None:
                model.add(built.starts[after.key] >= built.ends[before.key] + after.wait_before)
    for code, options in per_station.items():
        _capacity(problem, built, stations[code], options)
    _objectives(problem, built)
    return built


def _clipped(station: Station, horizon: int) -> Station:
    windows = tuple((max(a, 0), min(b, horizon)) for a, b in station.windows if b > 0 and a < horizon)
    return Station(station.code, windows, station.capacity, station.initial_family)


def _option(
    model: cp_model.CpModel,
    station: Station,
    op: Operation,
    minutes: int,
    present: cp_model.IntVar | int,
    horizon: int,
    start: cp_model.IntVar | None,
) -> _Option | None:
    windows = _clipped(station, horizon).windows
    name = f"{op.key} at {station.code}"
    if not op.interruptible or len(windows) == 1:
        starts = [(max(a, op.release), b - minutes) for a, b in windows if b - max(a, op.release) >= minutes]
        if not starts:
            return None
        domain = cp_model.Domain.from_intervals([list(s) for s in starts])
        if start is None:
            start = model.new_int_var_from_domain(domain, f"start {name}")
        else:
            model.add_linear_expression_in_domain(start, domain)
        end = model.new_int_var(0, horizon, f"end {name}")
        interval = _interval(model, start, minutes, end, present, name)
        return _Option(station.code, present, start, end, interval, op, minutes, calendar=tuple(windows))
    # Interruptible across several windows: one literal per window where it may start and one per
    # window where it may end; end = start + minutes + the gap time between those two windows. Plain
    # literals and ranges rather than element constraints over holey domains, which presolve slowly.
    usable_windows = [(a, b) for a, b in windows if b > op.release]
    gaps_before = [
        a - worked
        for (a, _), worked in zip(usable_windows, _worked_before(windows)[-len(usable_windows) :], strict=True)
    ]
    if start is None:
        start = model.new_int_var(op.release, horizon, f"start {name}")
    end = model.new_int_var(0, horizon, f"end {name}")
    starts_in = [model.new_bool_var("") for _ in usable_windows]
    ends_in = [model.new_bool_var("") for _ in usable_windows]
    model.add_exactly_one(starts_in)
    model.add_exactly_one(ends_in)
    for (a, b), begins_here, ends_here in zip(usable_windows, starts_in, ends_in, strict=True):
        model.add_linear_constraint(start, a, b - 1).only_enforce_if(begins_here)
        model.add_linear_constraint(end, a + 1, b).only_enforce_if(ends_here)
    index = range(len(usable_windows))
    model.add(sum(k * ends_in[k] for k in index) >= sum(k * starts_in[k] for k in index))
    model.add(
        end
        == start
        + minutes
        + sum(gaps_before[k] * ends_in[k] for k in index)
        - sum(gaps_before[k] * starts_in[k] for k in index)
    )
    size = model.new_int_var(minutes, horizon, f"span {name}")
    if isinstance(present, int):
        interval = model.new_interval_var(start, size, end, name)
    else:
        interval = model.new_optional_interval_var(start, size, end, present, name)
    return _Option(
        station.code,
        present,
        start,
        end,
        interval,
        op,
        minutes,
        fixed_size=False,
        windows=tuple(usable_windows),
        starts_in=tuple(starts_in),
        ends_in=tuple(ends_in),
        size=size,
        calendar=tuple(windows),
    )


def _interval(
    model: cp_model.CpModel,
    start: cp_model.IntVar,
    minutes: int,
    end: cp_model.IntVar,
    present: cp_model.IntVar | int,
    name: str,
) -> cp_model.IntervalVar:
    if isinstance(present, int):
        return model.new_interval_var(start, minutes, end, name)
    return model.new_optional_interval_var(start, minutes, end, present, name)


def _worked_before(windows: Sequence[Window]) -> list[int]:
    total, result = 0, []
    for a, b in windows:
        result.append(total)
        total += b - a
    return result


def _capacity(problem: Problem, built: _Built, station: Station, options: list[_Option]) -> None:
    model = built.model
    intervals = [o.interval for o in options]
    if station.capacity != 1:
        built.cumulative.add(station.code)
        model.add_cumulative(intervals, [1] * len(intervals), station.capacity)
        return
    model.add_no_overlap(intervals)
    setups = {
        (i, j): setup_minutes(problem, station, a.op.family, b.op)
        for (i, a), (j, b) in itertools.permutations(enumerate(options), 2)
    }
    firsts = [setup_minutes(problem, station, station.initial_family, o.op) for o in options]
    if not any(setups.values()) and not any(firsts):
        return
    # The station's sequence as a circuit through a depot (node 0); an arc i -> j puts j right after i.
    arcs: list[tuple[int, int, cp_model.LiteralT]] = []
    named: dict[tuple[int, int], cp_model.IntVar] = {}
    for i, option in enumerate(options, start=1):
        present = option.present
        first = model.new_bool_var("")
        last = model.new_bool_var("")
        arcs += [(0, i, first), (i, 0, last)]
        named[(0, i)], named[(i, 0)] = first, last
        if not isinstance(present, int):
            arcs.append((i, i, present.negated()))
        if firsts[i - 1] and option.op.fixed is None:
            model.add(option.start >= firsts[i - 1]).only_enforce_if(first)
    for (i, j), minutes in setups.items():
        follows = model.new_bool_var("")
        arcs.append((i + 1, j + 1, follows))
        named[(i + 1, j + 1)] = follows
        model.add(options[j].start >= options[i].end + minutes).only_enforce_if(follows)
    if all(not isinstance(o.present, int) for o in options):
        named[(0, 0)] = model.new_bool_var("")
        arcs.append((0, 0, named[(0, 0)]))  # a station with nothing to do
    model.add_circuit(arcs)
    built.circuits.append((options, named))


def _objectives(problem: Problem, built: _Built) -> None:
    model = built.model
    horizon = problem.horizon
    if any(job.due is not None and job.operations for job in problem.jobs):
        late = []
        for job in problem.jobs:
            if job.due is None or not job.operations:
                continue
            tardy = model.new_int_var(0, horizon + max(0, -job.due), f"tardiness {job.code}")
            model.add(tardy >= built.ends[job.operations[-1].key] - job.due)
            built.tardy.append((tardy, job.due, job.operations[-1].key))
            late.append(job.weight * tardy)
        built.objectives["tardiness"] = cp_model.LinearExpr.sum(late)
    makespan = model.new_int_var(0, horizon, "makespan")
    built.makespan = makespan
    model.add_max_equality(makespan, list(built.ends.values()))
    built.objectives["makespan"] = makespan
    current = {p.key: p for p in problem.current}
    moved = []
    for key, options in built.options.items():
        was = current.get(key)
        if was is None or any(o.op.fixed is not None for o in options):
            continue
        same = [o for o in options if o.station == was.station]
        changed = model.new_bool_var(f"moved {key}")
        built.moved[key] = (changed, was)
        if not same:
            model.add(changed == 1)
        else:
            keep = same[0].present
            if not isinstance(keep, int):
                model.add_implication(changed.negated(), keep)
            model.add(built.starts[key] == was.start).only_enforce_if(changed.negated())
        moved.append(changed)
    if moved:
        built.objectives["changes"] = cp_model.LinearExpr.sum(moved)


def _hint(built: _Built, plan: Sequence[PlannedOperation]) -> int | None:
    """Every variable from a plan (a rule's, or the one in force), so the solver starts from a solution.

    Returns the plan's makespan when it places every operation, else None.
    """
    model = built.model
    where = {p.key: p for p in plan}
    for placed in plan:
        options = built.options.get(placed.key)
        if not options or any(o.op.fixed is not None for o in options):
            continue
        for option in options:
            if not isinstance(option.present, int):
                model.add_hint(option.present, option.station == placed.station)
            if option.station == placed.station:
                begin, finish_at = placed.start, placed.end
            else:  # absent, but its variables still need values that fit together
                minutes, interruptible = option.minutes, option.op.interruptible or not option.fixed_size
                windows = option.calendar
                found = earliest_start(windows, option.op.release, minutes, interruptible)
                if found is None:
                    continue
                begin, finish_at = found, finish(windows, found, minutes, interruptible) or found + minutes
            model.add_hint(option.start, begin)
            model.add_hint(option.end, finish_at)
            if option.size is not None:
                model.add_hint(option.size, finish_at - begin)
            for (a, b), begins_here, ends_here in zip(option.windows, option.starts_in, option.ends_in, strict=True):
                model.add_hint(begins_here, a <= begin < b)
                model.add_hint(ends_here, a < finish_at <= b)
        if built.starts[placed.key] is not options[0].start:
            model.add_hint(built.starts[placed.key], placed.start)
        model.add_hint(built.ends[placed.key], placed.end)
    ends = {key: where[key].end for key in where}
    for key, options in built.options.items():
        if any(o.op.fixed is not None for o in options):
            fixed = options[0].op.fixed
            assert fixed is not None
            ends[key] = fixed.end
    for tardy, due, last in built.tardy:
        if last in ends:
            model.add_hint(tardy, max(0, ends[last] - due))
    ceiling = None
    if built.makespan is not None and len(ends) == len(built.options):
        ceiling = max(ends.values(), default=0)
        model.add_hint(built.makespan, ceiling)
    for key, (changed, was) in built.moved.items():
        if key in where:
            model.add_hint(changed, (where[key].station, where[key].start) != (was.station, was.start))
    # The circuits too: without their arcs the hint is no complete solution and the solver starts afresh.
    for options, arcs in built.circuits:
        here = []
        for index, option in enumerate(options, start=1):
            if option.op.fixed is not None:
                here.append((option.op.fixed.start, index))
            elif option.op.key in where and where[option.op.key].station == option.station:
                here.append((where[option.op.key].start, index))
        order = [0] + [index for _, index in sorted(here)] + [0]
        chosen = set(itertools.pairwise(order)) if here else {(0, 0)}
        for pair, literal in arcs.items():
            built.model.add_hint(literal, pair in chosen)
    return ceiling


def _keep(built: _Built, values: list[int]) -> None:
    """Start the next stage from this stage's solution (every variable of the model)."""
    _set_hint(built.model, values)


def _set_hint(model: cp_model.CpModel, values: list[int]) -> None:
    """Hint every variable at once (a solution's values, by the variables' indices)."""
    proto = model.proto
    proto.clear_solution_hint()
    proto.solution_hint.vars.extend(range(len(values)))
    proto.solution_hint.values.extend(values)


def _extract(problem: Problem, built: _Built, values: list[int]) -> tuple[PlannedOperation, ...]:
    stations = {s.code: s for s in problem.stations}
    chosen: list[tuple[str, int, int, Operation]] = []
    for key, options in built.options.items():
        option = next(o for o in options if isinstance(o.present, int) or values[o.present.index])
        chosen.append((option.station, values[built.starts[key].index], values[built.ends[key].index], option.op))
    result = []
    chosen.sort(key=lambda c: (c[0], c[1], c[3].key))
    for code, group in itertools.groupby(chosen, key=lambda c: c[0]):
        family = stations[code].initial_family
        for _code, start, end, op in group:
            setup = setup_minutes(problem, stations[code], family, op) if op.fixed is None else 0
            result.append(PlannedOperation(op.key, code, start, end, setup))
            family = op.family
    return tuple(result)
