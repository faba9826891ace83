"""Lots the ERP announced before they arrive: the scheduler's material release dates.

An announcement is kept in `expected_lots`, never in `lots`, so the floor cannot pick or scan what is
not here; the lot's arrival under the same number ends it (`arrived`, called by every receipt).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, select

from mes_terminal.db.records import ExpectedLot, Material
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import LOT_EXISTS, LOT_NOT_LOT_CONTROLLED
from mes_terminal.domain.errors import Conflict, InvalidState


def material_for_new_lot(uow: UnitOfWork, lot_number: str, material_code: str) -> Material:
    """The material of a lot about to be received or announced: lot-controlled, and the number not taken."""
    material = uow.products.material(material_code)
    if not material.lot_controlled:
        raise InvalidState(LOT_NOT_LOT_CONTROLLED.sentence(material=material.code), code=LOT_NOT_LOT_CONTROLLED)
    if uow.lots.exists(lot_number):
        raise Conflict(LOT_EXISTS.sentence(lot=lot_number), code=LOT_EXISTS)
    return material


def announce_lot(
    uow: UnitOfWork,
    *,
    lot_number: str,
    material_code: str,
    quantity: Decimal,
    expected_at: datetime,
    supplier_lot: str | None,
    at: datetime,
    by: str,
) -> str:
    """Record (or move) an expected lot and its event; "expected" when something changed, else "unchanged"."""
    material = material_for_new_lot(uow, lot_number, material_code)
    row = uow.session.execute(select(ExpectedLot).where(ExpectedLot.number == lot_number)).scalar_one_or_none()
    if row is not None and row.material_id != material.id:
        raise Conflict(LOT_EXISTS.sentence(lot=lot_number), code=LOT_EXISTS)
    if row is None:
        row = ExpectedLot(number=lot_number, material_id=material.id, announced_at=at)
        uow.session.add(row)
    elif (row.quantity, row.expected_at, row.supplier_lot) == (quantity, expected_at, supplier_lot):
        return "unchanged"
    row.quantity, row.expected_at, row.supplier_lot = quantity, expected_at, supplier_lot
    uow.session.flush()
    uow.events.add(
        "LotExpected",
        "lot",
        lot_number,
        material=material.code,
        quantity=quantity,
        unit=material.unit,
        expected_at=expected_at,
        supplier_lot=supplier_lot,
        by=by,
    )
    return "expected"


def arrived(uow: UnitOfWork, lot_number: str) -> None:
    """The lot is here: it is no longer expected."""
    uow.session.execute(delete(ExpectedLot).where(ExpectedLot.number == lot_number))
