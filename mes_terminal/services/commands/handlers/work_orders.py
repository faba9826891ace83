"""Creating, releasing, holding and cancelling work orders."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from mes_terminal.db.records import Material, RoutingOperation, WorkOrder, WorkOrderOperation
from mes_terminal.db.repositories.shared import LockedOrder
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import PRODUCT_WITHOUT_ROUTING, WORK_ORDER_EXISTS
from mes_terminal.domain.errors import Conflict, InvalidState
from mes_terminal.domain.roles import PLANNERS
from mes_terminal.domain.statuses import OperationStatus, WorkOrderStatus
from mes_terminal.domain.work_orders import check_transition, release_target
from mes_terminal.services.commands.catalog import (
    CancelWorkOrder,
    CreateWorkOrder,
    HoldWorkOrder,
    ReleaseWorkOrder,
)
from mes_terminal.services.commands.results import NewWorkOrderResult, WorkOrderResult
from mes_terminal.services.queries import instructions


def create_work_order(cmd: CreateWorkOrder, uow: UnitOfWork) -> NewWorkOrderResult:
    uow.users.acting(cmd.actor, PLANNERS, "create work orders")
    return add_work_order(
        uow,
        number=cmd.number,
        product_code=cmd.product,
        quantity=cmd.quantity,
        due=cmd.due,
        priority=cmd.priority,
        at=cmd.issued_at,
    )


def add_work_order(
    uow: UnitOfWork,
    *,
    number: str,
    product_code: str,
    quantity: Decimal,
    due: datetime,
    priority: int,
    at: datetime,
    known: tuple[Material, list[RoutingOperation]] | None = None,
) -> NewWorkOrderResult:
    """A new planned order over its product's routing, and its event: the command's work once the actor may act.

    The ERP import calls this too (integration/), so an order typed in and one from the ERP are made alike;
    it passes the product and routing it has read already (`known`) for the thousands of orders of a schedule.
    """
    product = known[0] if known else uow.products.by_code(product_code)
    routing = known[1] if known else uow.products.routing(product)
    if not routing:
        raise InvalidState(
            PRODUCT_WITHOUT_ROUTING.sentence(product=product.code),
            code=PRODUCT_WITHOUT_ROUTING,
        )
    if uow.work_orders.exists(number):
        raise InvalidState(WORK_ORDER_EXISTS.sentence(number=number), code=WORK_ORDER_EXISTS)
    order = WorkOrder(
        number=number,
        product_id=product.id,
        quantity=quantity,
        due_at=due,
        priority=priority,
        status=WorkOrderStatus.PLANNED,
        created_at=at,
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
    return {
        "number": order.number,
        "status": order.status,
        "version": order.version,
        "product": product.code,
        "operations": [{"seq": op.seq, "name": op.name, "status": op.status} for op in order.operations],
    }


def release_work_order(cmd: ReleaseWorkOrder, uow: UnitOfWork) -> WorkOrderResult:
    uow.users.acting(cmd.actor, PLANNERS, "release work orders")
    return release_order(uow, cmd.number, cmd.expected_version, at=cmd.issued_at)


def release_order(uow: UnitOfWork, number: str, expected_version: int | None, *, at: datetime) -> WorkOrderResult:
    """Release a planned or held order (the first pending operation becomes ready) and record it."""
    order = _locked(number, expected_version, uow)
    check_transition("release", order.number, order.status)
    started = uow.work_orders.work_started(order)
    if not started:
        uow.work_orders.ready_first_pending_operation(order)
    changed = uow.work_orders.change(order, status=release_target(started), released_at=order.released_at or at)
    instructions.pin_released_operations(uow.session.connection(), order.id)  # kept until a supervisor moves it
    return _changed(order, changed, "WorkOrderReleased", uow)


def hold_work_order(cmd: HoldWorkOrder, uow: UnitOfWork) -> WorkOrderResult:
    uow.users.acting(cmd.actor, PLANNERS, "put work orders on hold")
    order = _locked(cmd.number, cmd.expected_version, uow)
    check_transition("hold", order.number, order.status)
    changed = uow.work_orders.change(order, status=WorkOrderStatus.ON_HOLD)
    return _changed(order, changed, "WorkOrderHeld", uow, reason=cmd.reason)


def cancel_work_order(cmd: CancelWorkOrder, uow: UnitOfWork) -> WorkOrderResult:
    uow.users.acting(cmd.actor, PLANNERS, "cancel work orders")
    order = _locked(cmd.number, cmd.expected_version, uow)
    check_transition("cancel", order.number, order.status, work_started=uow.work_orders.work_started(order))
    uow.work_orders.unready_operations(order)
    changed = uow.work_orders.change(order, status=WorkOrderStatus.CANCELLED)
    return _changed(order, changed, "WorkOrderCancelled", uow, reason=cmd.reason)


def _locked(number: str, expected_version: int | None, uow: UnitOfWork) -> LockedOrder:
    order = uow.work_orders.lock(number)
    if expected_version is not None and order.version != expected_version:
        raise Conflict(
            f"Work order {number} was changed by someone else meanwhile (it is now {order.status.replace('_', ' ')}); "
            "their change is kept. Look again and retry.",
        )
    return order


def _changed(before: LockedOrder, after: LockedOrder, event: str, uow: UnitOfWork, **extra: Any) -> WorkOrderResult:
    uow.events.add(
        event,
        "work_order",
        after.number,
        before={"status": before.status},
        after={"status": after.status},
        **{k: v for k, v in extra.items() if v is not None},
    )
    return {"number": after.number, "status": after.status, "version": after.version}
