"""What the quality rules read: a job's checklist, its results, its counts, its shift, a characteristic's values.

Plain reads over a `Connection`, so that handlers (through their session's connection, inside their
transaction) and the terminal's read-only queries ask the same questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Connection, func, select

from mes_terminal.db.records import (
    ChecklistItem,
    ChecklistResult,
    ChecklistTemplate,
    Count,
    Line,
    Lot,
    Nonconformance,
    RoutingOperation,
    Site,
    User,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.checks import CheckItem, CheckRecord, JobProgress
from mes_terminal.domain.intervals import Span
from mes_terminal.domain.shift_calendar import occurrences, patterns_from
from mes_terminal.services.reports.queries import line_shifts


@dataclass(frozen=True)
class Checklist:
    code: str
    version: int
    name: str
    items: tuple[CheckItem, ...]
    item_ids: dict[str, int]  # item code -> row id in this version


@dataclass(frozen=True)
class QualityRules:
    hold_on_failed_check: bool
    checks_block: str  # "counts" or "completion"
    two_person_signatures: bool
    spc_reaction: str
    spc_baseline: int


def newest_checklist(connection: Connection, code: str) -> Checklist | None:
    """The newest loaded version of checklist `code`, items in their order."""
    return _newest(connection, ChecklistTemplate.code == code)


def _newest(connection: Connection, which: ColumnElement[bool]) -> Checklist | None:
    template = connection.execute(
        select(ChecklistTemplate.id, ChecklistTemplate.code, ChecklistTemplate.version, ChecklistTemplate.name)
        .where(which)
        .order_by(ChecklistTemplate.version.desc())
        .limit(1)
    ).one_or_none()
    if template is None:
        return None
    code = template.code
    rows = connection.execute(
        select(ChecklistItem).where(ChecklistItem.template_id == template.id).order_by(ChecklistItem.position)
    ).all()
    items, ids = [], {}
    for row in rows:
        ids[row.code] = row.id
        items.append(
            CheckItem(
                checklist=code,
                version=template.version,
                code=row.code,
                text=row.text,
                kind=row.kind,
                required=row.required,
                when=row.trigger,
                unit=row.unit,
                lower=row.lower_limit,
                target=row.target,
                upper=row.upper_limit,
                choices=tuple(row.choices.split("|")) if row.choices else (),
                every_n=row.every_n,
                every_minutes=row.every_minutes,
            )
        )
    return Checklist(code, template.version, template.name, tuple(items), ids)


def checklist_of(connection: Connection, operation_id: int) -> Checklist | None:
    """The newest version of the checklist of the operation's routing step, or None (two statements)."""
    code = (
        select(RoutingOperation.checklist_code)
        .join(WorkOrderOperation, WorkOrderOperation.routing_operation_id == RoutingOperation.id)
        .where(WorkOrderOperation.id == operation_id)
        .scalar_subquery()
    )
    return _newest(connection, ChecklistTemplate.code == code)


def records(connection: Connection, operation_id: int) -> list[CheckRecord]:
    """The results recorded on an operation, by item code (whatever version they were recorded against)."""
    rows = connection.execute(
        select(ChecklistItem.code, ChecklistResult.recorded_at)
        .join(ChecklistItem, ChecklistItem.id == ChecklistResult.item_id)
        .where(ChecklistResult.operation_id == operation_id)
    ).all()
    return [CheckRecord(code, at) for code, at in rows]


def progress(
    connection: Connection, operation_id: int, now: datetime, *, ready_to_complete: bool, shifts: bool = True
) -> JobProgress:
    """What the triggers need of a job; `shifts=False` skips the shift calendar (no shift_start item)."""
    started = connection.execute(
        select(WorkOrderOperation.started_at).where(WorkOrderOperation.id == operation_id)
    ).scalar_one()
    counts = connection.execute(
        select(Count.reported_at, Count.good + Count.scrap).where(Count.operation_id == operation_id)
    ).all()
    return JobProgress(
        started_at=started,
        counts=tuple((at, Decimal(quantity)) for at, quantity in counts),
        ready_to_complete=ready_to_complete,
        shift_started_at=shift_started_at(connection, operation_id, now) if shifts else None,
    )


def shift_started_at(connection: Connection, operation_id: int, now: datetime) -> datetime | None:
    """Start of the shift going on now on the line of the operation's station; None outside shifts."""
    row = connection.execute(
        select(Line.id, Site.timezone)
        .join(Workstation, Workstation.line_id == Line.id)
        .join(WorkOrderOperation, WorkOrderOperation.workstation_id == Workstation.id)
        .join(Site, Site.id == Line.site_id)
        .where(WorkOrderOperation.id == operation_id)
    ).one_or_none()
    if row is None:
        return None
    patterns = patterns_from(line_shifts(connection, [row.id])[row.id])
    window = Span(now - timedelta(days=2), now + timedelta(seconds=1))
    live = [
        o.span.start for o in occurrences(patterns, ZoneInfo(row.timezone), window) if o.span.start <= now < o.span.end
    ]
    return max(live) if live else None


