"""The dispatch list model: a well-behaved Qt model, rows updated in place, readiness coloured."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt

from mes_terminal.services.queries.station_views import DispatchItem, ReasonItem
from mes_terminal.ui.terminal import dispatch_model as dm
from mes_terminal.ui.widgets.readiness import COLOURS


def item(work_order: str, operation: int = 10, readiness: str = "ready", good: int = 0) -> DispatchItem:
    return DispatchItem(
        work_order=work_order,
        operation=operation,
        operation_name="Cut",
        product="BRACKET-A",
        quantity=Decimal(10),
        available=Decimal(10),
        good=Decimal(good),
        scrap=Decimal(0),
        due_at=datetime(2026, 3, 3, 12, 0, tzinfo=UTC),
        priority=0,
        status="ready",
        readiness=readiness,
        reason=f"{readiness} reason",
    )


def test_the_model_passes_qt_model_tester(qtmodeltester):
    model = dm.DispatchModel()
    model.set_rows([item("WO-1"), item("WO-2", readiness="waiting_previous"), item("WO-3", readiness="order_on_hold")])
    qtmodeltester.check(model)
    model.set_rows([item("WO-2")])
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_the_same_rows_change_in_place(qtbot):
    model = dm.DispatchModel()
    model.set_rows([item("WO-1"), item("WO-2")])
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as changed:
        model.set_rows([item("WO-1"), item("WO-2", good=4)])
    assert changed.args[0].row() == 1
    assert model.index(1, dm.PROGRESS).data() == "4 / 10"


def test_readiness_is_coloured_and_explained():
    model = dm.DispatchModel()
    model.set_rows(
        [item("WO-1"), replace(item("WO-2"), readiness="order_on_hold", reason="Work order WO-2 is on hold.")]
    )
    ready, held = model.index(0, dm.READINESS), model.index(1, dm.READINESS)
    assert ready.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["ready"][0]
    assert held.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["order_on_hold"][0]
    assert held.data() == "Work order WO-2 is on hold."
    assert model.index(1, dm.JOB).data(Qt.ItemDataRole.ToolTipRole) == "Work order WO-2 is on hold."
    assert model.index(0, dm.JOB).data() == "WO-1 · 10\nBRACKET-A · Cut"
    assert model.index(0, 0).data(dm.ItemRole).work_order == "WO-1"


def test_the_tooltip_lists_every_reason_of_the_row():
    held = ReasonItem("order_on_hold", "Work order WO-2 is on hold.", True)
    short = ReasonItem("material_short", "Material short: STEEL needs 5 kg, 0 kg usable on hand.", False)
    lot = ReasonItem("lot_on_hold", "Lot WO-1 of work order WO-1 is on hold.", False)
    model = dm.DispatchModel()
    model.set_rows(
        [
            replace(item("WO-1"), reason="Ready: 10 to make.", reasons=(lot,)),
            replace(item("WO-2"), readiness="order_on_hold", reason=held.sentence, reasons=(held, short)),
        ]
    )
    assert model.index(0, dm.JOB).data(Qt.ItemDataRole.ToolTipRole) == f"Ready: 10 to make.\n{lot.sentence}"
    assert model.index(1, dm.READINESS).data() == held.sentence
    assert model.index(1, dm.JOB).data(Qt.ItemDataRole.ToolTipRole) == f"{held.sentence}\n{short.sentence}"
