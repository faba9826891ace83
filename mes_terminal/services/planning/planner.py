"""The plant's plan: released operations, stations and shift calendars in; a checked plan out.

Reads through `services/queries/schedule.py` and the line calendars, builds the pure scheduler's
`Problem` (minutes from the origin), solves it and turns the answer back into real time. From the
plant file come each station's capacity, each routing operation's transfer time and whether it may
pause over a break, each product's changeover family (else the product itself) with the site's
changeover matrix (a pair it lacks takes the routing's setup minutes), and the time a station does
not work: outside its line's shifts (a line without shifts works around the clock), on its line's
holidays (site-local days) and in its maintenance windows. An operation whose material is still on its
way is released when the lot it needs may be used (`planning/material.py`).
"""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from mes_terminal.domain.intervals import Span
from mes_terminal.domain.shift_calendar import ShiftPattern, patterns_from
from mes_terminal.domain.statuses import ACTIVE_OPERATION
from mes_terminal.scheduling import problem as sp
from mes_terminal.scheduling.check import violations
from mes_terminal.scheduling.options import Options
from mes_terminal.scheduling.plan import Figures, Plan
from mes_terminal.scheduling.solve import schedule
from mes_terminal.scheduling.timeline import around_the_clock, instant, minutes, windows
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus, Outcome
from mes_terminal.services.planning.material import MaterialPlan, net
from mes_terminal.services.queries import schedule as q
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.reports.queries import line_shifts


@dataclass(frozen=True)
class PlanLine:
    work_order: str
    operation: int  # the routing sequence number
    name: str
    station: str
    start: datetime  # UTC
    end: datetime
    setup_minutes: int
    late: bool  # the order's last operation, ending after its due date
    kept: bool  # running, or inside the frozen window: not moved


@dataclass(frozen=True)
class PlanFigures:
    method: str  # "cp-sat" or the dispatch rule ("edd", "spt", "cr")
    weighted_tardiness_minutes: int
    late_orders: int
    makespan_minutes: int
    finish: datetime | None  # when the last operation ends
    changes: int  # operations moved against the plan in force
    utilisation: dict[str, float]  # station -> worked / planned time up to the finish
    optimal: bool
    seconds: float


@dataclass(frozen=True)
class PlantPlan:
    origin: datetime
    horizon_end: datetime
    lines: tuple[PlanLine, ...]  # by station, then start
    figures: PlanFigures
    baseline: PlanFigures | None  # the best dispatch rule's plan
    violations: tuple[str, ...]  # what the independent check found wrong (empty for a good plan)
    material: MaterialPlan = field(
        default_factory=lambda: MaterialPlan((), ())
    )  # waits for lots, shortages, substitutes


@dataclass(frozen=True)
class Facts:
    """What the problem is built from (the queries' rows), so it can be built without a database."""

    stations: tuple[q.StationRow, ...]
    calendars: dict[int, list[ShiftPattern]]  # line id -> shift patterns
    operations: tuple[q.OperationRow, ...]
    current: tuple[q.CurrentRow, ...]
    changeovers: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (from, to family) -> minutes
    holidays: Mapping[int, tuple[date, ...]] = field(default_factory=dict)  # line id -> site-local days off
    maintenance: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)  # station -> closed spans
    demand: tuple[q.DemandRow, ...] = ()  # lot-controlled material still needed, with the lines' substitutes
    supply: tuple[q.SupplyRow, ...] = ()  # material on hand and expected

    def material(self) -> MaterialPlan:
        return net(self.demand, self.supply)


def read_facts(engine: Engine) -> Facts:
    with read_connection(engine) as connection:
        stations = q.stations(connection)
        line_ids = sorted({s.line_id for s in stations})
        shifts = line_shifts(connection, line_ids) if line_ids else {}
        matrix: dict[tuple[str, str], int] = {}
        for change in q.changeovers(connection):
            # Two sites naming the same pair differently: plan with the longer changeover.
            pair = (change.from_family, change.to_family)
            matrix[pair] = max(matrix.get(pair, 0), change.minutes)
        days_off: dict[int, list[date]] = defaultdict(list)
        for holiday in q.holidays(connection):
            days_off[holiday.line_id].append(holiday.day)
        closed: dict[str, list[Span]] = defaultdict(list)
        for window in q.maintenance(connection):
            closed[window.station].append(Span(window.start, window.end))
        return Facts(
            tuple(stations),
            {line_id: patterns_from(rows) for line_id, rows in shifts.items()},
            tuple(q.open_operations(connection)),
            tuple(q.current_plan(connection)),
            matrix,
            {line_id: tuple(days) for line_id, days in days_off.items()},
            {code: tuple(spans) for code, spans in closed.items()},
            tuple(q.material_demand(connection)),
            tuple(q.material_supply(connection)),
        )


