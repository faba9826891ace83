"""A station's dispatch list with each operation's readiness verdict: the one owner of what a list says.

The terminal's list and the console's Dispatch tab both come from `station_dispatch`, so an order on
hold cannot read "ready" on one screen while the other (and Start) refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection

from mes_terminal.domain.clock import site_date
from mes_terminal.domain.execution import OperationFacts, PreviousOperation, StartWhen, available
from mes_terminal.domain.materials import MaterialCheck
from mes_terminal.domain.readiness import Qualification, SiteRules, readiness
from mes_terminal.services.queries import checklists as quality
from mes_terminal.services.queries import materials as mq
from mes_terminal.services.queries import station as q
from mes_terminal.services.queries.station_views import DispatchItem, ReasonItem


@dataclass(frozen=True)
class DispatchLine:
    """One operation of the list: the terminal's item, and what the console adds around it."""

    item: DispatchItem
    order_status: str
    assigned_to: str | None  # the station the operation is assigned to (or runs at); None: open
    routing_operation_id: int | None


def station_dispatch(connection: Connection, code: str, now: datetime) -> list[DispatchLine]:
    """The station's open operations in dispatch order, each with the verdict `domain.readiness` gives.

    Qualifications are those of the people signed in at the station now, as on the terminal.
    Raises `UnknownEntity` for an unknown station.
    """
    info = q.station(connection, code)
    site = q.site_rules(connection, info["id"])
    rows = q.dispatch_list(connection, info["id"])
    today = site_date(now, site["timezone"])
    materials = mq.bom_with_stock(connection, [_operation_ref(row) for row in rows], today)
    at_start = quality.checks_at_start(connection, [row["operation_id"] for row in rows])
    held_here = q.qualifications_here(connection, info["id"])
    held_lots = q.held_lots(connection, {row["work_order"] for row in rows})
    rules = SiteRules(StartWhen(site["start_when"]), MaterialCheck(site["material_check"]))
    lines = []
    for row in rows:
        facts = _facts(row)
        verdict = readiness(
            facts,
            code,
            rules,
            eligible=bool(row["eligible"]),
            qualification=Qualification(row["qualification"], None if held_here is None else frozenset(held_here)),
            bom=materials.get(row["operation_id"], ()),
            checks_at_start=at_start.get(row["operation_id"], ()),
            held_lots=held_lots.get(row["work_order"], ()),
        )
        item = DispatchItem(
            work_order=row["work_order"],
            operation=row["seq"],
            operation_name=row["name"],
            product=row["product"],
            quantity=row["order_quantity"],
            available=available(facts),
            good=row["good"],
            scrap=row["scrap"],
            due_at=row["due_at"],
            priority=row["priority"],
            status=row["status"],
            readiness=verdict.state.value,
            reason=verdict.sentence,
            reasons=tuple(ReasonItem(str(r.code), r.sentence, r.blocking) for r in verdict.reasons),
        )
        lines.append(DispatchLine(item, row["order_status"], row["station"], row["routing_operation_id"]))
    return lines


def _operation_ref(row: dict) -> mq.OperationRef:
    return mq.OperationRef(row["operation_id"], row["product_id"], row["seq"])


def _facts(row: dict) -> OperationFacts:
    previous = None
    if row["previous_seq"] is not None:
        previous = PreviousOperation(
            row["previous_seq"], row["previous_name"], row["previous_status"], Decimal(row["previous_good"])
        )
    return OperationFacts(
        work_order=row["work_order"],
        order_status=row["order_status"],
        order_quantity=row["order_quantity"],
        seq=row["seq"],
        name=row["name"],
        status=row["status"],
        good=row["good"],
        scrap=row["scrap"],
        station=row["station"],
        previous=previous,
    )
