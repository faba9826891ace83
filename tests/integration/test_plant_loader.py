"""Loading a plant file into a real database (SQLite and PostgreSQL): idempotent and all-or-nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from mes_terminal.db.base import Base
from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import (
    Area,
    BomLine,
    BomSubstitute,
    Changeover,
    ChecklistItem,
    ChecklistTemplate,
    DowntimeReason,
    Event,
    Holiday,
    HolidayLine,
    Line,
    LineShift,
    MaintenanceWindow,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    ScrapReason,
    Shift,
    ShiftBreak,
    Site,
    User,
    UserRole,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.clock import FixedClock
from mes_terminal.domain.errors import DatabaseUnavailable, PlantFileError, SchemaNotAtHead
from mes_terminal.domain.pins import verify_secret
from mes_terminal.domain.plant import parse_plant
from mes_terminal.paths import demo_plant_file
from mes_terminal.services.plant.loader import KINDS, LoadSummary, load_plant, media_reader

DEMO = demo_plant_file().read_text(encoding="utf-8")

MASTER_DATA = [
    Site,
    Area,
    Shift,
    ShiftBreak,
    Line,
    LineShift,
    Workstation,
    User,
    UserRole,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    BomLine,
    BomSubstitute,
    DowntimeReason,
    ScrapReason,
    ChecklistTemplate,
    ChecklistItem,
    Changeover,
    Holiday,
    HolidayLine,
    MaintenanceWindow,
]


def load(engine: Engine, text: str, at: datetime) -> LoadSummary:
    # Read beside the demo file, as `plant load` would: its instructions' pictures stand there.
    files = media_reader(demo_plant_file().parent)
    return load_plant(engine, parse_plant(text, source="demo.toml", read_media=files), now=at)


def edited(old: str, new: str, text: str = DEMO) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def counts(engine: Engine, *models: type[Base]) -> dict[str, int]:
    with Session(engine) as session:
        return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0 for m in models}


def events(engine: Engine) -> list[Event]:
    with Session(engine) as session:
        return list(session.scalars(select(Event).order_by(Event.id)))


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every master-data table: equal snapshots mean nothing was written."""
    with Session(engine) as session:
        tables = {}
        for model in MASTER_DATA:
            table = model.__table__
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            tables[table.name] = [tuple(row) for row in rows]
        return tables


def changes(summary: LoadSummary) -> dict[str, tuple[int, int]]:
    """(created, updated) of every kind that changed."""
    return {k: (c.created, c.updated) for k, c in summary.counts.items() if c.created or c.updated}


@pytest.fixture
def demo(engine: Engine, clock: FixedClock) -> Engine:
    """The database with the demo plant loaded once."""
    load(engine, DEMO, clock.now())
    clock.advance(timedelta(hours=1))
    return engine


# --- a first load -----------------------------------------------------------------------------------------


def test_loading_the_demo_fills_every_master_table(engine: Engine, clock: FixedClock) -> None:
    summary = load(engine, DEMO, clock.now())

    assert summary.changed
    assert list(summary.counts) == list(KINDS)
    assert changes(summary) == {
        "site": (1, 0),
        "area": (2, 0),
        "shift": (3, 0),
        "line": (2, 0),
        "workstation": (6, 0),
        "user": (8, 0),
        "material": (10, 0),
        "product": (3, 0),
        "routing": (3, 0),
        "instructions": (1, 0),  # BRACKET-A operation 10: revision 1, pending
        "bom": (3, 0),
        "downtime_reason": (20, 0),
        "scrap_reason": (9, 0),
        "checklist": (5, 0),
        "changeovers": (1, 0),  # the site's matrix, holidays and maintenance: one list each
        "holidays": (1, 0),
        "maintenance": (1, 0),
    }
    assert counts(engine, *MASTER_DATA) == {
        "sites": 1,
        "areas": 2,
        "shifts": 3,
        "shift_breaks": 6,
        "lines": 2,
        "line_shifts": 5,
        "workstations": 6,
        "users": 8,
        "user_roles": 9,
        "materials": 13,
        "routing_operations": 6,
        "routing_operation_stations": 6,
        "bom_lines": 11,
        "bom_substitutes": 1,
        "downtime_reasons": 20,
        "scrap_reasons": 9,
        "checklist_templates": 5,
        "checklist_items": 14,
        "changeovers": 2,
        "holidays": 5,
        "holiday_lines": 1,
        "maintenance_windows": 2,
    }


