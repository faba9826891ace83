"""A schedule is applied while it is read, a batch of requests at a time (integration/apply.py _BATCH):
one larger than several batches still lands as one document in one transaction, a request repeated in a
later batch is recognised, and a fault found after batches were written refuses the document whole."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from mes_terminal.db import event_chain
from mes_terminal.db.records import ErpMessage, ErpOrderSource, Event, WorkOrder
from mes_terminal.domain import error_codes as codes
from mes_terminal.integration.apply import _BATCH
from tests.erp.documents import Request, Segment, production_schedule

ORDERS = 2 * _BATCH + 100  # three batches


def _request(n: int, quantity: str | None = None) -> Request:
    cut = Segment("10", process_segment="Cut", produced=("BRACKET-A", quantity or f"{n % 40 + 1}", "pcs"))
    return Request(
        f"WO-S{n:05d}",
        state="Released" if n % 2 else None,
        segments=[cut, Segment("20", process_segment="Bend")],
    )


def _count(engine: Engine, statement) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        return int(connection.scalar(statement) or 0)


def test_a_schedule_of_several_batches_lands_as_one_document(plant, drop, imported) -> None:
    requests = [_request(n) for n in range(ORDERS)]
    requests.append(_request(3, quantity="77"))  # changed, two batches after it was made: updates it
    requests.append(_request(5))  # the same request again: nothing to do
    path = drop("big.xml", production_schedule(requests, schedule_id="PS-BIG"))

    outcome = imported(path)

    assert outcome.ok, outcome.message
    assert (outcome.document, outcome.kind) == ("PS-BIG", "production_schedule")
    assert [line["action"] for line in outcome.work_orders] == ["created"] * ORDERS + ["updated", "unchanged"]
    assert _count(plant, select(func.count()).select_from(WorkOrder).where(WorkOrder.number.like("WO-S%"))) == ORDERS
    with plant.connect() as connection:
        message = connection.execute(select(ErpMessage.id, ErpMessage.status).where(ErpMessage.document == "PS-BIG"))
        message_id, status = message.one()
        sources = connection.execute(
            select(ErpOrderSource.document, ErpOrderSource.message_id, func.count()).group_by(
                ErpOrderSource.document, ErpOrderSource.message_id
            )
        ).all()
        quantity = connection.scalar(select(WorkOrder.quantity).where(WorkOrder.number == "WO-S00003"))
        chain = [
            (t, e)
            for t, e in connection.execute(
                select(Event.type, Event.entity_id).where(Event.actor == "erp").order_by(Event.id)
            )
        ]
    assert status == "applied"
    assert sources == [("PS-BIG", message_id, ORDERS)]  # every order's source names the document's message
    assert quantity == 77
    # The events of the batches, written batch by batch, follow the document's order in one chain.
    expected: list[tuple[str, str]] = []
    for n in range(ORDERS):
        expected.append(("WorkOrderCreated", f"WO-S{n:05d}"))
        if n % 2:
            expected.append(("WorkOrderReleased", f"WO-S{n:05d}"))
    expected += [("WorkOrderEdited", "WO-S00003"), ("ErpDocumentApplied", str(message_id))]
    assert chain == expected
    assert event_chain.verify_database(plant).intact

    again = drop("again.xml", production_schedule(requests[:ORDERS], schedule_id="PS-BIG"))
    first = imported(again)  # WO-S00003 back to what this document asks; nothing else changes
    assert [line["action"] for line in first.work_orders] == ["unchanged"] * 3 + ["updated"] + ["unchanged"] * (
        ORDERS - 4
    )
    events = _count(plant, select(func.count()).select_from(Event))
    second = imported(again)
    assert second.ok and {line["action"] for line in second.work_orders} == {"unchanged"}
    assert _count(plant, select(func.count()).select_from(Event)) == events


def test_a_bad_value_after_the_first_batches_refuses_the_whole_document(plant, drop, imported) -> None:
    requests = [_request(n) for n in range(ORDERS)]
    requests.append(_request(ORDERS, quantity="lots"))  # read after two batches were written
    outcome = imported(drop("late.xml", production_schedule(requests, schedule_id="PS-LATE")))

    assert (outcome.ok, outcome.code) == (False, codes.ERP_BAD_VALUE)
    assert outcome.message.startswith("<QuantityString> at line 2 holds 'lots'")
    assert outcome.document is None  # refused as a file that cannot be read, as before it was applied
    assert _count(plant, select(func.count()).select_from(WorkOrder).where(WorkOrder.number.like("WO-S%"))) == 0
    assert _count(plant, select(func.count()).select_from(ErpOrderSource)) == 0
    assert _count(plant, select(func.count()).select_from(Event).where(Event.actor == "erp")) == 0
    with plant.connect() as connection:
        file, status = connection.execute(select(ErpMessage.file, ErpMessage.status)).one()
    assert file.endswith("late.xml") and status == "refused"
    assert event_chain.verify_database(plant).intact


def test_a_file_cut_short_after_the_first_batches_refuses_the_whole_document(plant, drop, imported) -> None:
    whole = production_schedule([_request(n) for n in range(ORDERS)], schedule_id="PS-CUT")
    outcome = imported(drop("cut.xml", whole[: len(whole) - 200]))

    assert (outcome.ok, outcome.code) == (False, codes.ERP_NOT_WELL_FORMED)
    assert "(line 2)" in outcome.message
    assert _count(plant, select(func.count()).select_from(WorkOrder).where(WorkOrder.number.like("WO-S%"))) == 0
    assert _count(plant, select(func.count()).select_from(Event).where(Event.actor == "erp")) == 0


def test_an_unknown_product_after_the_first_batches_refuses_the_whole_document(plant, drop, imported) -> None:
    requests = [_request(n) for n in range(ORDERS)]
    unknown = Segment("10", process_segment="Cut", produced=("NO-SUCH", "5", "pcs"))
    requests.append(Request("WO-UNKNOWN", segments=[unknown]))
    outcome = imported(drop("unknown.xml", production_schedule(requests, schedule_id="PS-UNKNOWN")))

    assert (outcome.ok, outcome.code) == (False, codes.ERP_UNKNOWN_PRODUCT)
    assert "NO-SUCH" in outcome.message and outcome.document == "PS-UNKNOWN"
    assert _count(plant, select(func.count()).select_from(WorkOrder).where(WorkOrder.number.like("WO-S%"))) == 0
    assert _count(plant, select(func.count()).select_from(Event).where(Event.actor == "erp")) == 0
    with plant.connect() as connection:
        assert connection.execute(select(ErpMessage.document, ErpMessage.status)).one() == ("PS-UNKNOWN", "refused")
