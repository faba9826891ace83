"""Material release dates by netting (services/planning/material.py): rows in, waits and shortages out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from mes_terminal.services.planning.material import MaterialWait, Shortage, net
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
    assert plan.waits == (MaterialWait("WO-LATE", 10, "STEEL", "L-2", NOW + timedelta(hours=48)),)
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
    plan = net([need("WO-1", "150", due_hours=5), other], [ON_HAND, coming("L-1", "20", 12)])
    assert plan.waits == (MaterialWait("WO-1", 10, "STEEL", "L-1", NOW + timedelta(hours=12)),)
    steel, paint = Shortage("WO-1", 10, "STEEL", Decimal(30)), Shortage("WO-1", 20, "PAINT", Decimal(5))
    assert set(plan.shortages) == {steel, paint}
