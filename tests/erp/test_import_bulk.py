"""A schedule's new orders are written together (add_work_orders, a few statements a batch), and land as
the commands make them one at a time: the same rows, the same events in the same place of the chain, on
SQLite and PostgreSQL (large enough that PostgreSQL writes them with COPY)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from mes_terminal.db import event_chain
from mes_terminal.db.bulk import MANY_FROM
from mes_terminal.db.records import Event, InstructionRevision, Material, User, WorkOrder, WorkOrderOperation
from mes_terminal.db.uow import EventLog, UnitOfWork
from mes_terminal.services.commands.handlers.work_orders import add_work_order, release_order
from tests.conftest import START
from tests.erp.documents import Request, Segment, production_schedule

ORDERS = MANY_FROM + 20
OWN = 30  # the request whose product the ERP defines, amid the others


def _request(n: int, quantity: str | None = None) -> Request:
    if n == OWN:
        cut = Segment("10", equipment="WS-01", duration="PT1H", produced=("HINGE-9", "12", "pcs"))
        return Request(f"WO-BULK-{n:03d}", state="Released", segments=[cut])
    cut = Segment("10", process_segment="Cut", produced=("BRACKET-A", quantity or f"{n + 1}.5", "pcs"))
    return Request(
        f"WO-BULK-{n:03d}",
        priority=str(n % 7),
        state="Released" if n % 3 else None,
        segments=[cut, Segment("20", process_segment="Bend")],
    )


def _approved_revisions(engine: Engine) -> None:
    """Revisions 1 and 2 of BRACKET-A's operation 10 approved: a release pins the newer."""
    with engine.begin() as connection:
        product = connection.scalar(select(Material.id).where(Material.code == "BRACKET-A"))
        signer = connection.scalar(select(User.id).order_by(User.id).limit(1))
        connection.execute(
            insert(InstructionRevision),
            [
                {
                    "product_id": product,
                    "operation_seq": 10,
                    "revision": revision,
                    "status": "approved",
                    "created_at": START,
                    "approved_by_id": signer,
                    "approved_at": START,
                }
                for revision in (1, 2)
            ],
        )


def _one_by_one(engine: Engine, numbers: dict[str, Request]) -> None:
    """The reference: each order made by add_work_order and released by release_order, as the ERP's actor."""
    with Session(engine) as session, session.begin():
        events = EventLog(occurred_at=START, recorded_at=START, actor="erp", station=None, command_id=None)
        uow = UnitOfWork(session, events, START)
        for number, request in numbers.items():
            produced = request.segments[0].produced
            assert produced is not None
            add_work_order(
                uow,
                number=number,
                product_code=produced[0],
                quantity=Decimal(produced[1]),
                due=START.replace(year=2026, month=12, day=20, hour=14),
                priority=int(request.priority or 0),
                at=START,
            )
            if request.state == "Released":
                release_order(uow, number, None, at=START)
        events.write(session)


def _state(engine: Engine, number: str) -> dict[str, Any]:
    with engine.connect() as connection:
        order = connection.execute(
            select(
                WorkOrder.id,
                WorkOrder.product_id,
                WorkOrder.quantity,
                WorkOrder.due_at,
                WorkOrder.priority,
                WorkOrder.status,
                WorkOrder.created_at,
                WorkOrder.released_at,
                WorkOrder.version,
            ).where(WorkOrder.number == number)
        ).one()
        operations = connection.execute(
            select(
                WorkOrderOperation.seq,
                WorkOrderOperation.name,
                WorkOrderOperation.status,
                WorkOrderOperation.version,
                WorkOrderOperation.routing_operation_id,
                WorkOrderOperation.instruction_revision_id,
                WorkOrderOperation.good_quantity,
                WorkOrderOperation.scrap_quantity,
                WorkOrderOperation.short_closed,
            )
            .where(WorkOrderOperation.work_order_id == order.id)
            .order_by(WorkOrderOperation.seq)
        ).all()
        events = connection.execute(
            select(Event.type, Event.actor, Event.occurred_at, Event.payload)
            .where(Event.entity == "work_order", Event.entity_id == number)
            .order_by(Event.id)
        ).all()
    return {"order": tuple(order)[1:], "operations": [tuple(op) for op in operations], "events": events}


def test_orders_written_together_are_the_orders_the_commands_make_one_by_one(plant, drop, imported) -> None:
    _approved_revisions(plant)
    requests = [_request(n) for n in range(ORDERS)]
    requests.append(_request(7, quantity="99"))  # the same request again, changed: updates the order above
    path = drop("many.xml", production_schedule(requests))

    outcome = imported(path)

    assert outcome.ok, outcome.message
    actions = [line["action"] for line in outcome.work_orders]
    assert actions == ["created"] * ORDERS + ["updated"]
    reference = {f"REF-{n:03d}": requests[n] for n in range(ORDERS) if n != OWN}
    _one_by_one(plant, reference)
    for n in range(ORDERS):
        if n in (OWN, 7):
            continue
        assert _state(plant, f"WO-BULK-{n:03d}") == _state(plant, f"REF-{n:03d}"), n
    pinned = _state(plant, "WO-BULK-001")["operations"]
    assert [op[5] is not None for op in pinned] == [True, False]  # operation 10 pinned, 20 has no instructions
    assert _state(plant, "WO-BULK-007")["order"][1] == Decimal(99)

    with plant.connect() as connection:
        chain = connection.execute(select(Event.type, Event.entity_id).where(Event.actor == "erp").order_by(Event.id))
        erp = [(t, e) for t, e in chain if not e.startswith("REF-")]
    expected: list[tuple[str, str]] = []
    for n, request in enumerate(requests[:ORDERS]):
        number = f"WO-BULK-{n:03d}"
        if n == OWN:
            expected.append(("ProductRoutingFromErp", "HINGE-9"))
        expected.append(("WorkOrderCreated", number))
        if request.state == "Released":
            expected.append(("WorkOrderReleased", number))
    assert erp[: len(expected)] == expected
    assert [t for t, _ in erp[len(expected) :]] == ["WorkOrderEdited", "ErpDocumentApplied"]
    assert event_chain.verify_database(plant).intact

    again = drop("again.xml", production_schedule(requests[:ORDERS]))
    first = imported(again)  # WO-BULK-007 back to what this document asks; nothing else changes
    assert [line["action"] for line in first.work_orders] == ["unchanged"] * 7 + ["updated"] + ["unchanged"] * (
        ORDERS - 8
    )
    with plant.connect() as connection:
        before = connection.scalar(select(func.count()).select_from(Event))
    second = imported(again)
    assert {line["action"] for line in second.work_orders} == {"unchanged"}
    with plant.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Event)) == before
