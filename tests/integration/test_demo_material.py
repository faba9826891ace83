"""The demo's history is what a real plant records: every completed order took lots of every lot-controlled
line of its bill of materials, so a trace of any finished lot names all of them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import (
    BomLine,
    Count,
    Lot,
    Material,
    ScrapReason,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.clock import FixedClock
from mes_terminal.domain.statuses import WorkOrderStatus
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.demo.create import create_demo
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.reasons import scrap_reasons
from mes_terminal.services.queries.trace import trace


def materials_below(node: Any) -> set[str]:
    """Every material the tree names under its root, whatever the depth."""
    found: set[str] = set()
    for child in node.get("children", ()):
        found |= {child["material"]} | materials_below(child)
    return found


def test_every_completed_demo_order_traces_back_to_lots_of_every_lot_controlled_bom_line(engine: Engine) -> None:
    clock = FixedClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))  # a Wednesday: three past weekdays
    create_demo(engine, CommandBus(engine, clock), clock)
    with Session(engine) as session:
        finished = session.execute(
            select(WorkOrder.number, WorkOrder.product_id, Lot.number)
            .join(WorkOrderOperation, WorkOrderOperation.work_order_id == WorkOrder.id)
            .join(Lot, Lot.produced_by_operation_id == WorkOrderOperation.id)
            .where(WorkOrder.status == WorkOrderStatus.COMPLETED)
            .order_by(WorkOrder.number)
        ).all()
        bom = session.execute(
            select(BomLine.product_id, Material.code)
            .join(Material, Material.id == BomLine.component_id)
            .where(Material.lot_controlled)
        ).all()
    assert len(finished) >= 6, finished  # the history's orders, each with its output lot
    for order, product_id, lot in finished:
        wanted = {code for product, code in bom if product == product_id}
        answer = trace(engine, lot)
        root = answer.get("tree", answer)  # the root's fields stand at the top level, or under "tree"
        assert wanted and wanted <= materials_below(root), (order, lot, wanted)
    assert not [e for e in read_events(engine, 0, limit=100_000) if e.type == "ReportedWithoutMaterial"]
    _scrap_reasons_apply_where_they_were_counted(engine)


def _scrap_reasons_apply_where_they_were_counted(engine: Engine) -> None:
    """A crack at a bend happens at the press brake: the laser cutter is not offered it, and the history
    names for every scrap count a reason the terminal would have offered at its station."""
    with read_connection(engine) as connection:
        scopes = {reason.code: reason.scope for reason in scrap_reasons(connection)}
        counted = connection.execute(
            select(Workstation.code, WorkOrderOperation.seq, ScrapReason.code)
            .select_from(Count)
            .join(Workstation, Workstation.id == Count.workstation_id)
            .join(WorkOrderOperation, WorkOrderOperation.id == Count.operation_id)
            .join(ScrapReason, ScrapReason.id == Count.scrap_reason_id)
            .where(Count.scrap > 0)
        ).all()
    bend = scopes["BEND-CRACK"]
    assert bend.applies(line="L1", station="WS-02", product="BRACKET-A", operation=20)
    assert not bend.applies(line="L1", station="WS-01", product="BRACKET-A", operation=10)
    assert counted, "the history scraps a little"
    for station, operation, reason in counted:
        assert scopes[reason].applies(line="L1", station=station, product="BRACKET-A", operation=operation), (
            station,
            reason,
        )
