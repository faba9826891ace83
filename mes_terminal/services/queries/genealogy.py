"""Genealogy by recursive SQL: every lot that went into a lot (backward) or came out of it (forward).

One recursive CTE walks the links on the database (the same statement on SQLite and PostgreSQL), then
one query fetches what a recall needs to know of every lot and link it reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, Integer, literal, null, select
from sqlalchemy.orm import aliased

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


@dataclass(frozen=True)
class TraceRow:
    """One lot reached by the walk, and the link that reached it (none for the lot traced)."""

    lot_id: int
    parent_id: int | None
    link_id: int | None
    depth: int
    lot: str
    material: str
    material_name: str
    unit: str
    status: str
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
    start = select(
        literal(root, Integer).label("lot_id"),
        null().cast(Integer).label("parent_id"),
        null().cast(Integer).label("link_id"),
        literal(0, Integer).label("depth"),
    ).cte("tree", recursive=True)
    tree = start.union_all(
        select(far.label("lot_id"), start.c.lot_id, GenealogyLink.id, start.c.depth + 1)
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
            Lot.status,
            Lot.quantity,
            Lot.expires_on,
            Lot.supplier_lot,
            WorkOrder.number,
            Material.is_product,
            GenealogyLink.quantity,
            WorkOrderOperation.seq,
            Workstation.code,
            User.name,
            GenealogyLink.created_at,
        )
        .select_from(tree)
        .join(Lot, Lot.id == tree.c.lot_id)
        .join(Material, Material.id == Lot.material_id)
        .outerjoin(produced_by, produced_by.id == Lot.produced_by_operation_id)
        .outerjoin(WorkOrder, WorkOrder.id == produced_by.work_order_id)
        .outerjoin(GenealogyLink, GenealogyLink.id == tree.c.link_id)
        .outerjoin(Consumption, Consumption.id == GenealogyLink.consumption_id)
        .outerjoin(WorkOrderOperation, WorkOrderOperation.id == Consumption.operation_id)
        .outerjoin(Workstation, Workstation.id == Consumption.workstation_id)
        .outerjoin(User, User.id == Consumption.user_id)
        .order_by(tree.c.depth, Lot.number)
    )
    return [TraceRow(*row) for row in connection.execute(query)]


def lots_with_supplier_lot(connection: Connection, supplier_lot: str) -> list[str]:
    return list(connection.scalars(select(Lot.number).where(Lot.supplier_lot == supplier_lot).order_by(Lot.number)))
