"""A yes/no question with two big buttons: `ConfirmDialog.ask(parent, title, text, yes)` -> bool."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from mes_terminal.ui.widgets.style import dialog_layout


class ConfirmDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, text: str, yes: str, no: str = "") -> None:
        super().__init__(parent)
        layout = dialog_layout(self, "confirmDialog", title, spacing=14)
        body = QLabel(text, self)
        body.setWordWrap(True)
        layout.addWidget(body, 1)
        row = QHBoxLayout()
        self.no_button = QPushButton(no or self.tr("Cancel"), self)
        self.no_button.setObjectName("noButton")
        self.no_button.clicked.connect(self.reject)
        self.yes_button = QPushButton(yes, self)
        self.yes_button.setObjectName("yesButton")
        self.yes_button.setProperty("role", "go")
        self.yes_button.clicked.connect(self.accept)
        row.addWidget(self.no_button)
        row.addWidget(self.yes_button)
        layout.addLayout(row)
        self.resize(640, 320)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str, no: str = "") -> bool:
        """Ask and wait; True when the operator tapped `yes`. Tests replace this."""
        dialog = cls(parent, title, text, yes, no)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
