"""Master data from B2MML V0600 / V0700 (MaterialDefinition, Equipment, Person), on SQLite and PostgreSQL:
applied through the plant load's writers, with its events, and idempotent."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from mes_terminal.cli import main
from mes_terminal.db.records import ErpMessage, Event, Line, Material, RoutingOperation, User, Workstation
from mes_terminal.domain import error_codes as codes
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from tests.conftest import START
from tests.erp.documents import Record, master_data
from tests.helpers import DATA

SOAP = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>{}</soap:Body></soap:Envelope>'


def _events(engine: Engine, kind: str = "MasterDataChanged") -> list[Event]:
    with engine.connect() as connection:
        return list(connection.execute(select(Event).where(Event.type == kind).order_by(Event.id)))


def _material(engine: Engine, code: str) -> Material:
    with engine.connect() as connection:
        return connection.execute(select(Material).where(Material.code == code)).one()


def _station(engine: Engine, code: str) -> Any:
    """The workstation's name, badge_only, micro_stop_seconds and the code of its line (as `line`)."""
    with engine.connect() as connection:
        return connection.execute(
            select(Workstation.name, Workstation.badge_only, Workstation.micro_stop_seconds, Line.code.label("line"))
            .join(Line, Line.id == Workstation.line_id)
            .where(Workstation.code == code)
        ).one()


def _coil(**changes: object) -> Record:
    record = Record(
        "COIL-5",
        "Steel coil 5 mm",
        [("UnitOfMeasure", "kg", None), ("LotControlled", "false", None), ("ShelfLife", "13", "weeks")],
    )
    for key, value in changes.items():
        setattr(record, key, value)
    return record


def test_material_definitions_create_and_change_materials_as_the_plant_file_does(plant, drop, imported) -> None:
    steel = Record("STEEL-2MM", "Steel sheet 2 mm, galvanised", [("GTIN", "4006381333931", None)])
    document = master_data("MaterialDefinition", [_coil(), steel], bod="Sync")
    before = len(_events(plant))

    outcome = imported(drop("materials.xml", document))

    assert outcome.ok, outcome.message
    assert (outcome.kind, outcome.document) == ("material_definition", "BOD-MaterialDefinition-COIL-5")
    assert outcome.master_data == {"material": {"created": 1, "updated": 1, "unchanged": 0}}
    assert (outcome.work_orders, outcome.lots) == ([], [])
    coil, steel_row = _material(plant, "COIL-5"), _material(plant, "STEEL-2MM")
    assert (coil.name, coil.unit, coil.lot_controlled, coil.shelf_life_days) == ("Steel coil 5 mm", "kg", False, 91)
    assert (coil.is_product, coil.origin) == (False, "erp")
    assert (steel_row.name, steel_row.gtin, steel_row.unit) == ("Steel sheet 2 mm, galvanised", "04006381333931", "kg")
    written = _events(plant)[before:]
    assert [(e.entity_id, e.payload["change"], e.actor) for e in written] == [
        ("COIL-5", "created", "erp"),
        ("STEEL-2MM", "updated", "erp"),
    ]
    assert written[1].payload["before"] == {"name": "Steel sheet 2 mm", "gtin": None}

    again = imported(drop("materials-again.xml", document))
    assert again.master_data == {"material": {"created": 0, "updated": 0, "unchanged": 2}}
    assert len(_events(plant)) == before + 2
    with plant.connect() as connection:
        statuses = connection.scalars(select(ErpMessage.status).order_by(ErpMessage.id)).all()
    assert statuses == ["applied", "unchanged"]


def test_a_product_defined_again_by_the_erp_stays_a_product_with_its_routing(plant, drop, imported) -> None:
    renamed = Record("BRACKET-A", "Bracket A, powder coated")
    outcome = imported(drop("bracket.xml", master_data("MaterialDefinition", [renamed], version="V0700")))

    assert outcome.master_data == {"product": {"created": 0, "updated": 1, "unchanged": 0}}
    bracket = _material(plant, "BRACKET-A")
    assert (bracket.name, bracket.is_product, bracket.unit) == ("Bracket A, powder coated", True, "pcs")
    with plant.connect() as connection:
        operations = connection.scalar(
            select(func.count()).select_from(RoutingOperation).where(RoutingOperation.product_id == bracket.id)
        )
    assert operations == 2


def test_a_material_in_material_information_may_be_received_as_a_lot_in_the_same_document(
    plant, drop, imported
) -> None:
    document = master_data("MaterialDefinition", [_coil()], version="V0700", information="MI-9")
    outcome = imported(drop("mi.xml", document))
    assert (outcome.kind, outcome.document, outcome.master_data["material"]["created"]) == (
        "material_information",
        "MI-9",
        1,
    )


