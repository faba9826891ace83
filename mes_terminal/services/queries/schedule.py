"""What the scheduler reads: the open operations of released orders, the stations and the plan in force.

SQL in, frozen rows out; `services/planning/` turns them into the scheduler's problem. Set-based
statements for the operations, their eligible stations, the current plan, the calendar (changeover
matrix, holidays, maintenance) and the material that is expected, whatever their number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, func, select

from mes_terminal.db.records import (
    BomLine,
    BomSubstitute,
    Changeover,
    Consumption,
    DowntimeEvent,
    DowntimeReason,
    ExpectedLot,
    Holiday,
    HolidayLine,
    Line,
    Lot,
    MaintenanceWindow,
    Material,
    PlannedOperation,
    RoutingOperation,
    RoutingOperationStation,
    Site,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.statuses import LotStatus, OperationStatus, WorkOrderStatus

ops = WorkOrderOperation
# Orders the floor may work on now; an order on hold is left out of the plan until it is released again.
PLANNED_ORDERS = (WorkOrderStatus.RELEASED, WorkOrderStatus.IN_PROGRESS)


@dataclass(frozen=True)
class StationRow:
    code: str
    line_id: int
    timezone: str
    capacity: int = 1  # operations at once


@dataclass(frozen=True)
class OperationRow:
    operation_id: int
    work_order: str
    seq: int
    name: str
    status: str
    product: str
    quantity: Decimal  # the order's
    good: Decimal  # made so far by this operation
    due_at: datetime
    priority: int
    released_at: datetime | None
    cycle_seconds: Decimal | None  # None: no routing operation behind it
    setup_minutes: Decimal
    station: str | None  # where it is assigned or runs
    started_at: datetime | None
    eligible: tuple[str, ...]  # active stations the routing allows
    family: str | None = None  # the product's changeover family; None: the product code
    transfer_minutes: int = 0  # wait after the job's previous operation
    interruptible: bool = True  # may pause over a break


@dataclass(frozen=True)
class DemandRow:
    """What an open operation still has to consume of a lot-controlled BOM line's material."""

    work_order: str
    seq: int
    material: str
    quantity: Decimal  # in the material's unit, net of what it took of the material and its substitutes
    due_at: datetime
    priority: int
    active: bool  # running or paused: first in line for the material
    substitutes: tuple[str, ...] = ()  # materials the line accepts in its place, in the BOM's order


@dataclass(frozen=True)
class SupplyRow:
    """Material there is or will be: lots on hand (at None), or an expected lot and when it may be used."""

    material: str
    quantity: Decimal
    at: datetime | None
    lot: str | None  # None: the sum of the lots on hand


@dataclass(frozen=True)
class CurrentRow:
    work_order: str
    seq: int
    station: str
    start: datetime
    end: datetime
    setup_minutes: int


@dataclass(frozen=True)
class ChangeoverRow:
    from_family: str
    to_family: str
    minutes: int


@dataclass(frozen=True)
class HolidayRow:
    """A site-local day a line does not work (a site-wide holiday gives one row per line of the site)."""

    line_id: int
    day: date


@dataclass(frozen=True)
class MaintenanceRow:
    station: str
    start: datetime  # UTC
    end: datetime


@dataclass(frozen=True)
class StopRow:
    """An open downtime: the station is down now (its machine, or an operator, said so)."""

    station: str
    since: datetime
    source: str  # "operator" or "machine"
    reason: str | None  # None while the stop has no reason yet


def stations(connection: Connection) -> list[StationRow]:
    rows = connection.execute(
        select(Workstation.code, Workstation.line_id, Site.timezone, Workstation.capacity)
        .join(Line, Line.id == Workstation.line_id)
        .join(Site, Site.id == Line.site_id)
        .where(Workstation.active.is_(True))
        .order_by(Workstation.code)
    )
    return [StationRow(r.code, r.line_id, r.timezone, r.capacity) for r in rows]


def changeovers(connection: Connection) -> list[ChangeoverRow]:
    """The changeover matrix of every site (families are plant-wide codes)."""
    rows = connection.execute(
        select(Changeover.from_family, Changeover.to_family, Changeover.minutes).order_by(
            Changeover.from_family, Changeover.to_family, Changeover.site_id
        )
    )
    return [ChangeoverRow(r.from_family, r.to_family, r.minutes) for r in rows]


