"""Read queries behind a station's screen: its dispatch list, its jobs, its people. SQL, not loops."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, case, exists, func, or_, select
from sqlalchemy.orm import aliased

from mes_terminal.db.records import (
    DowntimeEvent,
    DowntimeReason,
    JobRun,
    LabourEntry,
    Line,
    Lot,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    Site,
    StationSession,
    User,
    UserQualification,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.error_codes import UNKNOWN_OPERATION, UNKNOWN_STATION
from mes_terminal.domain.errors import UnknownEntity
from mes_terminal.domain.statuses import ACTIVE_OPERATION, DISPATCHED_ORDER, HELD_LOT, OperationStatus
from mes_terminal.services.queries.materials import OperationRef

ops = WorkOrderOperation


def station(connection: Connection, code: str) -> dict[str, Any]:
    row = connection.execute(
        select(
            Workstation.id,
            Workstation.code,
            Workstation.name,
            Workstation.badge_only,
            Line.code.label("line_code"),
            Line.name.label("line_name"),
            Site.timezone,
        )
        .join(Line, Line.id == Workstation.line_id)
        .join(Site, Site.id == Line.site_id)
        .where(Workstation.code == code)
    ).one_or_none()
    if row is None:
        raise UnknownEntity(UNKNOWN_STATION.sentence(code=code), code=UNKNOWN_STATION)
    return dict(row._mapping)


def site_rules(connection: Connection, station_id: int) -> dict[str, Any]:
    """The site's `start_when` rule and time zone, for the station's line."""
    row = connection.execute(
        select(Site.start_when, Site.material_check, Site.timezone)
        .join(Line, Line.site_id == Site.id)
        .join(Workstation, Workstation.line_id == Line.id)
        .where(Workstation.id == station_id)
    ).one()
    return dict(row._mapping)


def operators(connection: Connection, station_id: int) -> list[dict[str, Any]]:
    rows = connection.execute(
        select(User.badge, User.name, StationSession.signed_in_at)
        .join(StationSession, StationSession.user_id == User.id)
        .where(StationSession.workstation_id == station_id, StationSession.signed_out_at.is_(None))
        .order_by(StationSession.signed_in_at, User.name)
    )
    return [dict(r._mapping) for r in rows]


def qualifications_here(connection: Connection, station_id: int) -> set[str] | None:
    """What the people signed in at the station are qualified for, together; None when nobody is."""
    rows = connection.execute(
        select(StationSession.user_id, UserQualification.code)
        .outerjoin(UserQualification, UserQualification.user_id == StationSession.user_id)
        .where(StationSession.workstation_id == station_id, StationSession.signed_out_at.is_(None))
    ).all()
    return None if not rows else {code for _, code in rows if code is not None}


def held_lots(connection: Connection, work_orders: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Work order number -> its own lots (made by its operations) on hold or in quarantine, by number."""
    work_orders = list(work_orders)
    if not work_orders:
        return {}
    rows = connection.execute(
        select(WorkOrder.number, Lot.number)
        .join(ops, ops.work_order_id == WorkOrder.id)
        .join(Lot, Lot.produced_by_operation_id == ops.id)
        .where(WorkOrder.number.in_(work_orders), Lot.status.in_(HELD_LOT))
        .order_by(WorkOrder.number, Lot.number)
    )
    found: dict[str, tuple[str, ...]] = {}
    for work_order, lot in rows:
        found[work_order] = (*found.get(work_order, ()), lot)
    return found


def dispatch_list(connection: Connection, station_id: int) -> list[dict[str, Any]]:
    """Open operations this station may run (or runs), with their predecessor's progress, in dispatch order."""
    previous = (
        select(
            ops.id.label("operation_id"),
            func.lag(ops.seq).over(partition_by=ops.work_order_id, order_by=ops.seq).label("previous_seq"),
            func.lag(ops.name).over(partition_by=ops.work_order_id, order_by=ops.seq).label("previous_name"),
            func.lag(ops.status).over(partition_by=ops.work_order_id, order_by=ops.seq).label("previous_status"),
            func.lag(ops.good_quantity).over(partition_by=ops.work_order_id, order_by=ops.seq).label("previous_good"),
        )
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .where(WorkOrder.status.in_(DISPATCHED_ORDER))
        .subquery()
    )
    eligible = exists().where(
        RoutingOperationStation.routing_operation_id == ops.routing_operation_id,
        RoutingOperationStation.workstation_id == station_id,
    )
    runner = aliased(Workstation)
    here_first = case((ops.workstation_id == station_id, 0), else_=1)
    rows = connection.execute(
        select(
            WorkOrder.number.label("work_order"),
            WorkOrder.status.label("order_status"),
            WorkOrder.quantity.label("order_quantity"),
            WorkOrder.due_at,
            WorkOrder.priority,
            WorkOrder.product_id,
            Material.code.label("product"),
            ops.id.label("operation_id"),
            ops.routing_operation_id,
            RoutingOperation.qualification,
            eligible.label("eligible"),
            ops.seq,
            ops.name,
            ops.status,
            ops.good_quantity.label("good"),
            ops.scrap_quantity.label("scrap"),
            runner.code.label("station"),
            previous.c.previous_seq,
            previous.c.previous_name,
            previous.c.previous_status,
            previous.c.previous_good,
        )
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .join(Material, Material.id == WorkOrder.product_id)
        .join(previous, previous.c.operation_id == ops.id)
        .outerjoin(runner, runner.id == ops.workstation_id)
        .outerjoin(RoutingOperation, RoutingOperation.id == ops.routing_operation_id)
        .where(
            WorkOrder.status.in_(DISPATCHED_ORDER),
            ops.status != OperationStatus.COMPLETED,
            or_(ops.workstation_id == station_id, eligible),
        )
        .order_by(
            here_first,
            ops.dispatch_position.is_(None),
            ops.dispatch_position,
            WorkOrder.priority.desc(),
            WorkOrder.due_at,
            WorkOrder.number,
            ops.seq,
        )
    )
    return [dict(r._mapping) for r in rows]


