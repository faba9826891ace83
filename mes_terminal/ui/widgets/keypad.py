"""An on-screen numeric keypad for gloved fingers: digits, a decimal point, back and clear."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

BACK = "back"
CLEAR = "clear"
POINT = "."
SIGN = "sign"  # turns the number negative or positive again (measurements below zero)

# Row by row, as on a telephone-free number pad (7 8 9 at the top).
_KEY_NAMES = {BACK: "back", CLEAR: "clear", POINT: "point", SIGN: "sign"}

LAYOUT = (("7", "8", "9"), ("4", "5", "6"), ("1", "2", "3"), (CLEAR, "0", BACK))


class NumericKeypad(QWidget):
    """Emits `key_pressed` with a digit, "." , "back" or "clear". Does not edit anything itself."""

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, decimal_point: bool = False, sign: bool = False) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, keys in enumerate(LAYOUT):
            for column, key in enumerate(keys):
                grid.addWidget(self._button(key), row, column)
        if decimal_point:
            grid.addWidget(self._button(POINT), len(LAYOUT), 1)
        if sign:
            grid.addWidget(self._button(SIGN), len(LAYOUT), 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.buttons[BACK].setText(self.tr("⌫"))
        self.buttons[BACK].setToolTip(self.tr("Delete the last digit"))
        self.buttons[CLEAR].setText(self.tr("C"))
        self.buttons[CLEAR].setToolTip(self.tr("Clear"))
        if SIGN in self.buttons:
            self.buttons[SIGN].setText("±")
            self.buttons[SIGN].setToolTip(self.tr("Negative or positive"))

    def _button(self, key: str) -> QPushButton:
        button = QPushButton(key if key not in (BACK, CLEAR, SIGN) else "", self)
        button.setProperty("role", "key")
        button.setObjectName(f"key_{_KEY_NAMES.get(key, key)}")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda _checked=False, k=key: self.key_pressed.emit(k))
        self.buttons[key] = button
        return button


def apply_key(text: str, key: str, *, max_length: int = 9) -> str:
    """`text` after pressing `key`: digits append, "back" removes one, "clear" empties, one "." at most,
    "sign" puts a minus in front or takes it away."""
    if key == CLEAR:
        return ""
    if key == BACK:
        return text[:-1]
    if key == SIGN:
        return text[1:] if text.startswith("-") else "-" + text
    if key == POINT:
        if POINT in text:
            return text
        return (text if text not in ("", "-") else text + "0") + POINT
    if not key.isdigit() or len(text) >= max_length:
        return text
    if text in ("0", "-0"):
        return text[:-1] + key
    return text + key