def plan_plant(
    engine: Engine,
    now: datetime,
    *,
    start: datetime | None = None,
    horizon_days: int = 7,
    time_limit: float = 10.0,
    frozen_hours: float = 0.0,
    workers: int = 1,
    seed: int = 0,
) -> PlantPlan:
    """A plan of every open operation from `start` (else now); a `MesError` when it cannot be planned."""
    origin = _whole_minute(start or now)
    facts = read_facts(engine)
    problem = build_problem(facts, origin, now, horizon_days, frozen_hours)
    result = schedule(problem, Options(time_limit=time_limit, workers=workers, seed=seed))
    names = {f"{row.work_order}/{row.seq}": row.name for row in facts.operations}
    return replace(_plant_plan(problem, origin, result.plan, result.baseline, names), material=facts.material())


def build_problem(
    facts: Facts,
    origin: datetime,
    now: datetime,
    horizon_days: int,
    frozen_hours: float,
    *,
    down_until: Mapping[str, datetime] | None = None,
) -> sp.Problem:
    """The scheduler's problem; a station in `down_until` does no work before that moment (a breakdown
    planned around like a maintenance window), and what runs there goes on after it."""
    horizon = horizon_days * 24 * 60
    down_until = down_until or {}
    down = {code: max(0, minutes(origin, until)) for code, until in down_until.items()}
    stations = []
    for row in facts.stations:
        zone = ZoneInfo(row.timezone)
        patterns = facts.calendars.get(row.line_id, [])
        closed = [_local_day(day, zone) for day in facts.holidays.get(row.line_id, ())]
        closed += facts.maintenance.get(row.code, ())
        if row.code in down and down[row.code] > 0:
            closed.append(Span(origin, down_until[row.code]))
        if patterns:
            found = windows(patterns, zone, origin, horizon, closed)
        else:
            found = around_the_clock(origin, horizon, closed)
        stations.append(sp.Station(row.code, found, capacity=row.capacity))
    frozen_until = origin + timedelta(hours=frozen_hours)
    current = {(r.work_order, r.seq): r for r in facts.current}
    by_order: dict[str, list[q.OperationRow]] = defaultdict(list)
    for op_row in facts.operations:
        by_order[op_row.work_order].append(op_row)
    material = facts.material()
    jobs = []
    for number, rows in by_order.items():
        operations = tuple(_operation(row, origin, now, horizon, current, frozen_until, down, material) for row in rows)
        if any(op.fixed is None and op.release >= horizon for op in operations):
            continue  # its material comes after the horizon: not in this plan (the material plan says why)
        first = rows[0]
        jobs.append(sp.Job(number, operations, due=minutes(origin, first.due_at), weight=max(1, 1 + first.priority)))
    known = {op.key for job in jobs for op in job.operations}
    plan_now = tuple(
        sp.PlannedOperation(f"{r.work_order}/{r.seq}", r.station, minutes(origin, r.start), minutes(origin, r.end))
        for r in facts.current
        if f"{r.work_order}/{r.seq}" in known
    )
    return sp.Problem(tuple(jobs), tuple(stations), horizon, changeover=dict(facts.changeovers), current=plan_now)


def _local_day(day: date, zone: ZoneInfo) -> Span:
    """A site-local day as real time: from its midnight to the next (23 or 25 hours across a clock change)."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return Span(start.astimezone(UTC), end.astimezone(UTC))


def _operation(
    row: q.OperationRow,
    origin: datetime,
    now: datetime,
    horizon: int,
    current: dict[tuple[str, int], q.CurrentRow],
    frozen_until: datetime,
    down: Mapping[str, int],
    material: MaterialPlan,
) -> sp.Operation:
    key = f"{row.work_order}/{row.seq}"
    work = _work_minutes(row)
    # What every operation carries, kept or free: its family's changeover, its transfer, whether it may pause.
    rules = sp.Operation(
        key,
        {},
        interruptible=row.interruptible,
        family=row.family or row.product,
        setup=math.ceil(row.setup_minutes),
        wait_before=row.transfer_minutes,
    )
    if row.status in ACTIVE_OPERATION and row.station is not None:
        begun = minutes(origin, row.started_at or now)
        # Work on a station that is down goes on when it is up again.
        left = max(0, minutes(origin, now), down.get(row.station, 0)) + work
        fixed = sp.Fixed(row.station, min(begun, 0), min(horizon, max(left, 1)))
        return replace(rules, durations={row.station: work}, fixed=fixed)
    planned = current.get((row.work_order, row.seq))
    if planned is not None and origin <= planned.start < frozen_until and planned.station in row.eligible:
        fixed = sp.Fixed(planned.station, minutes(origin, planned.start), minutes(origin, planned.end))
        return replace(rules, durations={planned.station: work}, fixed=fixed)
    releases = [row.released_at, material.release(row.work_order, row.seq)]
    release = max((max(0, minutes(origin, at)) for at in releases if at is not None), default=0)
    durations = {code: work for code in row.eligible} if row.cycle_seconds is not None else {}
    return replace(rules, durations=durations, release=release)


def _work_minutes(row: q.OperationRow) -> int:
    """Minutes the rest of the operation needs: what is left to make at the routing's ideal cycle."""
    if row.cycle_seconds is None:
        return 1
    left = max(row.quantity - row.good, Decimal(0))
    return max(1, math.ceil(left * row.cycle_seconds / 60))


