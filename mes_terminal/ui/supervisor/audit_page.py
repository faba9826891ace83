"""The audit-trail tab: every event, filtered by user, station, entity and time; exported as CSV."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from PySide6.QtCore import QDateTime, QModelIndex, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFileDialog, QHeaderView, QWidget

from mes_terminal.domain.clock import from_site_wall_clock, site_wall_clock
from mes_terminal.domain.errors import MesError
from mes_terminal.services.queries.supervisor_views import AuditFilter, AuditRow
from mes_terminal.services.reports.audit_export import write_csv
from mes_terminal.ui.forms.supervisor_audit_ui import Ui_SupervisorAudit
from mes_terminal.ui.supervisor.simple_models import AuditModel
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel
from mes_terminal.ui.widgets.banner import ERROR, OK

CHANGE, WHY, DETAILS = 6, 7, 8  # the columns "Change (old → new)", "Why" and "Details"


class CsvFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str) -> str | None:
        """The file to write, or None when cancelled. Tests replace this."""
        title = parent.tr("Export CSV") if parent else ""
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "CSV (*.csv)")
        return path or None


class AuditPage(QWidget):
    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.ui = Ui_SupervisorAudit()
        self.ui.setupUi(self)
        self.model = AuditModel(self, vm.site_zone)
        self.ui.auditView.setModel(self.model)
        self.ui.auditView.verticalHeader().hide()
        self.ui.auditView.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.ui.auditSplitter.setStretchFactor(0, 3)
        self.ui.auditSplitter.setStretchFactor(1, 1)
        self.ui.auditSplitter.setSizes([3000, 1000])
        self.ui.detailsEdit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        vm.user_changed.connect(self.on_user_changed)
        vm.audit_changed.connect(self.on_audit_changed)
        self.ui.searchButton.clicked.connect(self.on_search_clicked)
        self.ui.exportButton.clicked.connect(self.on_export_clicked)
        for edit in (self.ui.userEdit, self.ui.stationEdit, self.ui.entityEdit):
            edit.returnPressed.connect(self.on_search_clicked)
        self.ui.auditView.selectionModel().currentRowChanged.connect(self.on_event_chosen)

    def on_user_changed(self, user: object) -> None:
        """The range offered after signing in: the last day, in the site's wall-clock time."""
        if user is None:
            return
        now = QDateTime(site_wall_clock(self.vm.service.clock.now(), self.vm.site_zone()))  # type: ignore[call-overload]  # PySide6 takes a Python datetime; its stubs omit that
        self.ui.fromEdit.setDateTime(now.addDays(-1))
        self.ui.toEdit.setDateTime(now.addSecs(3600))

    def wanted(self) -> AuditFilter:
        return AuditFilter(
            user=self.ui.userEdit.text(),
            station=self.ui.stationEdit.text(),
            entity=self.ui.entityEdit.text(),
            start=self._utc(self.ui.fromEdit.dateTime()) if self.ui.fromCheck.isChecked() else None,
            end=self._utc(self.ui.toEdit.dateTime()) if self.ui.toCheck.isChecked() else None,
        )

    def on_search_clicked(self) -> None:
        self.vm.search_audit(self.wanted())

    def on_audit_changed(self, rows: list[AuditRow]) -> None:
        self.model.set_events(rows)
        header = self.ui.auditView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (CHANGE, WHY):  # as wide as they need up to a limit; the rest in the tooltip
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.ui.auditView.setColumnWidth(column, min(max(self.ui.auditView.sizeHintForColumn(column), 120), 360))
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)  # the rest of the width, elided
        self.ui.detailsEdit.clear()
        self.ui.countLabel.setText(self.tr("Events: {count}").format(count=len(rows)))

    def on_event_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        """One click on an event shows everything it recorded, as stored."""
        self.ui.detailsEdit.setPlainText(self.model.raw_json(current.row()) if current.isValid() else "")

    def on_export_clicked(self) -> None:
        events = getattr(self.model, "events", [])
        path = CsvFileDialog.ask(self, "audit.csv")
        if path is None:
            return
        try:
            written = write_csv(events, path)
        except MesError as error:
            self.vm.feedback.emit(ERROR, error.message)
            return
        self.vm.feedback.emit(OK, self.tr("CSV written to {path} ({count} rows).").format(path=path, count=written))

    def _utc(self, moment: QDateTime) -> datetime:
        """What was typed is the site's wall clock (the stubs say only "object" for `toPython`)."""
        return from_site_wall_clock(cast(datetime, moment.toPython()), self.vm.site_zone())
