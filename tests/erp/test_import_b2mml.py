"""Work orders and lots from B2MML V0600 / V0700 documents, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine, func, select

from mes_terminal.db.records import (
    ErpMessage,
    Event,
    Lot,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    WorkOrder,
    Workstation,
)
from mes_terminal.domain import error_codes as codes
from mes_terminal.services.commands import catalog as c
from tests.conftest import START
from tests.erp.documents import (
    LotLine,
    Request,
    Segment,
    material_information,
    operations_schedule,
    production_schedule,
)
from tests.helpers import OPERATOR, SUPERVISOR, command


def _bracket(number: str = "WO-ERP-1", quantity: str = "0.4E1", **fields: object) -> Request:
    cut = Segment("10", process_segment="Cut", produced=("BRACKET-A", quantity, "pcs"))
    return Request(number, segments=[cut, Segment("20", process_segment="Bend")], **fields)  # type: ignore[arg-type]


def _order(engine: Engine, number: str) -> WorkOrder:
    with engine.connect() as connection:
        return connection.execute(select(WorkOrder).where(WorkOrder.number == number)).one()


def test_a_schedule_for_a_known_product_creates_its_order_over_the_mes_routing(plant, drop, imported) -> None:
    path = drop("schedule.xml", production_schedule([_bracket(" WO-ERP-1 ", priority="5", state="Released")]))

    outcome = imported(path)

    assert outcome.to_json() == {
        "file": "schedule.xml",
        "document": "PS-1",
        "kind": "production_schedule",
        "ok": True,
        "work_orders": [
            {"number": "WO-ERP-1", "product": "BRACKET-A", "quantity": "4", "operations": [10, 20], "action": "created"}
        ],
        "lots": [],
        "master_data": {},
        "code": None,
        "message": None,
    }
    order = _order(plant, "WO-ERP-1")
    assert (order.quantity, order.priority, order.status) == (Decimal(4), 5, "released")
    with plant.connect() as connection:
        events = connection.execute(select(Event.type, Event.actor).order_by(Event.id)).all()[-3:]
        message = connection.execute(select(ErpMessage)).one()
    assert [e.type for e in events] == ["WorkOrderCreated", "WorkOrderReleased", "ErpDocumentApplied"]
    assert {e.actor for e in events} == {"erp"}
    assert (message.direction, message.status, message.kind) == ("in", "applied", "production_schedule")


def test_the_same_document_twice_changes_nothing(plant, drop, imported) -> None:
    path = drop("schedule.xml", production_schedule([_bracket()]))
    imported(path)
    with plant.connect() as connection:
        events_before = connection.scalar(select(func.count()).select_from(Event))

    again = imported(path)

    assert again.ok and [o["action"] for o in again.work_orders] == ["unchanged"]
    with plant.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Event)) == events_before
        assert connection.scalars(select(ErpMessage.status).order_by(ErpMessage.id)).all() == ["applied", "unchanged"]


def test_a_changed_request_updates_an_order_not_started_and_is_refused_for_one_started(
    plant, bus, clock, drop, imported
) -> None:
    imported(drop("v1.xml", production_schedule([_bracket(quantity="100", state="Released")])))

    updated = imported(drop("v2.xml", production_schedule([_bracket(quantity="120", state="Released")])))
    assert [o["action"] for o in updated.work_orders] == ["updated"]
    assert _order(plant, "WO-ERP-1").quantity == Decimal(120)

    bus.execute(command(c.SignIn, START, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, START, actor=OPERATOR, station="WS-01", work_order="WO-ERP-1", operation=10))
    refused = imported(drop("v3.xml", production_schedule([_bracket(quantity="150", state="Released")])))

    assert not refused.ok and refused.code == codes.ERP_ORDER_STARTED
    assert "WO-ERP-1" in refused.message and "started" in refused.message
    assert _order(plant, "WO-ERP-1").quantity == Decimal(120)


def test_an_unknown_product_with_equipment_segments_gets_its_routing_from_them(plant, drop, imported) -> None:
    # Nested segments are flattened in document order; the grouping segment itself is no operation.
    cut = Segment(
        "0010 ",
        equipment="WS-01",
        duration="PT2H",
        setup="30",
        description="Cut blanks",
        produced=("HINGE-7", "250.5", "pcs"),
    )
    bend = Segment("0020", equipment="L1", duration="PT1H30M", setup="PT15M")
    group = Segment("GROUP", children=[cut, bend])
    outcome = imported(drop("erp-owned.xml", production_schedule([Request("WO-H-1", segments=[group])])))

    assert outcome.ok, outcome.message
    assert outcome.work_orders[0]["operations"] == [10, 20]
    with plant.connect() as connection:
        product = connection.execute(select(Material).where(Material.code == "HINGE-7")).one()
        steps = connection.execute(
            select(RoutingOperation).where(RoutingOperation.product_id == product.id).order_by(RoutingOperation.seq)
        ).all()
        stations = connection.execute(
            select(RoutingOperationStation.routing_operation_id, Workstation.code)
            .join(Workstation, Workstation.id == RoutingOperationStation.workstation_id)
            .order_by(Workstation.code)
        ).all()
    assert (product.origin, product.is_product, product.name, product.unit) == (
        "erp",
        True,
        "HINGE-7 from the ERP",
        "pcs",
    )
    assert [(s.seq, s.name, s.setup_minutes) for s in steps] == [(10, "Cut blanks", 30), (20, "0020", 15)]
    # 2 h less 30 min setup over 250.5 pieces
    assert steps[0].ideal_cycle_seconds == (Decimal(5400) / Decimal("250.5")).quantize(Decimal("0.000001"), "ROUND_UP")
    by_step: dict[int, list[str]] = {}
    for step_id, code in stations:
        if step_id in {s.id for s in steps}:
            by_step.setdefault(step_id, []).append(code)
    assert by_step == {steps[0].id: ["WS-01"], steps[1].id: ["WS-01", "WS-02"]}  # a line: any of its stations


def test_segments_that_match_no_operation_of_the_known_routing_are_named(plant, drop, imported) -> None:
    request = Request(
        "WO-M-1",
        segments=[
            Segment("10", produced=("BRACKET-A", "10", "pcs")),
            Segment("PAINT"),
            Segment("X", process_segment="Bend"),
        ],
    )
    outcome = imported(drop("m.xml", production_schedule([request])))
    assert outcome.ok
    assert (
        outcome.message == "Request WO-M-1: segment PAINT matches no operation of BRACKET-A's routing, which applies."
    )


def test_a_refused_request_leaves_the_whole_document_unapplied(plant, drop, imported) -> None:
    good = _bracket("WO-GOOD")
    unknown = Request("WO-BAD", segments=[Segment("10", produced=("NO-SUCH", "5", "pcs"))])
    outcome = imported(drop("mixed.xml", production_schedule([good, unknown])))

    assert not outcome.ok and outcome.code == codes.ERP_UNKNOWN_PRODUCT
    assert "WO-BAD" in outcome.message and "NO-SUCH" in outcome.message
    with plant.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(WorkOrder)) == 0
        assert connection.scalars(select(ErpMessage.status)).all() == ["refused"]


def test_an_unknown_workstation_is_refused(plant, drop, imported) -> None:
    request = Request(
        "WO-W", segments=[Segment("10", equipment="WS-99", duration="PT1H", produced=("NEW-1", "5", "pcs"))]
    )
    outcome = imported(drop("w.xml", production_schedule([request])))
    assert (outcome.ok, outcome.code) == (False, codes.ERP_UNKNOWN_WORKSTATION)
    assert "WS-99" in outcome.message


def test_a_quantity_that_is_not_a_number_is_refused_with_its_line(plant, drop, imported) -> None:
    outcome = imported(drop("q.xml", production_schedule([_bracket(quantity="lots")])))
    assert (outcome.ok, outcome.code) == (False, codes.ERP_BAD_VALUE)
    assert outcome.message.startswith("<QuantityString> at line 2 holds 'lots'")


def test_bods_and_envelopes_carry_the_schedule(plant, drop, imported) -> None:
    soap = (
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>{}'
        "</soap:Body></soap:Envelope>"
    )
    process = imported(drop("process.xml", production_schedule([_bracket("WO-P")], bod="Process")))
    sync = imported(
        drop("sync.xml", production_schedule([_bracket("WO-S")], schedule_id="PS-2", bod="Sync", envelope=soap))
    )
    assert [o.work_orders[0]["action"] for o in (process, sync)] == ["created", "created"]
    assert (process.document, sync.document) == ("PS-1", "PS-2")


def test_v0700_operations_schedule_of_production(plant, drop, imported) -> None:
    request = Request(
        "WO-7",
        state="Released",
        segments=[
            Segment("10", equipment="WS-01", duration="PT1H", setup="10", produced=("GADGET", "12", "pcs")),
        ],
    )
    outcome = imported(drop("os.xml", operations_schedule([request])))
    assert outcome.ok, outcome.message
    assert outcome.kind == "operations_schedule"
    assert outcome.work_orders == [
        {"number": "WO-7", "product": "GADGET", "quantity": "12", "operations": [10], "action": "created"}
    ]

    maintenance = imported(drop("maint.xml", operations_schedule([request], schedule_id="OS-2", kind="Maintenance")))
    assert (maintenance.ok, maintenance.code) == (False, codes.ERP_NOT_PRODUCTION)


def test_material_lots_are_received_with_expiry_and_supplier_lot(plant, drop, imported) -> None:
    v6 = material_information([LotLine("L-ERP-1", "STEEL-2MM", "250.5", expires="2027-01-31", supplier_lot="S-77")])
    v7 = material_information([LotLine("L-ERP-2", "STEEL-2MM", "0.1E3")], version="V0700", info_id="MI-2")
    first, second = imported(drop("lots6.xml", v6)), imported(drop("lots7.xml", v7))

    assert first.lots == [{"lot": "L-ERP-1", "material": "STEEL-2MM", "quantity": "250.5", "action": "received"}]
    assert second.lots[0]["quantity"] == "100"
    with plant.connect() as connection:
        lot = connection.execute(select(Lot).where(Lot.number == "L-ERP-1")).one()
    assert (lot.quantity, str(lot.expires_on), lot.supplier_lot) == (Decimal("250.5"), "2027-01-31", "S-77")
    assert imported(drop("lots6-again.xml", v6)).lots[0]["action"] == "unchanged"


def test_documents_the_import_does_not_take(plant, drop, imported) -> None:
    foreign = imported(drop("foreign.xml", b'<?xml version="1.0"?><order xmlns="urn:acme"><id>1</id></order>'))
    older = imported(drop("v5.xml", b'<ProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0500"/>'))
    other = imported(
        drop("eq.xml", b'<EquipmentClass xmlns="http://www.mesa.org/xml/B2MML-V0600"><ID>E</ID></EquipmentClass>')
    )
    broken = imported(drop("broken.xml", b"<?xml version='1.0'?>\n<a>\n<b></a>"))

    assert [o.code for o in (foreign, older, other, broken)] == [
        codes.ERP_UNKNOWN_NAMESPACE,
        codes.ERP_UNKNOWN_NAMESPACE,
        codes.ERP_UNKNOWN_DOCUMENT,
        codes.ERP_NOT_WELL_FORMED,
    ]
    assert "urn:acme" in foreign.message and "B2MML-V0500" in older.message
    assert "(line 3)" in broken.message


def test_an_order_without_a_due_time_or_product_is_refused(plant, drop, imported) -> None:
    no_due = imported(drop("d.xml", production_schedule([_bracket(end=None)])))
    no_product = imported(drop("p.xml", production_schedule([Request("WO-N", segments=[Segment("10")])])))
    assert (no_due.code, no_product.code) == (codes.ERP_MISSING, codes.ERP_MISSING)
    assert "EndTime" in no_due.message and "product" in no_product.message
    assert SUPERVISOR  # the supervisor of the test plant exists; nothing of hers was needed
