"""Report queries: scope, calendars, counts, production and scrap, aggregated in SQL over the raw records.

Nothing here loops over records in Python: each function is one or two statements that group in the
database. Stops and their planned part are in `stop_totals`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, case, func, literal, or_, select, union_all

from mes_terminal.db.base import UtcDateTime
from mes_terminal.db.records import (
    Count,
    DowntimeReason,
    Event,
    JobRun,
    Line,
    LineShift,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    ScrapReason,
    Shift,
    ShiftBreak,
    Site,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.error_codes import UNKNOWN_LINE, UNKNOWN_STATION
from mes_terminal.domain.errors import UnknownEntity
from mes_terminal.domain.intervals import Span
from mes_terminal.domain.statuses import DISPATCHED_ORDER

ZERO = Decimal(0)


@dataclass(frozen=True)
class StationInfo:
    id: int
    code: str
    name: str
    line_id: int
    line_code: str
    micro_stop_seconds: int | None
    timezone: str


@dataclass(frozen=True)
class ReasonInfo:
    id: int
    code: str
    name: str
    parent_id: int | None
    category: str
    loss: str


@dataclass(frozen=True)
class CountGroup:
    station_id: int
    good: Decimal
    scrap: Decimal
    ideal_seconds: Decimal  # sum of ideal cycle time x (good + scrap)
    without_ideal: Decimal  # units counted on operations that have no ideal cycle time
    machine: Decimal = ZERO  # good + scrap that a machine's counter reported


ShiftRow = tuple[str, str, time, time, list[tuple[time, int]]]


def stations(connection: Connection, station: str | None = None, line: str | None = None) -> list[StationInfo]:
    """The active stations of the scope: one station, one line, or the whole plant."""
    query = (
        select(
            Workstation.id,
            Workstation.code,
            Workstation.name,
            Workstation.line_id,
            Line.code,
            Workstation.micro_stop_seconds,
            Site.timezone,
        )
        .join(Line, Line.id == Workstation.line_id)
        .join(Site, Site.id == Line.site_id)
        .order_by(Workstation.code)
    )
    if station is not None:
        rows = connection.execute(query.where(Workstation.code == station)).all()
        if not rows:
            raise UnknownEntity(UNKNOWN_STATION.sentence(code=station), code=UNKNOWN_STATION)
        return [StationInfo(*row) for row in rows]
    if line is not None:
        if connection.execute(select(Line.id).where(Line.code == line)).first() is None:
            raise UnknownEntity(UNKNOWN_LINE.sentence(line=line), code=UNKNOWN_LINE)
        query = query.where(Line.code == line)
    return [StationInfo(*row) for row in connection.execute(query.where(Workstation.active)).all()]


def site_name(connection: Connection) -> tuple[str, str] | None:
    """The site's name and code (the first site: a database holds one)."""
    row = connection.execute(select(Site.name, Site.code).order_by(Site.id).limit(1)).first()
    return None if row is None else (row[0], row[1])


def site_title(connection: Connection) -> str:
    """The site as its documents name it: "Werk Nord (NORD)"; "" before a plant file is loaded."""
    site = site_name(connection)
    return f"{site[0]} ({site[1]})" if site else ""


def site_timezone(connection: Connection) -> str | None:
    return connection.execute(select(Site.timezone).order_by(Site.id).limit(1)).scalar_one_or_none()


def line_shifts(connection: Connection, line_ids: Sequence[int]) -> dict[int, list[ShiftRow]]:
    """For each line, the shift patterns it works, with their breaks."""
    rows = connection.execute(
        select(LineShift.line_id, Shift.id, Shift.code, Shift.days, Shift.start_time, Shift.end_time)
        .join(Shift, Shift.id == LineShift.shift_id)
        .where(LineShift.line_id.in_(line_ids))
        .order_by(LineShift.line_id, Shift.code)
    ).all()
    breaks: dict[int, list[tuple[time, int]]] = {}
    for shift_id, start, minutes in connection.execute(
        select(ShiftBreak.shift_id, ShiftBreak.start_time, ShiftBreak.minutes)
        .where(ShiftBreak.shift_id.in_({r.id for r in rows}))
        .order_by(ShiftBreak.start_time)
    ):
        breaks.setdefault(shift_id, []).append((start, minutes))
    result: dict[int, list[ShiftRow]] = {line_id: [] for line_id in line_ids}
    for row in rows:
        result[row.line_id].append((row.code, row.days, row.start_time, row.end_time, breaks.get(row.id, [])))
    return result


