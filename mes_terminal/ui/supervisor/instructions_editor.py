"""Editing an operation's work-instruction steps in the console: the dialog behind "Edit steps…".

It starts from the newest revision's steps; a person changes text and caution, adds, removes and
reorders steps. A step with an image or PDF page keeps it as is (new files come through the plant
file). Saving gives the steps for `ReviseInstructions`, which stores them as the next revision,
pending until quality approves it with a signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.domain.instructions import MAX_CAUTION, MAX_STEPS, PDF, step_problem
from mes_terminal.services.commands.catalog import RevisedStep
from mes_terminal.services.queries.instruction_views import InstructionRevisionRow, RevisionStepRow


@dataclass
class DraftStep:
    """A step while it is edited (mutable); the file fields are carried over untouched."""

    text: str = ""
    caution: str = ""
    media_sha256: str | None = None
    page: int | None = None
    media_type: str | None = None
    size: int | None = None

    @classmethod
    def of(cls, row: RevisionStepRow) -> DraftStep:
        return cls(row.text or "", row.caution or "", row.media_sha256, row.page, row.media_type, row.size)

    def revised(self) -> RevisedStep:
        return RevisedStep(
            text=self.text.strip() or None,
            caution=self.caution.strip() or None,
            media_sha256=self.media_sha256,
            page=self.page,
        )


@dataclass(frozen=True)
class RevisionInput:
    steps: tuple[RevisedStep, ...]
    acknowledge: bool


class InstructionsEditDialog(QDialog):
    """`InstructionsEditDialog.ask(parent, row, steps)` -> RevisionInput | None."""

    def __init__(self, parent: QWidget | None, row: InstructionRevisionRow, steps: Sequence[RevisionStepRow]) -> None:
        super().__init__(parent)
        self.setObjectName("instructionsEditDialog")
        self.setWindowTitle(self.tr("Edit instructions"))
        self.row = row
        self.drafts = [DraftStep.of(s) for s in steps]
        self.value: RevisionInput | None = None
        self._showing = -1  # the draft the editor fields show
        layout = QVBoxLayout(self)
        what = QLabel(
            self.tr(
                "{product} operation {operation} ({name}), from revision {revision}. Saving adds revision {next}: "
                "the floor keeps the approved steps until quality approves it with a signature."
            ).format(
                product=row.product,
                operation=row.operation,
                name=row.operation_name or "",
                revision=row.revision,
                next=row.revision + 1,
            ),
            self,
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("stepsList")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long step reads in full on the right
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        left.addWidget(self.list, 1)
        moves = QHBoxLayout()
        self.add_button = self._button(self.tr("Add step"), "addStepButton", moves)
        self.remove_button = self._button(self.tr("Remove"), "removeStepButton", moves)
        self.up_button = self._button(self.tr("Move up"), "moveUpButton", moves)
        self.down_button = self._button(self.tr("Move down"), "moveDownButton", moves)
        left.addLayout(moves)
        body.addLayout(left, 1)
        form = QFormLayout()
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("stepTextEdit")
        self.caution_edit = QLineEdit(self)
        self.caution_edit.setObjectName("cautionEdit")
        self.caution_edit.setMaxLength(MAX_CAUTION)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("fileLabel")
        self.file_label.setWordWrap(True)
        form.addRow(self.tr("Text"), self.text_edit)
        form.addRow(self.tr("Caution"), self.caution_edit)
        form.addRow(self.tr("Picture or PDF"), self.file_label)
        body.addLayout(form, 1)
        layout.addLayout(body, 1)
        self.acknowledge_check = QCheckBox(self.tr("Operators acknowledge having read this revision"), self)
        self.acknowledge_check.setObjectName("acknowledgeCheck")
        self.acknowledge_check.setChecked(row.acknowledge)
        layout.addWidget(self.acknowledge_check)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(
            self.tr("Save as revision {next}").format(next=row.revision + 1), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveButton")
        self.save_button.setProperty("role", "go")
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self.on_current_changed)
        self.text_edit.textChanged.connect(self.on_text_changed)
        self.caution_edit.textChanged.connect(self.on_caution_changed)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        self._refill(0 if self.drafts else -1)
        self.resize(900, 560)

    def _button(self, text: str, name: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        row.addWidget(button)
        return button

    # --- the list --------------------------------------------------------------------------------

    def _label(self, position: int, draft: DraftStep) -> str:
        first = draft.text.strip().splitlines()[0] if draft.text.strip() else self.tr("(no text)")
        label = f"{position}. {first}"
        extras = [self.file_name(draft)] if draft.media_sha256 is not None else []
        if draft.caution.strip():
            extras.append(self.tr("⚠ caution"))
        return label + ("\n    " + "  ·  ".join(extras) if extras else "")

    def file_name(self, draft: DraftStep) -> str:
        """How a kept file is named: its kind, page, size and the start of its address (the plant file's own
        name for it is not stored)."""
        if draft.media_sha256 is None:
            return self.tr("none")
        size = f"{(draft.size or 0) / 1024:.1f} KB"
        short = draft.media_sha256[:8]
        if draft.media_type == PDF:
            return self.tr("PDF {short}, page {page} ({size})").format(short=short, page=draft.page or 1, size=size)
        kind = (draft.media_type or "").removeprefix("image/").upper() or self.tr("file")
        return self.tr("{kind} image {short} ({size})").format(kind=kind, short=short, size=size)

    def _refill(self, current: int) -> None:
        """Rewrite the list from the drafts and select `current`."""
        self.list.blockSignals(True)
        self.list.clear()
        for position, draft in enumerate(self.drafts, 1):
            self.list.addItem(self._label(position, draft))
        self.list.blockSignals(False)
        self._showing = -1
        self.list.setCurrentRow(current)
        self.on_current_changed(current)

    def on_current_changed(self, index: int) -> None:
        self._showing = -1  # loading the fields must not write back into a draft
        draft = self.drafts[index] if 0 <= index < len(self.drafts) else None
        self.text_edit.setPlainText(draft.text if draft else "")
        self.caution_edit.setText(draft.caution if draft else "")
        self.file_label.setText(self.file_name(draft) if draft else "")
        for widget in (self.text_edit, self.caution_edit, self.remove_button):
            widget.setEnabled(draft is not None)
        self.up_button.setEnabled(draft is not None and index > 0)
        self.down_button.setEnabled(draft is not None and index < len(self.drafts) - 1)
        self.add_button.setEnabled(len(self.drafts) < MAX_STEPS)
        self._showing = index if draft is not None else -1

    def on_text_changed(self) -> None:
        if self._showing >= 0:
            self.drafts[self._showing].text = self.text_edit.toPlainText()
            self._relabel(self._showing)

    def on_caution_changed(self, text: str) -> None:
        if self._showing >= 0:
            self.drafts[self._showing].caution = text
            self._relabel(self._showing)

    def _relabel(self, index: int) -> None:
        item = self.list.item(index)
        if item is not None:
            item.setText(self._label(index + 1, self.drafts[index]))

    def on_add_clicked(self) -> None:
        at = self.list.currentRow() + 1 if self.drafts else 0
        self.drafts.insert(at, DraftStep())
        self._refill(at)
        self.text_edit.setFocus()

    def on_remove_clicked(self) -> None:
        index = self.list.currentRow()
        if 0 <= index < len(self.drafts):
            del self.drafts[index]
            self._refill(min(index, len(self.drafts) - 1))

    def move_step(self, by: int) -> None:
        """Move the selected step up (-1) or down (+1)."""
        index = self.list.currentRow()
        to = index + by
        if 0 <= index < len(self.drafts) and 0 <= to < len(self.drafts):
            self.drafts[index], self.drafts[to] = self.drafts[to], self.drafts[index]
            self._refill(to)

    # --- saving ----------------------------------------------------------------------------------

    def on_save_clicked(self) -> None:
        if not self.drafts:
            self.error_label.setText(self.tr("Keep at least one step."))
            return
        for position, draft in enumerate(self.drafts, 1):
            step = draft.revised()
            problem = step_problem(step.text, step.caution, step.media_sha256, step.page)
            if problem is not None:
                self.list.setCurrentRow(position - 1)
                self.error_label.setText(
                    self.tr("Step {position} {problem}").format(position=position, problem=problem)
                )
                return
        self.value = RevisionInput(tuple(d.revised() for d in self.drafts), self.acknowledge_check.isChecked())
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, row: InstructionRevisionRow, steps: Sequence[RevisionStepRow]
    ) -> RevisionInput | None:
        """Show the editor and wait; the revised steps when saved, None when cancelled. Tests replace this."""
        dialog = cls(parent, row, steps)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
