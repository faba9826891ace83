"""Creating, releasing, holding and cancelling work orders."""

from __future__ import annotations

from typing import Any

from mes_terminal.db.records import WorkOrder, WorkOrderOperation
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.errors import Conflict, InvalidState
from mes_terminal.domain.roles import PLANNERS
from mes_terminal.domain.work_orders import (
    OperationStatus,
    WorkOrderStatus,
    check_transition,
    release_target,
)
from mes_terminal.services.commands import (
    CancelWorkOrder,
    CreateWorkOrder,
    HoldWorkOrder,
    ReleaseWorkOrder,
)


def create_work_order(cmd: CreateWorkOrder, uow: UnitOfWork) -> dict[str, Any]:
    uow.users.acting(cmd.actor, PLANNERS, "create work orders")
    product = uow.products.by_code(cmd.product)
    routing = uow.products.routing(product)
    if not routing:
        raise InvalidState(
            f"Product {product.code} has no routing; add its operations to the plant file first.",
            code="product_without_routing",
        )
    if uow.work_orders.exists(cmd.number):
        raise InvalidState(f"Work order {cmd.number} already exists.", code="work_order_exists")
    order = WorkOrder(
        number=cmd.number,
        product_id=product.id,
        quantity=cmd.quantity,
        due_at=cmd.due,
        priority=cmd.priority,
        status=WorkOrderStatus.PLANNED,
        created_at=cmd.issued_at,
        operations=[
            WorkOrderOperation(
                seq=step.seq, name=step.name, routing_operation_id=step.id, status=OperationStatus.PENDING
            )
            for step in routing
        ],
    )
    uow.session.add(order)
    uow.session.flush()
    uow.events.add(
        "WorkOrderCreated",
        "work_order",
        order.number,
        after={
            "product": product.code,
            "quantity": order.quantity,
            "due": order.due_at,
            "priority": order.priority,
            "status": order.status,
            "operations": [op.seq for op in order.operations],
        },
    )
    return _summary(order, product.code)


def release_work_order(cmd: ReleaseWorkOrder, uow: UnitOfWork) -> dict[str, Any]:
    uow.users.acting(cmd.actor, PLANNERS, "release work orders")
    order = _locked(cmd.number, cmd.expected_version, uow)
    check_transition("release", order.number, WorkOrderStatus(order.status))
    started = uow.work_orders.work_started(order)
    before = order.status
    order.status = release_target(started)
    order.released_at = order.released_at or cmd.issued_at
    first_open = next((op for op in order.operations if op.status == OperationStatus.PENDING), None)
    if not started and first_open is not None:
        first_open.status = OperationStatus.READY
    return _changed(order, "WorkOrderReleased", before, uow)


def hold_work_order(cmd: HoldWorkOrder, uow: UnitOfWork) -> dict[str, Any]:
    uow.users.acting(cmd.actor, PLANNERS, "put work orders on hold")
    order = _locked(cmd.number, cmd.expected_version, uow)
    check_transition("hold", order.number, WorkOrderStatus(order.status))
    before = order.status
    order.status = WorkOrderStatus.ON_HOLD
    return _changed(order, "WorkOrderHeld", before, uow, reason=cmd.reason)


def cancel_work_order(cmd: CancelWorkOrder, uow: UnitOfWork) -> dict[str, Any]:
    uow.users.acting(cmd.actor, PLANNERS, "cancel work orders")
    order = _locked(cmd.number, cmd.expected_version, uow)
    check_transition(
        "cancel", order.number, WorkOrderStatus(order.status), work_started=uow.work_orders.work_started(order)
    )
    before = order.status
    order.status = WorkOrderStatus.CANCELLED
    for op in order.operations:
        if op.status == OperationStatus.READY:
            op.status = OperationStatus.PENDING
    return _changed(order, "WorkOrderCancelled", before, uow, reason=cmd.reason)


def _locked(number: str, expected_version: int | None, uow: UnitOfWork) -> WorkOrder:
    order = uow.work_orders.for_update(number)
    if expected_version is not None and order.version != expected_version:
        raise Conflict(
            f"Work order {number} was changed by someone else meanwhile (it is now {order.status.replace('_', ' ')}); "
            "their change is kept. Look again and retry.",
        )
    return order


def _changed(order: WorkOrder, event: str, before: str, uow: UnitOfWork, **extra: Any) -> dict[str, Any]:
    uow.session.flush()  # bumps the version
    uow.events.add(
        event,
        "work_order",
        order.number,
        before={"status": before},
        after={"status": order.status},
        **{k: v for k, v in extra.items() if v is not None},
    )
    return _summary(order)


def _summary(order: WorkOrder, product: str | None = None) -> dict[str, Any]:
    summary: dict[str, Any] = {"number": order.number, "status": order.status, "version": order.version}
    if product is not None:
        summary["product"] = product
        summary["operations"] = [{"seq": op.seq, "name": op.name, "status": op.status} for op in order.operations]
    return summary