def test_every_created_record_has_an_event_and_the_load_has_one_more(engine: Engine, clock: FixedClock) -> None:
    load(engine, DEMO, clock.now())

    logged = events(engine)
    assert [e.type for e in logged].count("MasterDataChanged") == 79
    loaded = logged[-1]
    assert (loaded.type, loaded.entity, loaded.entity_id, loaded.actor) == ("PlantLoaded", "site", "DEMO", "plant-load")
    assert loaded.payload["counts"]["workstation"] == {"created": 6, "updated": 0, "unchanged": 0}
    assert all(e.occurred_at == clock.now() and e.command_id is None and e.station is None for e in logged)
    station = next(e for e in logged if e.entity == "workstation" and e.entity_id == "WS-05")
    assert station.payload == {
        "change": "created",
        "after": {
            "line": "L2",
            "name": "Packing station",
            "micro_stop_seconds": None,
            "badge_only": True,
            "capacity": 1,
        },
    }


def test_the_records_hold_what_the_file_says(engine: Engine, clock: FixedClock) -> None:
    load(engine, DEMO, clock.now())

    with Session(engine) as session:
        night = session.scalars(select(Shift).where(Shift.code == "NIGHT")).one()
        assert (night.days, night.start_time.hour, night.end_time.hour) == ("mon,tue,wed,thu,sun", 22, 6)
        steel = session.scalars(select(BomLine).join(Material, Material.id == BomLine.component_id)).first()
        assert steel is not None and steel.quantity_per == Decimal("0.85")
        kit = session.scalars(select(Material).where(Material.code == "KIT-X")).one()
        assert (kit.is_product, kit.gtin, kit.lot_controlled) == (True, "04012345000030", True)
        screws = session.scalars(select(Material).where(Material.code == "SCREW-M6X16")).one()
        assert (screws.is_product, screws.lot_controlled) == (False, False)
        label = session.scalars(select(ChecklistItem).where(ChecklistItem.code == "LABEL")).one()
        assert (label.kind, label.choices, label.trigger) == ("choice", "OK|Reprinted|Missing", "start")


def test_downtime_reasons_are_stored_as_a_tree_with_their_classes_resolved(engine: Engine, clock: FixedClock) -> None:
    load(engine, DEMO, clock.now())

    with Session(engine) as session:
        reasons = {r.code: r for r in session.scalars(select(DowntimeReason))}
    jam, minor = reasons["JAM"], reasons["MINOR"]
    assert (jam.parent_id, jam.category, jam.loss) == (minor.id, "unplanned", "performance")
    assert reasons["PM"].category == "planned" and reasons["PLANNED"].parent_id is None


def test_a_child_reason_may_stand_before_its_parent(engine: Engine, clock: FixedClock) -> None:
    child_first = edited(
        '[[downtime_reasons]]\ncode = "PLANNED"',
        '[[downtime_reasons]]\ncode = "SETUP-TOOLS"\nname = "Fetching tools"\nparent = "CHANGEOVER"\n\n'
        '[[downtime_reasons]]\ncode = "PLANNED"',
    )
    load(engine, child_first, clock.now())

    with Session(engine) as session:
        reasons = {r.code: r for r in session.scalars(select(DowntimeReason))}
    assert reasons["SETUP-TOOLS"].parent_id == reasons["CHANGEOVER"].id
    assert reasons["SETUP-TOOLS"].category == "planned"


def test_a_pin_is_stored_only_as_a_hash_that_verifies(engine: Engine, clock: FixedClock) -> None:
    load(engine, DEMO, clock.now())

    with Session(engine) as session:
        anna = session.scalars(select(User).where(User.badge == "B1001")).one()
        assert anna.pin_hash is not None and anna.pin_hash.startswith("scrypt$")
        assert "1001" not in anna.pin_hash.split("$", 4)[:4]
        assert verify_secret("1001", anna.pin_hash) and not verify_secret("1002", anna.pin_hash)
        assert anna.role_names == ["operator"]
        stored_hash = anna.pin_hash
    created = next(e for e in events(engine) if e.entity == "user" and e.entity_id == "B1001")
    assert created.payload["after"]["pin"] == "set"
    assert stored_hash not in str(created.payload)


