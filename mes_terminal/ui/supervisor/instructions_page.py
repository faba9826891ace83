"""The console's work-instructions tab: every revision of every operation, approved with a signature.

A plant load brings a changed operation's steps in as a pending revision, and so does "Edit steps…"
(`instructions_editor`); quality approves it here with badge and PIN (the signature means approval), and
a supervisor moves a released order to the newest approved revision. Who may do what is the handlers'
decision; their refusal is the banner's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.signatures import MAX_COMMENT
from mes_terminal.domain.values import parse_code
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.results import (
    InstructionsApprovalResult,
    InstructionsMoveResult,
    InstructionsRevisionResult,
)
from mes_terminal.services.queries.instruction_views import InstructionRevisionRow, RevisionStepRow
from mes_terminal.ui.supervisor.instructions_editor import InstructionsEditDialog, RevisionInput
from mes_terminal.ui.supervisor.simple_models import TableModel
from mes_terminal.ui.supervisor.tab_view_model import TabViewModel


@dataclass(frozen=True)
class ApprovalInput:
    badge: str
    pin: str
    comment: str | None
    pin_only: bool = False  # the badge came from the signing session (21 CFR 11.200), not typed


def read_approval_form(badge: str, pin: str, comment: str, pin_only: bool = False) -> ApprovalInput:
    """What was typed, checked; `InvalidInput` with one sentence naming what is missing otherwise."""
    if not badge.strip():
        raise InvalidInput("Scan or type your badge: a signature needs your badge and your PIN.")
    signer = parse_code(badge, "The badge")
    if not pin:
        raise InvalidInput("Type your PIN: a signature needs your badge and your PIN.")
    note = comment.strip()
    if len(note) > MAX_COMMENT:
        raise InvalidInput(f"The comment is longer than {MAX_COMMENT} characters.")
    return ApprovalInput(signer, pin, note or None, pin_only)


class InstructionsViewModel(TabViewModel):
    revisions_changed = Signal(list)  # list[InstructionRevisionRow]
    steps_loaded = Signal(object, list)  # InstructionRevisionRow, list[RevisionStepRow]: to edit

    refreshed_by = (c.ReviseInstructions, c.ApproveInstructions, c.MoveInstructions, c.ReleaseWorkOrder)

    def read(self) -> None:
        self.vm.submit(self.vm.service.instruction_revisions, self.revisions_changed.emit)

    def approve(self, row: InstructionRevisionRow, signed: ApprovalInput) -> None:
        """`ApproveInstructions` signed by the badge typed in the dialog; the signature means approval."""
        self.vm.act(
            c.ApproveInstructions,
            actor=signed.badge,
            say=self._approved,
            product=row.product,
            operation=row.operation,
            revision=row.revision,
            pin=signed.pin,
            meaning="approved",
            comment=signed.comment,
            pin_only=signed.pin_only,
        )

    def load_steps(self, row: InstructionRevisionRow) -> None:
        """Read the steps of `row` (the newest revision of its operation) to edit them."""
        service = self.vm.service
        self.vm.submit(
            lambda: service.instruction_steps(row.product, row.operation, row.revision),
            lambda steps: self.steps_loaded.emit(row, steps),
        )

    def revise(self, row: InstructionRevisionRow, revised: RevisionInput) -> None:
        """`ReviseInstructions`: the edited steps become the next revision, pending approval."""
        self.vm.act(
            c.ReviseInstructions,
            say=self._revised,
            product=row.product,
            operation=row.operation,
            steps=revised.steps,
            acknowledge=revised.acknowledge,
        )

    def move(self, work_order: str) -> None:
        self.vm.act(c.MoveInstructions, say=self._moved, work_order=work_order)

    def _approved(self, result: InstructionsApprovalResult) -> str:
        return self.tr(
            "{product} operation {operation}: instructions revision {revision} approved. Signed: {signature}."
        ).format(
            product=result["product"],
            operation=result["operation"],
            revision=result["revision"],
            signature=result["signature"],
        )

    def _revised(self, result: InstructionsRevisionResult) -> str:
        return self.tr(
            "{product} operation {operation}: instructions revision {revision} saved with {steps} steps; it waits "
            "for approval by quality."
        ).format(**result)

    def _moved(self, result: InstructionsMoveResult) -> str:
        moved = result["moved"]
        if not moved:
            return self.tr("{work_order} already shows the newest approved instructions.").format(
                work_order=result["work_order"]
            )
        steps = ", ".join(self.tr("operation {operation} to revision {after}").format(**m) for m in moved)
        return self.tr("{work_order} moved: {steps}.").format(work_order=result["work_order"], steps=steps)


class ApprovalDialog(QDialog):
    """Approving a revision, signed: `ApprovalDialog.ask(parent, row)` -> ApprovalInput | None.

    With `session_badge` (the console user within a continuous signing session) the badge is shown,
    not asked: the PIN alone signs."""

    def __init__(self, parent: QWidget | None, row: InstructionRevisionRow, session_badge: str | None = None) -> None:
        super().__init__(parent)
        self.session_badge = session_badge
        self.setObjectName("instructionsApprovalDialog")
        self.setWindowTitle(self.tr("Approve instructions"))
        self.value: ApprovalInput | None = None
        layout = QVBoxLayout(self)
        what = QLabel(
            self.tr(
                "{product} operation {operation} ({name}): revision {revision}, {steps} steps, {files} files."
            ).format(
                product=row.product,
                operation=row.operation,
                name=row.operation_name or "",
                revision=row.revision,
                steps=row.steps,
                files=row.files,
            ),
            self,
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        signature = QGroupBox(self.tr("Electronic signature"), self)
        form = QFormLayout(signature)
        meaning = QLabel(
            self.tr(
                "Meaning: approved. By signing you release revision {revision} to the floor; orders released from "
                "now on show it."
            ).format(revision=row.revision),
            signature,
        )
        meaning.setWordWrap(True)
        form.addRow(meaning)
        self.comment_edit = QPlainTextEdit(signature)
        self.comment_edit.setObjectName("commentEdit")
        self.comment_edit.setFixedHeight(60)
        self.badge_edit = QLineEdit(signature)
        self.badge_edit.setObjectName("badgeEdit")
        self.badge_edit.setMaxLength(64)
        self.badge_edit.setPlaceholderText(self.tr("Scan or type your badge"))
        self.pin_edit = QLineEdit(signature)
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(32)
        form.addRow(self.tr("Comment"), self.comment_edit)
        form.addRow(self.tr("Badge"), self.badge_edit)
        form.addRow(self.tr("PIN"), self.pin_edit)
        if session_badge is not None:
            self.badge_edit.setText(session_badge)
            self.badge_edit.setReadOnly(True)
            within = QLabel(self.tr("You signed a moment ago: your PIN alone signs this."), signature)
            within.setObjectName("sessionHint")
            within.setProperty("role", "hint")
            form.addRow(within)
        layout.addWidget(signature)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = buttons.addButton(self.tr("Sign and approve"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setProperty("role", "go")
        buttons.accepted.connect(self.on_sign_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def on_sign_clicked(self) -> None:
        try:
            self.value = read_approval_form(
                self.badge_edit.text(),
                self.pin_edit.text(),
                self.comment_edit.toPlainText(),
                self.session_badge is not None,
            )
        except InvalidInput as error:
            self.error_label.setText(error.message)
            return
        self.pin_edit.clear()  # the PIN leaves with the command and is forgotten here
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, row: InstructionRevisionRow, session_badge: str | None = None
    ) -> ApprovalInput | None:
        """Show the form and wait; the signature when confirmed, None when cancelled. Tests replace this."""
        dialog = cls(parent, row, session_badge)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class InstructionsPage(QWidget):
    def __init__(self, instructions: InstructionsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instructions = instructions
        self.rows: list[InstructionRevisionRow] = []
        layout = QVBoxLayout(self)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)
        self.view = QTableView(self)
        self.view.setObjectName("revisionsView")
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.model = TableModel(self, instructions.vm.site_zone)
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve with signature…"), self)
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setProperty("role", "go")
        self.edit_button = QPushButton(self.tr("Edit steps…"), self)
        self.edit_button.setObjectName("editButton")
        self.order_edit = QLineEdit(self)
        self.order_edit.setObjectName("orderEdit")
        self.order_edit.setPlaceholderText(self.tr("Work order"))
        self.order_edit.setMaxLength(64)
        self.move_button = QPushButton(self.tr("Move order to the newest approved"), self)
        self.move_button.setObjectName("moveButton")
        row.addWidget(self.approve_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.order_edit)
        row.addWidget(self.move_button)
        layout.addLayout(row)
        hint = QLabel(
            self.tr(
                "A changed plant file or Edit steps… adds a pending revision. Quality approves it with badge and "
                "PIN; released orders keep the revision they were released with until they are moved."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        instructions.revisions_changed.connect(self.on_revisions_changed)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.approve_button.clicked.connect(self.on_approve_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        instructions.steps_loaded.connect(self.on_steps_loaded)
        self.move_button.clicked.connect(self.on_move_clicked)
        self.on_selection_changed()

    def open(self) -> None:
        self.instructions.load()

    def on_revisions_changed(self, rows: list[InstructionRevisionRow]) -> None:
        chosen = self.selected()
        self.rows = list(rows)
        columns = (
            self.tr("Product"),
            self.tr("Operation"),
            self.tr("Revision"),
            self.tr("Status"),
            self.tr("Steps"),
            self.tr("Files"),
            self.tr("Acknowledge"),
            self.tr("Loaded"),
            self.tr("Open operations showing it"),
            self.tr("Approval"),
        )
        self.model.set_table(columns, [self._cells(r) for r in self.rows])
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        pending = sum(r.status == "pending" for r in self.rows)
        self.count_label.setText(
            self.tr("Revisions: {count} · waiting for approval: {pending}").format(
                count=len(self.rows), pending=pending
            )
        )
        if chosen is not None:
            for index, row in enumerate(self.rows):
                if (row.product, row.operation, row.revision) == (chosen.product, chosen.operation, chosen.revision):
                    self.view.selectRow(index)
        self.on_selection_changed()

    def _cells(self, row: InstructionRevisionRow) -> tuple[Any, ...]:
        if row.status == "pending":
            status = self.tr("pending")
        elif row.current:
            status = self.tr("approved · current")
        else:
            status = self.tr("approved")
        operation = f"{row.operation} {row.operation_name}" if row.operation_name else str(row.operation)
        return (
            row.product,
            operation,
            row.revision,
            status,
            row.steps,
            row.files,
            self.tr("yes") if row.acknowledge else self.tr("no"),
            row.created_at,
            row.orders_showing,
            row.signature or "",
        )

    def selected(self) -> InstructionRevisionRow | None:
        index = self.view.currentIndex()
        return self.rows[index.row()] if index.isValid() and 0 <= index.row() < len(self.rows) else None

    def on_selection_changed(self, *args: object) -> None:
        row = self.selected()
        self.approve_button.setEnabled(row is not None and row.status == "pending")
        self.edit_button.setEnabled(row is not None)

    def on_approve_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        signed = ApprovalDialog.ask(self, row, self.instructions.vm.pin_alone_signer())
        if signed is not None:
            self.instructions.approve(row, signed)

    def newest_of(self, row: InstructionRevisionRow) -> InstructionRevisionRow:
        """The newest revision of `row`'s operation: an edit starts from it, so nothing pending is lost."""
        same = [r for r in self.rows if (r.product, r.operation) == (row.product, row.operation)]
        return max(same, key=lambda r: r.revision, default=row)

    def on_edit_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self.instructions.load_steps(self.newest_of(row))

    def on_steps_loaded(self, row: InstructionRevisionRow, steps: list[RevisionStepRow]) -> None:
        revised = InstructionsEditDialog.ask(self, row, steps)
        if revised is not None:
            self.instructions.revise(row, revised)

    def on_move_clicked(self) -> None:
        number = self.order_edit.text().strip()
        if number:
            self.instructions.move(number)
