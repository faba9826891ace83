"""The console's reports tab: OEE by station and shift with its drill-down, the Paretos, SPC, exports."""

from __future__ import annotations

import csv
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import Qt

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.reports.scope import Scope
from mes_terminal.ui.supervisor import reports_page
from mes_terminal.ui.supervisor.report_models import AVAILABILITY, OEE, PLANNED, WHERE
from tests.helpers import OPERATOR, command
from tests.ui.test_supervisor_console import settle, sign_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

# The small plant's EARLY shift on Monday 2026-03-02: 06:00-14:00 Berlin (05:00-13:00 UTC) less a
# 15-minute break, so 27,900 s of calendar. At WS-01: a 30-minute breakdown, 1,000 good and 100 scrap
# at the routing's ideal 12 s. WS-02 stands idle all shift.
CALENDAR, STOP, GOOD, SCRAP, IDEAL = 27_900, 1_800, 1_000, 100, 12
SIX = Decimal("0.000001")


def expected_ws01() -> dict[str, Decimal]:
    run = Decimal(CALENDAR - STOP)
    a = (run / CALENDAR).quantize(SIX)
    p = (Decimal((GOOD + SCRAP) * IDEAL) / run).quantize(SIX)
    q = (Decimal(GOOD) / (GOOD + SCRAP)).quantize(SIX)
    oee = (run / CALENDAR * Decimal((GOOD + SCRAP) * IDEAL) / run * Decimal(GOOD) / (GOOD + SCRAP)).quantize(SIX)
    return {"availability": a, "performance": p, "quality": q, "oee": oee}


@pytest.fixture
def shift(bus, clock) -> None:
    """A day's work at WS-01 as described above; the clock ends the next morning."""
    now = clock.now()  # 06:00 UTC
    released = now - timedelta(hours=1)  # at the shift's start: the whole shift is planned production time
    bus.execute(
        command(c.CreateWorkOrder, released, number="WO-1", product="BRACKET-A", quantity=Decimal(5000), due=now)
    )
    bus.execute(command(c.ReleaseWorkOrder, released, number="WO-1"))
    bus.execute(command(c.ReceiveLot, now, lot="S-1", material="STEEL-2MM", quantity=Decimal(5000)))
    job = {"actor": OPERATOR, "station": "WS-01", "work_order": "WO-1", "operation": 10}
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, now, **job))
    clock.advance(timedelta(hours=1))
    bus.execute(command(c.StartDowntime, clock.now(), actor=OPERATOR, station="WS-01", reason="BREAKDOWN"))
    clock.advance(timedelta(seconds=STOP))
    bus.execute(command(c.EndDowntime, clock.now(), actor=OPERATOR, station="WS-01"))
    clock.advance(timedelta(hours=2))
    bus.execute(command(c.ReportCount, clock.now(), good=Decimal(GOOD), **job))
    bus.execute(command(c.ReportCount, clock.now(), scrap=Decimal(SCRAP), scrap_reason="BURR", **job))
    clock.advance(timedelta(hours=20))


def show(console, qtbot, scope: Scope) -> None:
    page = console.reports
    with qtbot.waitSignal(console.reports_vm.lines_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.reportsTab)
    settle(console, qtbot)
    page.ui.fromEdit.setDate(page.ui.fromEdit.date().fromString("2026-03-02", "yyyy-MM-dd"))
    page.ui.toEdit.setDate(page.ui.toEdit.date().fromString("2026-03-02", "yyyy-MM-dd"))
    assert page.select_scope(scope)
    with qtbot.waitSignal(console.reports_vm.scrap_changed, timeout=10_000):
        page.ui.showButton.click()
    settle(console, qtbot)


