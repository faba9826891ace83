"""Genealogy trees for recalls: what went into a lot, what came out of it, and which finished lots hold it."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine

from mes_terminal.db.jsonable import jsonable
from mes_terminal.domain.error_codes import UNKNOWN_LOT
from mes_terminal.domain.errors import InvalidInput, UnknownEntity
from mes_terminal.services.queries import genealogy
from mes_terminal.services.queries.genealogy import TraceRow

DEFAULT_DEPTH = 50
MAX_DEPTH = 1000


def trace(engine: Engine, lot: str, *, forward: bool = False, depth: int = DEFAULT_DEPTH) -> dict[str, Any]:
    """The tree of INTERFACES.md §3: nodes with their children (consumed lots backward, made lots forward)."""
    if not 1 <= depth <= MAX_DEPTH:
        raise InvalidInput(f"The depth must be between 1 and {MAX_DEPTH}, not {depth}.")
    with engine.connect() as connection:
        rows = genealogy.walk(connection, lot, forward=forward, depth=depth)
    return {"direction": "forward" if forward else "backward", "depth": depth, "tree": _tree(rows, forward=forward)}


def recall(engine: Engine, supplier_lot: str) -> dict[str, Any]:
    """Every finished lot that contains material of a supplier's lot, with quantities and where it was made."""
    with engine.connect() as connection:
        sources = genealogy.lots_with_supplier_lot(connection, supplier_lot)
        if not sources:
            raise UnknownEntity(f"No lot was received with the supplier lot {supplier_lot}.", code=UNKNOWN_LOT)
        finished: dict[str, dict[str, Any]] = {}
        for source in sources:
            rows = genealogy.walk(connection, source, forward=True, depth=DEFAULT_DEPTH)
            for leaf in _finished(rows):  # one row per link: a lot scanned twice reaches a product twice
                entry = finished.setdefault(leaf["lot"], {**leaf, "contains": []})
                if source not in entry["contains"]:
                    entry["contains"].append(source)
    return {
        "supplier_lot": supplier_lot,
        "received_lots": sources,
        "finished_lots": sorted(finished.values(), key=lambda lot: lot["lot"]),
    }


def _tree(rows: list[TraceRow], *, forward: bool) -> dict[str, Any]:
    # Below a node, one child per lot: a lot scanned twice into the same order is one child with the
    # summed quantity and both links. The walk repeats a lot's subtree once per link reaching it; the
    # link ids make those repeats one.
    children: dict[tuple[int, int], dict[int, dict[int, TraceRow]]] = defaultdict(dict)
    units = {row.lot_id: row.unit for row in rows}
    for row in rows:
        if row.parent_id is not None and row.link_id is not None:
            children[(row.parent_id, row.depth - 1)].setdefault(row.lot_id, {})[row.link_id] = row

    def consumed_unit(row: TraceRow) -> str:
        # Backward the lot reached is the one consumed; forward it is the lot it was made from.
        return units[row.parent_id] if forward and row.parent_id is not None else row.unit

    def node(links: list[TraceRow], ancestors: frozenset[int]) -> dict[str, Any]:
        row = links[0]
        out = _node(links, consumed_unit(row))
        if row.lot_id in ancestors:  # lots split and merged back into each other: stop, say so
            out["cycle"] = True
            return out
        below = ancestors | {row.lot_id}
        out["children"] = [node(_in_order(reached), below) for reached in children[(row.lot_id, row.depth)].values()]
        return out

    return node([rows[0]], frozenset())


def _in_order(links: dict[int, TraceRow]) -> list[TraceRow]:
    if len(links) == 1:
        return list(links.values())
    return sorted(links.values(), key=lambda row: (row.linked_at is None, row.linked_at, row.link_id))


def _node(links: list[TraceRow], unit: str) -> dict[str, Any]:
    """A lot and the links that reached it; `unit` is the consumed material's, the unit of every link."""
    # Built by hand rather than through jsonable(): a recall tree has thousands of nodes.
    row = links[0]
    linked = row.link_quantity is not None
    if not linked:  # the lot traced: what it holds
        quantity: Decimal | None = row.on_hand
    elif len(links) == 1:
        quantity = row.link_quantity
    else:
        quantity = sum((link.link_quantity or Decimal(0) for link in links), Decimal(0))
    return {
        "lot": row.lot,
        "material": row.material,
        "material_name": row.material_name,
        # Below the root: the summed quantity of its links, in the consumed material's unit; at the
        # root: what the lot holds.
        "quantity": _quantity(quantity),
        "unit": unit,
        "work_order": row.work_order,
        "status": row.status,
        "on_hand": _quantity(row.on_hand),
        "on_hand_unit": row.unit,
        "expires": None if row.expires is None else row.expires.isoformat(),
        "supplier_lot": row.supplier_lot,
        # The first link's; every link is in `links`.
        "operation": row.operation,
        "station": row.station,
        "operator": row.operator,
        "linked_at": None if row.linked_at is None else jsonable(row.linked_at),
        "links": [_link(link, unit) for link in links] if linked else [],
        "children": [],
    }


def _link(row: TraceRow, unit: str) -> dict[str, Any]:
    return {
        "linked_at": None if row.linked_at is None else jsonable(row.linked_at),
        "operation": row.operation,
        "station": row.station,
        "operator": row.operator,
        "quantity": _quantity(row.link_quantity),
        "unit": unit,
    }


def _quantity(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _finished(rows: list[TraceRow]) -> list[dict[str, Any]]:
    """Products reached going forward that nothing was made from yet: the lots a recall must find."""
    parents = {row.parent_id for row in rows if row.parent_id is not None}
    return [
        {
            "lot": row.lot,
            "material": row.material,
            "material_name": row.material_name,
            "unit": row.unit,  # of what the lot holds
            "work_order": row.work_order,
            "status": row.status,
            "on_hand": _quantity(row.on_hand),
            "expires": None if row.expires is None else row.expires.isoformat(),
            "supplier_lot": row.supplier_lot,
            "station": row.station,
            "linked_at": None if row.linked_at is None else jsonable(row.linked_at),
        }
        for row in rows
        if row.is_product and row.lot_id not in parents and row.depth > 0
    ]
