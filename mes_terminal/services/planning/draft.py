"""A plan being edited in the console: moved by hand, locked, rescheduled; not in force until published.

A draft starts as the plan in force. A move is checked by `scheduling/check.py` (the one owner of the
rules): the plan after the move is checked and a move that breaks a rule the plan before it kept is
refused with that rule's sentence, the draft staying as it was. "Reschedule" solves again with the
locked operations fixed where the draft has them and with stations that are down unavailable until
the moment given (a window closed like maintenance). Publishing goes through `PublishSchedule`.

Pure functions over frozen values: the console runs the database reads and the solves on its worker
thread and swaps in the draft that comes back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from mes_terminal.domain.clock import site_time
from mes_terminal.domain.error_codes import SCHEDULE_MOVE_REFUSED, SCHEDULE_PLAN_FAULT
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.intervals import Span
from mes_terminal.scheduling import problem as sp
from mes_terminal.scheduling.calendar import finish
from mes_terminal.scheduling.check import violations
from mes_terminal.scheduling.options import Options
from mes_terminal.scheduling.plan import Figures, Plan, figures
from mes_terminal.scheduling.solve import schedule
from mes_terminal.scheduling.timeline import instant, minutes, windows
from mes_terminal.services.planning.chart import ChartBar, ChartLane, PlanChart
from mes_terminal.services.planning.planner import (
    Facts,
    PlantPlan,
    _plant_plan,
    _whole_minute,
    build_problem,
    plan_lines,
    read_facts,
)
from mes_terminal.services.queries import schedule as q
from mes_terminal.services.queries.read_only import read_connection

HORIZON_DAYS = 7


@dataclass(frozen=True)
class Draft:
    facts: Facts
    now: datetime
    origin: datetime  # minute 0 of `problem`
    problem: sp.Problem  # without the locks (they are fixed only when solving), with the stations down
    operations: tuple[sp.PlannedOperation, ...]  # the draft, in minutes from the origin
    stops: tuple[q.StopRow, ...]  # stations down now
    locked: frozenset[str] = frozenset()  # operation keys ("WO-1/10") kept where they are by Reschedule
    down_until: Mapping[str, datetime] = field(default_factory=dict)  # station -> no work before this
    changed: bool = False  # differs from the plan in force: publish to put it in force
    method: str = "published"  # what made it: the plan in force, a move, or the solver's method
    days: int = 2  # the chart's span

    @property
    def timezone(self) -> str:
        return self.facts.stations[0].timezone if self.facts.stations else "UTC"

    @property
    def figures(self) -> Figures:
        return figures(self.problem, self.operations)

    def at(self, minute: int) -> str:
        """A minute of the draft as the site's wall-clock time (the refusals' wording)."""
        return site_time(instant(self.origin, minute), self.timezone, "week_time")

    def faults(self) -> list[str]:
        return violations(self.problem, self.operations, self.at)

    def unplanned(self) -> int:
        """Open operations the draft does not place (released after it was planned)."""
        placed = {p.key for p in self.operations}
        return sum(1 for job in self.problem.jobs for op in job.operations if op.key not in placed)

    def eligible(self, key: str) -> tuple[str, ...]:
        for job in self.problem.jobs:
            for op in job.operations:
                if op.key == key:
                    return (op.fixed.station,) if op.fixed else tuple(op.durations)
        return ()


def open_draft(engine: Engine, now: datetime, days: int = 2) -> Draft:
    """The plan in force as a draft, with the stations down now."""
    facts, stops = _read(engine)
    origin = _whole_minute(now)
    problem = build_problem(facts, origin, now, HORIZON_DAYS, 0.0)
    return Draft(facts, now, origin, problem, problem.current, stops, days=days)


def _read(engine: Engine) -> tuple[Facts, tuple[q.StopRow, ...]]:
    facts = read_facts(engine)
    with read_connection(engine) as connection:
        stops = tuple(q.open_stops(connection))
    return facts, stops


def move(draft: Draft, key: str, station: str, start: datetime) -> Draft:
    """The draft with `key` at `station` from `start` (its end follows the station's calendar); an
    `InvalidState` with the broken rule's sentence when the plan after the move breaks one."""
    ops = {op.key: (job, op) for job in draft.problem.jobs for op in job.operations}
    placed = {p.key: p for p in draft.operations}
    if key not in ops or key not in placed:
        raise InvalidState(f"{key} is not in the plan; reschedule to plan it.")
    _, op = ops[key]
    at = minutes(draft.origin, start)
    need = op.durations.get(station, max(1, placed[key].end - placed[key].start))
    stations = {s.code: s for s in draft.problem.stations}
    end = None
    if station in stations:
        end = finish(stations[station].windows, at, need, op.interruptible)
    moved = replace(placed[key], station=station, start=at, end=end if end is not None else at + need)
    after = _with_setups(draft.problem, tuple(moved if p.key == key else p for p in draft.operations))
    before = set(draft.faults())
    new = [fault for fault in violations(draft.problem, after, draft.at) if fault not in before]
    if new:
        raise InvalidState(SCHEDULE_MOVE_REFUSED.sentence(operation=key, rule=new[0]), code=SCHEDULE_MOVE_REFUSED)
    return replace(draft, operations=after, changed=True, method="moved")


def lock(draft: Draft, key: str, locked: bool = True) -> Draft:
    keys = draft.locked | {key} if locked else draft.locked - {key}
    return replace(draft, locked=frozenset(keys))


def reschedule(
    engine: Engine,
    draft: Draft,
    now: datetime,
    *,
    down_until: Mapping[str, datetime] | None = None,
    time_limit: float = 10.0,
) -> Draft:
    """A new draft solved from the database as it is now: locked operations fixed where the draft has
    them, stations in `down_until` (added to the draft's) doing nothing before their moment."""
    facts, stops = _read(engine)
    origin = _whole_minute(now)
    down = {code: until for code, until in {**draft.down_until, **(down_until or {})}.items() if until > origin}
    base = build_problem(facts, origin, now, HORIZON_DAYS, 0.0, down_until=down)
    shift = int((origin - draft.origin).total_seconds() // 60)
    known = {op.key for job in base.jobs for op in job.operations}
    current = tuple(replace(p, start=p.start - shift, end=p.end - shift) for p in draft.operations if p.key in known)
    kept = {p.key: p for p in current if p.key in draft.locked}
    jobs = tuple(
        replace(job, operations=tuple(_locked(op, kept.get(op.key)) for op in job.operations)) for job in base.jobs
    )
    problem = replace(base, jobs=jobs, current=current)
    result = schedule(problem, Options(time_limit=time_limit))
    faults = violations(
        problem, result.plan.operations, lambda m: site_time(instant(origin, m), _zone(facts), "week_time")
    )
    if faults:
        raise InvalidState(SCHEDULE_PLAN_FAULT.sentence(rule=faults[0]), code=SCHEDULE_PLAN_FAULT)
    locked = frozenset(key for key in draft.locked if key in known)
    return Draft(
        facts,
        now,
        origin,
        replace(base, current=current),
        result.plan.operations,
        stops,
        locked,
        down,
        changed=True,
        method=result.plan.method,
        days=draft.days,
    )


def _locked(op: sp.Operation, where: sp.PlannedOperation | None) -> sp.Operation:
    if where is None or op.fixed is not None:
        return op
    work = op.durations.get(where.station, where.end - where.start)
    return replace(op, durations={where.station: work}, fixed=sp.Fixed(where.station, where.start, where.end))


def _zone(facts: Facts) -> str:
    return facts.stations[0].timezone if facts.stations else "UTC"


def _with_setups(problem: sp.Problem, plan: tuple[sp.PlannedOperation, ...]) -> tuple[sp.PlannedOperation, ...]:
    """The plan with each operation's changeover from the one before it at its station."""
    ops = {op.key: op for job in problem.jobs for op in job.operations}
    stations = {s.code: s for s in problem.stations}
    setups: dict[str, int] = {}
    by_station: dict[str, list[sp.PlannedOperation]] = defaultdict(list)
    for p in plan:
        by_station[p.station].append(p)
    for code, placed in by_station.items():
        station = stations.get(code)
        family = station.initial_family if station else None
        for p in sorted(placed, key=lambda p: (p.start, p.end)):
            op = ops.get(p.key)
            if op is None or station is None:
                continue
            setups[p.key] = sp.setup_minutes(problem, station, family, op)
            family = op.family
    return tuple(replace(p, setup=setups.get(p.key, p.setup)) for p in plan)


def plant_plan(draft: Draft) -> PlantPlan:
    plan = Plan(draft.operations, draft.figures, draft.method)
    names = {f"{row.work_order}/{row.seq}": row.name for row in draft.facts.operations}
    return _plant_plan(draft.problem, draft.origin, plan, None, names)


def publishable(draft: Draft) -> tuple[str, ...]:
    """The draft as the lines of a `PublishSchedule`; refused with a sentence while it breaks a rule."""
    faults = draft.faults()
    if faults:
        raise InvalidState(SCHEDULE_PLAN_FAULT.sentence(rule=faults[0]), code=SCHEDULE_PLAN_FAULT)
    return plan_lines(plant_plan(draft))


def chart(draft: Draft) -> PlanChart:
    """The draft per station over the chart's days from the start of the current hour, for the Gantt."""
    start = draft.now.replace(minute=0, second=0, microsecond=0)
    end = start + timedelta(days=draft.days)
    names = {f"{row.work_order}/{row.seq}": row.name for row in draft.facts.operations}
    lasts = {job.operations[-1].key: job for job in draft.problem.jobs if job.operations}
    kept = {op.key for job in draft.problem.jobs for op in job.operations if op.fixed is not None}
    bars: dict[str, list[ChartBar]] = defaultdict(list)
    for p in draft.operations:
        begin, until = instant(draft.origin, p.start), instant(draft.origin, p.end)
        if until <= start or begin >= end:
            continue
        number, _, seq = p.key.rpartition("/")
        job = lasts.get(p.key)
        late = job is not None and job.due is not None and p.end > job.due
        bar = ChartBar(number, int(seq), names.get(p.key, ""), begin, until, p.setup, late)
        bars[p.station].append(replace(bar, locked=p.key in draft.locked, kept=p.key in kept))
    span = draft.days * 24 * 60
    lanes = []
    for station in draft.facts.stations:
        patterns = draft.facts.calendars.get(station.line_id, [])
        up = draft.down_until.get(station.code)
        down = (start, up) if up is not None and up > start else None
        closed = [Span(*down)] if down else []
        if patterns:
            found = windows(patterns, ZoneInfo(station.timezone), start, span, closed)
        else:
            found = ((minutes(start, down[1]) if down else 0, span),)
        working = tuple((instant(start, a), instant(start, b)) for a, b in found)
        lanes.append(
            ChartLane(station.code, working, tuple(sorted(bars[station.code], key=lambda b: b.start)), down=down)
        )
    return PlanChart(start, end, tuple(lanes), len(draft.operations), draft.timezone)
