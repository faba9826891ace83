"""The master-data tab: what the plant file loaded, one section at a time (read-only), and the one thing
done here: unlocking a badge locked after too many wrong PINs (an administrator, with a reason)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QInputDialog, QListWidgetItem, QWidget

from mes_terminal.services.commands import catalog as c
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
        vm.command_succeeded.connect(self.on_command_succeeded)
        self.ui.sectionList.currentRowChanged.connect(self.on_section_chosen)
        self.ui.masterView.selectionModel().currentRowChanged.connect(lambda *_: self._render_unlock())
        self.ui.unlockButton.clicked.connect(self.on_unlock_clicked)
        self._render_unlock()

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
        self._render_unlock()

    # --- unlocking a badge ---------------------------------------------------------------------------

    def _section(self) -> MasterSection | None:
        row = self.ui.sectionList.currentRow()
        return self.sections[row] if 0 <= row < len(self.sections) else None

    def _locked_badge(self) -> str | None:
        """The badge of the chosen user row when it is locked; else None."""
        section, index = self._section(), self.ui.masterView.currentIndex()
        if section is None or section.name != "users" or not index.isValid():
            return None
        row = section.rows[index.row()]
        locked = dict(zip(section.columns, row, strict=True))
        return str(locked["badge"]) if locked.get("locked_since") is not None else None

    def _render_unlock(self) -> None:
        users = (section := self._section()) is not None and section.name == "users"
        self.ui.userHintLabel.setVisible(users)
        self.ui.unlockButton.setVisible(users)
        self.ui.unlockButton.setEnabled(self._locked_badge() is not None)

    def on_unlock_clicked(self) -> None:
        badge = self._locked_badge()
        if badge is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Unlock badge {badge}").format(badge=badge),
            self.tr("Why is it unlocked? The reason is kept in the audit trail."),
        )
        if ok:
            self.vm.act(c.ResetPinLockout, badge=badge, reason=reason)

    def on_command_succeeded(self, command: c.Command, _result: Any) -> None:
        if isinstance(command, c.ResetPinLockout):
            self.vm.load_master_data()  # the row shows it unlocked
