"""A bar that shows where a measured value falls between its limits: green inside, red outside."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

INSIDE, TRACK, TARGET = QColor("#116329"), QColor("#30363d"), QColor("#ffffff")
MARK_INSIDE, MARK_OUTSIDE = QColor("#56d364"), QColor("#ff7b72")  # the value's marker: bright on the dark bar


class LimitBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("limitBar")
        self.setMinimumHeight(72)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lower_limit: Decimal | None = None  # not `lower`: that is QWidget.lower()
        self.upper_limit: Decimal | None = None
        self.target: Decimal | None = None
        self.value: Decimal | None = None

    def set_limits(self, lower: Decimal | None, target: Decimal | None, upper: Decimal | None) -> None:
        self.lower_limit, self.target, self.upper_limit = lower, target, upper
        self.update()

    def set_value(self, value: Decimal | None) -> None:
        self.value = value
        self.update()

    def span(self) -> tuple[Decimal, Decimal]:
        """The range drawn: the limits with half their width either side."""
        known = [v for v in (self.lower_limit, self.target, self.upper_limit) if v is not None]
        if not known:
            return Decimal(0), Decimal(1)
        low, high = min(known), max(known)
        margin = (high - low) / 2 or max(abs(high), Decimal(1)) / 10
        return low - margin, high + margin

    def fraction(self, value: Decimal) -> float:
        """Where `value` sits along the bar, 0..1; values beyond the drawn range stick to its ends."""
        low, high = self.span()
        return float(min(max((value - low) / (high - low), Decimal(0)), Decimal(1)))

    def inside(self) -> bool | None:
        if self.value is None:
            return None
        return (self.lower_limit is None or self.value >= self.lower_limit) and (
            self.upper_limit is None or self.value <= self.upper_limit
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width() - 16, self.height()
        track = QRectF(8, height * 0.35, width, height * 0.3)
        painter.fillRect(track, TRACK)
        left = self.fraction(self.lower_limit) if self.lower_limit is not None else 0.0
        right = self.fraction(self.upper_limit) if self.upper_limit is not None else 1.0
        painter.fillRect(QRectF(8 + left * width, track.top(), (right - left) * width, track.height()), INSIDE)
        if self.target is not None:
            x = 8 + self.fraction(self.target) * width
            painter.setPen(QPen(TARGET, 2))
            painter.drawLine(int(x), int(track.top()), int(x), int(track.bottom()))
        if self.value is not None:
            x = 8 + self.fraction(self.value) * width
            painter.setPen(QPen(TARGET, 2))
            painter.setBrush(MARK_INSIDE if self.inside() else MARK_OUTSIDE)
            painter.drawPolygon([QPointF(x, 2), QPointF(x - 10, height * 0.3), QPointF(x + 10, height * 0.3)])
            painter.drawRect(QRectF(x - 3, height * 0.3, 6, height * 0.45))
        painter.end()
