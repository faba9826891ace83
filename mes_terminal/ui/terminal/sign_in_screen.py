"""The sign-in screen: a badge scan fills the badge; badge number and PIN can be tapped on the keypad."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from mes_terminal.ui.forms.sign_in_screen_ui import Ui_SignInScreen
from mes_terminal.ui.terminal.pin_throttle import PinThrottle
from mes_terminal.ui.widgets.icons import set_icon
from mes_terminal.ui.widgets.keypad import BACK, CLEAR, NumericKeypad, apply_key

# Codes of refusals that count as a wrong PIN (the service says the same for a wrong badge).
WRONG_PIN_CODES = frozenset({"authentication_failed"})


class SignInScreen(QWidget):
    sign_in_requested = Signal(str, str)  # badge, PIN
    back_requested = Signal()

    def __init__(self, throttle: PinThrottle, parent: QWidget | None = None, *, badge_prefix: str = "B") -> None:
        super().__init__(parent)
        self.ui = Ui_SignInScreen()
        self.ui.setupUi(self)
        self.throttle = throttle
        self.badge_prefix = badge_prefix
        self.keypad = NumericKeypad(self.ui.keypadSlot)
        self.ui.keypadLayout.addWidget(self.keypad)
        self._field: QLineEdit = self.ui.badgeEdit
        self._waiting = False
        self._lockout_shown = False
        for edit in (self.ui.badgeEdit, self.ui.pinEdit):
            edit.installEventFilter(self)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self.on_countdown_tick)
        self.keypad.key_pressed.connect(self.on_key_pressed)
        self.ui.signInButton.clicked.connect(self.on_sign_in_clicked)
        self.ui.backButton.clicked.connect(self.back_requested)
        self.ui.badgeEdit.returnPressed.connect(self.on_badge_entered)
        self.ui.pinEdit.returnPressed.connect(self.on_sign_in_clicked)
        set_icon(self.ui.signInButton, "sign_in")
        set_icon(self.ui.backButton, "back")
        self.set_back_allowed(False)

    # --- what the window tells it ----------------------------------------------------------------

    def set_back_allowed(self, allowed: bool) -> None:
        self.ui.backButton.setVisible(allowed)

    def prefill(self, badge: str) -> None:
        """A badge was scanned: keep it, ask for the PIN."""
        self.ui.badgeEdit.setText(badge)
        self.ui.pinEdit.clear()
        self._focus(self.ui.pinEdit)
        self._show_lockout()

    def reset(self) -> None:
        self.ui.badgeEdit.clear()
        self.ui.pinEdit.clear()
        self.ui.lockoutLabel.clear()
        self._set_waiting(False)
        self._focus(self.ui.badgeEdit)

    def on_signed_in(self) -> None:
        self.throttle.record_success()
        self.reset()

    def on_sign_in_refused(self, code: str) -> None:
        self._set_waiting(False)
        self.ui.pinEdit.clear()
        self._focus(self.ui.pinEdit)
        if code in WRONG_PIN_CODES:
            self.throttle.record_failure()
        self._show_lockout()

    def on_sign_in_unsent(self) -> None:
        """The database could not be reached: badge and PIN stay, to send again."""
        self._set_waiting(False)

    # --- slots -----------------------------------------------------------------------------------

    def on_key_pressed(self, key: str) -> None:
        text = self._field.text()
        if self._field is self.ui.badgeEdit and not text and key not in (BACK, CLEAR):
            text = self.badge_prefix
        self._field.setText(apply_key(text, key, max_length=self._field.maxLength()))

    def on_badge_entered(self) -> None:
        self._focus(self.ui.pinEdit)

    def on_sign_in_clicked(self) -> None:
        if self._waiting or self.throttle.locked:
            self._show_lockout()
            return
        badge = self.ui.badgeEdit.text().strip()
        pin = self.ui.pinEdit.text().strip()
        if not badge:
            self.ui.lockoutLabel.setText(self.tr("Scan your badge or tap its number first."))
            self._focus(self.ui.badgeEdit)
            return
        if not pin:
            self.ui.lockoutLabel.setText(self.tr("Enter your PIN."))
            self._focus(self.ui.pinEdit)
            return
        self.ui.lockoutLabel.clear()
        self._set_waiting(True)
        self.sign_in_requested.emit(badge, pin)

    def on_countdown_tick(self) -> None:
        self._show_lockout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            self._field = watched
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_hint()

    def _fit_hint(self) -> None:
        """The hint wraps onto as many lines as its width asks (a box layout gives a wrapped label one less)."""
        hint = self.ui.hintLabel
        hint.setMinimumHeight(hint.heightForWidth(hint.width()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.keypad.retranslate()
            self._fit_hint()
            self._show_lockout()
        super().changeEvent(event)

    # --- helpers ---------------------------------------------------------------------------------

    def _show_lockout(self) -> None:
        left = self.throttle.seconds_left()
        if left:
            self.ui.lockoutLabel.setText(self.tr("Too many wrong PINs. Try again in {seconds} s.").format(seconds=left))
            self.ui.signInButton.setEnabled(False)
            self._lockout_shown = True
            if not self._countdown.isActive():
                self._countdown.start()
            return
        self._countdown.stop()
        self.ui.signInButton.setEnabled(not self._waiting)
        if self._lockout_shown:
            self._lockout_shown = False
            self.ui.lockoutLabel.clear()

    def _set_waiting(self, waiting: bool) -> None:
        self._waiting = waiting
        self.ui.signInButton.setEnabled(not waiting and not self.throttle.locked)

    def _focus(self, edit: QLineEdit) -> None:
        self._field = edit
        edit.setFocus()
