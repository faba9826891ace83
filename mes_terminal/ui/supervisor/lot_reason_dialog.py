"""Holding or releasing a lot: `LotReasonDialog.ask(parent, title, lot, reason_needed)` -> (lot, reason) | None."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.values import parse_code

MAX_REASON = 400


def read_lot_reason(lot: str, reason: str, reason_needed: bool) -> tuple[str, str | None]:
    number = parse_code(lot, "The lot number")
    text = reason.strip()
    if reason_needed and not text:
        raise InvalidInput("Say why.")
    if len(text) > MAX_REASON:
        raise InvalidInput(f"The reason is longer than {MAX_REASON} characters.")
    return number, text or None


class LotReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, lot: str, reason_needed: bool) -> None:
        super().__init__(parent)
        self.setObjectName("lotReasonDialog")
        self.setWindowTitle(title)
        self.value: tuple[str, str | None] | None = None
        self._needed = reason_needed
        form = QFormLayout(self)
        self.lot_edit = QLineEdit(lot, self)
        self.lot_edit.setMaxLength(64)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REASON)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        form.addRow(self.tr("Lot"), self.lot_edit)
        form.addRow(self.tr("Reason") if reason_needed else self.tr("Reason (optional)"), self.reason_edit)
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 180)

    def on_ok_clicked(self) -> None:
        try:
            self.value = read_lot_reason(self.lot_edit.text(), self.reason_edit.text(), self._needed)
        except InvalidInput as error:
            self.error_label.setText(error.message)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, lot: str, reason_needed: bool) -> tuple[str, str | None] | None:
        """The lot and the reason when confirmed, None when cancelled. Tests replace this."""
        dialog = cls(parent, title, lot, reason_needed)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
