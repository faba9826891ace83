"""Material release dates: an operation whose material is still on its way starts when it may be used.

Netting as an MRP run does it, for the lot-controlled materials that have lots expected: what is on
hand goes first to the operations already running, then to the others by due date and priority;
each operation then draws from the expected lots in the order they arrive. The last lot it needs is
its release. Pure: rows in, waits and shortages out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from mes_terminal.services.queries.schedule import DemandRow, SupplyRow


@dataclass(frozen=True)
class MaterialWait:
    """An operation that cannot start before an expected lot may be used."""

    work_order: str
    operation: int
    material: str
    lot: str
    until: datetime


@dataclass(frozen=True)
class Shortage:
    """What an operation needs beyond everything on hand and expected: the plan cannot say when."""

    work_order: str
    operation: int
    material: str
    missing: Decimal


@dataclass(frozen=True)
class MaterialPlan:
    waits: tuple[MaterialWait, ...]
    shortages: tuple[Shortage, ...]

    def release(self, work_order: str, operation: int) -> datetime | None:
        """The latest moment the operation's material arrives; None when nothing holds it back."""
        found = [w.until for w in self.waits if (w.work_order, w.operation) == (work_order, operation)]
        return max(found, default=None)


@dataclass
class _Left:
    quantity: Decimal
    at: datetime | None  # None: on hand
    lot: str | None


def net(demands: Iterable[DemandRow], supply: Iterable[SupplyRow]) -> MaterialPlan:
    pools: dict[str, list[_Left]] = defaultdict(list)  # material -> what is left of it, on hand first
    for row in sorted(supply, key=lambda s: (s.at is not None, s.at or datetime.min, s.lot or "")):
        pools[row.material].append(_Left(row.quantity, row.at, row.lot))
    waits: list[MaterialWait] = []
    shortages: list[Shortage] = []
    order = sorted(demands, key=lambda d: (not d.active, d.due_at, -d.priority, d.work_order, d.seq, d.material))
    for demand in order:
        need, last = demand.quantity, None
        for left in pools[demand.material]:
            if need <= 0:
                break
            taken = min(need, left.quantity)
            if taken <= 0:
                continue
            left.quantity -= taken
            need -= taken
            if left.at is not None:
                last = left
        if last is not None and last.at is not None and last.lot is not None:
            waits.append(MaterialWait(demand.work_order, demand.seq, demand.material, last.lot, last.at))
        if need > 0:
            shortages.append(Shortage(demand.work_order, demand.seq, demand.material, need))
    return MaterialPlan(tuple(waits), tuple(shortages))
