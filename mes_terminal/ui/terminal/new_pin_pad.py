"""Choosing a new PIN on the keypad when the old one has expired: `NewPinPad.ask(parent)` -> PIN | None.

The PIN is typed twice, hidden; OK moves from the first field to the second, then confirms when both
agree. The PIN policy (length, reuse) is the service's to check: its refusal is the banner's sentence.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from mes_terminal.ui.widgets.keypad import NumericKeypad, apply_key
from mes_terminal.ui.widgets.style import cancel_and_go, dialog_layout

MAX_PIN = 12


class NewPinPad(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        layout = dialog_layout(
            self, "newPinPad", self.tr("Choose a new PIN"), hint=self.tr("Your PIN has expired. Type a new one twice.")
        )
        self.first = self._field("newPinEdit", self.tr("New PIN"))
        self.second = self._field("againPinEdit", self.tr("New PIN again"))
        layout.addWidget(self.first)
        layout.addWidget(self.second)
        self.error_label = QLabel("", self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.keypad = NumericKeypad(self)
        self.keypad.key_pressed.connect(self.on_key_pressed)
        layout.addWidget(self.keypad, 1)
        self.cancel_button, self.ok_button = cancel_and_go(
            self, layout, self.tr("Cancel"), self.tr("OK"), self.on_ok_clicked
        )
        self.typing = self.first
        self.value: str | None = None
        self.resize(460, 760)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setReadOnly(True)  # typed on the keypad (or a USB keypad through it)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(placeholder)
        field.setMinimumHeight(64)
        return field

    def on_key_pressed(self, key: str) -> None:
        self.typing.setText(apply_key(self.typing.text(), key, max_length=MAX_PIN))
        self.error_label.setText("")

    def on_ok_clicked(self) -> None:
        if self.typing is self.first:
            if self.first.text():
                self.typing = self.second
            else:
                self.error_label.setText(self.tr("Type the new PIN."))
            return
        if self.second.text() != self.first.text():
            self.error_label.setText(self.tr("The two PINs differ; type the new PIN twice again."))
            self.first.clear()
            self.second.clear()
            self.typing = self.first
            return
        self.value = self.first.text()
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The new PIN when confirmed, None when cancelled. Tests replace this."""
        dialog = cls(parent)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.first.clear()
            dialog.second.clear()
            dialog.deleteLater()
