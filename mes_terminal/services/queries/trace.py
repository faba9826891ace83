"""Genealogy trees for recalls: what went into a lot, what came out of it, and which finished lots hold it."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine

from mes_terminal.db.jsonable import jsonable
from mes_terminal.domain.error_codes import UNKNOWN_LOT
from mes_terminal.domain.errors import InvalidInput, UnknownEntity
from mes_terminal.services.queries import genealogy
from mes_terminal.services.queries.genealogy import TraceRow
from mes_terminal.services.queries.read_only import read_connection

DEFAULT_DEPTH = 50
MAX_DEPTH = 1000


def trace(engine: Engine, lot: str, *, forward: bool = False, depth: int = DEFAULT_DEPTH) -> dict[str, Any]:
    """The tree of INTERFACES.md §3: nodes with their children (consumed lots backward, made lots forward)."""
    if not 1 <= depth <= MAX_DEPTH:
        raise InvalidInput(f"The depth must be between 1 and {MAX_DEPTH}, not {depth}.")
    with read_connection(engine) as connection:  # a read: no write lock on SQLite
        rows = genealogy.walk(connection, lot, forward=forward, depth=depth)
    return {"direction": "forward" if forward else "backward", "depth": depth, "tree": _tree(rows, forward=forward)}


def recall(engine: Engine, supplier_lot: str) -> dict[str, Any]:
    """Every finished lot that contains material of a supplier's lot, with quantities and where it was made."""
    with read_connection(engine) as connection:
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
    # summed quantity and both links. The walk repeats a lot's subtree once per link reaching it; a
    # link id seen twice under the same parent is such a repeat.
    children: dict[tuple[int, int], dict[int, list[TraceRow]]] = {}
    for row in rows:
        if row.parent_id is None or row.link_id is None:
            continue
        key = (row.parent_id, row.depth - 1)
        below = children.get(key)
        if below is None:
            children[key] = {row.lot_id: [row]}
            continue
        links = below.get(row.lot_id)
        if links is None:
            below[row.lot_id] = [row]
        elif all(link.link_id != row.link_id for link in links):
            links.append(row)
    # Backward the lot reached is the one consumed; forward it is the one it was made from.
    units = {row.lot_id: row.unit for row in rows} if forward else None
    none: dict[int, list[TraceRow]] = {}

    ancestors: set[int] = set()  # the lots on the way down to the node being built

    def node(links: list[TraceRow]) -> dict[str, Any]:
        row = links[0]
        unit = units[row.parent_id] if units is not None and row.parent_id is not None else row.unit
        out = _node(links, unit)
        lot_id = row.lot_id
        if lot_id in ancestors:  # lots split and merged back into each other: stop, say so
            out["cycle"] = True
            return out
        ancestors.add(lot_id)
        out["children"] = [node(reached) for reached in children.get((lot_id, row.depth), none).values()]
        ancestors.remove(lot_id)
        return out

    return node([rows[0]])


def _node(links: list[TraceRow], unit: str) -> dict[str, Any]:
    """A lot and the links that reached it; `unit` is the consumed material's, the unit of every link."""
    # Built by hand rather than through jsonable(): a recall tree has thousands of nodes.
    if len(links) > 1:
        links = sorted(links, key=lambda link: (link.linked_at is None, link.linked_at, link.link_id))
    row = links[0]
    when = _when(row.linked_at)
    if row.link_id is None:  # the lot traced: what it holds
        quantity = _quantity(row.on_hand)
        reached: list[dict[str, Any]] = []
    elif len(links) == 1:
        quantity = _quantity(row.link_quantity)
        reached = [
            {
                "linked_at": when,
                "operation": row.operation,
                "station": row.station,
                "operator": row.operator,
                "quantity": quantity,
                "unit": unit,
            }
        ]
    else:
        quantity = _quantity(sum((link.link_quantity or Decimal(0) for link in links), Decimal(0)))
        reached = [_link(link, unit, _quantity(link.link_quantity), _when(link.linked_at)) for link in links]
    return {
        "lot": row.lot,
        "material": row.material,
        "material_name": row.material_name,
        # Below the root: the summed quantity of its links, in the consumed material's unit; at the
        # root: what the lot holds.
        "quantity": quantity,
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
        "linked_at": when,
        "links": reached,
        "children": [],
    }


def _link(row: TraceRow, unit: str, quantity: str | None, when: str | None) -> dict[str, Any]:
    return {
        "linked_at": when,
        "operation": row.operation,
        "station": row.station,
        "operator": row.operator,
        "quantity": quantity,
        "unit": unit,
    }


def _when(moment: datetime | None) -> str | None:
    # What jsonable() makes of a time, without its chain of type tests (a tree has thousands).
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def _quantity(value: Decimal | None) -> str | None:
    """What jsonable() makes of a quantity (3.500000 reads 3.5), by trimming the text: twice as fast."""
    if value is None:
        return None
    text = str(value)
    if "E" in text:  # an exponent (not what a NUMERIC column returns): the general way
        return format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


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
