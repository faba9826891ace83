"""Choosing a new PIN when the old one has expired: `NewPinDialog.ask(parent)` -> the new PIN | None.

The PIN is typed twice; the policy of the person's roles (length, reuse) is the service's to check, and
its refusal comes back as the sign-in page's sentence.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class NewPinDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("newPinDialog")
        self.setWindowTitle(self.tr("Choose a new PIN"))
        self.value: str | None = None
        form = QFormLayout(self)
        said = QLabel(self.tr("Your PIN has expired; choose a new one."), self)
        said.setWordWrap(True)
        form.addRow(said)
        self.pin_edit = QLineEdit(self)
        self.again_edit = QLineEdit(self)
        for edit, name in ((self.pin_edit, "newPinEdit"), (self.again_edit, "againPinEdit")):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(32)
        form.addRow(self.tr("New PIN"), self.pin_edit)
        form.addRow(self.tr("New PIN again"), self.again_edit)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(420, 200)

    def on_ok_clicked(self) -> None:
        pin, again = self.pin_edit.text(), self.again_edit.text()
        if not pin:
            self.error_label.setText(self.tr("Type the new PIN."))
        elif pin != again:
            self.error_label.setText(self.tr("The two PINs differ; type the same new PIN twice."))
        else:
            self.value = pin
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The new PIN when confirmed, None when cancelled. Tests replace this."""
        dialog = cls(parent)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.pin_edit.clear()
            dialog.again_edit.clear()
            dialog.deleteLater()