def holidays(connection: Connection) -> list[HolidayRow]:
    """Each line's days off: a holiday naming lines stops those, one naming none every line of its site."""
    named = connection.execute(
        select(HolidayLine.line_id, Holiday.day).join(Holiday, Holiday.id == HolidayLine.holiday_id)
    ).all()
    site_wide = connection.execute(
        select(Line.id, Holiday.day)
        .select_from(Holiday)
        .join(Line, Line.site_id == Holiday.site_id)
        .where(~select(HolidayLine.holiday_id).where(HolidayLine.holiday_id == Holiday.id).exists())
    ).all()
    return sorted({HolidayRow(line_id, day) for line_id, day in [*named, *site_wide]}, key=lambda h: (h.line_id, h.day))


def maintenance(connection: Connection) -> list[MaintenanceRow]:
    """Planned maintenance of the active stations, by station and start."""
    rows = connection.execute(
        select(Workstation.code, MaintenanceWindow.starts_at, MaintenanceWindow.ends_at)
        .join(Workstation, Workstation.id == MaintenanceWindow.workstation_id)
        .where(Workstation.active.is_(True))
        .order_by(Workstation.code, MaintenanceWindow.starts_at)
    )
    return [MaintenanceRow(r.code, r.starts_at, r.ends_at) for r in rows]


def open_operations(connection: Connection) -> list[OperationRow]:
    """Every operation not completed of the orders the floor may work on, in order and routing sequence."""
    runner = select(Workstation.code).where(Workstation.id == ops.workstation_id).scalar_subquery()
    rows = connection.execute(
        select(
            ops.id,
            WorkOrder.number,
            ops.seq,
            ops.name,
            ops.status,
            Material.code.label("product"),
            WorkOrder.quantity,
            ops.good_quantity,
            WorkOrder.due_at,
            WorkOrder.priority,
            WorkOrder.released_at,
            RoutingOperation.ideal_cycle_seconds,
            RoutingOperation.setup_minutes,
            RoutingOperation.transfer_minutes,
            RoutingOperation.interruptible,
            Material.family,
            ops.routing_operation_id,
            runner.label("station"),
            ops.started_at,
        )
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .join(Material, Material.id == WorkOrder.product_id)
        .outerjoin(RoutingOperation, RoutingOperation.id == ops.routing_operation_id)
        .where(WorkOrder.status.in_(PLANNED_ORDERS), ops.status != OperationStatus.COMPLETED)
        .order_by(WorkOrder.number, ops.seq)
    ).all()
    eligible: dict[int, list[str]] = {}
    routing_ids = {r.routing_operation_id for r in rows if r.routing_operation_id is not None}
    if routing_ids:
        for routing_id, code in connection.execute(
            select(RoutingOperationStation.routing_operation_id, Workstation.code)
            .join(Workstation, Workstation.id == RoutingOperationStation.workstation_id)
            .where(RoutingOperationStation.routing_operation_id.in_(routing_ids), Workstation.active.is_(True))
            .order_by(Workstation.code)
        ):
            eligible.setdefault(routing_id, []).append(code)
    return [
        OperationRow(
            operation_id=r.id,
            work_order=r.number,
            seq=r.seq,
            name=r.name,
            status=str(r.status),
            product=r.product,
            quantity=Decimal(r.quantity),
            good=Decimal(r.good_quantity),
            due_at=r.due_at,
            priority=r.priority,
            released_at=r.released_at,
            cycle_seconds=None if r.ideal_cycle_seconds is None else Decimal(r.ideal_cycle_seconds),
            setup_minutes=Decimal(r.setup_minutes or 0),
            station=r.station,
            started_at=r.started_at,
            eligible=tuple(eligible.get(r.routing_operation_id, ())),
            family=r.family,
            transfer_minutes=r.transfer_minutes or 0,
            interruptible=r.interruptible is not False,  # no routing operation behind it: may pause
        )
        for r in rows
    ]


def current_plan(connection: Connection) -> list[CurrentRow]:
    rows = connection.execute(
        select(
            WorkOrder.number,
            ops.seq,
            Workstation.code,
            PlannedOperation.planned_start,
            PlannedOperation.planned_end,
            PlannedOperation.setup_minutes,
        )
        .join(ops, ops.id == PlannedOperation.operation_id)
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .join(Workstation, Workstation.id == PlannedOperation.workstation_id)
        .order_by(Workstation.code, PlannedOperation.planned_start)
    )
    return [CurrentRow(r.number, r.seq, r.code, r.planned_start, r.planned_end, r.setup_minutes) for r in rows]


