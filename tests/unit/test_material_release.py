"""Material release dates by netting (services/planning/material.py): rows in, waits and shortages out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from mes_terminal.services.planning.material import MaterialPlan, MaterialWait, Shortage, Substitution, net
from mes_terminal.services.queries.schedule import DemandRow, SupplyRow

NOW = datetime(2026, 12, 7, 6, tzinfo=UTC)


def need(order: str, quantity: str, *, due_hours: int, priority: int = 0, active: bool = False) -> DemandRow:
    return DemandRow(order, 10, "STEEL", Decimal(quantity), NOW + timedelta(hours=due_hours), priority, active)


def coming(lot: str, quantity: str, in_hours: int) -> SupplyRow:
    return SupplyRow("STEEL", Decimal(quantity), NOW + timedelta(hours=in_hours), lot)


ON_HAND = SupplyRow("STEEL", Decimal(100), None, None)


def test_stock_goes_to_the_earliest_due_and_the_next_waits_for_the_lot_that_covers_it() -> None:
    plan = net(
        [need("WO-LATE", "80", due_hours=50), need("WO-SOON", "80", due_hours=10)],
        [ON_HAND, coming("L-2", "30", 48), coming("L-1", "40", 24)],
    )
    # WO-SOON takes 80 of the 100 on hand; WO-LATE the other 20, then L-1 (40, in 24 h) and 20 of L-2 (48 h).
    assert plan.waits == (MaterialWait("WO-LATE", 10, "STEEL", "L-2", NOW + timedelta(hours=48), "STEEL"),)
    assert plan.shortages == ()
    assert plan.release("WO-SOON", 10) is None
    assert plan.release("WO-LATE", 10) == NOW + timedelta(hours=48)


def test_a_running_job_comes_first_and_a_higher_priority_breaks_a_tie() -> None:
    plan = net(
        [
            need("WO-B", "60", due_hours=10, priority=5),
            need("WO-A", "60", due_hours=10),
            need("WO-RUN", "60", due_hours=90, active=True),
        ],
        [ON_HAND, coming("L-1", "200", 24)],
    )
    assert plan.release("WO-RUN", 10) is None
    assert plan.release("WO-B", 10) == NOW + timedelta(hours=24)  # 40 left on hand, 20 from L-1
    assert plan.release("WO-A", 10) == NOW + timedelta(hours=24)


def test_what_nothing_covers_is_a_shortage_and_other_materials_stay_apart() -> None:
    other = DemandRow("WO-1", 20, "PAINT", Decimal(5), NOW, 0, False)
    paint_lot = SupplyRow("PAINT", Decimal(1), NOW + timedelta(hours=2), "P-1")
    plan = net([need("WO-1", "150", due_hours=5), other], [ON_HAND, coming("L-1", "20", 12), paint_lot])
    assert set(plan.waits) == {
        MaterialWait("WO-1", 10, "STEEL", "L-1", NOW + timedelta(hours=12), "STEEL"),
        MaterialWait("WO-1", 20, "PAINT", "P-1", NOW + timedelta(hours=2), "PAINT"),
    }
    steel, paint = Shortage("WO-1", 10, "STEEL", Decimal(30)), Shortage("WO-1", 20, "PAINT", Decimal(4))
    assert set(plan.shortages) == {steel, paint}


def test_a_material_with_nothing_expected_neither_waits_nor_is_short() -> None:
    # The plan cannot know when more PAINT comes: it does not hold the operation back for it.
    paint = DemandRow("WO-1", 20, "PAINT", Decimal(5), NOW, 0, False)
    plan = net([paint], [SupplyRow("PAINT", Decimal(2), None, None)])
    assert plan == MaterialPlan((), (), ())


# Substitutes: STEEL-B may be used in place of STEEL (and STEEL-C after it, in the BOM's order).


def line(
    order: str, quantity: str, *, due_hours: int, material: str = "STEEL", substitutes: tuple[str, ...] = ("STEEL-B",)
) -> DemandRow:
    return DemandRow(order, 10, material, Decimal(quantity), NOW + timedelta(hours=due_hours), 0, False, substitutes)


def stock(material: str, quantity: str) -> SupplyRow:
    return SupplyRow(material, Decimal(quantity), None, None)


def lot(material: str, number: str, quantity: str, in_hours: int) -> SupplyRow:
    return SupplyRow(material, Decimal(quantity), NOW + timedelta(hours=in_hours), number)


def test_a_substitute_on_hand_covers_what_the_material_lacks_and_nothing_waits() -> None:
    plan = net(
        [line("WO-1", "80", due_hours=5)],
        [stock("STEEL", "50"), stock("STEEL-B", "100"), lot("STEEL", "L-1", "500", 24)],
    )
    # The 50 of STEEL on hand first, then 30 of STEEL-B on hand: on hand before any expected lot.
    assert plan.waits == ()
    assert plan.shortages == ()
    assert plan.substitutions == (Substitution("WO-1", 10, "STEEL", "STEEL-B", Decimal(30)),)
    assert plan.release("WO-1", 10) is None


def test_the_material_on_hand_goes_before_its_substitute() -> None:
    plan = net(
        [line("WO-1", "40", due_hours=5)], [stock("STEEL", "50"), stock("STEEL-B", "100"), lot("STEEL", "L-1", "5", 2)]
    )
    assert plan == MaterialPlan((), (), ())


def test_substitutes_are_taken_in_the_boms_order() -> None:
    plan = net(
        [line("WO-1", "30", due_hours=5, substitutes=("STEEL-B", "STEEL-C"))],
        [stock("STEEL-C", "100"), stock("STEEL-B", "20"), lot("STEEL", "L-1", "5", 2)],
    )
    assert plan.substitutions == (
        Substitution("WO-1", 10, "STEEL", "STEEL-B", Decimal(20)),
        Substitution("WO-1", 10, "STEEL", "STEEL-C", Decimal(10)),
    )
    assert plan.waits == () and plan.shortages == ()


def test_shared_substitute_stock_is_given_once_by_due_date() -> None:
    # STEEL-B is WO-PRIMARY's own material and WO-SOON's substitute: its 60 on hand are one pool.
    plan = net(
        [
            line("WO-PRIMARY", "40", due_hours=30, material="STEEL-B", substitutes=()),
            line("WO-SOON", "50", due_hours=10),
        ],
        [
            stock("STEEL", "10"),
            stock("STEEL-B", "60"),
            lot("STEEL", "L-1", "200", 24),
            lot("STEEL-B", "B-1", "100", 48),
        ],
    )
    # WO-SOON (due first): 10 of STEEL and 40 of STEEL-B; WO-PRIMARY: the 20 of STEEL-B left, then B-1.
    assert plan.substitutions == (Substitution("WO-SOON", 10, "STEEL", "STEEL-B", Decimal(40)),)
    assert plan.release("WO-SOON", 10) is None
    assert plan.waits == (MaterialWait("WO-PRIMARY", 10, "STEEL-B", "B-1", NOW + timedelta(hours=48), "STEEL-B"),)
    assert plan.shortages == ()


def test_a_substitute_with_nothing_expected_is_linked_to_the_netting_through_the_line() -> None:
    # STEEL-B has nothing expected, but WO-SUB takes it in place of STEEL, which has: WO-B's need of
    # STEEL-B is netted too, so the 30 on hand are not counted for both.
    plan = net(
        [line("WO-SUB", "30", due_hours=5), line("WO-B", "30", due_hours=10, material="STEEL-B", substitutes=())],
        [stock("STEEL-B", "30"), lot("STEEL", "L-1", "0", 24)],
    )
    assert plan.substitutions == (Substitution("WO-SUB", 10, "STEEL", "STEEL-B", Decimal(30)),)
    assert plan.shortages == (Shortage("WO-B", 10, "STEEL-B", Decimal(30)),)


def test_the_earlier_expected_lot_is_waited_for_when_the_substitute_comes_later() -> None:
    plan = net(
        [line("WO-1", "100", due_hours=5)],
        [stock("STEEL", "20"), lot("STEEL-B", "B-1", "200", 72), lot("STEEL", "L-1", "200", 24)],
    )
    assert plan.waits == (MaterialWait("WO-1", 10, "STEEL", "L-1", NOW + timedelta(hours=24), "STEEL"),)
    assert plan.substitutions == ()


def test_a_substitute_lot_arriving_first_is_waited_for_and_named() -> None:
    plan = net(
        [line("WO-1", "100", due_hours=5), line("WO-2", "150", due_hours=8)],
        [stock("STEEL", "20"), lot("STEEL-B", "B-1", "100", 12), lot("STEEL", "L-1", "200", 24)],
    )
    # WO-1: 20 on hand and 80 of B-1 (12 h). WO-2: the 20 left of B-1, then 130 of L-1 (24 h).
    assert plan.waits == (
        MaterialWait("WO-1", 10, "STEEL", "B-1", NOW + timedelta(hours=12), "STEEL-B"),
        MaterialWait("WO-2", 10, "STEEL", "L-1", NOW + timedelta(hours=24), "STEEL"),
    )
    assert plan.waits[0].substitute and not plan.waits[1].substitute
    assert plan.substitutions == (
        Substitution("WO-1", 10, "STEEL", "STEEL-B", Decimal(80)),
        Substitution("WO-2", 10, "STEEL", "STEEL-B", Decimal(20)),
    )


def test_lots_arriving_together_go_to_the_material_before_its_substitute() -> None:
    plan = net(
        [line("WO-1", "50", due_hours=5)],
        [lot("STEEL-B", "A-1", "100", 12), lot("STEEL", "Z-1", "100", 12)],
    )
    assert plan.waits == (MaterialWait("WO-1", 10, "STEEL", "Z-1", NOW + timedelta(hours=12), "STEEL"),)
    assert plan.substitutions == ()


def test_when_neither_the_material_nor_its_substitutes_cover_the_need_it_is_short() -> None:
    plan = net(
        [line("WO-1", "100", due_hours=5, substitutes=("STEEL-B", "STEEL-C"))],
        [stock("STEEL", "10"), stock("STEEL-B", "20"), lot("STEEL-C", "C-1", "30", 6)],
    )
    assert plan.shortages == (Shortage("WO-1", 10, "STEEL", Decimal(40), ("STEEL-B", "STEEL-C")),)
    assert plan.waits == (MaterialWait("WO-1", 10, "STEEL", "C-1", NOW + timedelta(hours=6), "STEEL-C"),)
    assert plan.substitutions == (
        Substitution("WO-1", 10, "STEEL", "STEEL-B", Decimal(20)),
        Substitution("WO-1", 10, "STEEL", "STEEL-C", Decimal(30)),
    )
