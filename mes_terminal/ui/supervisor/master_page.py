"""The master-data tab: what the plant file loaded, one section at a time (read-only)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QListWidgetItem, QWidget

from mes_terminal.services.queries.supervisor_views import MasterSection
from mes_terminal.ui.forms.supervisor_master_ui import Ui_SupervisorMaster
from mes_terminal.ui.supervisor.simple_models import TableModel
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel


class MasterPage(QWidget):
    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.sections: list[MasterSection] = []
        self.ui = Ui_SupervisorMaster()
        self.ui.setupUi(self)
        self.model = TableModel(self, vm.site_zone)
        self.ui.masterView.setModel(self.model)
        self.ui.masterView.verticalHeader().hide()
        vm.master_changed.connect(self.on_master_changed)
        self.ui.sectionList.currentRowChanged.connect(self.on_section_chosen)

    def titles(self) -> dict[str, str]:
        return {
            "site": self.tr("Site"),
            "workstations": self.tr("Lines and workstations"),
            "shifts": self.tr("Shifts"),
            "users": self.tr("Users and roles"),
            "materials": self.tr("Materials and products"),
            "routing": self.tr("Routings"),
            "bom": self.tr("Bills of materials"),
            "downtime_reasons": self.tr("Downtime reasons"),
            "scrap_reasons": self.tr("Scrap reasons"),
        }

    def on_master_changed(self, sections: list[MasterSection]) -> None:
        self.sections = list(sections)
        titles = self.titles()
        current = max(self.ui.sectionList.currentRow(), 0)
        self.ui.sectionList.clear()
        for section in self.sections:
            QListWidgetItem(f"{titles.get(section.name, section.name)} ({len(section.rows)})", self.ui.sectionList)
        if self.sections:
            self.ui.sectionList.setCurrentRow(min(current, len(self.sections) - 1))

    def on_section_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.sections):
            return
        section = self.sections[row]
        self.model.set_table([name.replace("_", " ") for name in section.columns], section.rows)
        self.ui.masterView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.masterView.horizontalHeader().setStretchLastSection(True)