# --- loading again ----------------------------------------------------------------------------------------


def test_loading_the_same_file_twice_changes_nothing(demo: Engine, clock: FixedClock) -> None:
    before, logged = snapshot(demo), len(events(demo))

    summary = load(demo, DEMO, clock.now())

    assert not summary.changed
    assert changes(summary) == {}
    assert summary.counts["workstation"].unchanged == 6 and summary.counts["checklist"].unchanged == 5
    assert summary.describe() == "Plant DEMO is already up to date; nothing changed."
    assert snapshot(demo) == before  # the PIN hashes too: a PIN that still verifies is not hashed again
    assert len(events(demo)) == logged


def test_a_renamed_workstation_is_one_update_and_one_event(demo: Engine, clock: FixedClock) -> None:
    logged = len(events(demo))

    summary = load(demo, edited('name = "Laser cutter"', 'name = "Fibre laser 6 kW"'), clock.now())

    assert changes(summary) == {"workstation": (0, 1)}
    assert summary.counts["workstation"].unchanged == 5
    new = events(demo)[logged:]
    assert [(e.type, e.entity, e.entity_id) for e in new] == [
        ("MasterDataChanged", "workstation", "WS-01"),
        ("PlantLoaded", "site", "DEMO"),
    ]
    assert new[0].payload == {
        "change": "updated",
        "before": {"name": "Laser cutter"},
        "after": {"name": "Fibre laser 6 kW"},
    }
    assert new[0].occurred_at == clock.now()
    with Session(demo) as session:
        assert session.scalars(select(Workstation.name).where(Workstation.code == "WS-01")).one() == "Fibre laser 6 kW"


def test_a_changed_pin_is_hashed_again_and_logged_without_the_pin(demo: Engine, clock: FixedClock) -> None:
    logged = len(events(demo))

    summary = load(demo, edited('pin = "1003"', 'pin = "8642"'), clock.now())

    assert changes(summary) == {"user": (0, 1)}
    change = events(demo)[logged]
    assert change.payload == {"change": "updated", "before": {"pin": "set"}, "after": {"pin": "changed"}}
    with Session(demo) as session:
        julia = session.scalars(select(User).where(User.badge == "B1003")).one()
        assert verify_secret("8642", julia.pin_hash) and not verify_secret("1003", julia.pin_hash)


def test_a_file_without_a_pin_leaves_the_stored_pin(demo: Engine, clock: FixedClock) -> None:
    summary = load(demo, edited('pin = "1004"\n', ""), clock.now())

    assert not summary.changed
    with Session(demo) as session:
        piotr = session.scalars(select(User).where(User.badge == "B1004")).one()
        assert verify_secret("1004", piotr.pin_hash)


def test_a_users_roles_become_what_the_file_says(demo: Engine, clock: FixedClock) -> None:
    summary = load(demo, edited('roles = ["lead", "operator"]', 'roles = ["supervisor", "lead"]'), clock.now())

    assert changes(summary) == {"user": (0, 1)}
    with Session(demo) as session:
        sabine = session.scalars(select(User).where(User.badge == "B2001")).one()
        assert sabine.role_names == ["lead", "supervisor"]


def test_a_lines_shifts_and_a_shifts_breaks_follow_the_file(demo: Engine, clock: FixedClock) -> None:
    text = edited('shifts = ["EARLY", "LATE", "NIGHT"]', 'shifts = ["EARLY", "LATE"]')
    text = edited('  { start = "17:00", minutes = 15 },\n', "", text)

    summary = load(demo, text, clock.now())

    assert changes(summary) == {"line": (0, 1), "shift": (0, 1)}
    assert counts(demo, LineShift, ShiftBreak) == {"line_shifts": 4, "shift_breaks": 5}
    shift_change = next(e for e in events(demo) if e.entity == "shift" and e.payload["change"] == "updated")
    assert shift_change.payload["before"]["breaks"] == [
        {"start": "17:00:00", "minutes": 15},
        {"start": "19:30:00", "minutes": 30},
    ]
    assert shift_change.payload["after"]["breaks"] == [{"start": "19:30:00", "minutes": 30}]


