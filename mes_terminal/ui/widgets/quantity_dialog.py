"""Asking for a quantity on a big keypad: `QuantityDialog.ask(parent, title, unit)` -> Decimal or None."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QWidget

from mes_terminal.ui.widgets.keypad import NumericKeypad, apply_key
from mes_terminal.ui.widgets.style import cancel_and_go, dialog_layout


class QuantityDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        unit: str = "",
        *,
        hint: str = "",
        maximum: Decimal | None = None,
        decimals: bool = False,
    ) -> None:
        super().__init__(parent)
        self.maximum = maximum
        layout = dialog_layout(self, "quantityDialog", title, hint=hint)
        row = QHBoxLayout()
        self.display = QLineEdit(self)
        self.display.setObjectName("quantityDisplay")
        self.display.setReadOnly(True)
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.display.setMinimumHeight(64)
        row.addWidget(self.display, 1)
        self.unit_label = QLabel(unit, self)
        self.unit_label.setProperty("role", "value")
        row.addWidget(self.unit_label)
        layout.addLayout(row)
        self.error_label = QLabel("", self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.keypad = NumericKeypad(self, decimal_point=decimals)
        self.keypad.key_pressed.connect(self.on_key_pressed)
        layout.addWidget(self.keypad, 1)
        self.cancel_button, self.ok_button = cancel_and_go(
            self, layout, self.tr("Cancel"), self.tr("OK"), self.on_ok_clicked
        )
        self.resize(460, 720)

    def value(self) -> Decimal | None:
        """The quantity entered, when it is a number above zero and not above the maximum."""
        try:
            value = Decimal(self.display.text())
        except InvalidOperation:
            return None
        if not value.is_finite() or value <= 0:
            return None
        if self.maximum is not None and value > self.maximum:
            return None
        return value

    def on_key_pressed(self, key: str) -> None:
        self.display.setText(apply_key(self.display.text(), key))
        self.error_label.setText("")

    def on_ok_clicked(self) -> None:
        if self.value() is not None:
            self.accept()
            return
        if self.maximum is not None and self.display.text():
            self.error_label.setText(self.tr("Enter a quantity from 1 to %1.").replace("%1", _plain(self.maximum)))
        else:
            self.error_label.setText(self.tr("Enter a quantity above zero."))

    def keyPressEvent(self, event) -> None:  # a USB keypad works as well as the screen
        text = event.text()
        if text.isdigit() or text == ".":
            self.on_key_pressed(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.on_key_pressed("back")
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_ok_clicked()
        else:
            super().keyPressEvent(event)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        unit: str = "",
        *,
        hint: str = "",
        maximum: Decimal | None = None,
        decimals: bool = False,
    ) -> Decimal | None:
        """Show the keypad and wait; the quantity, or None when cancelled. Tests replace this."""
        dialog = cls(parent, title, unit, hint=hint, maximum=maximum, decimals=decimals)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _plain(quantity: Decimal) -> str:
    return format(quantity.normalize(), "f")
