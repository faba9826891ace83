"""What the terminal shows of material: BOM lines of operations with what was taken and what is on hand.

A handful of set-based queries for a whole dispatch list at once (lines, substitutes, usable stock,
consumption), put together in Python: no query per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, func, or_, select

from mes_terminal.db.records import BomLine, BomSubstitute, Consumption, Lot, Material
from mes_terminal.domain.materials import BomNeed
from mes_terminal.domain.statuses import LotStatus


@dataclass(frozen=True)
class OperationRef:
    operation_id: int
    product_id: int
    seq: int


def bom_with_stock(
    connection: Connection, operations: Iterable[OperationRef], today: date
) -> dict[int, list[tuple[BomNeed, Decimal]]]:
    """For each operation id: its BOM lines as they stand, each with the usable quantity on hand."""
    operations = list(operations)
    if not operations:
        return {}
    products = {op.product_id for op in operations}
    lines = connection.execute(
        select(
            BomLine.id,
            BomLine.product_id,
            BomLine.operation_seq,
            BomLine.component_id,
            BomLine.quantity_per,
            BomLine.backflush,
            Material.code,
            Material.name,
            Material.unit,
            Material.lot_controlled,
        )
        .join(Material, Material.id == BomLine.component_id)
        .where(BomLine.product_id.in_(products))
        .order_by(Material.code)
    ).all()
    if not lines:
        return {op.operation_id: [] for op in operations}
    substitutes: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for line_id, material_id, code in connection.execute(
        select(BomSubstitute.bom_line_id, Material.id, Material.code)
        .join(Material, Material.id == BomSubstitute.material_id)
        .where(BomSubstitute.bom_line_id.in_([line.id for line in lines]))
    ):
        substitutes[line_id].append((material_id, code))
    materials = {line.component_id for line in lines} | {m for subs in substitutes.values() for m, _ in subs}
    on_hand = _usable_stock(connection, materials, today)
    consumed = _consumed(connection, [op.operation_id for op in operations])

    result: dict[int, list[tuple[BomNeed, Decimal]]] = {}
    for op in operations:
        rows = []
        for line in lines:
            if (line.product_id, line.operation_seq) != (op.product_id, op.seq):
                continue
            ids = [line.component_id, *(m for m, _ in substitutes[line.id])]
            need = BomNeed(
                material=line.code,
                name=line.name,
                unit=line.unit,
                quantity_per=line.quantity_per,
                substitutes=tuple(sorted(code for _, code in substitutes[line.id])),
                backflush=line.backflush,
                consumed=sum((consumed.get((op.operation_id, m), Decimal(0)) for m in ids), Decimal(0)),
                lot_controlled=line.lot_controlled,
            )
            rows.append((need, sum((on_hand.get(m, Decimal(0)) for m in ids), Decimal(0))))
        result[op.operation_id] = rows
    return result


def _usable_stock(connection: Connection, material_ids: set[int], today: date) -> dict[int, Decimal]:
    rows = connection.execute(
        select(Lot.material_id, func.sum(Lot.quantity))
        .where(
            Lot.material_id.in_(material_ids),
            Lot.status == LotStatus.AVAILABLE,
            Lot.quantity > 0,
            or_(Lot.expires_on.is_(None), Lot.expires_on >= today),
        )
        .group_by(Lot.material_id)
    )
    return {material_id: Decimal(total) for material_id, total in rows}


def _consumed(connection: Connection, operation_ids: list[int]) -> dict[tuple[int, int], Decimal]:
    rows = connection.execute(
        select(
            Consumption.operation_id, Lot.material_id, func.sum(Consumption.quantity - Consumption.returned_quantity)
        )
        .join(Lot, Lot.id == Consumption.lot_id)
        .where(Consumption.operation_id.in_(operation_ids))
        .group_by(Consumption.operation_id, Lot.material_id)
    )
    return {(operation_id, material_id): Decimal(total) for operation_id, material_id, total in rows}


def lot_number_if_exists(connection: Connection, number: str) -> str | None:
    """`number` if a lot has it, else None: a bare code scanned or typed names a lot only then."""
    return connection.scalar(select(Lot.number).where(Lot.number == number))
