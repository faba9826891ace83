"""A big button's words on two lines when one line does not fit its width (QPushButton never wraps).

`fit_text(button, text)` sets the words; whenever the button is resized, restyled or given new words,
they are broken at the space that makes the longer line shortest, or kept on one line if it fits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton


class _Fitter(QObject):
    def __init__(self, button: QPushButton) -> None:
        super().__init__(button)
        self.button = button
        self.words = button.text().replace("\n", " ")
        self._fitting = False
        button.installEventFilter(self)

    def fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            button = self.button
            button.setText(self.words)
            if button.sizeHint().width() <= button.width() or " " not in self.words:
                return
            parts = self.words.split(" ")
            splits = [(" ".join(parts[:i]), " ".join(parts[i:])) for i in range(1, len(parts))]
            metrics = button.fontMetrics()
            first, second = min(
                splits, key=lambda s: max(metrics.horizontalAdvance(s[0]), metrics.horizontalAdvance(s[1]))
            )
            button.setText(f"{first}\n{second}")
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.fit()
        return False


def fit_text(button: QPushButton, text: str | None = None) -> None:
    """Keep `button`'s words (`text`, or the ones it has) on one line where they fit, else on two."""
    fitter = button.findChild(_Fitter)
    if fitter is None:
        fitter = _Fitter(button)
    if text is not None:
        fitter.words = text.replace("\n", " ")
    fitter.fit()


def words_of(button: QPushButton) -> str:
    """The button's words on one line, however they are broken on screen."""
    return button.text().replace("\n", " ")