def test_a_changed_routing_and_bill_of_materials_replace_the_stored_ones(demo: Engine, clock: FixedClock) -> None:
    text = edited(
        '[[products.routing]]\noperation = 40\nname = "Powder coat and cure"\nworkstations = ["WS-06"]\n'
        "ideal_cycle_seconds = 48           # the hook conveyor's pitch\n"
        'setup_minutes = 30\nchecklist = "COAT"\n\n',
        "",
    )
    text = edited('[[products.bom]]\nmaterial = "POWDER-9005"\nquantity = "0.04"\noperation = 40\n\n', "", text)
    text = edited('quantity = "0.85"', 'quantity = "0.82"', text)
    text = edited('workstations = ["WS-02"]', 'workstations = ["WS-02", "WS-01"]', text)

    summary = load(demo, text, clock.now())

    assert changes(summary) == {"routing": (0, 1), "bom": (0, 1)}
    with Session(demo) as session:
        bracket = session.scalars(select(Material).where(Material.code == "BRACKET-A")).one()
        seqs = session.scalars(select(RoutingOperation.seq).where(RoutingOperation.product_id == bracket.id)).all()
        assert sorted(seqs) == [10, 20, 30]
        quantities = session.scalars(select(BomLine.quantity_per).where(BomLine.product_id == bracket.id)).all()
        assert sorted(quantities) == [Decimal("0.012"), Decimal("0.82")]
    assert counts(demo, RoutingOperationStation)["routing_operation_stations"] == 6  # one gone, one added
    assert not load(demo, text, clock.now()).changed


def test_the_planning_calendar_is_stored_with_the_stations_products_and_routings(
    engine: Engine, clock: FixedClock
) -> None:
    badge_only = "badge_only = true                 #"
    load(engine, edited(badge_only, "capacity = 2\n" + badge_only), clock.now())

    with Session(engine) as session:
        capacity = dict(session.execute(select(Workstation.code, Workstation.capacity)).all())
        assert (capacity["WS-05"], capacity["WS-01"]) == (2, 1)
        family = dict(session.execute(select(Material.code, Material.family)).all())
        assert (family["BRACKET-A"], family["KIT-X"], family["STEEL-2MM"]) == ("BRACKETS", "KITS", None)
        routing = session.execute(
            select(RoutingOperation.seq, RoutingOperation.transfer_minutes, RoutingOperation.interruptible)
            .join(Material, Material.id == RoutingOperation.product_id)
            .where(Material.code == "BRACKET-A")
            .order_by(RoutingOperation.seq)
        ).all()
        assert [tuple(r) for r in routing] == [(10, 0, True), (20, 0, True), (30, 15, True), (40, 0, True)]
        matrix = session.execute(select(Changeover.from_family, Changeover.to_family, Changeover.minutes)).all()
        assert sorted(tuple(r) for r in matrix) == [("ASSEMBLIES", "KITS", 20), ("KITS", "ASSEMBLIES", 35)]
        holidays = {h.day.isoformat(): h for h in session.scalars(select(Holiday))}
        assert list(holidays) == ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"]
        l2 = session.scalars(select(Line).where(Line.code == "L2")).one()
        assert [link.line_id for link in holidays["2026-12-31"].lines] == [l2.id]
        assert holidays["2026-12-24"].lines == [] and holidays["2026-12-24"].name == "Christmas Eve"
        laser = session.execute(
            select(MaintenanceWindow)
            .join(Workstation, Workstation.id == MaintenanceWindow.workstation_id)
            .where(Workstation.code == "WS-01")
        ).scalar_one()
        # 06:00-10:00 in Berlin in winter is 05:00-09:00 UTC.
        assert (laser.starts_at, laser.ends_at, laser.reason) == (
            datetime(2026, 12, 16, 5, tzinfo=UTC),
            datetime(2026, 12, 16, 9, tzinfo=UTC),
            "Laser optics and nozzle service",
        )


