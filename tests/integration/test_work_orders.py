"""Work-order lifecycle commands: create, release, hold, cancel; rules, roles and conflicts."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import WorkOrder, WorkOrderOperation
from mes_terminal.db.repositories.shared import WorkOrders
from mes_terminal.domain.errors import Conflict, InvalidState, NotPermitted, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from tests.helpers import LEAD, OPERATOR, command


@pytest.fixture
def order(bus: CommandBus, clock) -> str:
    bus.execute(
        command(
            c.CreateWorkOrder,
            clock.now(),
            number="WO-100",
            product="BRACKET-A",
            quantity=Decimal("250"),
            due=clock.now() + timedelta(days=1),
            priority=5,
        )
    )
    return "WO-100"


def _do(bus: CommandBus, clock, cls: type[c.Command], number: str, **extra: object) -> dict:
    return dict(bus.execute(command(cls, clock.now(), number=number, **extra)).result)


def test_a_new_order_is_planned_with_the_operations_of_its_routing(bus: CommandBus, clock) -> None:
    result = _do(bus, clock, c.CreateWorkOrder, "WO-1", product="BRACKET-A", quantity=Decimal("12.5"), due=clock.now())
    assert result["status"] == "planned"
    assert result["product"] == "BRACKET-A"
    assert [(op["seq"], op["name"], op["status"]) for op in result["operations"]] == [
        (10, "Cut", "pending"),
        (20, "Bend", "pending"),
    ]


def operation_statuses(bus: CommandBus) -> dict[str, list[tuple[int, str]]]:
    query = (
        select(WorkOrder.number, WorkOrderOperation.seq, WorkOrderOperation.status)
        .join(WorkOrderOperation, WorkOrderOperation.work_order_id == WorkOrder.id)
        .order_by(WorkOrder.number, WorkOrderOperation.seq)
    )
    with bus.engine.connect() as connection:
        statuses: dict[str, list[tuple[int, str]]] = {}
        for number, seq, status in connection.execute(query):
            statuses.setdefault(number, []).append((seq, str(status)))
    return statuses


def test_releasing_makes_the_first_operation_ready(bus: CommandBus, clock, order: str) -> None:
    assert _do(bus, clock, c.ReleaseWorkOrder, order)["status"] == "released"
    assert operation_statuses(bus) == {order: [(10, "ready"), (20, "pending")]}  # the second waits for the first


def test_orders_released_together_each_make_only_their_first_operation_ready(bus: CommandBus, clock) -> None:
    for number in ("WO-1", "WO-2"):
        _do(bus, clock, c.CreateWorkOrder, number, product="BRACKET-A", quantity=Decimal(5), due=clock.now())
    with Session(bus.engine) as session, session.begin():
        ids = list(session.scalars(select(WorkOrder.id)))
        WorkOrders(session).ready_first_pending_operations(ids)  # as the ERP import releases its orders
    assert operation_statuses(bus) == {number: [(10, "ready"), (20, "pending")] for number in ("WO-1", "WO-2")}


def test_hold_then_release_returns_to_released(bus: CommandBus, clock, order: str) -> None:
    _do(bus, clock, c.ReleaseWorkOrder, order)
    assert _do(bus, clock, c.HoldWorkOrder, order, reason="Customer changed drawing")["status"] == "on_hold"
    assert _do(bus, clock, c.ReleaseWorkOrder, order)["status"] == "released"


def test_a_lead_may_release(bus: CommandBus, clock, order: str) -> None:
    assert (
        dict(bus.execute(command(c.ReleaseWorkOrder, clock.now(), actor=LEAD, number=order)).result)["status"]
        == "released"
    )


def test_an_operator_may_not_release(bus: CommandBus, clock, order: str) -> None:
    with pytest.raises(NotPermitted, match="needs the role"):
        bus.execute(command(c.ReleaseWorkOrder, clock.now(), actor=OPERATOR, number=order))


def test_releasing_twice_names_the_current_state(bus: CommandBus, clock, order: str) -> None:
    _do(bus, clock, c.ReleaseWorkOrder, order)
    with pytest.raises(InvalidState, match="Work order WO-100 is already released; it cannot be released"):
        _do(bus, clock, c.ReleaseWorkOrder, order)


def test_a_cancelled_order_cannot_be_released(bus: CommandBus, clock, order: str) -> None:
    assert _do(bus, clock, c.CancelWorkOrder, order, reason="Duplicate")["status"] == "cancelled"
    with pytest.raises(InvalidState, match="is cancelled; it cannot be released"):
        _do(bus, clock, c.ReleaseWorkOrder, order)


def test_a_stale_version_is_a_conflict_and_keeps_the_other_change(bus: CommandBus, clock, order: str) -> None:
    seen = _do(bus, clock, c.HoldWorkOrder, order)["version"]
    _do(bus, clock, c.ReleaseWorkOrder, order, expected_version=seen)
    with pytest.raises(Conflict, match="changed by someone else meanwhile \\(it is now released\\)"):
        _do(bus, clock, c.CancelWorkOrder, order, expected_version=seen)
    assert _do(bus, clock, c.HoldWorkOrder, order)["status"] == "on_hold"


def test_unknown_product_and_duplicate_number_are_refused(bus: CommandBus, clock, order: str) -> None:
    with pytest.raises(UnknownEntity, match="There is no product NOPE"):
        _do(bus, clock, c.CreateWorkOrder, "WO-2", product="NOPE", quantity=Decimal(1), due=clock.now())
    with pytest.raises(InvalidState, match="Work order WO-100 already exists"):
        _do(bus, clock, c.CreateWorkOrder, order, product="BRACKET-A", quantity=Decimal(1), due=clock.now())


def test_a_material_without_routing_cannot_be_ordered(bus: CommandBus, clock) -> None:
    with pytest.raises(InvalidState, match="STEEL-2MM has no routing"):
        _do(bus, clock, c.CreateWorkOrder, "WO-3", product="STEEL-2MM", quantity=Decimal(1), due=clock.now())


def test_an_unknown_actor_is_refused(bus: CommandBus, clock) -> None:
    with pytest.raises(UnknownEntity, match="No user has badge B0000"):
        bus.execute(command(c.ReleaseWorkOrder, clock.now(), actor="B0000", number="WO-1"))


def test_the_largest_quantity_comes_back_exactly(bus: CommandBus, plant, clock) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from mes_terminal.db.records import WorkOrder

    _do(
        bus,
        clock,
        c.CreateWorkOrder,
        "WO-BIG",
        product="BRACKET-A",
        quantity=Decimal("999999999.999999"),
        due=clock.now(),
    )
    with Session(plant) as session:
        stored = session.scalars(select(WorkOrder.quantity).where(WorkOrder.number == "WO-BIG")).one()
    assert stored == Decimal("999999999.999999")
