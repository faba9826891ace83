"""What the scheduler reads: the open operations of released orders, the stations and the plan in force.

SQL in, frozen rows out; `services/planning/` turns them into the scheduler's problem. Three set-based
statements for the operations, their eligible stations and the current plan, whatever their number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, select

from mes_terminal.db.records import (
    DowntimeEvent,
    DowntimeReason,
    Line,
    Material,
    PlannedOperation,
    RoutingOperation,
    RoutingOperationStation,
    Site,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.statuses import OperationStatus, WorkOrderStatus

ops = WorkOrderOperation
# Orders the floor may work on now; an order on hold is left out of the plan until it is released again.
PLANNED_ORDERS = (WorkOrderStatus.RELEASED, WorkOrderStatus.IN_PROGRESS)


@dataclass(frozen=True)
class StationRow:
    code: str
    line_id: int
    timezone: str


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


@dataclass(frozen=True)
class CurrentRow:
    work_order: str
    seq: int
    station: str
    start: datetime
    end: datetime
    setup_minutes: int


@dataclass(frozen=True)
class StopRow:
    """An open downtime: the station is down now (its machine, or an operator, said so)."""

    station: str
    since: datetime
    source: str  # "operator" or "machine"
    reason: str | None  # None while the stop has no reason yet


def stations(connection: Connection) -> list[StationRow]:
    rows = connection.execute(
        select(Workstation.code, Workstation.line_id, Site.timezone)
        .join(Line, Line.id == Workstation.line_id)
        .join(Site, Site.id == Line.site_id)
        .where(Workstation.active.is_(True))
        .order_by(Workstation.code)
    )
    return [StationRow(r.code, r.line_id, r.timezone) for r in rows]


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