def test_the_calendar_lists_follow_the_file_and_each_change_is_one_event(demo: Engine, clock: FixedClock) -> None:
    logged = len(events(demo))
    text = edited('[[holidays]]\ndate = 2026-12-26\nname = "Boxing Day"\n\n', "")
    text = edited("end = 2026-12-16T10:00:00", "end = 2026-12-16T12:00:00", text)
    text = edited('to = "ASSEMBLIES"\nminutes = 35', 'to = "ASSEMBLIES"\nminutes = 30', text)
    text = edited("transfer_minutes = 15 ", "transfer_minutes = 10 ", text)

    summary = load(demo, text, clock.now())

    assert changes(summary) == {"routing": (0, 1), "changeovers": (0, 1), "holidays": (0, 1), "maintenance": (0, 1)}
    assert "1 holiday calendar updated" in summary.describe()
    written = {e.entity: e for e in events(demo)[logged:] if e.type == "MasterDataChanged"}
    assert written["holidays"].entity_id == "DEMO"
    before_days = [h["date"] for h in written["holidays"].payload["before"]["entries"]]
    after_days = [h["date"] for h in written["holidays"].payload["after"]["entries"]]
    assert set(before_days) - set(after_days) == {"2026-12-26"}
    assert written["maintenance"].payload["after"]["entries"][0]["end"] == "2026-12-16T11:00:00Z"
    with Session(demo) as session:
        assert session.scalar(select(func.count()).select_from(Holiday)) == 4
        assert session.scalar(select(func.count()).select_from(HolidayLine)) == 1
        assert session.scalar(select(Changeover.minutes).where(Changeover.from_family == "KITS")) == 30
    assert not load(demo, text, clock.now()).changed  # and again: nothing

    emptied = text
    for section in ("\n[[holidays]]\n", "\n[[maintenance]]\n", "\n[[changeovers]]\n"):
        while section in emptied:
            start = emptied.index(section) + 1
            end = emptied.index("\n\n", start) + 2
            emptied = emptied[:start] + emptied[end:]
    summary = load(demo, emptied, clock.now())
    assert changes(summary) == {"changeovers": (0, 1), "holidays": (0, 1), "maintenance": (0, 1)}
    assert counts(demo, Changeover, Holiday, HolidayLine, MaintenanceWindow) == {
        "changeovers": 0,
        "holidays": 0,
        "holiday_lines": 0,
        "maintenance_windows": 0,
    }
    assert not load(demo, emptied, clock.now()).changed


def test_things_left_out_of_the_file_stay_in_the_database(demo: Engine, clock: FixedClock) -> None:
    text = edited('[[users]]\nbadge = "B9001"\nname = "Plant IT administrator"\npin = "9001"\nroles = ["admin"]\n', "")
    text = edited('[[scrap_reasons]]\ncode = "MAT-DEF"\nname = "Material defect from supplier"\n', "", text)

    summary = load(demo, text, clock.now())

    assert not summary.changed
    assert summary.counts["user"].unchanged == 7
    assert counts(demo, User, ScrapReason) == {"users": 8, "scrap_reasons": 9}


def test_two_materials_may_swap_their_gtins_in_one_load(demo: Engine, clock: FixedClock) -> None:
    text = edited('gtin = "04012345000016"', 'gtin = "SWAP"')
    text = edited('gtin = "04012345000023"', 'gtin = "04012345000016"', text).replace("SWAP", "04012345000023")

    summary = load(demo, text, clock.now())

    assert changes(summary) == {"product": (0, 2)}
    with Session(demo) as session:
        gtins = dict(session.execute(select(Material.code, Material.gtin).where(Material.is_product)).all())
    assert (gtins["BRACKET-A"], gtins["ASSEMBLY-X"]) == ("04012345000023", "04012345000016")


def test_a_new_checklist_version_is_added_beside_the_old_one(demo: Engine, clock: FixedClock) -> None:
    text = edited('code = "CUT-FAI"\nversion = 1', 'code = "CUT-FAI"\nversion = 2')
    text = edited('upper = "120.2"', 'upper = "120.3"', text)

    summary = load(demo, text, clock.now())

    assert changes(summary) == {"checklist": (1, 0)}
    with Session(demo) as session:
        versions = session.scalars(select(ChecklistTemplate.version).where(ChecklistTemplate.code == "CUT-FAI")).all()
    assert sorted(versions) == [1, 2]


# --- all or nothing ---------------------------------------------------------------------------------------