def test_equipment_creates_and_changes_workstations_in_their_line(plant, drop, imported) -> None:
    line = Record(
        "L1",
        "Line 1",
        level="ProductionLine",
        children=[
            Record("WS-03", "Press 3", level="WorkCell", properties=[("BadgeOnly", "true", None)]),
            Record("WS-01", properties=[("MicroStopSeconds", "2", "min")], level="WorkCell"),
        ],
    )
    for version in ("V0600", "V0700"):
        document = master_data("Equipment", [line], version=version, information=f"EI-{version}")
        outcome = imported(drop(f"equipment-{version}.xml", document))
        assert outcome.ok, outcome.message
        assert outcome.kind == "equipment"
        expected = {"created": 1, "updated": 1, "unchanged": 0} if version == "V0600" else {"unchanged": 2}
        assert outcome.master_data == {"workstation": {"created": 0, "updated": 0, "unchanged": 0} | expected}

    press = _station(plant, "WS-03")
    assert (press.name, press.badge_only, press.micro_stop_seconds, press.line) == ("Press 3", True, None, "L1")
    first = _station(plant, "WS-01")
    assert first.micro_stop_seconds == 120 and first.name != "WS-01"  # the stored name stays when none is given


def test_equipment_placed_by_its_hierarchy_scope_in_a_process_bod(plant, drop, imported) -> None:
    press = Record("WS-04", "Press 4", level="WorkUnit", scope=[("TEST", "Site"), ("L1", "ProductionLine")])
    for version in ("V0600", "V0700"):
        document = master_data("Equipment", [press], version=version, bod="Process", envelope=SOAP)
        assert imported(drop(f"ws4-{version}.xml", document)).ok
    assert _station(plant, "WS-04").line == "L1"


def test_equipment_in_a_line_the_mes_does_not_know_refuses_the_whole_document(plant, drop, imported) -> None:
    good = Record("WS-05", "Press 5", level="WorkCell", scope=[("L1", "ProductionLine")])
    stray = Record("WS-06", "Press 6", level="WorkCell", scope=[("L9", "ProductionLine")])
    outcome = imported(drop("stray.xml", master_data("Equipment", [good, stray], bod="Sync")))

    assert (outcome.ok, outcome.code, outcome.master_data) == (False, codes.ERP_UNKNOWN_LINE, {})
    assert outcome.message.startswith("Equipment WS-06 (line 2): line L9 is not known to the MES")
    with plant.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Workstation).where(Workstation.code == "WS-05")) == 0


def test_a_property_the_mes_does_not_know_refuses_the_document(plant, drop, imported) -> None:
    colour = _coil(properties=[("UnitOfMeasure", "kg", None), ("Colour", "blue", None)])
    outcome = imported(drop("colour.xml", master_data("MaterialDefinition", [colour], bod="Sync")))

    assert (outcome.ok, outcome.code) == (False, codes.ERP_UNKNOWN_PROPERTY)
    assert "<MaterialDefinitionProperty> Colour at line 2 is not a property the MES knows" in outcome.message
    assert "UnitOfMeasure" in outcome.message and "LotControlled" in outcome.message
    with plant.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Material).where(Material.code == "COIL-5")) == 0


def test_values_the_plant_file_refuses_are_refused_with_their_element(plant, drop, imported) -> None:
    cases = {
        "unit.xml": _coil(properties=[("UnitOfMeasure", "kilo gram", None)]),
        "gtin.xml": _coil(properties=[("UnitOfMeasure", "kg", None), ("GTIN", "4006381333932", None)]),
        "flag.xml": _coil(properties=[("UnitOfMeasure", "kg", None), ("LotControlled", "maybe", None)]),
        "code.xml": _coil(id="COIL 5"),
    }
    for name, record in cases.items():
        outcome = imported(drop(name, master_data("MaterialDefinition", [record])))
        assert (outcome.ok, outcome.code) == (False, codes.ERP_BAD_VALUE), name
    no_unit = imported(drop("nounit.xml", master_data("MaterialDefinition", [_coil(properties=[])])))
    assert (no_unit.code, "unit for the new material COIL-5" in no_unit.message) == (codes.ERP_MISSING, True)


def test_people_are_created_and_changed_with_roles_badge_and_qualifications(plant, drop, imported) -> None:
    ana = Record(
        "E-77",
        name="Ana Petrovic",
        properties=[("Badge", "B7777", None), ("Qualification", "WELD, FORKLIFT", None)],
        classes=["Operator"],
    )
    lead = Record("B1001", classes=["operator", "lead"])  # an operator of the plant file becomes a lead too
    document = master_data("Person", [ana, lead], version="V0700", bod="Sync", envelope=SOAP)

    outcome = imported(drop("people.xml", document))
    assert outcome.ok, outcome.message
    assert (outcome.kind, outcome.master_data) == ("personnel", {"user": {"created": 1, "updated": 1, "unchanged": 0}})
    with Session(plant) as session:
        users = {u.badge: u for u in session.scalars(select(User).where(User.badge.in_(["B7777", "B1001"])))}
        ana_row, operator = users["B7777"], users["B1001"]
        assert (ana_row.name, ana_row.role_names, ana_row.pin_hash) == ("Ana Petrovic", ["operator"], None)
        assert sorted(q.code for q in ana_row.qualifications) == ["FORKLIFT", "WELD"]
        assert operator.role_names == ["lead", "operator"] and operator.pin_hash  # the PIN stays
    assert imported(drop("people-again.xml", document)).master_data == {
        "user": {"created": 0, "updated": 0, "unchanged": 2}
    }