def test_the_oee_of_a_known_shift_is_shown_by_station_and_shift_and_drills_down(
    shift, console, qtbot, qtmodeltester
) -> None:
    sign_in(console, qtbot)
    show(console, qtbot, Scope("line", "L1"))
    model = console.reports.oee_model
    qtmodeltester.check(model)
    levels = [(r.level, r.station, r.shift) for r in model.rows]
    assert levels == [
        ("total", None, None),
        ("station", "WS-01", None),
        ("shift", "WS-01", "EARLY"),
        ("station", "WS-02", None),
        ("shift", "WS-02", "EARLY"),
    ]
    want = expected_ws01()
    station, in_shift = model.rows[1], model.rows[2]
    for row in (station, in_shift):
        assert row.planned_seconds == CALENDAR and row.run_seconds == CALENDAR - STOP
        got = {"availability": row.availability, "performance": row.performance}
        got |= {"quality": row.quality, "oee": row.oee}
        assert got == want
    assert model.index(1, OEE).data() == f"{want['oee'] * 100:.1f}"  # the unit in the heading, as on paper
    assert model.headerData(OEE, Qt.Orientation.Horizontal) == "OEE\n(%)"  # the unit under the name
    assert model.headerData(PLANNED, Qt.Orientation.Horizontal) == "Planned time\n(h:mm:ss)"
    assert model.index(1, WHERE).data() == "WS-01 · L1"
    total = model.rows[0]
    assert total.availability == (Decimal(2 * CALENDAR - STOP) / (2 * CALENDAR)).quantize(SIX)

    # The drill-down: each figure with its formula and the values it used.
    with qtbot.waitSignal(console.reports_vm.explanation_changed, timeout=10_000):
        console.reports.ui.oeeView.selectRow(2)
    settle(console, qtbot)
    tree = console.reports.explain_model
    qtmodeltester.check(tree)
    figures = tree.index(0, 0)
    names = {tree.index(i, 0, figures).data(): i for i in range(tree.rowCount(figures))}
    availability = tree.index(names["Availability"], 0, figures)  # named as on paper, the formula as computed
    assert tree.index(names["Availability"], 2, figures).data() == "run_seconds / planned_seconds"
    inputs = {tree.index(i, 0, availability).data(): tree.index(i, 1, availability).data() for i in range(2)}
    assert inputs == {"Run time": "26100 s (7:15:00)", "Planned time": "27900 s (7:45:00)"}
    assert "WS-01 · EARLY · 2026-03-02" in console.reports.ui.explainLabel.text()
    assert model.index(2, AVAILABILITY).data() == f"{want['availability'] * 100:.1f}"


