"""Genealogy by recursive SQL: every lot that went into a lot (backward) or came out of it (forward).

One statement: a recursive CTE walks the links on the database (the same on SQLite and PostgreSQL),
carrying each link's quantity, time and consumption, and the query around it adds what a recall needs
to know of every lot it reached.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import Connection, Integer, String, literal, null, select, type_coerce
from sqlalchemy.orm import aliased

from mes_terminal.db.base import QUANTITY, UtcDateTime
from mes_terminal.db.records import (
    Consumption,
    GenealogyLink,
    Lot,
    Material,
    User,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.error_codes import UNKNOWN_LOT
from mes_terminal.domain.errors import UnknownEntity


class TraceRow(NamedTuple):
    """One lot reached by the walk, and the link that reached it (none for the lot traced).

    A tuple rather than a dataclass: a recall walk makes thousands, and a tuple is made in one step."""

    lot_id: int
    parent_id: int | None
    link_id: int | None
    depth: int
    lot: str
    material: str
    material_name: str
    unit: str
    status: str  # a lot status's value
    on_hand: Decimal
    expires: date | None
    supplier_lot: str | None
    work_order: str | None  # the order that produced the lot
    is_product: bool
    link_quantity: Decimal | None
    operation: int | None  # where the link was made (a consumption); none for a split or merge
    station: str | None
    operator: str | None
    linked_at: datetime | None


def walk(connection: Connection, lot_number: str, *, forward: bool, depth: int) -> list[TraceRow]:
    """The lots reached from `lot_number` in breadth-first order, at most `depth` links away."""
    root = connection.execute(select(Lot.id).where(Lot.number == lot_number)).scalar_one_or_none()
    if root is None:
        raise UnknownEntity(UNKNOWN_LOT.sentence(number=lot_number), code=UNKNOWN_LOT)
    near, far = (
        (GenealogyLink.consumed_lot_id, GenealogyLink.produced_lot_id)
        if forward
        else (GenealogyLink.produced_lot_id, GenealogyLink.consumed_lot_id)
    )
    # The walk carries what the answer needs of each link: the link is read once, where the walk
    # finds it, not looked up again by its id for every lot reached.
    start = select(
        literal(root, Integer).label("lot_id"),
        null().cast(Integer).label("parent_id"),
        null().cast(Integer).label("link_id"),
        literal(0, Integer).label("depth"),
        null().cast(QUANTITY).label("quantity"),
        null().cast(UtcDateTime()).label("linked_at"),
        null().cast(Integer).label("consumption_id"),
    ).cte("tree", recursive=True)
    tree = start.union_all(
        select(
            far.label("lot_id"),
            start.c.lot_id,
            GenealogyLink.id,
            start.c.depth + 1,
            GenealogyLink.quantity,
            GenealogyLink.created_at,
            GenealogyLink.consumption_id,
        )
        .join(start, near == start.c.lot_id)
        .where(start.c.depth < depth)
    )
    produced_by = aliased(WorkOrderOperation)
    query = (
        select(
            tree.c.lot_id,
            tree.c.parent_id,
            tree.c.link_id,
            tree.c.depth,
            Lot.number,
            Material.code,
            Material.name,
            Material.unit,
            type_coerce(Lot.status, String),  # the text: an enum member a node costs more, and reads the same
            Lot.quantity,
            Lot.expires_on,
            Lot.supplier_lot,
            WorkOrder.number,
            Material.is_product,
            tree.c.quantity,
            WorkOrderOperation.seq,
            Workstation.code,
            User.name,
            tree.c.linked_at,
        )
        .select_from(tree)
        .join(Lot, Lot.id == tree.c.lot_id)
        .join(Material, Material.id == Lot.material_id)
        .outerjoin(produced_by, produced_by.id == Lot.produced_by_operation_id)
        .outerjoin(WorkOrder, WorkOrder.id == produced_by.work_order_id)
        .outerjoin(Consumption, Consumption.id == tree.c.consumption_id)
        .outerjoin(WorkOrderOperation, WorkOrderOperation.id == Consumption.operation_id)
        .outerjoin(Workstation, Workstation.id == Consumption.workstation_id)
        .outerjoin(User, User.id == Consumption.user_id)
        .order_by(tree.c.depth, Lot.number)
    )
    return list(map(TraceRow._make, connection.execute(query).all()))  # all(): one fetch, not one per row


def lots_with_supplier_lot(connection: Connection, supplier_lot: str) -> list[str]:
    return list(connection.scalars(select(Lot.number).where(Lot.supplier_lot == supplier_lot).order_by(Lot.number)))