def reasons(connection: Connection) -> dict[int, ReasonInfo]:
    rows = connection.execute(
        select(
            DowntimeReason.id,
            DowntimeReason.code,
            DowntimeReason.name,
            DowntimeReason.parent_id,
            DowntimeReason.category,
            DowntimeReason.loss,
        )
    ).all()
    return {row.id: ReasonInfo(*row) for row in rows}


def count_groups(connection: Connection, station_ids: Sequence[int], window: Span) -> list[CountGroup]:
    """Good, scrap and ideal time of what each station reported in the window."""
    if not station_ids:
        return []
    total = Count.good + Count.scrap
    query = (
        select(
            Count.workstation_id,
            func.sum(Count.good),
            func.sum(Count.scrap),
            func.sum(total * RoutingOperation.ideal_cycle_seconds),
            func.sum(case((RoutingOperation.id.is_(None), total), else_=0)),
            func.sum(case((Count.source == "machine", total), else_=0)),
        )
        .join(WorkOrderOperation, WorkOrderOperation.id == Count.operation_id)
        .outerjoin(RoutingOperation, RoutingOperation.id == WorkOrderOperation.routing_operation_id)
        .where(_counted_in(station_ids, window))
        .group_by(Count.workstation_id)
    )
    return [
        CountGroup(station, _dec(good), _dec(scrap), _dec(ideal), _dec(missing), _dec(machine))
        for station, good, scrap, ideal, missing, machine in connection.execute(query)
    ]


def ideal_detail(connection: Connection, station_ids: Sequence[int], window: Span) -> list[dict[str, Any]]:
    """Per station, product and operation: the ideal cycle time and the counts behind the ideal time."""
    if not station_ids:
        return []
    query = (
        select(
            Workstation.code.label("station"),
            Material.code.label("product"),
            WorkOrderOperation.seq.label("operation"),
            RoutingOperation.ideal_cycle_seconds.label("ideal_cycle_seconds"),
            func.sum(Count.good + Count.scrap).label("total_count"),
            func.sum((Count.good + Count.scrap) * RoutingOperation.ideal_cycle_seconds).label("ideal_seconds"),
        )
        .join(Workstation, Workstation.id == Count.workstation_id)
        .join(WorkOrderOperation, WorkOrderOperation.id == Count.operation_id)
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .join(Material, Material.id == WorkOrder.product_id)
        .outerjoin(RoutingOperation, RoutingOperation.id == WorkOrderOperation.routing_operation_id)
        .where(_counted_in(station_ids, window))
        .group_by(Workstation.code, Material.code, WorkOrderOperation.seq, RoutingOperation.ideal_cycle_seconds)
        .order_by(Workstation.code, Material.code, WorkOrderOperation.seq)
    )
    return [
        {**row._mapping, "total_count": _dec(row.total_count), "ideal_seconds": _dec(row.ideal_seconds)}
        for row in connection.execute(query)
    ]


def released_work(
    connection: Connection, station_ids: Sequence[int], window: Span, now: datetime
) -> dict[int, list[Span]]:
    """When each station had work released to it, inside `window`, as sorted disjoint spans: from the
    release of a work order to the completion of its operation that the station may run (up to now while
    the order is open), and every job run there. One statement for all stations; the database joins
    overlapping spans (gaps and islands), so a year of orders comes back as a few rows a station."""
    if not station_ids:
        return {}
    wo, op = WorkOrder, WorkOrderOperation
    open_or_done = or_(op.completed_at > window.start, and_(op.completed_at.is_(None), wo.status.in_(DISPATCHED_ORDER)))
    released = (
        select(
            RoutingOperationStation.workstation_id.label("station"),
            wo.released_at.label("s"),
            op.completed_at.label("e"),
        )
        .join(op, op.routing_operation_id == RoutingOperationStation.routing_operation_id)
        .join(wo, wo.id == op.work_order_id)
        .where(
            RoutingOperationStation.workstation_id.in_(station_ids),
            wo.released_at.is_not(None),
            wo.released_at < window.end,
            open_or_done,
        )
    )
    runs = select(JobRun.workstation_id, JobRun.started_at, JobRun.ended_at).where(
        JobRun.workstation_id.in_(station_ids),
        JobRun.started_at < window.end,
        or_(JobRun.ended_at.is_(None), JobRun.ended_at > window.start),
    )
    both = union_all(released, runs).subquery("work")
    until = func.coalesce(both.c.e, literal(now, UtcDateTime()))
    order = (both.c.s, until)
    # A span opens an island unless it starts before the latest end of the spans before it.
    reach = func.max(until).over(partition_by=both.c.station, order_by=order, rows=(None, -1))
    marked = select(both.c.station, both.c.s, until.label("e"), reach.label("reach")).subquery("marked")
    opens = case((marked.c.reach >= marked.c.s, 0), else_=1)
    island = func.sum(opens).over(partition_by=marked.c.station, order_by=(marked.c.s, marked.c.e), rows=(None, 0))
    numbered = select(marked.c.station, marked.c.s, marked.c.e, island.label("island")).subquery("numbered")
    islands = select(numbered.c.station, func.min(numbered.c.s), func.max(numbered.c.e)).group_by(
        numbered.c.station, numbered.c.island
    )
    spans: dict[int, list[Span]] = {}
    station: int
    start: datetime
    stop: datetime
    for station, start, stop in connection.execute(islands):
        begin, end = max(start, window.start), min(stop, window.end)
        if begin < end:
            spans.setdefault(station, []).append(Span(begin, end))
    return {key: sorted(value) for key, value in spans.items()}


