"""The feedback banner: one line of plain words on green, amber, red or blue."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from mes_terminal.ui.widgets.style import set_style_property

OK, WARN, ERROR, INFO = "ok", "warn", "error", "info"
KINDS = (OK, WARN, ERROR, INFO)

# Good news goes away by itself; a refusal stays until the next outcome replaces it.
HIDE_AFTER_MS = {OK: 6000, INFO: 6000, WARN: 0, ERROR: 0}


class FeedbackBanner(QLabel):
    """Shows `show_message(kind, text)`; `kind` is "ok", "warn", "error" or "info"."""

    banner_changed = Signal(str, str)  # kind, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackBanner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(56)
        self.kind = ""
        self.said: str = ""
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.on_hide_timer_fired)
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown banner kind {kind!r}")
        self.kind = kind
        self.said = text  # kept as given: a screen that words its messages again can find them here
        set_style_property(self, "kind", kind)
        self.setText(text)
        self.show()
        self._hide_timer.stop()
        if HIDE_AFTER_MS[kind]:
            self._hide_timer.start(HIDE_AFTER_MS[kind])
        self.banner_changed.emit(kind, text)

    def say_again(self, word_again: Callable[[str], str]) -> None:
        """The message on show, worded anew (after a language switch) by `word_again`; it stays as long."""
        if self.kind:
            self.said = word_again(self.said)
            self.setText(self.said)
            self.banner_changed.emit(self.kind, self.said)

    def clear_message(self) -> None:
        self._hide_timer.stop()
        self.kind = ""
        self.said = ""
        self.setText("")
        self.hide()

    def on_hide_timer_fired(self) -> None:
        self.clear_message()
