"""The console's dispatch model: a well-behaved Qt model whose Readiness column reads as the terminal's."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt

from mes_terminal.services.queries.station_views import ReasonItem
from mes_terminal.services.queries.supervisor_views import DispatchRow
from mes_terminal.ui.supervisor import dispatch_model as sm
from mes_terminal.ui.widgets.readiness import COLOURS

HELD = "Work order WO-2 is on hold."


def row(work_order: str, readiness: str = "ready", reason: str = "Ready: 10 to make.", *reasons: ReasonItem):
    return DispatchRow(
        work_order=work_order,
        operation=10,
        operation_name="Cut",
        product="BRACKET-A",
        quantity=Decimal(10),
        good=Decimal(0),
        status="ready",
        order_status="released",
        due_at=datetime(2026, 3, 3, 12, 0, tzinfo=UTC),
        priority=0,
        assigned=False,
        eligible_stations=("WS-01",),
        readiness=readiness,
        reason=reason,
        reasons=reasons,
    )


def test_the_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = sm.DispatchModel()
    model.set_rows([row("WO-1"), row("WO-2", "order_on_hold", HELD), row("WO-3", "waiting_previous", "Waiting")])
    qtmodeltester.check(model)
    model.set_rows([row("WO-2", "order_on_hold", HELD)])
    qtmodeltester.check(model)


def test_the_readiness_column_says_and_colours_what_the_terminal_does() -> None:
    model = sm.DispatchModel()
    short = ReasonItem("material_short", "Material short: STEEL-2MM needs 3.5 kg, 0 kg usable on hand.", False)
    model.set_rows(
        [
            row("WO-1"),
            row("WO-2", "order_on_hold", HELD, ReasonItem("order_on_hold", HELD, True), short),
            row("WO-3", "material_short", short.sentence, short),
        ]
    )
    assert model.headerData(sm.READINESS, Qt.Orientation.Horizontal) == "Readiness"
    ready, held, advice = (model.index(r, sm.READINESS) for r in range(3))
    assert [i.data() for i in (ready, held, advice)] == ["Ready: 10 to make.", HELD, short.sentence]
    assert [i.data(sm.ReadinessRole) for i in (ready, held, advice)] == ["ready", "order_on_hold", "material_short"]
    backgrounds = [i.data(Qt.ItemDataRole.BackgroundRole).color().name() for i in (ready, held, advice)]
    assert backgrounds == [COLOURS["ready"][0], COLOURS["order_on_hold"][0], COLOURS["material_short"][0]]
    assert backgrounds == ["#116329", "#8e1519", "#9a6700"]  # green, red, amber
    assert held.data(Qt.ItemDataRole.ToolTipRole) == f"{HELD}\n{short.sentence}"
    assert model.index(1, sm.JOB).data(Qt.ItemDataRole.BackgroundRole) is None  # only the readiness is coloured