def jobs(connection: Connection, station_id: int, now: datetime) -> list[dict[str, Any]]:
    """Operations running or paused here, with machine time so far and who is on them.

    `target` is what the operation can make: its predecessor's good quantity, or the order quantity.
    """
    prior = aliased(WorkOrderOperation)
    prior_good = (
        select(prior.good_quantity)
        .where(prior.work_order_id == ops.work_order_id, prior.seq < ops.seq)
        .order_by(prior.seq.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = connection.execute(
        select(
            ops.id,
            WorkOrder.number.label("work_order"),
            WorkOrder.quantity.label("order_quantity"),
            ops.seq,
            ops.name,
            ops.status,
            ops.good_quantity.label("good"),
            ops.scrap_quantity.label("scrap"),
            Material.code.label("product"),
            Material.name.label("product_name"),
            Material.unit,
            RoutingOperation.ideal_cycle_seconds,
            func.coalesce(prior_good, WorkOrder.quantity).label("target"),
        )
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .join(Material, Material.id == WorkOrder.product_id)
        .outerjoin(RoutingOperation, RoutingOperation.id == ops.routing_operation_id)
        .where(ops.workstation_id == station_id, ops.status.in_(ACTIVE_OPERATION))
        .order_by(ops.started_at, ops.id)
    ).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    runs = connection.execute(
        select(JobRun.id, JobRun.operation_id, JobRun.started_at, JobRun.ended_at).where(JobRun.operation_id.in_(ids))
    ).all()
    people = connection.execute(
        select(JobRun.operation_id, User.name)
        .join(LabourEntry, LabourEntry.job_run_id == JobRun.id)
        .join(User, User.id == LabourEntry.user_id)
        .where(JobRun.operation_id.in_(ids), JobRun.ended_at.is_(None), LabourEntry.ended_at.is_(None))
        .order_by(LabourEntry.started_at)
    ).all()
    result = []
    for row in rows:
        mine = [r for r in runs if r.operation_id == row.id]
        current = next((r for r in mine if r.ended_at is None), None)
        result.append(
            {
                **row._mapping,
                "run_started_at": current.started_at if current else None,
                "run_seconds": sum(((r.ended_at or now) - r.started_at).total_seconds() for r in mine),
                "last_run_ended_at": max((r.ended_at for r in mine if r.ended_at), default=None),
                "operators": tuple(p.name for p in people if p.operation_id == row.id),
            }
        )
    return result


def open_downtime(connection: Connection, station_id: int) -> dict[str, Any] | None:
    row = connection.execute(
        select(DowntimeEvent.started_at, DowntimeReason.name.label("reason"))
        .outerjoin(DowntimeReason, DowntimeReason.id == DowntimeEvent.reason_id)
        .where(and_(DowntimeEvent.workstation_id == station_id, DowntimeEvent.ended_at.is_(None)))
    ).one_or_none()
    return dict(row._mapping) if row else None


@dataclass(frozen=True)
class JobTarget:
    ref: OperationRef
    target: Decimal  # what the operation can make: its predecessor's good quantity, or the order quantity
    planned: Decimal = Decimal(0)  # the order quantity
    reported: Decimal = Decimal(0)  # good and scrap reported at the operation so far


def operation_ref(connection: Connection, work_order: str, seq: int) -> JobTarget:
    row = connection.execute(
        select(
            ops.id, ops.work_order_id, WorkOrder.product_id, WorkOrder.quantity, ops.good_quantity, ops.scrap_quantity
        )
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .where(WorkOrder.number == work_order, ops.seq == seq)
    ).one_or_none()
    if row is None:
        raise UnknownEntity(UNKNOWN_OPERATION.sentence(work_order=work_order, operation=seq), code=UNKNOWN_OPERATION)
    previous_good = connection.execute(
        select(ops.good_quantity)
        .where(ops.work_order_id == row.work_order_id, ops.seq < seq)
        .order_by(ops.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    target = row.quantity if previous_good is None else Decimal(previous_good)
    reported = Decimal(row.good_quantity) + Decimal(row.scrap_quantity)
    return JobTarget(OperationRef(row.id, row.product_id, seq), target, Decimal(row.quantity), reported)
