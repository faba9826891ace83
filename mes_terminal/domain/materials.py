"""Rules for material lots: what may be used, how much the bill of materials asks for, which lot first.

Pure functions over small value objects, so the Materials panel (before a scan) and the handlers (at
the scan) decide with the same rule and say the same sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.execution import format_quantity as _n
from mes_terminal.domain.sentences import Sentence, joined
from mes_terminal.domain.statuses import LotStatus


class Picking(StrEnum):
    FEFO = "fefo"  # first expiring, first out
    FIFO = "fifo"  # first received, first out


class PickingRule(StrEnum):
    WARN = "warn"
    BLOCK = "block"


@dataclass(frozen=True)
class LotFacts:
    number: str
    material: str
    unit: str
    status: str
    quantity: Decimal
    expires_on: date | None
    received_at: datetime


@dataclass(frozen=True)
class BomNeed:
    """One line of the bill of materials as it stands for one operation of one work order."""

    material: str
    name: str
    unit: str
    quantity_per: Decimal
    substitutes: tuple[str, ...]
    backflush: bool
    consumed: Decimal  # net of returns, over the line's material and its substitutes
    # Floor stock (screws from a bin) is not tracked by lot: never scanned, never short, never backflushed.
    lot_controlled: bool = True

    def accepts(self, material: str) -> bool:
        return material == self.material or material in self.substitutes

    def required(self, quantity: Decimal) -> Decimal:
        return self.quantity_per * quantity

    def outstanding(self, quantity: Decimal) -> Decimal:
        """What is still to be taken for `quantity` units of the product."""
        return max(self.required(quantity) - self.consumed, Decimal(0))


_UNUSABLE = {
    LotStatus.ON_HOLD: lambda lot: Sentence("Lot {lot} is on hold; it cannot be used.", lot=lot),
    LotStatus.QUARANTINED: lambda lot: Sentence("Lot {lot} is in quarantine; it cannot be used.", lot=lot),
    LotStatus.CONSUMED: lambda lot: Sentence("Lot {lot} is used up; it cannot be used.", lot=lot),
    LotStatus.SCRAPPED: lambda lot: Sentence("Lot {lot} is scrapped; it cannot be used.", lot=lot),
}


def check_usable(lot: LotFacts, today: date) -> None:
    """A lot can be taken from: available, not expired, not empty."""
    if lot.status in _UNUSABLE:
        raise InvalidState(
            _UNUSABLE[lot.status](lot.number),
            code=f"lot.{lot.status}",
        )
    if lot.expires_on is not None and lot.expires_on < today:
        raise InvalidState(
            Sentence(
                "Lot {lot} expired on {date}; it cannot be used.",
                lot=lot.number,
                date=lot.expires_on.isoformat(),
            ),
            code="lot.expired",
        )
    if lot.quantity <= 0:
        raise InvalidState(Sentence("Lot {lot} is empty.", lot=lot.number), code="lot.empty")


def check_enough(lot: LotFacts, quantity: Decimal) -> None:
    if quantity > lot.quantity:
        raise InvalidState(
            Sentence(
                "Lot {lot} holds only {quantity} {unit}; {quantity2} {unit} cannot be taken.",
                lot=lot.number,
                quantity=_n(lot.quantity),
                unit=lot.unit,
                quantity2=_n(quantity),
            ),
            code="lot.not_enough",
        )


def bom_line_for(lot: LotFacts, lines: Sequence[BomNeed], work_order: str, seq: int) -> BomNeed:
    """The BOM line this lot's material is for at this operation, or a refusal naming what is wanted."""
    for line in lines:
        if line.accepts(lot.material):
            return line
    if not lines:
        raise InvalidState(
            Sentence(
                "{work_order} operation {operation} takes no material; lot {lot} ({material}) is not needed here.",
                work_order=work_order,
                operation=seq,
                lot=lot.number,
                material=lot.material,
            ),
            code="lot.not_on_bom",
        )
    wanted = ", ".join(line.material for line in lines)
    raise InvalidState(
        Sentence(
            "Lot {lot} is {material}, which is not on the bill of materials of {work_order} operation {operation} (it "
            "needs {wanted}).",
            lot=lot.number,
            material=lot.material,
            work_order=work_order,
            operation=seq,
            wanted=wanted,
        ),
        code="lot.not_on_bom",
    )


