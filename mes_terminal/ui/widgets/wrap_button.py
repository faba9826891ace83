"""A push button whose text wraps onto several lines (QPushButton itself never wraps)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class WrapButton(QPushButton):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet("background: transparent; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.set_rich_text(text)

    def set_rich_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(self.label.text())
        self.updateGeometry()

    def text_shown(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:
        hint = self.label.sizeHint()
        return QSize(hint.width() + 24, max(72, self.label.heightForWidth(hint.width()) + 16))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 72)