def production_rows(connection: Connection, station_ids: Sequence[int], window: Span) -> list[dict[str, Any]]:
    """Good and scrap per station, work order and operation reported in the window."""
    if not station_ids:
        return []
    query = (
        select(
            Workstation.code.label("station"),
            WorkOrder.number.label("work_order"),
            WorkOrderOperation.seq.label("operation"),
            WorkOrderOperation.name.label("operation_name"),
            Material.code.label("product"),
            Material.unit.label("unit"),
            func.sum(Count.good).label("good"),
            func.sum(Count.scrap).label("scrap"),
            func.sum(case((Count.source == "correction", 0), else_=1)).label("reports"),  # corrections are no report
            func.min(Count.reported_at).label("first_report"),
            func.max(Count.reported_at).label("last_report"),
            WorkOrder.due_at.label("due"),
        )
        .join(Workstation, Workstation.id == Count.workstation_id)
        .join(WorkOrderOperation, WorkOrderOperation.id == Count.operation_id)
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .join(Material, Material.id == WorkOrder.product_id)
        .where(_counted_in(station_ids, window))
        .group_by(
            Workstation.code,
            WorkOrder.number,
            WorkOrderOperation.seq,
            WorkOrderOperation.name,
            Material.code,
            Material.unit,
            WorkOrder.due_at,
        )
        .order_by(Workstation.code, WorkOrder.number, WorkOrderOperation.seq)
    )
    return [{**row._mapping, "good": _dec(row.good), "scrap": _dec(row.scrap)} for row in connection.execute(query)]


def without_material_counts(
    connection: Connection, station_codes: Sequence[str], window: Span
) -> dict[tuple[str, str], int]:
    """How often each job ("WO/seq") at each station was reported without its material in the window."""
    if not station_codes:
        return {}
    query = (
        select(Event.station, Event.entity_id, func.count())
        .where(
            Event.type == "ReportedWithoutMaterial",
            Event.station.in_(list(station_codes)),
            Event.occurred_at >= window.start,
            Event.occurred_at < window.end,
        )
        .group_by(Event.station, Event.entity_id)
    )
    return {(str(station), key): int(n) for station, key, n in connection.execute(query)}


def scrap_rows(connection: Connection, station_ids: Sequence[int], window: Span) -> list[dict[str, Any]]:
    """Scrap per reason (and unit), largest first."""
    if not station_ids:
        return []
    scrap = func.sum(Count.scrap)
    query = (
        select(
            ScrapReason.code.label("reason"),
            ScrapReason.name.label("name"),
            Material.unit.label("unit"),
            scrap.label("scrap"),
            func.sum(case((Count.source == "correction", 0), else_=1)).label("reports"),
        )
        .join(ScrapReason, ScrapReason.id == Count.scrap_reason_id)
        .join(WorkOrderOperation, WorkOrderOperation.id == Count.operation_id)
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .join(Material, Material.id == WorkOrder.product_id)
        .where(_counted_in(station_ids, window), Count.scrap != 0)  # corrections may take scrap back
        .group_by(ScrapReason.code, ScrapReason.name, Material.unit)
        .having(scrap != 0)  # a reason whose scrap was all taken back is no loss
        .order_by(scrap.desc(), ScrapReason.code)
    )
    return [{**row._mapping, "scrap": _dec(row.scrap)} for row in connection.execute(query)]


def _counted_in(station_ids: Sequence[int], window: Span) -> ColumnElement[bool]:
    return and_(
        Count.workstation_id.in_(station_ids),
        Count.reported_at >= window.start,
        Count.reported_at < window.end,
    )


def _dec(value: object) -> Decimal:
    """A sum from either database as a Decimal at the quantity scale (SQLite sums in floating point)."""
    if value is None:
        return ZERO
    return Decimal(str(value)).quantize(Decimal("0.000001")).normalize()
