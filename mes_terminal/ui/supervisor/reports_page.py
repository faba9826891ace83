"""The reports tab: OEE by station and shift with its drill-down, downtime and scrap Paretos, SPC; exports.

A range of whole days (local at the site, as `mes-terminal report` reads a date) and a scope (the plant,
a line or a station). Selecting a row of the OEE table shows how each of its figures is made: the
formula, the values it used, and those values down to stops, operations and shifts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import QFileDialog, QHeaderView, QListWidgetItem, QWidget

from mes_terminal.domain.clock import site_date
from mes_terminal.services.queries.station_views import SpcChartView
from mes_terminal.services.reports.columns import shown
from mes_terminal.services.reports.scope import Scope
from mes_terminal.services.reports.service import Report
from mes_terminal.services.reports.supervisor_reports import Characteristic, LineChoice, OeeRow, OeeTable
from mes_terminal.ui.charts.pareto_chart import ParetoBar
from mes_terminal.ui.charts.spc_chart import SPEC, VIOLATION
from mes_terminal.ui.forms.supervisor_reports_ui import Ui_SupervisorReports
from mes_terminal.ui.supervisor.formatting import duration, quantity
from mes_terminal.ui.supervisor.report_models import OeeTableModel, explanation_model, percent_1
from mes_terminal.ui.supervisor.report_models import title as column_title
from mes_terminal.ui.supervisor.reports_vm import ReportRequest, ReportsViewModel, SpcRequest
from mes_terminal.ui.supervisor.simple_models import TableModel

DEFAULT_DAYS = 7


class ReportFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str, format: str) -> str | None:
        """The file to write the report to, or None when cancelled. Tests replace this."""
        title = parent.tr("Export report") if parent else ""
        pattern = "CSV (*.csv)" if format == "csv" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
        return path or None


class ReportsPage(QWidget):
    def __init__(self, reports: ReportsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports = reports
        self.ui = Ui_SupervisorReports()
        self.ui.setupUi(self)
        self.oee_model = OeeTableModel(self)
        self.ui.oeeView.setModel(self.oee_model)
        self.ui.oeeView.verticalHeader().hide()
        self.ui.oeeView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.explain_model = QStandardItemModel(self)
        self.ui.explainView.setModel(self.explain_model)
        self.downtime_model = TableModel(self, reports.vm.site_zone)
        self.scrap_model = TableModel(self, reports.vm.site_zone)
        for view, model in ((self.ui.downtimeView, self.downtime_model), (self.ui.scrapView, self.scrap_model)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        for splitter in (self.ui.downtimeSplitter, self.ui.scrapSplitter):
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
        self.ui.oeeSplitter.setStretchFactor(0, 3)
        self.ui.oeeSplitter.setStretchFactor(1, 2)
        self.ui.spcSplitter.setStretchFactor(0, 3)
        self.ui.spcSplitter.setStretchFactor(1, 1)
        # Starting sizes, in proportion: the chart and the table get the room, the lists beside them less.
        self.ui.spcSplitter.setSizes([3000, 1000])
        self.ui.oeeSplitter.setSizes([3300, 1700])
        self.on_user_changed(None)
        reports.vm.user_changed.connect(self.on_user_changed)
        self.ui.scopeCombo.addItem(self.tr("Whole plant"), Scope("plant"))
        self.shown: dict[str, Report] = {}  # what Export writes: "oee", "downtime", "scrap"
        self.asked = False
        reports.lines_changed.connect(self.on_lines_changed)
        reports.characteristics_changed.connect(self.on_characteristics_changed)
        reports.oee_changed.connect(self.on_oee_changed)
        reports.explanation_changed.connect(self.on_explanation_changed)
        reports.downtime_changed.connect(self.on_downtime_changed)
        reports.scrap_changed.connect(self.on_scrap_changed)
        reports.spc_changed.connect(self.on_spc_changed)
        self.ui.showButton.clicked.connect(self.on_show_clicked)
        self.ui.exportCsvButton.clicked.connect(self.on_export_csv_clicked)
        self.ui.exportPdfButton.clicked.connect(self.on_export_pdf_clicked)
        self.ui.reportTabs.currentChanged.connect(self.on_report_tab_changed)
        self.ui.oeeView.selectionModel().selectionChanged.connect(self.on_oee_selection_changed)
        self.ui.spcButton.clicked.connect(self.on_spc_clicked)
        self.ui.characteristicCombo.currentTextChanged.connect(self.ui.characteristicCombo.setToolTip)  # whole name

    def open(self) -> None:
        """The tab was opened: read the choices and, the first time, the report of the last days."""
        self.reports.load_choices()
        if not self.asked:
            self.on_show_clicked()

    # --- asking ----------------------------------------------------------------------------------

    def request(self) -> ReportRequest:
        start = self.ui.fromEdit.date().toPython()
        last = self.ui.toEdit.date().toPython()
        return ReportRequest(self.scope(), _day(start), _day(last + timedelta(days=1)))

    def scope(self) -> Scope:
        return self.ui.scopeCombo.currentData() or Scope("plant")

    def select_scope(self, scope: Scope) -> bool:
        """Choose `scope` in the picker; False when it is not there (yet)."""
        combo = self.ui.scopeCombo
        at = next((i for i in range(combo.count()) if combo.itemData(i) == scope), -1)
        if at >= 0:
            combo.setCurrentIndex(at)
        return at >= 0

    def on_show_clicked(self) -> None:
        self.asked = True
        self.reports.run(self.request())

    def on_spc_clicked(self) -> None:
        chosen: Characteristic | None = self.ui.characteristicCombo.currentData()
        if chosen is None:
            return
        spin = self.ui.baselineSpin
        request = SpcRequest(
            chosen.checklist,
            chosen.item,
            baseline=None if spin.value() == spin.minimum() else spin.value(),
            subgroup=self.ui.subgroupSpin.value(),
        )
        if self.ui.spcRangeCheck.isChecked():
            asked, scope = self.request(), self.scope()
            station = scope.code if scope.kind == "station" else None
            request = replace(request, start=asked.start, end=asked.end, station=station)
        self.reports.spc(request)

    # --- showing ---------------------------------------------------------------------------------

    def on_user_changed(self, user: object) -> None:
        """The range offered: the last days up to the site's today (once signed in, the site's zone is known)."""
        zone = "UTC" if user is None else self.reports.vm.site_zone()
        today = site_date(self.reports.vm.service.clock.now(), zone)
        first = today - timedelta(days=DEFAULT_DAYS - 1)
        self.ui.toEdit.setDate(QDate(today.year, today.month, today.day))
        self.ui.fromEdit.setDate(QDate(first.year, first.month, first.day))

    def on_lines_changed(self, lines: list[LineChoice]) -> None:
        combo = self.ui.scopeCombo
        current = self.scope()
        combo.clear()
        combo.addItem(self.tr("Whole plant"), Scope("plant"))
        for line in lines:
            combo.addItem(
                self.tr("Line {code} · {name}").format(code=line.code, name=line.name), Scope("line", line.code)
            )
            for station in line.stations:
                combo.addItem(self.tr("    Station {code}").format(code=station), Scope("station", station))
        if not self.select_scope(current):
            combo.setCurrentIndex(0)

    def on_characteristics_changed(self, found: list[Characteristic]) -> None:
        combo = self.ui.characteristicCombo
        current = combo.currentData()
        combo.clear()
        for item in found:
            unit = f" [{item.unit}]" if item.unit else ""
            text = f"{item.checklist}/{item.item} · {item.text}{unit}"
            combo.addItem(text, item)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        # The closed box may be narrower than a long name; its list opens as wide as the longest one.
        metrics = combo.fontMetrics()
        widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
        combo.view().setMinimumWidth(widest + 40)
        at = next((i for i in range(combo.count()) if combo.itemData(i) == current), 0)
        combo.setCurrentIndex(at)
        self.ui.spcButton.setEnabled(bool(found))

    def on_oee_changed(self, table: OeeTable) -> None:
        self.shown["oee"] = table.report
        self.oee_model.set_rows(table.rows, table.report.timezone)
        self.explain_model.clear()
        self.ui.explainLabel.setText(self.tr("Select a row."))
        report = table.report
        stations = len(report.scope["stations"])
        sentence = self.tr("{where}, {stations} stations, {start} to {end} ({zone}).")
        if report.until < report.window.end:
            sentence += " " + self.tr("Measured until now.")
        said = sentence.format(
            where=_scope_name(self, table.scope),
            stations=stations,
            start=self.ui.fromEdit.date().toString("yyyy-MM-dd"),
            end=self.ui.toEdit.date().toString("yyyy-MM-dd"),
            zone=report.timezone,
        )
        # What the figures left out (days without shifts, time without released work) and what to doubt.
        self.ui.summaryLabel.setText(" ".join((said, *report.notes)))
        if self.oee_model.rowCount():
            self.ui.oeeView.selectRow(0)
        self._render_exports()

    def on_oee_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        row = self.selected_row()
        if row is not None:
            self.reports.explain(row)

    def selected_row(self) -> OeeRow | None:
        index = self.ui.oeeView.currentIndex()
        return self.oee_model.row(index.row()) if index.isValid() else None

    def on_explanation_changed(self, row: OeeRow, report: Report) -> None:
        if row != self.selected_row():
            return  # the supervisor has moved on to another row meanwhile
        explanation_model(self.explain_model, report)
        self.ui.explainView.expandToDepth(0)
        self.ui.explainView.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        what = _scope_name(self, row.scope) if row.level != "shift" else f"{row.station} · {row.shift} · {row.day}"
        self.ui.explainLabel.setText(
            self.tr("{what}: OEE = A × P × Q = {a} × {p} × {q} = {oee}").format(
                what=what,
                a=percent_1(row.availability),
                p=percent_1(row.performance),
                q=percent_1(row.quality),
                oee=percent_1(row.oee),
            )
        )

    def on_downtime_changed(self, report: Report) -> None:
        self.shown["downtime"] = report
        bars = [ParetoBar(r["name"], float(r["seconds"]) / 60, _float(r["cumulative_share"])) for r in report.rows]
        title = self.tr("Downtime by reason: {stops} stops, {time}").format(
            stops=report.summary["stops"], time=duration(float(report.summary["seconds"]))
        )
        self.ui.downtimeChart.show_pareto(title, bars, self.tr("Minutes"))
        keys = ("name", "path", "loss", "stops", "micro_stops", "seconds", "share", "cumulative_share")
        titles = tuple(column_title(key) for key in keys)
        rows = [
            (
                r["name"],
                r["path"],
                f"{r['category']} / {r['loss']}",
                r["stops"],
                r["micro_stops"],
                shown("seconds", r["seconds"]),
                shown("share", r["share"]),
                shown("cumulative_share", r["cumulative_share"]),
            )
            for r in report.rows
        ]
        self.downtime_model.set_table(titles, rows)
        self._render_exports()

    def on_scrap_changed(self, report: Report) -> None:
        self.shown["scrap"] = report
        units = sorted({r["unit"] for r in report.rows})
        bars = [
            ParetoBar(
                r["name"] if len(units) == 1 else f"{r['name']} ({r['unit']})",
                float(r["scrap"]),
                _float(r["cumulative_share"]),
            )
            for r in report.rows
        ]
        total = ", ".join(f"{quantity(v)} {u}" for u, v in report.summary["scrap_by_unit"].items())
        title = self.tr("Scrap by reason: {total}").format(total=total or "0")
        if len(units) > 1:
            title += " " + self.tr("(shares within each unit)")
        self.ui.scrapChart.show_pareto(title, bars, units[0] if len(units) == 1 else self.tr("Quantity"))
        titles = tuple(column_title(key) for key in ("name", "reason", "scrap", "reports", "share", "cumulative_share"))
        rows = [
            (
                r["name"],
                r["reason"],
                f"{quantity(r['scrap'])} {r['unit']}",
                r["reports"],
                shown("share", r["share"]),
                shown("cumulative_share", r["cumulative_share"]),
            )
            for r in report.rows
        ]
        self.scrap_model.set_table(titles, rows)
        self._render_exports()

    def on_spc_changed(self, view: SpcChartView) -> None:
        self.ui.spcChart.show_chart(view)
        self.ui.violationsList.clear()
        # Every point is judged, the baseline's too; a value out of spec is listed apart from a broken rule.
        for signal in view.signals:
            entry = QListWidgetItem(signal.text if signal.kind == "control" else self.tr("Spec: ") + signal.text)
            entry.setForeground(QColor(VIOLATION if signal.kind == "control" else SPEC))
            self.ui.violationsList.addItem(entry)
        if not view.signals:
            QListWidgetItem(
                self.ui.spcChart.empty_text() if not view.points else self.tr("None."), self.ui.violationsList
            )
        self.ui.violationsBox.setTitle(
            self.tr("Violations: {control} control (Nelson rules), {spec} spec").format(
                control=len(view.violations), spec=len(view.spec_violations)
            )
        )
        self.ui.capabilityLabel.setText(
            self._baseline_text(view)
            + " · "
            + self.tr("Cp {cp} · Cpk {cpk} · Pp {pp} · Ppk {ppk}").format(
                cp=_number(view.cp), cpk=_number(view.cpk), pp=_number(view.pp), ppk=_number(view.ppk)
            )
        )

    def _baseline_text(self, view: SpcChartView) -> str:
        """How the limits came about, in the console's language (the view's `baseline_text` in English)."""
        if view.center is None:
            return self.tr("{count} points · no control limits (fewer than 2 points)").format(count=len(view.points))
        text = self.tr("{count} points · limits from the first {baseline}").format(
            count=len(view.points), baseline=view.baseline_size
        )
        if view.excluded:
            numbers = ", ".join(str(i + 1) for i in view.excluded)
            text += " · " + self.tr("excluding {points} (beyond the limits)").format(points=numbers)
        if view.provisional:
            text += " · " + self.tr("provisional until {baseline} points").format(baseline=view.baseline_asked)
        return text

    # --- export ----------------------------------------------------------------------------------

    def current_report(self) -> Report | None:
        page = self.ui.reportTabs.currentWidget()
        kind = {self.ui.oeeTab: "oee", self.ui.downtimeTab: "downtime", self.ui.scrapTab: "scrap"}.get(page)
        return self.shown.get(kind) if kind else None

    def on_report_tab_changed(self, index: int) -> None:
        self._render_exports()

    def _render_exports(self) -> None:
        shown = self.current_report() is not None
        self.ui.exportCsvButton.setEnabled(shown)
        self.ui.exportPdfButton.setEnabled(shown)

    def on_export_csv_clicked(self) -> None:
        self._export("csv")

    def on_export_pdf_clicked(self) -> None:
        self._export("pdf")

    def _export(self, format: str) -> None:
        report = self.current_report()
        if report is None:
            return
        start = self.ui.fromEdit.date().toString("yyyy-MM-dd")
        path = ReportFileDialog.ask(self, f"{report.kind}-{start}.{format}", format)
        if path:
            self.reports.export(report, path, format)


def _day(day: date) -> str:
    return day.isoformat()


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _scope_name(widget: QWidget, scope: Scope) -> str:
    if scope.kind == "plant":
        return widget.tr("Whole plant")
    return widget.tr("Line {code}").format(code=scope.code) if scope.kind == "line" else str(scope.code)
