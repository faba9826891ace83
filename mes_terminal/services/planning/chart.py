"""The plan in force (or a draft: `draft.chart`) per station: planned time and operations, for a Gantt."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from mes_terminal.scheduling.timeline import instant, windows
from mes_terminal.services.planning.planner import read_facts


@dataclass(frozen=True)
class ChartBar:
    work_order: str
    operation: int
    name: str
    start: datetime
    end: datetime
    setup_minutes: int  # the changeover just before start
    late: bool  # the order's last open operation, ending after its due date
    locked: bool = False  # kept where it is when the draft is rescheduled
    kept: bool = False  # running, or fixed: the scheduler does not move it

    @property
    def key(self) -> str:
        return f"{self.work_order}/{self.operation}"


@dataclass(frozen=True)
class ChartLane:
    station: str
    working: tuple[tuple[datetime, datetime], ...]  # planned time (shifts without breaks) in the chart
    bars: tuple[ChartBar, ...]
    down: tuple[datetime, datetime] | None = None  # planned without this station over this span


@dataclass(frozen=True)
class PlanChart:
    start: datetime
    end: datetime
    lanes: tuple[ChartLane, ...]  # every active station, in code order
    planned: int  # operations in the published plan
    timezone: str  # the site's, for the time axis


def plan_chart(engine: Engine, now: datetime, days: int = 2) -> PlanChart:
    """The plan in force from the start of the current hour for `days` days."""
    start = now.replace(minute=0, second=0, microsecond=0)
    end = start + timedelta(days=days)
    facts = read_facts(engine)
    operations = {(row.work_order, row.seq): row for row in facts.operations}
    last_open = {row.work_order: row.seq for row in facts.operations}  # rows come in routing order
    bars: dict[str, list[ChartBar]] = defaultdict(list)
    for row in facts.current:
        op = operations.get((row.work_order, row.seq))
        if op is None or row.end <= start or row.start >= end:
            continue
        late = last_open.get(row.work_order) == row.seq and row.end > op.due_at
        bars[row.station].append(
            ChartBar(row.work_order, row.seq, op.name, row.start, row.end, row.setup_minutes, late)
        )
    lanes = []
    minutes = days * 24 * 60
    for station in facts.stations:
        patterns = facts.calendars.get(station.line_id, [])
        found = windows(patterns, ZoneInfo(station.timezone), start, minutes) if patterns else ((0, minutes),)
        working = tuple((instant(start, a), instant(start, b)) for a, b in found)
        lanes.append(ChartLane(station.code, working, tuple(sorted(bars[station.code], key=lambda b: b.start))))
    zone = facts.stations[0].timezone if facts.stations else "UTC"
    return PlanChart(start, end, tuple(lanes), len(facts.current), zone)