def _plant_plan(
    problem: sp.Problem, origin: datetime, plan: Plan, baseline: Plan | None, names: dict[str, str]
) -> PlantPlan:
    lasts = {job.operations[-1].key: job for job in problem.jobs if job.operations}
    kept = {op.key for job in problem.jobs for op in job.operations if op.fixed is not None}
    lines = []
    for p in plan.operations:
        number, _, seq = p.key.rpartition("/")
        job = lasts.get(p.key)
        late = job is not None and job.due is not None and p.end > job.due
        lines.append(
            PlanLine(
                number,
                int(seq),
                names.get(p.key, ""),
                p.station,
                instant(origin, p.start),
                instant(origin, p.end),
                p.setup,
                late,
                p.key in kept,
            )
        )
    return PlantPlan(
        origin,
        instant(origin, problem.horizon),
        tuple(lines),
        _figures(origin, plan.figures, plan),
        _figures(origin, baseline.figures, baseline) if baseline else None,
        tuple(violations(problem, plan.operations)),
    )


def _figures(origin: datetime, figures: Figures, plan: Plan) -> PlanFigures:
    return PlanFigures(
        method=plan.method,
        weighted_tardiness_minutes=figures.weighted_tardiness,
        late_orders=figures.late_jobs,
        makespan_minutes=figures.makespan,
        finish=instant(origin, figures.makespan) if plan.operations else None,
        changes=figures.changes,
        utilisation=figures.utilisation,
        optimal=plan.optimal,
        seconds=plan.seconds,
    )


def _whole_minute(at: datetime) -> datetime:
    at = at.astimezone(UTC)
    rounded = at.replace(second=0, microsecond=0)
    return rounded if rounded == at else rounded + timedelta(minutes=1)


def plan_lines(plan: PlantPlan) -> tuple[str, ...]:
    """The plan as the lines of a `PublishSchedule` command."""
    return tuple(
        " ".join((f"{x.work_order}/{x.operation}", x.station, _stamp(x.start), _stamp(x.end), str(x.setup_minutes)))
        for x in plan.lines
    )


def publish(bus: CommandBus, plan: PlantPlan, actor: str, issued_at: datetime) -> Outcome:
    """Store the plan as the plan in force (one audited command); the dispatch lists follow it."""
    return bus.execute(
        c.PublishSchedule(command_id=uuid.uuid4(), actor=actor, issued_at=issued_at, operations=plan_lines(plan))
    )


def plan_json(plan: PlantPlan) -> dict[str, object]:
    """The JSON of INTERFACES.md §3: operations, figures and the rule baseline's figures; times RFC 3339 UTC."""
    return {
        "operations": [
            {
                "work_order": line.work_order,
                "operation": line.operation,
                "station": line.station,
                "start": _stamp(line.start),
                "end": _stamp(line.end),
                "setup_minutes": line.setup_minutes,
            }
            for line in plan.lines
        ],
        "figures": _figures_json(plan.figures),
        "baseline": _figures_json(plan.baseline) if plan.baseline else None,
        "from": _stamp(plan.origin),
        "until": _stamp(plan.horizon_end),
        "material": {
            "waits": [
                {
                    "work_order": w.work_order,
                    "operation": w.operation,
                    "material": w.material,
                    "lot": w.lot,
                    "lot_material": w.lot_material,
                    "until": _stamp(w.until),
                    "planned": w.until < plan.horizon_end,
                }
                for w in plan.material.waits
            ],
            "shortages": [
                {
                    "work_order": s.work_order,
                    "operation": s.operation,
                    "material": s.material,
                    "missing": f"{s.missing.normalize():f}",
                    "substitutes": list(s.substitutes),
                }
                for s in plan.material.shortages
            ],
            "substitutions": [
                {
                    "work_order": u.work_order,
                    "operation": u.operation,
                    "material": u.material,
                    "substitute": u.substitute,
                    "quantity": f"{u.quantity.normalize():f}",
                }
                for u in plan.material.substitutions
            ],
        },
    }


def _figures_json(figures: PlanFigures) -> dict[str, object]:
    return {
        "method": figures.method,
        "weighted_tardiness_minutes": figures.weighted_tardiness_minutes,
        "late_orders": figures.late_orders,
        "makespan_minutes": figures.makespan_minutes,
        "finish": _stamp(figures.finish) if figures.finish else None,
        "changes": figures.changes,
        "utilisation": figures.utilisation,
        "optimal": figures.optimal,
        "seconds": figures.seconds,
    }


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
