"""A one-line hint under a big button's words: what tapping it does ("the job runs; the stop ends").

The hint is a small label laid into the button's bottom padding; the button keeps its own text and icon
(tests and screen readers read them as before), and the hint never takes a tap from it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from mes_terminal.ui.widgets.style import set_style_property

HINT_SPACE = 22  # pixels at the bottom of the button kept for the hint (in the theme's padding-bottom)


class ButtonHint(QLabel):
    def __init__(self, button: QPushButton) -> None:
        super().__init__(button)
        self.setObjectName("buttonHint")
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._button = button
        set_style_property(button, "hinted", "true")
        button.installEventFilter(self)
        self._place()

    def set_hint(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)
        self._button.setAccessibleDescription(text)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._button and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)

    def _place(self) -> None:
        button = self._button
        self.setGeometry(4, button.height() - HINT_SPACE - 3, max(button.width() - 8, 1), HINT_SPACE)
