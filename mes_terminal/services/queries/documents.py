"""Read queries behind printed documents: what a lot label and a traveler show, and past prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, func, select

from mes_terminal.db.records import (
    BomLine,
    ChecklistItem,
    ChecklistTemplate,
    Count,
    Lot,
    Material,
    PrintJob,
    RoutingOperation,
    RoutingOperationStation,
    Site,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.error_codes import NO_SITE, UNKNOWN_LOT, UNKNOWN_PRINT_JOB, UNKNOWN_WORK_ORDER
from mes_terminal.domain.errors import UnknownEntity
from mes_terminal.services.queries import instructions


@dataclass(frozen=True)
class LotForLabel:
    number: str
    status: str
    quantity: Decimal
    expires_on: date | None
    created_at: datetime
    material_code: str
    material_name: str
    unit: str
    gtin: str | None
    # For lots made here: the work order and the station of its last operation; None for received lots.
    produced: bool
    work_order: str | None
    station: str | None


@dataclass(frozen=True)
class CheckForTraveler:
    code: str
    text: str
    kind: str
    unit: str | None
    lower: Decimal | None
    target: Decimal | None
    upper: Decimal | None
    choices: str | None
    required: bool
    trigger: str
    every_n: int | None
    every_minutes: int | None


@dataclass(frozen=True)
class OperationForTraveler:
    seq: int
    name: str
    stations: tuple[str, ...]
    ideal_cycle_seconds: Decimal | None
    setup_minutes: Decimal | None
    work_instruction: str | None
    checklist: str | None
    checks: tuple[CheckForTraveler, ...]
    instructions_revision: int | None = None  # the work-instructions revision the operation shows


@dataclass(frozen=True)
class BomLineForTraveler:
    code: str
    name: str
    unit: str
    quantity_per: Decimal
    operation: int
    backflush: bool


@dataclass(frozen=True)
class OrderForTraveler:
    number: str
    status: str
    quantity: Decimal
    due_at: datetime
    priority: int
    product_code: str
    product_name: str
    unit: str
    bom: tuple[BomLineForTraveler, ...]
    operations: tuple[OperationForTraveler, ...]


@dataclass(frozen=True)
class PastPrint:
    id: int
    copies: int
    requested_at: datetime


def site_timezone(connection: Connection) -> str:
    zone = connection.execute(select(Site.timezone).order_by(Site.id).limit(1)).scalar_one_or_none()
    if zone is None:
        raise UnknownEntity(NO_SITE.sentence(), code=NO_SITE)
    return zone


def signature_idle_minutes(connection: Connection) -> int:
    """The site's signing session limit (21 CFR 11.200): minutes without a signature before both
    components are needed again; 0 when no site is loaded (both, every time)."""
    minutes = connection.execute(select(Site.signature_idle_minutes).order_by(Site.id).limit(1)).scalar_one_or_none()
    return minutes or 0


def lot_for_label(connection: Connection, number: str) -> LotForLabel:
    row = connection.execute(
        select(
            Lot.number,
            Lot.status,
            Lot.quantity,
            Lot.expires_on,
            Lot.created_at,
            Lot.produced_by_operation_id,
            Material.code,
            Material.name,
            Material.unit,
            Material.gtin,
        )
        .join(Material, Material.id == Lot.material_id)
        .where(Lot.number == number)
    ).one_or_none()
    if row is None:
        raise UnknownEntity(UNKNOWN_LOT.sentence(number=number), code=UNKNOWN_LOT)
    work_order = station = None
    if row.produced_by_operation_id is not None:
        work_order, station = _made_by(connection, row.produced_by_operation_id)
    return LotForLabel(
        number=row.number,
        status=row.status,
        quantity=row.quantity,
        expires_on=row.expires_on,
        created_at=row.created_at,
        material_code=row.code,
        material_name=row.name,
        unit=row.unit,
        gtin=row.gtin,
        produced=row.produced_by_operation_id is not None,
        work_order=work_order,
        station=station,
    )


def _made_by(connection: Connection, operation_id: int) -> tuple[str, str | None]:
    """The work order and station of the operation that made a lot: its assigned station, else where it last counted."""
    order, station = connection.execute(
        select(WorkOrder.number, Workstation.code)
        .select_from(WorkOrderOperation)
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .outerjoin(Workstation, Workstation.id == WorkOrderOperation.workstation_id)
        .where(WorkOrderOperation.id == operation_id)
    ).one()
    if station is None:
        station = connection.execute(
            select(Workstation.code)
            .join(Count, Count.workstation_id == Workstation.id)
            .where(Count.operation_id == operation_id)
            .order_by(Count.reported_at.desc(), Count.id.desc())
            .limit(1)
        ).scalar_one_or_none()
    return order, station


def order_for_traveler(connection: Connection, number: str) -> OrderForTraveler:
    row = connection.execute(
        select(
            WorkOrder.id,
            WorkOrder.number,
            WorkOrder.status,
            WorkOrder.quantity,
            WorkOrder.due_at,
            WorkOrder.priority,
            WorkOrder.product_id,
            Material.code,
            Material.name,
            Material.unit,
        )
        .join(Material, Material.id == WorkOrder.product_id)
        .where(WorkOrder.number == number)
    ).one_or_none()
    if row is None:
        raise UnknownEntity(UNKNOWN_WORK_ORDER.sentence(number=number), code=UNKNOWN_WORK_ORDER)
    return OrderForTraveler(
        number=row.number,
        status=row.status,
        quantity=row.quantity,
        due_at=row.due_at,
        priority=row.priority,
        product_code=row.code,
        product_name=row.name,
        unit=row.unit,
        bom=_bom(connection, row.product_id),
        operations=_operations(connection, row.id),
    )


def _bom(connection: Connection, product_id: int) -> tuple[BomLineForTraveler, ...]:
    rows = connection.execute(
        select(
            Material.code, Material.name, Material.unit, BomLine.quantity_per, BomLine.operation_seq, BomLine.backflush
        )
        .join(Material, Material.id == BomLine.component_id)
        .where(BomLine.product_id == product_id)
        .order_by(BomLine.operation_seq, Material.code)
    )
    return tuple(BomLineForTraveler(*row) for row in rows)


def _operations(connection: Connection, order_id: int) -> tuple[OperationForTraveler, ...]:
    rows = connection.execute(
        select(
            WorkOrderOperation.seq,
            WorkOrderOperation.name,
            WorkOrderOperation.routing_operation_id,
            RoutingOperation.ideal_cycle_seconds,
            RoutingOperation.setup_minutes,
            RoutingOperation.work_instruction,
            RoutingOperation.checklist_code,
        )
        .outerjoin(RoutingOperation, RoutingOperation.id == WorkOrderOperation.routing_operation_id)
        .where(WorkOrderOperation.work_order_id == order_id)
        .order_by(WorkOrderOperation.seq)
    ).all()
    routing_ids = [row.routing_operation_id for row in rows if row.routing_operation_id is not None]
    stations: dict[int, list[str]] = {}
    for routing_id, code in connection.execute(
        select(RoutingOperationStation.routing_operation_id, Workstation.code)
        .join(Workstation, Workstation.id == RoutingOperationStation.workstation_id)
        .where(RoutingOperationStation.routing_operation_id.in_(routing_ids))
        .order_by(Workstation.code)
    ):
        stations.setdefault(routing_id, []).append(code)
    checks = _checks(connection, {row.checklist_code for row in rows if row.checklist_code})
    revisions = instructions.shown_revisions_of(connection, order_id)
    return tuple(
        OperationForTraveler(
            seq=row.seq,
            name=row.name,
            stations=tuple(stations.get(row.routing_operation_id, ())),
            ideal_cycle_seconds=row.ideal_cycle_seconds,
            setup_minutes=row.setup_minutes,
            work_instruction=row.work_instruction,
            checklist=row.checklist_code,
            checks=checks.get(row.checklist_code, ()) if row.checklist_code else (),
            instructions_revision=revisions.get(row.seq),
        )
        for row in rows
    )


def _checks(connection: Connection, codes: set[str]) -> dict[str, tuple[CheckForTraveler, ...]]:
    """The items of the newest version of each checklist, in their order."""
    if not codes:
        return {}
    newest = (
        select(ChecklistTemplate.code, func.max(ChecklistTemplate.version).label("version"))
        .where(ChecklistTemplate.code.in_(codes))
        .group_by(ChecklistTemplate.code)
        .subquery()
    )
    rows = connection.execute(
        select(
            ChecklistTemplate.code.label("checklist"),
            ChecklistItem.code,
            ChecklistItem.text,
            ChecklistItem.kind,
            ChecklistItem.unit,
            ChecklistItem.lower_limit,
            ChecklistItem.target,
            ChecklistItem.upper_limit,
            ChecklistItem.choices,
            ChecklistItem.required,
            ChecklistItem.trigger,
            ChecklistItem.every_n,
            ChecklistItem.every_minutes,
        )
        .join(newest, (newest.c.code == ChecklistTemplate.code) & (newest.c.version == ChecklistTemplate.version))
        .join(ChecklistItem, ChecklistItem.template_id == ChecklistTemplate.id)
        .order_by(ChecklistTemplate.code, ChecklistItem.position)
    )
    found: dict[str, list[CheckForTraveler]] = {}
    for row in rows:
        found.setdefault(row.checklist, []).append(CheckForTraveler(*row[1:]))  # type: ignore[call-arg]  # mypy loses the columns past the typed overloads
    return {code: tuple(items) for code, items in found.items()}


def last_print(connection: Connection, document: str, subject: str) -> PastPrint | None:
    """The latest print of this document that reached its printer, if any."""
    row = connection.execute(
        select(PrintJob.id, PrintJob.copies, PrintJob.requested_at)
        .where(PrintJob.document == document, PrintJob.subject == subject, PrintJob.status == "printed")
        .order_by(PrintJob.requested_at.desc(), PrintJob.id.desc())
        .limit(1)
    ).one_or_none()
    return PastPrint(*row) if row is not None else None


def print_job_status(connection: Connection, job: int) -> tuple[str, str | None]:
    """A print job's status and error as they stand."""
    row = connection.execute(select(PrintJob.status, PrintJob.error).where(PrintJob.id == job)).one_or_none()
    if row is None:
        raise UnknownEntity(UNKNOWN_PRINT_JOB.sentence(job=job), code=UNKNOWN_PRINT_JOB)
    return row.status, row.error
