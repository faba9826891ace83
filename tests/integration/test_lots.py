"""Material lots: receiving, scan-to-consume against the BOM, output lots, genealogy, holds, splits."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Consumption, GenealogyLink, Lot, Site
from mes_terminal.db.repositories.lots import Lots
from mes_terminal.domain.errors import Conflict, InvalidState, MesError, NotPermitted, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from tests.helpers import DATA, LEAD, OPERATOR, SUPERVISOR, command, load_small_plant

WO = "WO-7"


@pytest.fixture
def bus(engine: Engine, clock, database_states) -> CommandBus:
    """The small plant with the material plant loaded over it."""
    now = clock.now()

    def build(fresh: Engine) -> None:
        load_small_plant(fresh, now)
        load_plant(fresh, read_plant_file(DATA / "material_plant.toml"), now=now)

    database_states.build(engine, ("material plant over the small plant", now), build)
    return CommandBus(engine, clock)


@pytest.fixture
def cutting(bus: CommandBus, clock) -> CommandBus:
    """WO-7 for 100 brackets, operation 10 running at WS-01 with Ada signed in."""
    now = clock.now()
    bus.execute(
        command(c.CreateWorkOrder, now, number=WO, product="BRACKET-A", quantity=Decimal(100), due=now + timedelta(1))
    )
    bus.execute(command(c.ReleaseWorkOrder, now, number=WO))
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    job(bus, clock, c.StartJob)
    return bus


def receive(bus: CommandBus, clock, lot: str, quantity: str = "100", material: str = "STEEL-2MM", **more) -> dict:
    return dict(
        bus.execute(
            command(c.ReceiveLot, clock.now(), lot=lot, material=material, quantity=Decimal(quantity), **more)
        ).result
    )


def job(bus: CommandBus, clock, cls: type[c.Command], seq: int = 10, station: str = "WS-01", **fields) -> dict:
    cmd = command(cls, clock.now(), actor=OPERATOR, station=station, work_order=WO, operation=seq, **fields)
    return dict(bus.execute(cmd).result)


def lot_row(engine: Engine, number: str) -> Lot:
    with Session(engine) as session:
        return session.scalars(select(Lot).where(Lot.number == number)).one()


def links(engine: Engine) -> list[tuple[str, str, Decimal]]:
    with Session(engine) as session:
        numbers = {id_: number for id_, number in session.execute(select(Lot.id, Lot.number))}
        return sorted(
            (numbers[link.consumed_lot_id], numbers[link.produced_lot_id], link.quantity)
            for link in session.scalars(select(GenealogyLink))
        )


# --- receiving -----------------------------------------------------------------------------------------


def test_a_received_lot_expires_after_the_materials_shelf_life(bus: CommandBus, clock) -> None:
    result = receive(bus, clock, "S-1", supplier_lot="MILL-778")
    assert result["status"] == "available" and result["quantity"] == "100" and result["unit"] == "kg"
    # Received on 2 March 2026 in Berlin; STEEL-2MM keeps 365 days.
    assert result["expires"] == "2027-03-02"
    assert lot_row(bus.engine, "S-1").supplier_lot == "MILL-778"


@pytest.mark.parametrize(
    ("fields", "error", "sentence"),
    [
        ({"material": "UNOBTAINIUM"}, UnknownEntity, "There is no material UNOBTAINIUM."),
        ({"expires": date(2026, 3, 1)}, InvalidState, "expired on 2026-03-01"),
    ],
)
def test_a_lot_that_cannot_be_received_is_refused(bus: CommandBus, clock, fields, error, sentence) -> None:
    with pytest.raises(error, match=re.escape(sentence)):
        receive(bus, clock, "S-1", **fields)
    assert not _exists(bus.engine, "S-1")


def test_a_lot_number_is_received_once(bus: CommandBus, clock) -> None:
    receive(bus, clock, "S-1")
    with pytest.raises(Conflict, match="Lot S-1 exists already"):
        receive(bus, clock, "S-1", quantity="5")
    assert lot_row(bus.engine, "S-1").quantity == Decimal(100)


# --- consuming into a job ------------------------------------------------------------------------------


def test_scanning_a_lot_takes_what_the_bom_needs_and_links_it_to_the_output_lot(cutting: CommandBus, clock) -> None:
    receive(cutting, clock, "S-1")
    # Nothing reported yet: the scan takes what the 100 planned brackets need (0.35 kg each).
    taken = job(cutting, clock, c.ConsumeLot, lot="S-1")
    assert taken["consumed"] == "35" and taken["quantity"] == "65"
    assert taken["bom_material"] == "STEEL-2MM" and taken["warning"] is None

    counted = job(cutting, clock, c.ReportCount, good=Decimal(10))
    assert counted["output_lot"] == WO  # the order's lot appears at its first good count
    assert links(cutting.engine) == [("S-1", WO, Decimal(35))]
    # Operation 10 is not the last one: the lot holds finished brackets only from operation 20.
    assert lot_row(cutting.engine, WO).quantity == 0


def test_a_scan_links_to_the_output_lot_of_its_own_order_when_others_have_theirs(bus: CommandBus, clock) -> None:
    now = clock.now()
    receive(bus, clock, "S-1", quantity="500")
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    for number in ("WO-6", WO):  # WO-6 first: its rows come first wherever an order is looked up loosely
        due = now + timedelta(1)
        bus.execute(command(c.CreateWorkOrder, now, number=number, product="BRACKET-A", quantity=Decimal(100), due=due))
        bus.execute(command(c.ReleaseWorkOrder, now, number=number))
    for number in ("WO-6", WO):
        at_ws01 = {"actor": OPERATOR, "station": "WS-01", "work_order": number, "operation": 10}
        bus.execute(command(c.StartJob, now, **at_ws01))
        bus.execute(command(c.ReportCount, now, good=Decimal(1), **at_ws01))  # the order's output lot appears
        bus.execute(command(c.ConsumeLot, now, lot="S-1", quantity=Decimal(2), **at_ws01))
        bus.execute(command(c.PauseJob, now, **at_ws01))
    assert links(bus.engine) == [("S-1", "WO-6", Decimal(2)), ("S-1", WO, Decimal(2))]


def test_a_typed_quantity_is_taken_and_the_lot_is_used_up_at_zero(cutting: CommandBus, clock) -> None:
    receive(cutting, clock, "S-1", quantity="2.5")
    job(cutting, clock, c.ConsumeLot, lot="S-1", quantity=Decimal("2.5"))
    row = lot_row(cutting.engine, "S-1")
    assert (row.quantity, row.status) == (0, "consumed")
    with pytest.raises(InvalidState, match="Lot S-1 is used up"):
        job(cutting, clock, c.ConsumeLot, lot="S-1", quantity=Decimal("1"))


def test_a_substitute_material_is_accepted_for_its_bom_line(cutting: CommandBus, clock) -> None:
    receive(cutting, clock, "B-1", material="STEEL-2MM-B")
    assert job(cutting, clock, c.ConsumeLot, lot="B-1")["bom_material"] == "STEEL-2MM"


@pytest.mark.parametrize(
    ("prepare", "fields", "sentence"),
    [
        (None, {"lot": "NOPE"}, "There is no lot NOPE."),
        ("paint", {"lot": "P-1"}, "Lot P-1 is PAINT, which is not on the bill of materials of WO-7 operation 10"),
        ("steel", {"lot": "S-1", "quantity": Decimal(101)}, "Lot S-1 holds only 100 kg; 101 kg cannot be taken."),
        ("held", {"lot": "S-1"}, "Lot S-1 is on hold; it cannot be used."),
        ("expired", {"lot": "S-1"}, "Lot S-1 expired on 2026-03-03; it cannot be used."),
    ],
)
def test_a_wrong_scan_is_refused_with_its_reason_and_changes_nothing(
    cutting: CommandBus, clock, prepare, fields, sentence
) -> None:
    if prepare == "paint":
        receive(cutting, clock, "P-1", material="PAINT")
    elif prepare is not None:
        expires = date(2026, 3, 3) if prepare == "expired" else None
        receive(cutting, clock, "S-1", expires=expires)
        if prepare == "held":
            cutting.execute(command(c.HoldLot, clock.now(), actor=SUPERVISOR, lot="S-1", reason="Mill certificate"))
        if prepare == "expired":
            clock.advance(timedelta(days=2))
    with pytest.raises(MesError, match=re.escape(sentence)):
        job(cutting, clock, c.ConsumeLot, **fields)
    with Session(cutting.engine) as session:
        assert session.scalars(select(Consumption)).all() == []
        assert all(lot.quantity == 100 for lot in session.scalars(select(Lot)))


def test_a_scan_when_no_job_runs_is_refused(cutting: CommandBus, clock) -> None:
    receive(cutting, clock, "S-1")
    job(cutting, clock, c.PauseJob)
    with pytest.raises(InvalidState, match="No job of WO-7 operation 10 runs at WS-01; start it"):
        job(cutting, clock, c.ConsumeLot, lot="S-1")
    assert lot_row(cutting.engine, "S-1").quantity == 100


def test_a_double_tapped_scan_takes_once(cutting: CommandBus, clock) -> None:
    receive(cutting, clock, "S-1")
    scan = command(c.ConsumeLot, clock.now(), actor=OPERATOR, station="WS-01", work_order=WO, operation=10, lot="S-1")
    first, second = cutting.execute(scan), cutting.execute(scan)
    assert second.replayed and second.result == first.result
    assert lot_row(cutting.engine, "S-1").quantity == Decimal(65)


# --- picking order -------------------------------------------------------------------------------------


def set_picking(engine: Engine, picking: str, rule: str) -> None:
    with Session(engine) as session, session.begin():
        for site in session.scalars(select(Site)):
            site.picking, site.picking_rule = picking, rule


def test_a_lot_expiring_later_is_taken_with_a_warning_under_fefo(cutting: CommandBus, clock) -> None:
    receive(cutting, clock, "SOON", expires=date(2026, 4, 1))
    receive(cutting, clock, "LATER", expires=date(2026, 9, 1))
    taken = job(cutting, clock, c.ConsumeLot, lot="LATER", quantity=Decimal(1))
    assert taken["warning"] == "Lot SOON expires sooner (2026-04-01) and should be used before lot LATER."
    assert job(cutting, clock, c.ConsumeLot, lot="SOON", quantity=Decimal(1))["warning"] is None


def test_picking_out_of_order_is_refused_where_the_site_blocks_it(cutting: CommandBus, clock) -> None:
    set_picking(cutting.engine, "fifo", "block")
    receive(cutting, clock, "OLD", expires=date(2026, 9, 1))
    clock.advance(timedelta(hours=1))
    receive(cutting, clock, "NEW", expires=date(2026, 4, 1))
    with pytest.raises(InvalidState, match="Lot OLD was received earlier and should be used before lot NEW"):
        job(cutting, clock, c.ConsumeLot, lot="NEW", quantity=Decimal(1))
    assert lot_row(cutting.engine, "NEW").quantity == 100


# --- returns, output lot growth, backflush ---------------------------------------------------------------


def test_returning_material_puts_it_back_and_shrinks_its_genealogy_link(cutting: CommandBus, clock) -> None:
    receive(cutting, clock, "S-1", quantity="10")
    job(cutting, clock, c.ConsumeLot, lot="S-1", quantity=Decimal(10))
    job(cutting, clock, c.ReportCount, good=Decimal(5))
    returned = job(cutting, clock, c.ReturnLot, lot="S-1", quantity=Decimal("3.5"))
    assert (returned["quantity"], returned["status"]) == ("3.5", "available")
    assert links(cutting.engine) == [("S-1", WO, Decimal("6.5"))]
    with pytest.raises(InvalidState, match=re.escape("Only 6.5 kg of lot S-1 went into WO-7 operation 10")):
        job(cutting, clock, c.ReturnLot, lot="S-1", quantity=Decimal(7))


def test_the_output_lot_grows_with_the_last_operations_good_counts_and_backflush_takes_screws(
    cutting: CommandBus, clock
) -> None:
    receive(cutting, clock, "S-1")
    receive(cutting, clock, "SCREW-A", material="SCREW-M4", quantity="150", expires=date(2026, 6, 1))
    receive(cutting, clock, "SCREW-B", material="SCREW-M4", quantity="500", expires=date(2026, 5, 1))
    job(cutting, clock, c.ConsumeLot, lot="S-1")
    job(cutting, clock, c.ReportCount, good=Decimal(100))
    job(cutting, clock, c.CompleteJob)

    cutting.execute(command(c.SignIn, clock.now(), actor=LEAD, station="WS-02", badge=LEAD))
    bend = {"station": "WS-02"}
    cutting.execute(command(c.StartJob, clock.now(), actor=LEAD, work_order=WO, operation=20, **bend))
    for good in (60, 39):
        cutting.execute(
            command(c.ReportCount, clock.now(), actor=LEAD, work_order=WO, operation=20, good=Decimal(good), **bend)
        )
    assert lot_row(cutting.engine, WO).quantity == 99
    done = cutting.execute(
        command(c.CompleteJob, clock.now(), actor=LEAD, work_order=WO, operation=20, short_close=True, **bend)
    ).result
    # 99 brackets need 198 screws: the lot expiring first (SCREW-B) gives them all.
    assert done["backflushed"] == [{"lot": "SCREW-B", "quantity": "198"}]
    assert done["output_lot"] == WO and done["order_status"] == "completed"
    assert links(cutting.engine) == [("S-1", WO, Decimal(35)), ("SCREW-B", WO, Decimal(198))]


def test_an_output_lot_split_while_the_order_runs_keeps_growing_and_the_part_stays_apart(
    cutting: CommandBus, clock
) -> None:
    """A part split off the output lot (a pallet sent ahead) carries the same operation; counts still find
    the one output lot instead of failing on two."""
    receive(cutting, clock, "S-1")
    job(cutting, clock, c.ConsumeLot, lot="S-1")
    job(cutting, clock, c.ReportCount, good=Decimal(100))
    job(cutting, clock, c.CompleteJob)
    cutting.execute(command(c.SignIn, clock.now(), actor=LEAD, station="WS-02", badge=LEAD))
    bend = {"actor": LEAD, "work_order": WO, "operation": 20, "station": "WS-02"}
    cutting.execute(command(c.StartJob, clock.now(), **bend))
    cutting.execute(command(c.ReportCount, clock.now(), good=Decimal(40), **bend))
    split = cutting.execute(command(c.SplitLot, clock.now(), actor=LEAD, lot=WO, quantity=Decimal(15))).result
    cutting.execute(command(c.ReportCount, clock.now(), good=Decimal(20), **bend))
    assert lot_row(cutting.engine, WO).quantity == 40 - 15 + 20
    assert lot_row(cutting.engine, split["new_lot"]).quantity == 15


def test_completion_is_refused_when_backflush_finds_too_little(cutting: CommandBus, clock) -> None:
    receive(cutting, clock, "SCREW-A", material="SCREW-M4", quantity="10")
    job(cutting, clock, c.ReportCount, good=Decimal(100))
    job(cutting, clock, c.CompleteJob)
    cutting.execute(command(c.SignIn, clock.now(), actor=LEAD, station="WS-02", badge=LEAD))
    bend = {"station": "WS-02", "work_order": WO, "operation": 20}
    cutting.execute(command(c.StartJob, clock.now(), actor=LEAD, **bend))
    cutting.execute(command(c.ReportCount, clock.now(), actor=LEAD, good=Decimal(100), **bend))
    with pytest.raises(InvalidState, match="Backflush needs 200 pcs of SCREW-M4, but usable lots hold only 10 pcs"):
        cutting.execute(command(c.CompleteJob, clock.now(), actor=LEAD, **bend))
    assert lot_row(cutting.engine, "SCREW-A").quantity == 10


def test_an_output_lot_made_at_completion_links_what_was_consumed_before(bus: CommandBus, clock) -> None:
    from mes_terminal.db.records import Material

    with Session(bus.engine) as session, session.begin():
        session.scalars(select(Material).where(Material.code == "BRACKET-A")).one().output_lot_at = "completion"
    now = clock.now()
    bus.execute(command(c.CreateWorkOrder, now, number=WO, product="BRACKET-A", quantity=Decimal(10), due=now))
    bus.execute(command(c.ReleaseWorkOrder, now, number=WO))
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    receive(bus, clock, "S-1")
    job(bus, clock, c.StartJob)
    job(bus, clock, c.ConsumeLot, lot="S-1")
    assert job(bus, clock, c.ReportCount, good=Decimal(10))["output_lot"] is None
    assert links(bus.engine) == []


# --- holds, splits, merges, scrap ----------------------------------------------------------------------


def test_an_operator_may_not_hold_a_lot_but_a_supervisor_may_and_release_it(bus: CommandBus, clock) -> None:
    receive(bus, clock, "S-1")
    with pytest.raises(NotPermitted, match="may not put lots on hold"):
        bus.execute(command(c.HoldLot, clock.now(), actor=OPERATOR, lot="S-1", reason="Rust"))
    held = bus.execute(command(c.HoldLot, clock.now(), actor=SUPERVISOR, lot="S-1", reason="Rust")).result
    assert held["status"] == "on_hold"
    released = bus.execute(command(c.ReleaseLot, clock.now(), actor=SUPERVISOR, lot="S-1")).result
    assert released["status"] == "available"
    with pytest.raises(InvalidState, match="Lot S-1 is not on hold"):
        bus.execute(command(c.ReleaseLot, clock.now(), actor=SUPERVISOR, lot="S-1"))


def test_split_and_merge_keep_the_quantity_and_leave_a_trail(bus: CommandBus, clock) -> None:
    receive(bus, clock, "S-1", expires=date(2026, 8, 1))
    receive(bus, clock, "S-2", quantity="20", expires=date(2026, 5, 1))
    split = bus.execute(command(c.SplitLot, clock.now(), actor=OPERATOR, lot="S-1", quantity=Decimal(30))).result
    assert (split["new_lot"], split["quantity"]) == ("S-1-1", "70")
    merged = bus.execute(command(c.MergeLots, clock.now(), actor=OPERATOR, lots=("S-2",), into="S-1-1")).result
    assert merged["quantity"] == "50" and merged["expires"] == "2026-05-01"
    assert lot_row(bus.engine, "S-2").status == "consumed"
    assert links(bus.engine) == [("S-1", "S-1-1", Decimal(30)), ("S-2", "S-1-1", Decimal(20))]
    with pytest.raises(InvalidState, match="a split must leave some in it"):
        bus.execute(command(c.SplitLot, clock.now(), actor=OPERATOR, lot="S-1", quantity=Decimal(70)))


def test_lots_of_different_materials_are_not_merged(bus: CommandBus, clock) -> None:
    receive(bus, clock, "S-1")
    receive(bus, clock, "P-1", material="PAINT")
    with pytest.raises(InvalidState, match="only lots of one material can be merged"):
        bus.execute(command(c.MergeLots, clock.now(), actor=OPERATOR, lots=("P-1",), into="S-1"))
    assert lot_row(bus.engine, "P-1").quantity == 100


def test_scrapping_part_of_a_lot_then_the_rest(bus: CommandBus, clock) -> None:
    receive(bus, clock, "S-1")
    scrap = {"actor": SUPERVISOR, "lot": "S-1", "scrap_reason": "BURR"}
    assert bus.execute(command(c.ScrapLot, clock.now(), quantity=Decimal(40), **scrap)).result["quantity"] == "60"
    assert bus.execute(command(c.ScrapLot, clock.now(), **scrap)).result["status"] == "scrapped"


# --- GS1: a GTIN + batch pair resolves to our lot -------------------------------------------------------


def test_a_gtin_and_batch_resolve_to_our_lot_by_number_or_supplier_lot(bus: CommandBus, clock) -> None:
    receive(bus, clock, "S-1", supplier_lot="MILL-778")
    with Session(bus.engine) as session:
        lots = Lots(session)
        assert lots.number_for_gs1("09506000134352", "S-1") == "S-1"
        assert lots.number_for_gs1("09506000134352", "MILL-778") == "S-1"
        with pytest.raises(UnknownEntity, match="No material has the GTIN 09506000134369"):
            lots.number_for_gs1("09506000134369", "S-1")
        with pytest.raises(UnknownEntity, match="There is no lot X-9 of GTIN 09506000134352"):
            lots.number_for_gs1("09506000134352", "X-9")


def _exists(engine: Engine, number: str) -> bool:
    with Session(engine) as session:
        return session.scalar(select(Lot.id).where(Lot.number == number)) is not None