def test_people_the_mes_cannot_take(plant, drop, imported) -> None:
    welder = imported(drop("w.xml", master_data("Person", [Record("E-1", name="Bo", classes=["Welder"])])))
    nameless = imported(drop("n.xml", master_data("Person", [Record("E-2", classes=["operator"])], version="V0700")))
    roleless = imported(drop("r.xml", master_data("Person", [Record("E-3", name="Cy")], information="PI-1")))
    shoe = imported(
        drop("s.xml", master_data("Person", [Record("E-4", name="Di", properties=[("ShoeSize", "42", None)])]))
    )
    assert [o.code for o in (welder, nameless, roleless, shoe)] == [
        codes.ERP_BAD_VALUE,
        codes.ERP_MISSING,
        codes.ERP_MISSING,
        codes.ERP_UNKNOWN_PROPERTY,
    ]
    assert "'Welder', which is not a role of the MES" in welder.message


def test_the_plant_file_stays_the_whole_truth_for_what_it_names(plant, drop, imported) -> None:
    imported(drop("steel.xml", master_data("MaterialDefinition", [Record("STEEL-2MM", "Renamed by the ERP")])))
    summary = load_plant(plant, read_plant_file(DATA / "small_plant.toml"), now=START)
    assert summary.counts["material"].updated == 1
    assert _material(plant, "STEEL-2MM").name == "Steel sheet 2 mm"


def test_the_json_line_keeps_its_keys_and_adds_master_data(plant, drop, imported) -> None:
    line = imported(drop("m.xml", master_data("MaterialDefinition", [_coil()]))).to_json()
    assert list(line) == ["file", "document", "kind", "ok", "work_orders", "lots", "master_data", "code", "message"]
    assert line["master_data"]["material"]["created"] == 1 and line["document"] == "COIL-5"


def test_the_command_line_says_what_master_data_did(plant, database_url: str, drop, capsys) -> None:
    path = drop("people.xml", master_data("Person", [Record("E-9", name="Eve", classes=["quality"])], bod="Sync"))

    assert main(["erp", "import", str(path), "--database-url", database_url]) == 0
    assert capsys.readouterr().out.strip() == "people.xml: 1 user created"
    assert main(["erp", "import", str(path), "--json", "--database-url", database_url]) == 0
    line = json.loads(capsys.readouterr().out)
    assert (line["kind"], line["master_data"]) == ("personnel", {"user": {"created": 0, "updated": 0, "unchanged": 1}})


def test_a_gtin_of_another_material_is_refused_as_the_plant_file_refuses_it(plant, drop, imported) -> None:
    imported(drop("steel.xml", master_data("MaterialDefinition", [Record("STEEL-2MM", properties=[_GTIN])])))
    taken = _coil(properties=[("UnitOfMeasure", "kg", None), _GTIN])
    outcome = imported(drop("coil.xml", master_data("MaterialDefinition", [taken], version="V0700")))

    assert (outcome.ok, outcome.code) == (False, codes.PLANT_FILE)
    assert "GTIN 04006381333931 of COIL-5 already belongs to material STEEL-2MM" in outcome.message
    with plant.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Material).where(Material.code == "COIL-5")) == 0


_GTIN = ("GTIN", "4006381333931", None)


def test_what_planning_keeps_on_a_station_and_a_product_survives_the_erps_definition(plant, drop, imported) -> None:
    """Capacity and the changeover family come from the plant file only: an ERP document never resets them."""
    from sqlalchemy import update

    with plant.begin() as connection:
        connection.execute(update(Workstation).where(Workstation.code == "WS-01").values(capacity=2))
        connection.execute(update(Material).where(Material.code == "BRACKET-A").values(family="BRACKETS"))
    station = Record("L1", level="ProductionLine", children=[Record("WS-01", "Laser 1", level="WorkCell")])
    assert imported(drop("ws.xml", master_data("Equipment", [station], version="V0700"))).ok
    assert imported(drop("a.xml", master_data("MaterialDefinition", [Record("BRACKET-A", "Bracket A2")]))).ok
    with plant.connect() as connection:
        capacity = connection.scalar(select(Workstation.capacity).where(Workstation.code == "WS-01"))
    assert capacity == 2 and _material(plant, "BRACKET-A").family == "BRACKETS"
