"""Material release dates: an operation whose material is still on its way starts when it may be used.

Netting as an MRP run does it, for the lot-controlled materials that have lots expected and everything
linked to them by BOM substitutes: operations already running are served first, then the others by
due date and priority. Each draws from what its BOM line accepts: what is on hand first (the line's
material, then its substitutes in the BOM's order), then the expected lots of all of them in the order
they arrive (at the same time, the line's material before a substitute). A substitute's stock is one
pool, whichever lines take it as their material or in its place. The last expected lot an operation
needs is its release. Pure: rows in, waits, substitutions and shortages out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cached_property

from mes_terminal.services.queries.schedule import DemandRow, SupplyRow


@dataclass(frozen=True)
class MaterialWait:
    """An operation that cannot start before an expected lot may be used.

    `material` is the BOM line's; `lot_material` the lot's, a substitute's when it covers the need.
    """

    work_order: str
    operation: int
    material: str
    lot: str
    until: datetime
    lot_material: str

    @property
    def substitute(self) -> bool:
        return self.lot_material != self.material


@dataclass(frozen=True)
class Substitution:
    """How much of a substitute an operation is planned to take in place of its BOM line's material."""

    work_order: str
    operation: int
    material: str
    substitute: str
    quantity: Decimal  # on hand and expected together


@dataclass(frozen=True)
class Shortage:
    """What an operation needs beyond everything on hand and expected: the plan cannot say when.

    `substitutes` are the line's substitutes, short too (nothing of them is left for it either).
    """

    work_order: str
    operation: int
    material: str
    missing: Decimal
    substitutes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MaterialPlan:
    waits: tuple[MaterialWait, ...]
    shortages: tuple[Shortage, ...]
    substitutions: tuple[Substitution, ...] = ()

    def release(self, work_order: str, operation: int) -> datetime | None:
        """The latest moment the operation's material arrives; None when nothing holds it back."""
        return self._releases.get((work_order, operation))

    @cached_property
    def _releases(self) -> dict[tuple[str, int], datetime]:
        latest: dict[tuple[str, int], datetime] = {}
        for wait in self.waits:
            key = (wait.work_order, wait.operation)
            latest[key] = max(wait.until, latest.get(key, wait.until))
        return latest


@dataclass
class _Left:
    material: str
    quantity: Decimal
    at: datetime | None  # None: on hand
    lot: str | None


def net(demands: Iterable[DemandRow], supply: Iterable[SupplyRow]) -> MaterialPlan:
    """Net what open operations need against stock on hand and lots expected.

    Only needs whose material or substitutes are linked (through substitutes, however indirectly) to a
    material with lots expected are netted: for the others the plan cannot know when more comes, so
    they neither wait nor are short. Each unit of supply is given once.
    """
    demands, supply = list(demands), list(supply)
    netted = _linked_to_expected(demands, {row.material for row in supply if row.at is not None})
    on_hand: dict[str, list[_Left]] = defaultdict(list)
    coming: dict[str, list[_Left]] = defaultdict(list)
    for row in sorted(supply, key=lambda s: (s.at is not None, s.at or datetime.min, s.lot or "")):
        (on_hand if row.at is None else coming)[row.material].append(_Left(row.material, row.quantity, row.at, row.lot))
    waits: list[MaterialWait] = []
    shortages: list[Shortage] = []
    substitutions: list[Substitution] = []
    order = sorted(demands, key=lambda d: (not d.active, d.due_at, -d.priority, d.work_order, d.seq, d.material))
    for demand in order:
        if demand.material not in netted:
            continue
        accepted = _accepted(demand)
        rank = {material: i for i, material in enumerate(accepted)}
        stock = [left for material in accepted for left in on_hand[material]]
        lots = sorted(
            (left for material in accepted for left in coming[material]),
            key=lambda left: (left.at, rank[left.material], left.lot or ""),
        )
        need, last = demand.quantity, None
        taken: dict[str, Decimal] = defaultdict(Decimal)
        for left in [*stock, *lots]:
            if need <= 0:
                break
            share = min(need, left.quantity)
            if share <= 0:
                continue
            left.quantity -= share
            need -= share
            taken[left.material] += share
            if left.at is not None:
                last = left
        if last is not None and last.at is not None and last.lot is not None:
            waits.append(MaterialWait(demand.work_order, demand.seq, demand.material, last.lot, last.at, last.material))
        substitutions.extend(
            Substitution(demand.work_order, demand.seq, demand.material, material, taken[material])
            for material in accepted[1:]
            if taken[material] > 0
        )
        if need > 0:
            shortages.append(Shortage(demand.work_order, demand.seq, demand.material, need, accepted[1:]))
    return MaterialPlan(tuple(waits), tuple(shortages), tuple(substitutions))


def _accepted(demand: DemandRow) -> tuple[str, ...]:
    """The line's material, then its substitutes in the BOM's order, each once."""
    return tuple(dict.fromkeys((demand.material, *demand.substitutes)))


def _linked_to_expected(demands: Sequence[DemandRow], expected: set[str]) -> set[str]:
    """The materials sharing a BOM line, directly or through others, with a material that has lots expected."""
    parent: dict[str, str] = {}

    def root(material: str) -> str:
        parent.setdefault(material, material)
        while parent[material] != material:
            parent[material] = parent[parent[material]]
            material = parent[material]
        return material

    for demand in demands:
        first, *others = _accepted(demand)
        for other in others:
            parent[root(other)] = root(first)
    linked = {root(material) for material in expected}
    return {material for material in list(parent) + list(expected) if root(material) in linked}
