"""An on-screen keyboard for short texts typed with gloves: letters, digits, a little punctuation.

The keyboard edits nothing itself: it emits `key_pressed` with the character typed (already in
capitals after Shift), BACK or CLEAR, and `apply_text_key` says what a text becomes — the same rule
serves a USB keyboard. Shift holds for one letter. The layout follows the interface language:
QWERTY for English, QWERTZ with umlauts for German.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

BACK = "back"
CLEAR = "clear"
SHIFT = "shift"
SPACE = " "
SPACE_NAME = "space"  # the space bar's name in `buttons`
DEFAULT_MAX_LENGTH = 200

COLUMNS = 11
# Four rows of single characters; BACK ends the first row and SHIFT starts the last one.
LAYOUTS = {
    "en": ("1234567890", "qwertyuiop-", "asdfghjkl'/", "zxcvbnm,.?"),
    "de": ("1234567890", "qwertzuiopü", "asdfghjklöä", "yxcvbnm,.-"),
}
# The bottom row: CLEAR (two columns), the space bar (seven), then these.
EXTRA_KEYS = {"en": ":#", "de": "ß/"}


def apply_text_key(text: str, key: str, *, max_length: int = DEFAULT_MAX_LENGTH) -> str:
    """`text` after `key`: a printable character is added (up to `max_length`), BACK removes the last
    character, CLEAR empties it; anything else (a control character, a key name) changes nothing."""
    if key == CLEAR:
        return ""
    if key == BACK:
        return text[:-1]
    if len(key) != 1 or not key.isprintable() or len(text) >= max_length:
        return text
    return text + key


def shifted(key: str) -> str:
    """The capital of a letter key; keys without a single capital (digits, ß) stay as they are."""
    upper = key.upper()
    return upper if len(upper) == 1 else key


def layout_for(locale: QLocale) -> str:
    return "de" if locale.language() == QLocale.Language.German else "en"


class OnScreenKeyboard(QWidget):
    """Emits `key_pressed` with a character, BACK or CLEAR. `buttons` holds every key by its lower-case name."""

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, layout: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.layout_name = layout or layout_for(QLocale())
        self.shift_on = False
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = LAYOUTS[self.layout_name]
        for row, keys in enumerate(rows):
            column = 0
            if row == len(rows) - 1:
                grid.addWidget(self._button(SHIFT), row, 0)
                column = 1
            for key in keys:
                grid.addWidget(self._button(key), row, column)
                column += 1
            if row == 0:
                grid.addWidget(self._button(BACK), row, column)
        bottom = len(rows)
        grid.addWidget(self._button(CLEAR), bottom, 0, 1, 2)
        grid.addWidget(self._button(SPACE), bottom, 2, 1, 7)
        for offset, key in enumerate(EXTRA_KEYS[self.layout_name]):
            grid.addWidget(self._button(key), bottom, 9 + offset)
        self.retranslate()

    def retranslate(self) -> None:
        self.buttons[BACK].setText(self.tr("⌫"))
        self.buttons[BACK].setToolTip(self.tr("Delete the last character"))
        self.buttons[CLEAR].setText(self.tr("Clear"))
        self.buttons[SHIFT].setText(self.tr("⇧"))
        self.buttons[SHIFT].setToolTip(self.tr("Capital letter"))
        self.buttons[SPACE_NAME].setText(self.tr("Space"))

    def _button(self, key: str) -> QPushButton:
        button = QPushButton(key if len(key) == 1 and key != SPACE else "", self)
        button.setProperty("role", "textkey")
        name = SPACE_NAME if key == SPACE else key
        button.setObjectName(f"textkey_{name}")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if key == SHIFT:
            button.setCheckable(True)
            button.toggled.connect(self.on_shift_toggled)
        else:
            button.clicked.connect(lambda _checked=False, k=key: self.on_key_clicked(k))
        self.buttons[name] = button
        return button

    def on_key_clicked(self, key: str) -> None:
        if self.shift_on and key.isalpha():
            key = shifted(key)
            self.buttons[SHIFT].setChecked(False)  # Shift holds for one letter
        self.key_pressed.emit(key)

    def on_shift_toggled(self, on: bool) -> None:
        self.shift_on = on
        for name, button in self.buttons.items():
            if name.isalpha() and len(name) == 1:
                button.setText(shifted(name) if on else name)

    def show_capitals(self) -> None:
        """Letter keys show capitals for good (a code's keyboard: what it types is in capitals)."""
        for name, button in self.buttons.items():
            if name.isalpha() and len(name) == 1:
                button.setText(shifted(name))
        self.buttons[SHIFT].setEnabled(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