def quality_rules(connection: Connection, station_id: int) -> QualityRules:
    row = connection.execute(
        select(
            Site.hold_on_failed_check,
            Site.checks_block,
            Site.two_person_signatures,
            Site.spc_reaction,
            Site.spc_baseline,
        )
        .join(Line, Line.site_id == Site.id)
        .join(Workstation, Workstation.line_id == Line.id)
        .where(Workstation.id == station_id)
    ).one()
    return QualityRules(*row)


def site_quality_rules(connection: Connection) -> QualityRules:
    """The rules of the (first) site, for actions not bound to a station."""
    row = connection.execute(
        select(
            Site.hold_on_failed_check,
            Site.checks_block,
            Site.two_person_signatures,
            Site.spc_reaction,
            Site.spc_baseline,
        )
        .order_by(Site.id)
        .limit(1)
    ).one()
    return QualityRules(*row)


@dataclass(frozen=True)
class Measurement:
    value: Decimal
    recorded_at: datetime
    work_order: str
    operation: int
    station: str
    version: int
    passed: bool


def measurements(
    connection: Connection,
    checklist: str,
    item: str,
    start: datetime | None = None,
    end: datetime | None = None,
    station: str | None = None,
    *,
    stations: Sequence[str] | None = None,
) -> list[Measurement]:
    """Every numeric value of one characteristic (checklist and item code, all versions), oldest first;
    `station` or `stations` (a line's) narrow it to values recorded there."""
    query = (
        select(
            ChecklistResult.numeric_value,
            ChecklistResult.recorded_at,
            WorkOrder.number,
            WorkOrderOperation.seq,
            Workstation.code,
            ChecklistTemplate.version,
            ChecklistResult.passed,
        )
        .join(ChecklistItem, ChecklistItem.id == ChecklistResult.item_id)
        .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistItem.template_id)
        .join(WorkOrderOperation, WorkOrderOperation.id == ChecklistResult.operation_id)
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .join(Workstation, Workstation.id == ChecklistResult.workstation_id)
        .where(
            ChecklistTemplate.code == checklist,
            ChecklistItem.code == item,
            ChecklistResult.numeric_value.is_not(None),
        )
        .order_by(ChecklistResult.recorded_at, ChecklistResult.id)
    )
    if start is not None:
        query = query.where(ChecklistResult.recorded_at >= start)
    if end is not None:
        query = query.where(ChecklistResult.recorded_at < end)
    if station is not None:
        query = query.where(Workstation.code == station)
    if stations is not None:
        query = query.where(Workstation.code.in_(list(stations)))
    # numeric_value is never NULL here (the WHERE above); `or 0` only says so to the type checker.
    return [Measurement(Decimal(r[0] or 0), *r[1:]) for r in connection.execute(query).all()]


def next_nonconformance_number(connection: Connection) -> str:
    highest = connection.execute(select(func.max(Nonconformance.id))).scalar_one_or_none() or 0
    return f"NC-{highest + 1:05d}"


@dataclass(frozen=True)
class NonconformanceRow:
    number: str
    status: str
    lot: str | None
    work_order: str | None
    operation: int | None
    quantity: Decimal | None
    defect_code: str | None
    description: str
    raised_by: str
    raised_at: datetime


def open_nonconformances(connection: Connection) -> list[NonconformanceRow]:
    """Nonconformances not yet closed, newest first (for the quality tab)."""
    rows = connection.execute(
        select(
            Nonconformance.number,
            Nonconformance.status,
            Lot.number,
            WorkOrder.number,
            WorkOrderOperation.seq,
            Nonconformance.quantity,
            Nonconformance.defect_code,
            Nonconformance.description,
            User.name,
            Nonconformance.raised_at,
        )
        .outerjoin(Lot, Lot.id == Nonconformance.lot_id)
        .outerjoin(WorkOrderOperation, WorkOrderOperation.id == Nonconformance.operation_id)
        .outerjoin(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .join(User, User.id == Nonconformance.raised_by_id)
        .where(Nonconformance.status != "closed")
        .order_by(Nonconformance.raised_at.desc(), Nonconformance.id.desc())
    ).all()
    return [NonconformanceRow(*row) for row in rows]  # type: ignore[call-arg]  # mypy loses the columns past the typed overloads


def measured_characteristics(
    connection: Connection,
    start: datetime,
    end: datetime,
    stations: Sequence[str] | None = None,
    checklist: str | None = None,
) -> list[tuple[str, str]]:
    """(checklist, item) codes with a numeric value recorded in [start, end) (at `stations`), by code."""
    query = (
        select(ChecklistTemplate.code.label("checklist"), ChecklistItem.code.label("item"))
        .select_from(ChecklistResult)
        .distinct()
        .join(ChecklistItem, ChecklistItem.id == ChecklistResult.item_id)
        .join(ChecklistTemplate, ChecklistTemplate.id == ChecklistItem.template_id)
        .join(Workstation, Workstation.id == ChecklistResult.workstation_id)
        .where(
            ChecklistResult.numeric_value.is_not(None),
            ChecklistResult.recorded_at >= start,
            ChecklistResult.recorded_at < end,
        )
        .order_by("checklist", "item")
    )
    if stations is not None:
        query = query.where(Workstation.code.in_(list(stations)))
    if checklist is not None:
        query = query.where(ChecklistTemplate.code == checklist)
    return [(row[0], row[1]) for row in connection.execute(query).all()]