def default_quantity(line: BomNeed, reported: Decimal, planned: Decimal, lot: LotFacts) -> Decimal:
    """What a scan takes when nobody types a quantity.

    What the bill of materials still needs for the quantity reported so far; when that is already
    covered (typically before the first count), what the rest of the planned quantity needs. Never more
    than the lot holds.
    """
    need = line.outstanding(reported)
    if need <= 0:
        need = line.outstanding(max(planned, reported))
    if need <= 0:
        raise InvalidState(
            Sentence(
                "{material} is already covered for this job; type a quantity to take more.", material=line.material
            ),
            code="lot.not_needed",
        )
    return min(need, lot.quantity)


def first_choice(lot: LotFacts, candidates: Sequence[LotFacts], picking: Picking) -> LotFacts | None:
    """The lot that should be used before `lot` under the picking rule, if there is one."""
    ahead = [c for c in candidates if c.number != lot.number and _sort_key(c, picking) < _sort_key(lot, picking)]
    return min(ahead, key=lambda c: _sort_key(c, picking)) if ahead else None


def picking_sentence(lot: LotFacts, first: LotFacts, picking: Picking) -> str:
    if picking == Picking.FEFO and first.expires_on is not None:
        return (
            f"Lot {first.number} expires sooner ({first.expires_on.isoformat()}) and should be used "
            f"before lot {lot.number}."
        )
    return f"Lot {first.number} was received earlier and should be used before lot {lot.number}."


def pick_lots(candidates: Sequence[LotFacts], quantity: Decimal, picking: Picking) -> list[tuple[LotFacts, Decimal]]:
    """Lots to take `quantity` from, in picking order (for backflush); empty when they hold too little."""
    taken: list[tuple[LotFacts, Decimal]] = []
    left = quantity
    for lot in sorted(candidates, key=lambda c: _sort_key(c, picking)):
        if left <= 0:
            break
        take = min(lot.quantity, left)
        if take > 0:
            taken.append((lot, take))
            left -= take
    return taken if left <= 0 else []


def _sort_key(lot: LotFacts, picking: Picking) -> tuple[date, datetime, str]:
    # Lots without an expiry go after those with one under FEFO; ties go to the older lot.
    expiry = lot.expires_on or date.max if picking == Picking.FEFO else date.min
    return (expiry, lot.received_at, lot.number)


class MaterialState(StrEnum):
    READY = "ready"  # taken already, or usable lots on hand cover what is still to be taken
    SHORT = "short"  # usable lots hold some, not enough
    MISSING = "missing"  # no usable lot at all


def line_state(line: BomNeed, quantity: Decimal, on_hand: Decimal) -> tuple[MaterialState, Decimal]:
    """A BOM line's state for making `quantity` units, and what is still to be taken for them."""
    if not line.lot_controlled:
        return MaterialState.READY, Decimal(0)
    remaining = line.outstanding(quantity)
    if remaining <= 0 or on_hand >= remaining:
        return MaterialState.READY, remaining
    return (MaterialState.SHORT if on_hand > 0 else MaterialState.MISSING), remaining


def shortage(lines: Sequence[tuple[BomNeed, Decimal]], quantity: Decimal) -> Sentence | None:
    """The dispatch list's sentence when usable stock does not cover the job, else None."""
    short = []
    for line, on_hand in lines:
        state, remaining = line_state(line, quantity, on_hand)
        if state != MaterialState.READY:
            short.append(
                Sentence(
                    "{material} needs {quantity} {unit}, {on_hand} {unit} usable on hand",
                    material=line.material,
                    quantity=_n(remaining),
                    unit=line.unit,
                    on_hand=_n(on_hand),
                )
            )
    if not short:
        return None
    return Sentence("Material short: {lines}.", lines=joined(short, "; "))
