"""The reports tab's intentions: which report over which scope and range, its drill-down, SPC, export.

Service calls go through the console's one worker thread (`SupervisorViewModel.submit`); answers come
back as signals on the GUI thread. A refusal (a range that ends before it starts, an unknown station)
is the service's sentence in the banner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from mes_terminal.services.reports.scope import Scope
from mes_terminal.services.reports.service import Report
from mes_terminal.services.reports.supervisor_reports import OeeRow
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel
from mes_terminal.ui.widgets.banner import OK


@dataclass(frozen=True)
class ReportRequest:
    scope: Scope
    start: str | datetime  # a date is local midnight at the site, as on the command line
    end: str | datetime


@dataclass(frozen=True)
class SpcRequest:
    checklist: str
    item: str
    station: str | None = None
    start: str | datetime | None = None
    end: str | datetime | None = None
    baseline: int | None = None  # None: the site's spc_baseline
    subgroup: int = 1


class ReportsViewModel(QObject):
    lines_changed = Signal(list)  # list[LineChoice]
    characteristics_changed = Signal(list)  # list[Characteristic]
    oee_changed = Signal(object)  # OeeTable
    explanation_changed = Signal(object, object)  # OeeRow, Report with explain
    downtime_changed = Signal(object)  # Report
    scrap_changed = Signal(object)  # Report
    spc_changed = Signal(object)  # SpcChartView
    exported = Signal(str)  # the path written

    def __init__(self, vm: SupervisorViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent or vm)
        self.vm = vm
        self.reports = vm.service.reports

    def load_choices(self) -> None:
        reports = self.reports
        self.vm.submit(reports.lines, self.lines_changed.emit)
        self.vm.submit(reports.characteristics, self.characteristics_changed.emit)

    def run(self, request: ReportRequest) -> None:
        """OEE by station and shift, the downtime Pareto and the scrap Pareto of one scope and range."""
        reports, scope, start, end = self.reports, request.scope, request.start, request.end
        self.vm.submit(lambda: reports.oee_table(scope, start, end), self.oee_changed.emit)
        self.vm.submit(lambda: reports.downtime(scope, start, end), self.downtime_changed.emit)
        self.vm.submit(lambda: reports.scrap(scope, start, end), self.scrap_changed.emit)

    def explain(self, row: OeeRow) -> None:
        reports = self.reports
        self.vm.submit(lambda: reports.explain_oee(row), lambda report: self.explanation_changed.emit(row, report))

    def spc(self, request: SpcRequest) -> None:
        reports = self.reports
        self.vm.submit(
            lambda: reports.spc(
                request.checklist,
                request.item,
                station=request.station,
                start=request.start,
                end=request.end,
                baseline=request.baseline,
                subgroup=request.subgroup,
            ),
            self.spc_changed.emit,
        )

    def export(self, report: Report, path: str, format: str) -> None:
        reports = self.reports
        user = self.vm.user
        who = f"{user.name} ({user.badge})" if user is not None else ""
        self.vm.submit(lambda: reports.export(report, path, format, generated_by=who), self.on_exported)

    def on_exported(self, path: str) -> None:
        self.vm.feedback.emit(OK, self.tr("Saved {path}.").format(path=path))
        self.exported.emit(path)
