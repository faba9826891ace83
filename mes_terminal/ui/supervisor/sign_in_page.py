"""The console's sign-in: badge (scanned or typed) and PIN; the service decides who may enter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from mes_terminal.ui.forms.supervisor_sign_in_ui import Ui_SupervisorSignIn
from mes_terminal.ui.terminal.pin_throttle import PinThrottle


class SignInPage(QWidget):
    """Badge and PIN for the console. Wrong PINs in a row make the page wait before the next attempt,
    as the terminal's sign-in does (`PinThrottle`); the badge's lock under the PIN policy is the
    service's, whatever this page does."""

    sign_in_requested = Signal(str, str)  # badge, PIN

    def __init__(self, parent: QWidget | None = None, throttle: PinThrottle | None = None) -> None:
        super().__init__(parent)
        self.throttle = throttle or PinThrottle()
        self.ui = Ui_SupervisorSignIn()
        self.ui.setupUi(self)
        self.ui.signInButton.clicked.connect(self.on_sign_in_clicked)
        self.ui.badgeEdit.returnPressed.connect(self.on_badge_entered)
        self.ui.pinEdit.returnPressed.connect(self.on_sign_in_clicked)

    def on_badge_entered(self) -> None:
        self.ui.pinEdit.setFocus()

    def on_sign_in_clicked(self) -> None:
        if self.throttle.locked:
            self.show_wait()
            return
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

    def wrong_pin(self) -> None:
        """The service refused the badge or PIN: count it towards the wait."""
        self.throttle.record_failure()
        if self.throttle.locked:
            self.show_wait()

    def show_wait(self) -> None:
        self.show_error(
            self.tr("Too many wrong PINs. Try again in {seconds} s.").format(seconds=self.throttle.seconds_left())
        )

    def show_error(self, text: str) -> None:
        self.ui.signInButton.setEnabled(True)
        self.ui.errorLabel.setText(text)
        self.ui.pinEdit.clear()

    def reset(self) -> None:
        self.throttle.record_success()
        self.ui.signInButton.setEnabled(True)
        self.ui.pinEdit.clear()
        self.ui.errorLabel.clear()
        self.ui.badgeEdit.setFocus()