def test_the_oee_table_is_exported_as_csv_and_pdf(shift, console, qtbot, tmp_path, monkeypatch) -> None:
    sign_in(console, qtbot)
    show(console, qtbot, Scope("station", "WS-01"))
    assert [r.level for r in console.reports.oee_model.rows] == ["station", "shift"]
    target = {"csv": tmp_path / "oee.csv", "pdf": tmp_path / "oee.pdf"}
    monkeypatch.setattr(
        reports_page.ReportFileDialog, "ask", classmethod(lambda cls, parent, suggested, fmt: str(target[fmt]))
    )
    with qtbot.waitSignal(console.reports_vm.exported, timeout=10_000):
        console.reports.ui.exportCsvButton.click()
    with target["csv"].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    want = expected_ws01()
    assert [(r["station"], r["shift"]) for r in rows] == [("WS-01", "all"), ("WS-01", "EARLY")]
    assert all(Decimal(r["oee"]) == want["oee"] and Decimal(r["availability"]) == want["availability"] for r in rows)
    assert f"Saved {target['csv']}." in console.banner.text()
    with qtbot.waitSignal(console.reports_vm.exported, timeout=10_000):
        console.reports.ui.exportPdfButton.click()
    text = subprocess.run(["pdftotext", str(target["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    assert "OEE by station and shift" in text and "run_seconds / planned_seconds" in text


def test_downtime_and_scrap_paretos_are_charted_with_their_running_share(
    shift, console, qtbot, qtmodeltester, tmp_path, monkeypatch
) -> None:
    sign_in(console, qtbot)
    show(console, qtbot, Scope("plant"))
    page = console.reports
    qtmodeltester.check(page.downtime_model)
    qtmodeltester.check(page.scrap_model)
    assert page.downtime_model.index(0, 0).data() == "Breakdown"
    assert page.downtime_model.index(0, 5).data() == "0:30:00"
    headings = [page.downtime_model.headerData(i, Qt.Orientation.Horizontal) for i in range(8)]
    assert headings[5:] == ["Stop time (h:mm:ss)", "Share (%)", "Cumulative share (%)"]  # as on paper
    (bars,) = [s for s in page.ui.downtimeChart.chart().series() if isinstance(s, QBarSeries)]
    assert [bars.barSets()[0].at(i) for i in range(bars.barSets()[0].count())] == [30.0]
    assert page.ui.downtimeChart.line_points() == [(0.0, 100.0)]
    assert [(b.label, b.value) for b in page.ui.scrapChart.bars] == [("Burr on edge", 100.0)]
    assert page.scrap_model.index(0, 2).data() == "100 pcs"
    page.ui.reportTabs.setCurrentWidget(page.ui.downtimeTab)
    path = tmp_path / "downtime.csv"
    monkeypatch.setattr(reports_page.ReportFileDialog, "ask", classmethod(lambda cls, *args: str(path)))
    with qtbot.waitSignal(console.reports_vm.exported, timeout=10_000):
        page.ui.exportCsvButton.click()
    assert path.read_text(encoding="utf-8").splitlines()[1].startswith("BREAKDOWN,Breakdown,")
    pdf = tmp_path / "downtime.pdf"
    monkeypatch.setattr(reports_page.ReportFileDialog, "ask", classmethod(lambda cls, *args: str(pdf)))
    with qtbot.waitSignal(console.reports_vm.exported, timeout=10_000):
        page.ui.exportPdfButton.click()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Generated by" in text and "Grace Hopper" in text and "Page 1 of 1" in text
    assert "Stop time" in text and "0:30:00" in text and "Downtime by reason" in text
    page.ui.reportTabs.setCurrentWidget(page.ui.spcTab)
    assert not page.ui.exportCsvButton.isEnabled()


def test_a_range_that_ends_before_it_starts_is_the_services_sentence(console, qtbot) -> None:
    sign_in(console, qtbot)
    page = console.reports
    with qtbot.waitSignal(console.reports_vm.lines_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.reportsTab)
    settle(console, qtbot)
    page.ui.toEdit.setDate(page.ui.fromEdit.date().addDays(-3))
    with qtbot.waitSignal(console.vm.feedback, timeout=10_000):
        page.ui.showButton.click()
    settle(console, qtbot)
    assert "ends" in console.banner.text() and "before it starts" in console.banner.text()


def test_a_long_characteristic_name_is_whole_in_the_open_list_and_in_the_tooltip(console, qtbot) -> None:
    """The SPC picker is narrower than a long name: the list opens wide enough, the tooltip says it all."""
    from mes_terminal.services.reports.supervisor_reports import Characteristic

    page = console.reports
    console.resize(1024, 768)
    long_name = Characteristic("WELD-VIS", "THROAT", "Throat thickness of the fillet weld at the gusset", "mm")
    page.on_characteristics_changed([Characteristic("CUT-FAI", "LEN", "Length", "mm"), long_name])
    combo = page.ui.characteristicCombo
    combo.setCurrentIndex(1)
    whole = "WELD-VIS/THROAT · Throat thickness of the fillet weld at the gusset [mm]"
    assert combo.currentText() == whole and combo.toolTip() == whole
    assert combo.itemData(1, Qt.ItemDataRole.ToolTipRole) == whole
    assert combo.view().minimumWidth() > combo.fontMetrics().horizontalAdvance(whole)
