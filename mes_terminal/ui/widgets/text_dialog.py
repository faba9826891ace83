"""Asking for a short text on the on-screen keyboard: `TextDialog.ask(parent, title, ...)` -> str or None.

Suggestions, when given, are big buttons that fill the text in one tap; the operator may still edit
it before confirming. An empty text is not taken: the dialog says what to do instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from mes_terminal.ui.widgets.keyboard import BACK, DEFAULT_MAX_LENGTH, OnScreenKeyboard, apply_text_key, shifted
from mes_terminal.ui.widgets.style import cancel_and_go, dialog_layout

SUGGESTION_COLUMNS = 4


class TextDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        hint: str = "",
        suggestions: Sequence[str] = (),
        confirm: str = "",
        max_length: int = DEFAULT_MAX_LENGTH,
        capitals: bool = False,
    ) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self.capitals = capitals  # letters typed in capitals (lot numbers, codes)
        layout = dialog_layout(self, "textDialog", title, hint=hint)
        self.suggestion_buttons: list[QPushButton] = []
        if suggestions:
            grid = QGridLayout()
            grid.setSpacing(8)
            for index, suggestion in enumerate(suggestions):
                button = QPushButton(suggestion, self)
                button.setObjectName(f"suggestion{index}")
                button.clicked.connect(lambda _checked=False, s=suggestion: self.set_text(s))
                grid.addWidget(button, index // SUGGESTION_COLUMNS, index % SUGGESTION_COLUMNS)
                self.suggestion_buttons.append(button)
            layout.addLayout(grid)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("textEdit")
        self.edit.setReadOnly(True)  # typed on the keyboard below (or a USB keyboard), never half-selected
        self.edit.setMaxLength(max_length)
        layout.addWidget(self.edit)
        self.error_label = QLabel("", self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()  # only when there is something to say: the keyboard needs the height
        layout.addWidget(self.error_label)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.key_pressed.connect(self.on_key_pressed)
        if capitals:
            self.keyboard.show_capitals()
        layout.addWidget(self.keyboard, 1)
        self.cancel_button, self.ok_button = cancel_and_go(
            self, layout, self.tr("Cancel"), confirm or self.tr("OK"), self.on_ok_clicked
        )
        self.resize(960, 720)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text[: self.max_length])
        self.error_label.setText("")
        self.error_label.hide()

    def on_key_pressed(self, key: str) -> None:
        if self.capitals and len(key) == 1:
            key = shifted(key)
        self.set_text(apply_text_key(self.edit.text(), key, max_length=self.max_length))

    def on_ok_clicked(self) -> None:
        if self.text():
            self.accept()
        else:
            self.error_label.setText(self.tr("Write a few words first, or tap one of the answers above."))
            self.error_label.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # a USB keyboard types as well as the screen
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_ok_clicked()
        elif event.key() == Qt.Key.Key_Backspace:
            self.on_key_pressed(BACK)
        elif event.text() and event.text().isprintable():
            self.on_key_pressed(event.text())
        else:
            super().keyPressEvent(event)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        *,
        hint: str = "",
        suggestions: Sequence[str] = (),
        confirm: str = "",
        capitals: bool = False,
        max_length: int = DEFAULT_MAX_LENGTH,
    ) -> str | None:
        """Show the keyboard and wait; the text (trimmed, never empty), or None when cancelled. Tests replace this."""
        dialog = cls(
            parent, title, hint=hint, suggestions=suggestions, confirm=confirm, capitals=capitals, max_length=max_length
        )
        try:
            return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
