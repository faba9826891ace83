"""The console's Conflicts tab: actions terminals took offline that a rule refused when they were delivered.

Each is kept whole with what refused it (docs/offline.md); a lead or supervisor discards one with a reason
(`DiscardConflict`) or applies it again once what refused it is put right (the original command runs with
its own id, then `ApplyConflict` settles it). Who may decide is the handlers' rule; a refusal is the
banner's sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.queries.supervisor_views import ConflictView
from mes_terminal.ui.supervisor.audit_words import event_name
from mes_terminal.ui.supervisor.simple_models import TableModel
from mes_terminal.ui.supervisor.tab_view_model import TabViewModel
from mes_terminal.ui.widgets.banner import OK

MAX_REASON = 400
_COMMON = {"type", "command_id", "actor", "issued_at", "station"}


class ConflictsViewModel(TabViewModel):
    conflicts_changed = Signal(list)  # list[ConflictView]
    refreshed_by = (c.DiscardConflict, c.ApplyConflict)

    def read(self) -> None:
        self.vm.submit(self.vm.service.conflicts, self.conflicts_changed.emit)

    def discard(self, number: int, reason: str) -> None:
        self.vm.act(c.DiscardConflict, conflict=number, reason=reason)

    def apply(self, number: int) -> None:
        """Run the conflict's command again, then settle it; a rule that still refuses it says why."""
        vm = self.vm
        if vm.user is None:
            return
        badge, service = vm.user.badge, vm.service

        def applied(_outcome: object) -> None:
            vm.feedback.emit(OK, self.tr("Conflict {conflict} applied.").format(conflict=number))
            self.load()

        vm.submit(lambda: service.apply_conflict(number, badge), applied, vm.on_read_failed)


class ConflictsPage(QWidget):
    def __init__(self, conflicts: ConflictsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.rows: list[ConflictView] = []
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "Actions saved on a terminal while the database could not be reached, refused by a rule when they "
                "were sent. Nothing was done with them: discard each with a reason, or apply it again once what "
                "refused it is put right."
            ),
            self,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        self.model = TableModel(self, conflicts.vm.site_zone)
        self.view = QTableView(self)
        self.view.setObjectName("conflictsView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.discard_button = QPushButton(self.tr("Discard…"), self)
        self.apply_button = QPushButton(self.tr("Apply again"), self)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.apply_button)
        layout.addLayout(buttons)
        self.discard_button.clicked.connect(self.on_discard_clicked)
        self.apply_button.clicked.connect(self.on_apply_clicked)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        conflicts.conflicts_changed.connect(self.on_conflicts_changed)
        self.on_conflicts_changed([])

    def on_conflicts_changed(self, rows: list[ConflictView]) -> None:
        self.rows = list(rows)
        columns = (
            self.tr("#"),
            self.tr("Taken at"),
            self.tr("Station"),
            self.tr("Operator"),
            self.tr("Action"),
            self.tr("Details"),
            self.tr("What happened"),
        )
        self.model.set_table(columns, [_row(view) for view in self.rows])
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.count_label.setText(self.tr("Open conflicts: {count}").format(count=len(self.rows)))
        self.on_selection_changed()

    def selected(self) -> ConflictView | None:
        chosen = self.view.selectionModel().selectedRows()
        return self.rows[chosen[0].row()] if chosen and chosen[0].row() < len(self.rows) else None

    def on_selection_changed(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.discard_button.setEnabled(chosen)
        self.apply_button.setEnabled(chosen)

    def on_discard_clicked(self) -> None:
        view = self.selected()
        if view is None:
            return
        reason = DiscardDialog.ask(self, view)
        if reason is not None:
            self.conflicts.discard(view.number, reason)

    def on_apply_clicked(self) -> None:
        view = self.selected()
        if view is not None:
            self.conflicts.apply(view.number)


def _row(view: ConflictView) -> tuple[Any, ...]:
    details = ", ".join(
        f"{name.replace('_', ' ')} {value}" for name, value in view.command.items() if name not in _COMMON
    )
    action = event_name(view.type)  # "Consume lot": the words of the action, never its class name
    return (view.number, view.issued_at, view.station or "", view.actor, action, details, view.message)


class DiscardDialog(QDialog):
    """Why a conflict is discarded: `DiscardDialog.ask(parent, conflict)` -> the reason | None."""

    def __init__(self, parent: QWidget | None, conflict: ConflictView) -> None:
        super().__init__(parent)
        self.setObjectName("discardConflictDialog")
        self.setWindowTitle(self.tr("Discard conflict {conflict}").format(conflict=conflict.number))
        self.value: str | None = None
        form = QFormLayout(self)
        what = QLabel(self.tr("{action}: {why}").format(action=event_name(conflict.type), why=conflict.message), self)
        what.setWordWrap(True)
        form.addRow(what)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REASON)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 180)

    def on_ok_clicked(self) -> None:
        if not self.reason_edit.text().strip():
            self.error_label.setText(self.tr("Say why."))
            return
        self.value = self.reason_edit.text().strip()
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, conflict: ConflictView) -> str | None:
        """The reason when confirmed, None when cancelled. Tests replace this."""
        dialog = cls(parent, conflict)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
