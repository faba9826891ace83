"""Steering the dispatch lists: which station runs an operation, and in which order a station works.

A station's list is its open operations: those assigned to it, and those not yet assigned that it is
eligible for. Reordering a list assigns its operations to the station, so that its terminal shows
exactly the order the supervisor chose.
"""

from __future__ import annotations

from sqlalchemy import exists, func, select, true

from mes_terminal.db.records import RoutingOperationStation, WorkOrder, WorkOrderOperation, Workstation
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import (
    DISPATCH_CLOSED,
    DISPATCH_NOT_ELIGIBLE,
    DISPATCH_OTHER_STATION,
    DISPATCH_STARTED,
    UNKNOWN_STATION,
)
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.roles import PLANNERS
from mes_terminal.domain.statuses import OPEN_ORDER, WAITING_OPERATION, OperationStatus, spoken
from mes_terminal.services.commands.catalog import AssignOperation, ReorderDispatch
from mes_terminal.services.commands.results import AssignmentResult, DispatchOrderResult

ops = WorkOrderOperation


def reorder_dispatch(cmd: ReorderDispatch, uow: UnitOfWork) -> DispatchOrderResult:
    uow.users.acting(cmd.actor, PLANNERS, "reorder dispatch lists")
    station = _locked_station(uow, cmd.station)
    keys = [_parse_key(key) for key in cmd.operations]
    if len(set(keys)) != len(keys):
        raise InvalidInput("The new order names an operation twice; nothing was reordered.")
    chosen = [_operation_for(uow, station, number, seq) for number, seq in keys]
    chosen_ids = {op.id for _, op in chosen}
    # Operations already here that the new order leaves out keep their order, after the named ones.
    rest = uow.session.scalars(
        select(ops)
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .where(
            ops.workstation_id == station.id,
            ops.status != OperationStatus.COMPLETED,
            WorkOrder.status.in_(OPEN_ORDER),
            ops.id.not_in(chosen_ids) if chosen_ids else true(),
        )
        .order_by(ops.dispatch_position.is_(None), ops.dispatch_position, ops.id)
        .with_for_update()
    ).all()
    before = [f"{order.number}/{op.seq}" for order, op in chosen]
    for position, op in enumerate([op for _, op in chosen] + list(rest), start=1):
        op.dispatch_position = position
        op.workstation_id = station.id
    uow.events.add("DispatchReordered", "workstation", station.code, after={"operations": before})
    return {"station": station.code, "operations": before}


def assign_operation(cmd: AssignOperation, uow: UnitOfWork) -> AssignmentResult:
    uow.users.acting(cmd.actor, PLANNERS, "assign operations to stations")
    order, op = uow.jobs.lock(cmd.work_order, cmd.operation)
    label = f"{order.number} operation {op.seq} ({op.name})"
    if order.status not in OPEN_ORDER:
        raise InvalidState(f"Work order {order.number} is {spoken(order.status)}; {label} stays as it is.")
    if op.status not in WAITING_OPERATION:
        raise InvalidState(f"{label} is {op.status}; only work not yet started can move.", code=DISPATCH_STARTED)
    before = _station_code(uow, op.workstation_id)
    if cmd.station is None:
        op.workstation_id, op.dispatch_position = None, None
    else:
        station = _locked_station(uow, cmd.station)
        if not eligible(uow, op, station):
            raise InvalidState(
                f"{label} cannot run at {station.code}; it stays where it was.", code=DISPATCH_NOT_ELIGIBLE
            )
        if op.workstation_id != station.id:
            last = uow.session.scalar(select(func.max(ops.dispatch_position)).where(ops.workstation_id == station.id))
            op.workstation_id, op.dispatch_position = station.id, (last or 0) + 1
    uow.events.add(
        "OperationAssigned",
        "operation",
        f"{order.number}/{op.seq}",
        before={"station": before},
        after={"station": cmd.station},
    )
    return {"work_order": order.number, "operation": op.seq, "station": cmd.station}


# --- steps ---------------------------------------------------------------------------------------


def _locked_station(uow: UnitOfWork, code: str) -> Workstation:
    station = uow.session.scalars(select(Workstation).where(Workstation.code == code).with_for_update()).one_or_none()
    if station is None:
        raise UnknownEntity(UNKNOWN_STATION.sentence(code=code), code=UNKNOWN_STATION)
    return station


def _parse_key(key: str) -> tuple[str, int]:
    number, _, seq = key.rpartition("/")
    if not number or not seq.isdigit():
        raise InvalidInput(f"{key[:40]!r} is not an operation key like WO-1/10; nothing was reordered.")
    return number, int(seq)


def _operation_for(
    uow: UnitOfWork, station: Workstation, number: str, seq: int
) -> tuple[WorkOrder, WorkOrderOperation]:
    order, op = uow.jobs.lock(number, seq)
    label = f"{number} operation {seq} ({op.name})"
    if order.status not in OPEN_ORDER or op.status == OperationStatus.COMPLETED:
        raise InvalidState(DISPATCH_CLOSED.sentence(job=label), code=DISPATCH_CLOSED)
    if op.workstation_id not in (None, station.id):
        raise InvalidState(
            DISPATCH_OTHER_STATION.sentence(job=label, station=_station_code(uow, op.workstation_id)),
            code=DISPATCH_OTHER_STATION,
        )
    if not eligible(uow, op, station):
        raise InvalidState(f"{label} cannot run at {station.code}; nothing was reordered.", code=DISPATCH_NOT_ELIGIBLE)
    return order, op


def eligible(uow: UnitOfWork, op: WorkOrderOperation, station: Workstation) -> bool:
    """Whether the routing lets the operation run at the station (publishing a plan asks too)."""
    return bool(
        uow.session.scalar(
            select(
                exists().where(
                    RoutingOperationStation.routing_operation_id == op.routing_operation_id,
                    RoutingOperationStation.workstation_id == station.id,
                )
            )
        )
    )


def _station_code(uow: UnitOfWork, station_id: int | None) -> str | None:
    if station_id is None:
        return None
    return uow.session.scalar(select(Workstation.code).where(Workstation.id == station_id))
