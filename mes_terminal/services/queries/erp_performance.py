"""What production did in a time range, per work order and operation: the ERP export's facts.

An operation progressed in [start, end) when a count was reported, material was taken, a job ran or it
completed within the range. Its figures are those of the range (an incremental export reports each
quantity once): good and scrap counted, lots consumed (less what was returned), labour time within the
range; its actual start and end are the operation's own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Engine, func, or_, select, union

from mes_terminal.db.records import (
    Consumption,
    Count,
    JobRun,
    LabourEntry,
    Lot,
    Material,
    User,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.services.queries.read_only import read_connection


@dataclass(frozen=True)
class ConsumedLot:
    lot: str
    material: str
    unit: str
    quantity: Decimal


@dataclass(frozen=True)
class LabourTime:
    badge: str
    name: str
    hours: Decimal


@dataclass(frozen=True)
class OperationPerformance:
    work_order: str
    product: str
    unit: str
    seq: int
    name: str
    status: str
    started_at: datetime | None
    completed_at: datetime | None
    good: Decimal
    scrap: Decimal
    output_lot: str | None
    equipment: tuple[str, ...]
    labour: tuple[LabourTime, ...]
    consumed: tuple[ConsumedLot, ...]


def performance(engine: Engine, start: datetime, end: datetime) -> list[OperationPerformance]:
    """Every operation that progressed in [start, end), by work order and operation number."""
    progressed = union(
        select(Count.operation_id).where(Count.reported_at >= start, Count.reported_at < end),
        select(Consumption.operation_id).where(Consumption.consumed_at >= start, Consumption.consumed_at < end),
        select(JobRun.operation_id).where(
            JobRun.started_at < end, or_(JobRun.ended_at.is_(None), JobRun.ended_at >= start)
        ),
        select(WorkOrderOperation.id).where(
            WorkOrderOperation.completed_at >= start, WorkOrderOperation.completed_at < end
        ),
    ).subquery()
    with read_connection(engine) as connection:
        operations = connection.execute(
            select(
                WorkOrderOperation.id,
                WorkOrder.number,
                Material.code,
                Material.unit,
                WorkOrderOperation.seq,
                WorkOrderOperation.name,
                WorkOrderOperation.status,
                WorkOrderOperation.started_at,
                WorkOrderOperation.completed_at,
                WorkOrderOperation.output_lot,
            )
            .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
            .join(Material, Material.id == WorkOrder.product_id)
            .where(WorkOrderOperation.id.in_(select(progressed.c[0])))
            .order_by(WorkOrder.number, WorkOrderOperation.seq)
        ).all()
        ids = [row.id for row in operations]
        counts = {
            row.operation_id: (row.good, row.scrap)
            for row in connection.execute(
                select(Count.operation_id, func.sum(Count.good).label("good"), func.sum(Count.scrap).label("scrap"))
                .where(Count.operation_id.in_(ids), Count.reported_at >= start, Count.reported_at < end)
                .group_by(Count.operation_id)
            )
        }
        consumed: dict[int, list[ConsumedLot]] = defaultdict(list)
        for taken in connection.execute(
            select(
                Consumption.operation_id,
                Lot.number,
                Material.code,
                Material.unit,
                func.sum(Consumption.quantity - Consumption.returned_quantity).label("net"),
            )
            .join(Lot, Lot.id == Consumption.lot_id)
            .join(Material, Material.id == Lot.material_id)
            .where(Consumption.operation_id.in_(ids), Consumption.consumed_at >= start, Consumption.consumed_at < end)
            .group_by(Consumption.operation_id, Lot.number, Material.code, Material.unit)
            .order_by(Consumption.operation_id, Lot.number)
        ):
            if taken.net and taken.net > 0:
                consumed[taken.operation_id].append(
                    ConsumedLot(taken.number, taken.code, taken.unit, _exact(taken.net))
                )
        equipment: dict[int, set[str]] = defaultdict(set)
        for station in connection.execute(
            select(JobRun.operation_id, Workstation.code)
            .join(Workstation, Workstation.id == JobRun.workstation_id)
            .where(
                JobRun.operation_id.in_(ids),
                JobRun.started_at < end,
                or_(JobRun.ended_at.is_(None), JobRun.ended_at >= start),
            )
        ):
            equipment[station.operation_id].add(station.code)
        labour: dict[int, dict[tuple[str, str], Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        for entry in connection.execute(
            select(JobRun.operation_id, User.badge, User.name, LabourEntry.started_at, LabourEntry.ended_at)
            .join(JobRun, JobRun.id == LabourEntry.job_run_id)
            .join(User, User.id == LabourEntry.user_id)
            .where(
                JobRun.operation_id.in_(ids),
                LabourEntry.started_at < end,
                or_(LabourEntry.ended_at.is_(None), LabourEntry.ended_at >= start),
            )
        ):
            begin, finish = max(entry.started_at, start), min(entry.ended_at or end, end)
            if finish > begin:
                labour[entry.operation_id][(entry.badge, entry.name)] += Decimal((finish - begin).total_seconds())
    return [
        OperationPerformance(
            work_order=row.number,
            product=row.code,
            unit=row.unit,
            seq=row.seq,
            name=row.name,
            status=str(row.status),
            started_at=row.started_at,
            completed_at=row.completed_at,
            good=_exact(counts.get(row.id, (Decimal(0), Decimal(0)))[0]),
            scrap=_exact(counts.get(row.id, (Decimal(0), Decimal(0)))[1]),
            output_lot=row.output_lot,
            equipment=tuple(sorted(equipment.get(row.id, ()))),
            labour=tuple(
                LabourTime(badge, name, (seconds / 3600).quantize(Decimal("0.0001")))
                for (badge, name), seconds in sorted(labour.get(row.id, {}).items())
            ),
            consumed=tuple(consumed.get(row.id, ())),
        )
        for row in operations
    ]


def _exact(value: Decimal | float | int | None) -> Decimal:
    """SQLite hands NUMERIC sums back as floats: back to the column's six places."""
    if value is None:
        return Decimal(0)
    return Decimal(str(value)).quantize(Decimal("0.000001")).normalize() + 0
