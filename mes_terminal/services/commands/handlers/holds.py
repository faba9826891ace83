"""Hold records of lots: who held a lot, when, why and for which nonconformance; closed when released.

`HoldLot`/`ReleaseLot` (handlers/material.py) and the quality handlers share these steps, so that every
hold, whoever placed it, is one open `Hold` row until it is released.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from mes_terminal.db.records import Hold, Lot, Nonconformance
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import LOT_HELD_FOR_NONCONFORMANCE, LOT_UNUSABLE
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.statuses import LotStatus, can_move, spoken


def record_hold(
    uow: UnitOfWork, lot: Lot, placed_by: int, reason: str, at: datetime, nonconformance_id: int | None = None
) -> Hold:
    hold = Hold(lot_id=lot.id, nonconformance_id=nonconformance_id, reason=reason, placed_by_id=placed_by, placed_at=at)
    uow.session.add(hold)
    return hold


def hold_for_quality(
    uow: UnitOfWork, lot: Lot, placed_by: int, by_name: str, reason: str, at: datetime, nonconformance: Nonconformance
) -> bool:
    """Put `lot` on hold for a nonconformance; True when it was held now (False: it was held already)."""
    held_now = can_move(lot.status, LotStatus.ON_HOLD)
    if not held_now and lot.status != LotStatus.ON_HOLD:  # a held lot takes one more hold
        raise InvalidState(
            f"Lot {lot.number} is {spoken(lot.status)}; only an available lot can be held.",
            code=LOT_UNUSABLE[lot.status],
        )
    record_hold(uow, lot, placed_by, reason, at, nonconformance.id)
    lot.status = LotStatus.ON_HOLD
    uow.events.add("LotHeld", "lot", lot.number, reason=reason, by=by_name, nonconformance=nonconformance.number)
    return held_now


def open_holds(uow: UnitOfWork, lot: Lot) -> list[Hold]:
    return list(
        uow.session.scalars(
            select(Hold).where(Hold.lot_id == lot.id, Hold.released_at.is_(None)).order_by(Hold.placed_at, Hold.id)
        )
    )


def close_holds(uow: UnitOfWork, lot: Lot, released_by: int, at: datetime) -> None:
    """Close the lot's open holds for a plain release; a hold for an open nonconformance stays.

    Raises `InvalidState` naming the nonconformance: its signed disposition is what releases the lot.
    """
    holds = open_holds(uow, lot)
    pending = [h for h in holds if h.nonconformance_id is not None]
    for hold in pending:
        nc = uow.session.get_one(Nonconformance, hold.nonconformance_id)
        if nc.status == "open":
            raise InvalidState(
                LOT_HELD_FOR_NONCONFORMANCE.sentence(lot=lot.number, nc=nc.number),
                code=LOT_HELD_FOR_NONCONFORMANCE,
            )
    for hold in holds:
        _close(hold, released_by, at)


def release_for_nonconformance(
    uow: UnitOfWork, lot: Lot, nonconformance_id: int, released_by: int, at: datetime
) -> bool:
    """Close the holds of one nonconformance; the lot is free again when no other hold remains. True if freed."""
    holds = open_holds(uow, lot)
    for hold in holds:
        if hold.nonconformance_id == nonconformance_id:
            _close(hold, released_by, at)
    if any(h.released_at is None for h in holds) or lot.status != LotStatus.ON_HOLD:
        return False
    lot.status = released_status(lot)
    return True


def released_status(lot: Lot) -> LotStatus:
    """What a lot becomes when its last hold goes: available, or consumed when nothing is left in it."""
    return LotStatus.AVAILABLE if lot.quantity > 0 else LotStatus.CONSUMED


def _close(hold: Hold, released_by: int, at: datetime) -> None:
    hold.released_by_id = released_by
    hold.released_at = max(at, hold.placed_at)