def test_a_changed_checklist_without_a_new_version_is_refused_and_nothing_is_written(
    demo: Engine, clock: FixedClock
) -> None:
    text = edited('name = "Laser cutter"', 'name = "Fibre laser"')  # a change loaded before the checklists
    text = edited('upper = "120.2"', 'upper = "120.3"', text)
    before, logged = snapshot(demo), len(events(demo))

    with pytest.raises(PlantFileError) as refused:
        load(demo, text, clock.now())

    assert refused.value.message == (
        "demo.toml: checklist CUT-FAI version 1 is already loaded with different content (item LEN differs); "
        "checklists are versioned, so give the changed checklist version 2."
    )
    assert snapshot(demo) == before
    assert len(events(demo)) == logged


def test_a_gtin_held_by_a_material_outside_the_file_refuses_the_whole_file(engine: Engine, clock: FixedClock) -> None:
    with Session(engine) as session, session.begin():
        session.add(Material(code="OLD-KIT", name="Old kit", unit="pcs", gtin="04012345000030"))
    logged = len(events(engine))

    with pytest.raises(PlantFileError, match=r"GTIN 04012345000030 of KIT-X already belongs to material OLD-KIT"):
        load(engine, DEMO, clock.now())

    # Sites, lines and users went to the database before the materials: all of it was rolled back.
    assert counts(engine, Site, Line, User, Material) == {"sites": 0, "lines": 0, "users": 0, "materials": 1}
    assert len(events(engine)) == logged


def test_an_operation_in_use_cannot_leave_the_routing_and_nothing_is_written(demo: Engine, clock: FixedClock) -> None:
    with Session(demo) as session, session.begin():
        bracket = session.scalars(select(Material).where(Material.code == "BRACKET-A")).one()
        coat = session.scalars(
            select(RoutingOperation).where(RoutingOperation.product_id == bracket.id, RoutingOperation.seq == 40)
        ).one()
        order = WorkOrder(
            number="WO-7", product_id=bracket.id, quantity=Decimal(50), due_at=clock.now(), created_at=clock.now()
        )
        order.operations.append(WorkOrderOperation(routing_operation_id=coat.id, seq=40, name=coat.name))
        session.add(order)
    text = edited('name = "Laser cutter"', 'name = "Fibre laser"')
    text = edited('[[products.bom]]\nmaterial = "POWDER-9005"\nquantity = "0.04"\noperation = 40\n\n', "", text)
    text = edited(
        '[[products.routing]]\noperation = 40\nname = "Powder coat and cure"\nworkstations = ["WS-06"]\n'
        "ideal_cycle_seconds = 48           # the hook conveyor's pitch\n"
        'setup_minutes = 30\nchecklist = "COAT"\n\n',
        "",
        text,
    )
    before, logged = snapshot(demo), len(events(demo))

    with pytest.raises(PlantFileError) as refused:
        load(demo, text, clock.now())

    assert refused.value.message == (
        "demo.toml: operation 40 of BRACKET-A is used by work order WO-7, so it cannot be removed from the routing; "
        "keep it in the file."
    )
    assert snapshot(demo) == before
    assert len(events(demo)) == logged


def test_a_database_without_tables_is_told_to_upgrade(tmp_path: Path, clock: FixedClock) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    try:
        with pytest.raises(SchemaNotAtHead, match="run 'mes-terminal db upgrade'"):
            load(engine, DEMO, clock.now())
    finally:
        engine.dispose()


def test_an_unreachable_database_is_reported_in_words(clock: FixedClock) -> None:
    engine = make_engine("postgresql://mes@127.0.0.1:9/mes")  # the discard port: nothing listens
    try:
        with pytest.raises(DatabaseUnavailable, match=r"not available to load demo\.toml .*nothing of it was written"):
            load(engine, DEMO, clock.now())
    finally:
        engine.dispose()


def test_the_site_material_check_is_stored_warn_unless_the_file_says_block(engine: Engine, clock: FixedClock) -> None:
    load(engine, DEMO, clock.now())
    with Session(engine) as session:
        assert session.scalars(select(Site.material_check)).one() == "warn"  # the documented default
    load(
        engine,
        DEMO.replace('timezone = "Europe/Berlin"', 'timezone = "Europe/Berlin"\nmaterial_check = "block"', 1),
        clock.now(),
    )
    with Session(engine) as session:
        assert session.scalars(select(Site.material_check)).one() == "block"
