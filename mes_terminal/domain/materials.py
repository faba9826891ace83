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

from mes_terminal.domain.error_codes import (
    JOB_MATERIAL_NOT_TAKEN,
    LOT_EMPTY,
    LOT_EXPIRED,
    LOT_NOT_ENOUGH,
    LOT_NOT_NEEDED,
    LOT_NOT_ON_BOM,
    LOT_UNUSABLE,
)
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.execution import format_quantity as _n
from mes_terminal.domain.sentences import Sentence, joined


class Picking(StrEnum):
    FEFO = "fefo"  # first expiring, first out
    FIFO = "fifo"  # first received, first out


class PickingRule(StrEnum):
    WARN = "warn"
    BLOCK = "block"


class LotEntry(StrEnum):
    """How a lot number reached a consumption: read off its label by a scanner, or keyed in by hand (a torn
    label). Recorded on the LotConsumed event, so that a recall can weigh a keyed number."""

    SCANNED = "scanned"
    KEYED = "keyed"


class MaterialCheck(StrEnum):
    """The site's `material_check`: what a count or completion needing material not yet taken does."""

    WARN = "warn"  # goes through, with an amber banner and a ReportedWithoutMaterial exception
    BLOCK = "block"  # refused, naming the material and the missing quantity


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


def check_usable(lot: LotFacts, today: date) -> None:
    """A lot can be taken from: available, not expired, not empty."""
    unusable = LOT_UNUSABLE.get(lot.status)
    if unusable is not None:
        raise InvalidState(unusable.sentence(lot=lot.number), code=unusable)
    if lot.expires_on is not None and lot.expires_on < today:
        raise InvalidState(
            LOT_EXPIRED.sentence(
                lot=lot.number,
                date=lot.expires_on.isoformat(),
            ),
            code=LOT_EXPIRED,
        )
    if lot.quantity <= 0:
        raise InvalidState(LOT_EMPTY.sentence(lot=lot.number), code=LOT_EMPTY)


def check_enough(lot: LotFacts, quantity: Decimal) -> None:
    if quantity > lot.quantity:
        raise InvalidState(
            LOT_NOT_ENOUGH.sentence(
                lot=lot.number,
                quantity=_n(lot.quantity),
                unit=lot.unit,
                quantity2=_n(quantity),
            ),
            code=LOT_NOT_ENOUGH,
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
            code=LOT_NOT_ON_BOM,
        )
    wanted = ", ".join(line.material for line in lines)
    raise InvalidState(
        LOT_NOT_ON_BOM.sentence(
            lot=lot.number,
            material=lot.material,
            work_order=work_order,
            operation=seq,
            wanted=wanted,
        ),
        code=LOT_NOT_ON_BOM,
    )


def default_quantity(line: BomNeed, reported: Decimal, planned: Decimal, lot: LotFacts) -> Decimal:
    """What a scan takes when nobody types a quantity: what the job still needs for its planned quantity
    (or for what was reported, when more was), never more than the lot holds."""
    need = line.outstanding(max(planned, reported))
    if need <= 0:
        raise InvalidState(
            LOT_NOT_NEEDED.sentence(material=line.material),
            code=LOT_NOT_NEEDED,
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


class Coverage(StrEnum):
    """A BOM line of a running job on the Materials panel: has what was taken kept up with the work?"""

    TO_SCAN = "to_scan"  # what is reported is covered, more is to be taken for the planned quantity
    COVERED = "covered"  # what was taken covers the planned quantity
    SHORT = "short"  # less was taken than what is reported needs
    FLOOR_STOCK = "floor_stock"  # not scanned: floor stock, or backflushed at completion


@dataclass(frozen=True)
class LineCoverage:
    line: BomNeed
    needed: Decimal  # for what is reported so far
    taken: Decimal  # net of returns, substitutes included
    left: Decimal  # still to be taken for the planned quantity
    state: Coverage


def coverage(line: BomNeed, reported: Decimal, planned: Decimal) -> LineCoverage:
    """Where a BOM line stands for a job with `reported` units reported of `planned`."""
    needed = line.required(reported)
    left = line.outstanding(max(planned, reported))
    if not line.lot_controlled or line.backflush:
        state = Coverage.FLOOR_STOCK
    elif line.consumed < needed:
        state = Coverage.SHORT
    elif left > 0:
        state = Coverage.TO_SCAN
    else:
        state = Coverage.COVERED
    return LineCoverage(line, needed, line.consumed, left, state)


@dataclass(frozen=True)
class Missing:
    """A lot-controlled BOM line that reported work needs more of than the job has taken."""

    material: str
    unit: str
    needed: Decimal
    taken: Decimal

    @property
    def quantity(self) -> Decimal:
        return self.needed - self.taken

    @property
    def sentence(self) -> Sentence:
        return Sentence(
            "{material} {missing} {unit} missing ({taken} of {needed} {unit} taken)",
            material=self.material,
            missing=_n(self.quantity),
            unit=self.unit,
            taken=_n(self.taken),
            needed=_n(self.needed),
        )


def not_taken(lines: Sequence[BomNeed], reported: Decimal) -> list[Missing]:
    """The scanned lines (lot-controlled, not backflushed) that `reported` units need more of than was taken.

    Backflushed lines are left out: completion takes them, or refuses when stock does not cover them.
    """
    return [
        Missing(line.material, line.unit, line.required(reported), line.consumed)
        for line in lines
        if line.lot_controlled and not line.backflush and line.consumed < line.required(reported)
    ]


def check_taken(
    job: Sentence, missing: Sequence[Missing], reported: Decimal, unit: str, rule: MaterialCheck
) -> Sentence | None:
    """The site's material check for `reported` units: refuse under `block`, else the warning (None: all taken)."""
    if not missing:
        return None
    lines = joined([m.sentence for m in missing], "; ")
    if rule == MaterialCheck.BLOCK:
        raise InvalidState(
            JOB_MATERIAL_NOT_TAKEN.sentence(job=job, reported=_n(reported), unit=unit, missing=lines),
            code=JOB_MATERIAL_NOT_TAKEN,
        )
    return Sentence(
        "Reported without material: {job} has not taken the material for {reported} {unit}: {missing}.",
        job=job,
        reported=_n(reported),
        unit=unit,
        missing=lines,
    )