def open_stops(connection: Connection) -> list[StopRow]:
    """The open downtimes of active stations, by station."""
    rows = connection.execute(
        select(Workstation.code, DowntimeEvent.started_at, DowntimeEvent.source, DowntimeReason.name)
        .join(Workstation, Workstation.id == DowntimeEvent.workstation_id)
        .outerjoin(DowntimeReason, DowntimeReason.id == DowntimeEvent.reason_id)
        .where(DowntimeEvent.ended_at.is_(None), Workstation.active.is_(True))
        .order_by(Workstation.code)
    )
    return [StopRow(r.code, r.started_at, r.source, r.name) for r in rows]


def material_demand(connection: Connection) -> list[DemandRow]:
    """What open operations still need of their lot-controlled BOM lines, with the lines' substitutes.

    Need: the BOM's quantity per piece times the order's quantity, less what the operation consumed of
    the line's material and its substitutes (returns taken back), as the floor counts it. Every line is
    read; the netting (`planning/material.py`) keeps those linked to a material with lots expected.
    Substitutes come in the BOM's order, which is their codes' order, as the terminal lists them.
    """
    accepted = select(BomSubstitute.material_id).where(BomSubstitute.bom_line_id == BomLine.id)
    consumed = (
        select(func.coalesce(func.sum(Consumption.quantity - Consumption.returned_quantity), 0))
        .join(Lot, Lot.id == Consumption.lot_id)
        .where(
            Consumption.operation_id == ops.id,
            (Lot.material_id == BomLine.component_id) | Lot.material_id.in_(accepted),
        )
        .scalar_subquery()
    )
    open_lines = (
        select(BomLine.id)
        .join(WorkOrder, WorkOrder.product_id == BomLine.product_id)
        .join(ops, (ops.work_order_id == WorkOrder.id) & (ops.seq == BomLine.operation_seq))
        .where(WorkOrder.status.in_(PLANNED_ORDERS), ops.status != OperationStatus.COMPLETED)
    )
    substitutes: dict[int, list[str]] = {}
    for line_id, code in connection.execute(
        select(BomSubstitute.bom_line_id, Material.code)
        .join(Material, Material.id == BomSubstitute.material_id)
        .where(BomSubstitute.bom_line_id.in_(open_lines))
        .order_by(BomSubstitute.bom_line_id, Material.code)
    ):
        substitutes.setdefault(line_id, []).append(code)
    rows = connection.execute(
        select(
            BomLine.id,
            WorkOrder.number,
            ops.seq,
            Material.code,
            (BomLine.quantity_per * WorkOrder.quantity - consumed).label("need"),
            WorkOrder.due_at,
            WorkOrder.priority,
            ops.status,
        )
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .join(BomLine, (BomLine.product_id == WorkOrder.product_id) & (BomLine.operation_seq == ops.seq))
        .join(Material, Material.id == BomLine.component_id)
        .where(
            WorkOrder.status.in_(PLANNED_ORDERS),
            ops.status != OperationStatus.COMPLETED,
            Material.lot_controlled.is_(True),
        )
        .order_by(WorkOrder.number, ops.seq, Material.code)
    )
    active = {OperationStatus.RUNNING, OperationStatus.PAUSED}
    return [
        DemandRow(
            r.number,
            r.seq,
            r.code,
            Decimal(r.need),
            r.due_at,
            r.priority,
            r.status in active,
            tuple(substitutes.get(r.id, ())),
        )
        for r in rows
        if Decimal(r.need) > 0
    ]


def material_supply(connection: Connection) -> list[SupplyRow]:
    """What is on hand and available of each material a BOM names, and each expected lot."""
    named = select(BomLine.component_id).union(select(BomSubstitute.material_id))
    on_hand = connection.execute(
        select(Material.code, func.sum(Lot.quantity))
        .join(Material, Material.id == Lot.material_id)
        .where(Lot.status == LotStatus.AVAILABLE, Lot.material_id.in_(named))
        .group_by(Material.code)
        .order_by(Material.code)
    )
    coming = connection.execute(
        select(Material.code, ExpectedLot.quantity, ExpectedLot.expected_at, ExpectedLot.number)
        .join(Material, Material.id == ExpectedLot.material_id)
        .order_by(Material.code, ExpectedLot.expected_at, ExpectedLot.number)
    )
    return [SupplyRow(code, Decimal(quantity), None, None) for code, quantity in on_hand] + [
        SupplyRow(r.code, Decimal(r.quantity), r.expected_at, r.number) for r in coming
    ]
