"""Creating, releasing, holding and cancelling work orders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from mes_terminal.db.bulk import insert_rows
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
) -> NewWorkOrderResult:
    """A new planned order over its product's routing, and its event: the command's work once the actor may act.

    The ERP import makes its thousands of orders with `add_work_orders`, which leaves each order and its
    events as this function (and `release_order`) would.
    """
    product = uow.products.by_code(product_code)
    routing = uow.products.routing(product)
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
    _created(uow, order.number, product.code, order.quantity, order.due_at, order.priority, routing)
    return {
        "number": order.number,
        "status": order.status,
        "version": order.version,
        "product": product.code,
        "operations": [{"seq": op.seq, "name": op.name, "status": op.status} for op in order.operations],
    }


@dataclass(frozen=True)
class NewOrder:
    """One of many orders `add_work_orders` makes: over `routing` (its product's, read by the caller)."""

    number: str
    product: Material
    routing: list[RoutingOperation]
    quantity: Decimal
    due: datetime
    priority: int
    release: bool


def add_work_orders(uow: UnitOfWork, orders: Sequence[NewOrder], *, at: datetime) -> list[int]:
    """Many new orders in a few statements, each left and recorded as `add_work_order` (then `release_order`
    when `release`) leaves and records one: the ERP import's thousands of orders. Returns their ids."""
    for new in orders:
        if not new.routing:
            raise InvalidState(PRODUCT_WITHOUT_ROUTING.sentence(product=new.product.code), code=PRODUCT_WITHOUT_ROUTING)
    connection = uow.session.connection()
    numbers = [new.number for new in orders]
    taken = connection.scalars(select(WorkOrder.number).where(WorkOrder.number.in_(numbers)).limit(1)).first()
    if taken is not None or len(set(numbers)) < len(numbers):
        number = taken or next(n for n in numbers if numbers.count(n) > 1)
        raise InvalidState(WORK_ORDER_EXISTS.sentence(number=number), code=WORK_ORDER_EXISTS)
    insert_rows(
        connection,
        WorkOrder,
        [
            {
                "number": new.number,
                "product_id": new.product.id,
                "quantity": new.quantity,
                "due_at": new.due,
                "priority": new.priority,
                "status": WorkOrderStatus.PLANNED,
                "created_at": at,
                "version": 1,
            }
            for new in orders
        ],
    )
    # Read back: COPY returns nothing, and SQLite would insert row by row to keep RETURNING in order.
    rows = connection.execute(select(WorkOrder.number, WorkOrder.id).where(WorkOrder.number.in_(numbers)))
    by_number = {number: order_id for number, order_id in rows}
    ids = [by_number[number] for number in numbers]
    insert_rows(
        connection,
        WorkOrderOperation,
        [
            {
                "work_order_id": order_id,
                "seq": step.seq,
                "name": step.name,
                "routing_operation_id": step.id,
                "status": OperationStatus.PENDING,
                "version": 1,
            }
            for order_id, new in zip(ids, orders, strict=True)
            for step in new.routing
        ],
    )
    released = [order_id for order_id, new in zip(ids, orders, strict=True) if new.release]
    # A new order is planned and nothing has run on it: what `release_order` checks and makes of it.
    target = release_target(False)
    for new in orders:
        _created(uow, new.number, new.product.code, new.quantity, new.due, new.priority, new.routing)
        if new.release:
            check_transition("release", new.number, WorkOrderStatus.PLANNED)
            _event(uow, "WorkOrderReleased", new.number, WorkOrderStatus.PLANNED, target)
    uow.work_orders.ready_first_pending_operations(released)
    uow.work_orders.change_new(released, status=target, released_at=at)
    instructions.pin_released_operations_of(connection, released)
    return ids


def _created(
    uow: UnitOfWork,
    number: str,
    product: str,
    quantity: Decimal,
    due: datetime,
    priority: int,
    routing: list[RoutingOperation],
) -> None:
    uow.events.add(
        "WorkOrderCreated",
        "work_order",
        number,
        after={
            "product": product,
            "quantity": quantity,
            "due": due,
            "priority": priority,
            "status": WorkOrderStatus.PLANNED,
            "operations": [step.seq for step in routing],
        },
    )


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
    _event(uow, event, after.number, before.status, after.status, **extra)
    return {"number": after.number, "status": after.status, "version": after.version}


def _event(
    uow: UnitOfWork, event: str, number: str, before: WorkOrderStatus, after: WorkOrderStatus, **extra: Any
) -> None:
    uow.events.add(
        event,
        "work_order",
        number,
        before={"status": before},
        after={"status": after},
        **{k: v for k, v in extra.items() if v is not None},
    )
