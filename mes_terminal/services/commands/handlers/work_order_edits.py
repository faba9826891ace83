"""Editing a work order's quantity, due date and priority, and closing a completed order."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select

from mes_terminal.db.records import WorkOrder, WorkOrderOperation
from mes_terminal.db.repositories.shared import LockedOrder
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import (
    EDIT_BELOW_MADE,
    EDIT_NOTHING,
    EDIT_PRIORITY,
    WORK_ORDER_CANNOT_CLOSE,
    WORK_ORDER_CHANGED_MEANWHILE,
)
from mes_terminal.domain.errors import Conflict, InvalidInput, InvalidState
from mes_terminal.domain.roles import PLANNERS
from mes_terminal.domain.statuses import OPEN_ORDER, WorkOrderStatus, can_move
from mes_terminal.domain.work_orders import describe
from mes_terminal.services.commands.catalog import CloseWorkOrder, EditWorkOrder
from mes_terminal.services.commands.results import WorkOrderEditResult, WorkOrderResult

PRIORITY_LIMIT = 1_000_000


def edit_work_order(cmd: EditWorkOrder, uow: UnitOfWork) -> WorkOrderEditResult:
    uow.users.acting(cmd.actor, PLANNERS, "edit work orders")
    return edit_order(uow, cmd.number, cmd.expected_version, quantity=cmd.quantity, due=cmd.due, priority=cmd.priority)


def edit_order(
    uow: UnitOfWork,
    number: str,
    expected_version: int | None,
    *,
    quantity: Decimal | None = None,
    due: datetime | None = None,
    priority: int | None = None,
) -> WorkOrderEditResult:
    """Change an open order's quantity, due time or priority (never below what was made) and record it."""
    if quantity is None and due is None and priority is None:
        raise InvalidInput(EDIT_NOTHING.sentence(), code=EDIT_NOTHING)
    if priority is not None and abs(priority) > PRIORITY_LIMIT:
        raise InvalidInput(EDIT_PRIORITY.sentence(limit=PRIORITY_LIMIT), code=EDIT_PRIORITY)
    order = _locked(number, expected_version, uow)
    if order.status not in OPEN_ORDER:
        raise InvalidState(f"Work order {order.number} is {describe(order.status)}; it cannot be edited.")
    current = uow.session.execute(
        select(WorkOrder.quantity, WorkOrder.due_at, WorkOrder.priority).where(WorkOrder.id == order.id)
    ).one()
    wanted = {"quantity": quantity, "due_at": due, "priority": priority}
    changes = {name: value for name, value in wanted.items() if value is not None and value != getattr(current, name)}
    if quantity is not None:
        made = uow.session.scalar(
            select(func.max(WorkOrderOperation.good_quantity)).where(WorkOrderOperation.work_order_id == order.id)
        )
        if made and quantity < made:
            raise InvalidState(
                EDIT_BELOW_MADE.sentence(number=order.number, made=f"{made.normalize():f}"),
                code=EDIT_BELOW_MADE,
            )
    if not changes:
        return {"number": order.number, "status": order.status, "version": order.version, "changed": []}
    after = uow.work_orders.change(order, **changes)
    uow.events.add(
        "WorkOrderEdited",
        "work_order",
        order.number,
        before={name: getattr(current, name) for name in changes},
        after=changes,
    )
    return {"number": order.number, "status": after.status, "version": after.version, "changed": sorted(changes)}


def close_work_order(cmd: CloseWorkOrder, uow: UnitOfWork) -> WorkOrderResult:
    uow.users.acting(cmd.actor, PLANNERS, "close work orders")
    order = _locked(cmd.number, cmd.expected_version, uow)
    if not can_move(order.status, WorkOrderStatus.CLOSED):
        raise InvalidState(
            f"Work order {order.number} is {describe(order.status)}; only a completed order can be closed.",
            code=WORK_ORDER_CANNOT_CLOSE,
        )
    after = uow.work_orders.change(order, status=WorkOrderStatus.CLOSED)
    uow.events.add(
        "WorkOrderClosed", "work_order", order.number, before={"status": order.status}, after={"status": after.status}
    )
    return {"number": after.number, "status": after.status, "version": after.version}


def _locked(number: str, expected_version: int | None, uow: UnitOfWork) -> LockedOrder:
    order = uow.work_orders.lock(number)
    if expected_version is not None and order.version != expected_version:
        raise Conflict(
            WORK_ORDER_CHANGED_MEANWHILE.sentence(number=number),
            code=WORK_ORDER_CHANGED_MEANWHILE,
        )
    return order
