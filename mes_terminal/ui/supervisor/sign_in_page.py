"""The console's sign-in: badge (scanned or typed) and PIN; the service decides who may enter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from mes_terminal.ui.forms.supervisor_sign_in_ui import Ui_SupervisorSignIn


class SignInPage(QWidget):
    sign_in_requested = Signal(str, str)  # badge, PIN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupervisorSignIn()
        self.ui.setupUi(self)
        self.ui.signInButton.clicked.connect(self.on_sign_in_clicked)
        self.ui.badgeEdit.returnPressed.connect(self.on_badge_entered)
        self.ui.pinEdit.returnPressed.connect(self.on_sign_in_clicked)

    def on_badge_entered(self) -> None:
        self.ui.pinEdit.setFocus()

    def on_sign_in_clicked(self) -> None:
        badge, pin = self.ui.badgeEdit.text().strip(), self.ui.pinEdit.text()
        if not badge:
            self.show_error(self.tr("Scan your badge or type its number."))
            self.ui.badgeEdit.setFocus()
            return
        if not pin:
            self.show_error(self.tr("Enter your PIN."))
            self.ui.pinEdit.setFocus()
            return
        self.ui.errorLabel.clear()
        self.ui.signInButton.setEnabled(False)
        self.sign_in_requested.emit(badge, pin)

    def show_error(self, text: str) -> None:
        self.ui.signInButton.setEnabled(True)
        self.ui.errorLabel.setText(text)
        self.ui.pinEdit.clear()

    def reset(self) -> None:
        self.ui.signInButton.setEnabled(True)
        self.ui.pinEdit.clear()
        self.ui.errorLabel.clear()
        self.ui.badgeEdit.setFocus()
