"""A station's shift as a strip: runs in green, stops in red, count reports as ticks below."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from mes_terminal.domain.clock import site_time
from mes_terminal.services.queries.supervisor_views import StationTimeline

RUN, STOP, TICK, GRID = QColor("#1a7f37"), QColor("#cf222e"), QColor("#0969da"), QColor("#8c959f")


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: StationTimeline | None = None
        self.now: datetime | None = None
        self.zone = "UTC"  # the site's: the strip's ends are written in its wall-clock time
        self.setMinimumHeight(120)

    def set_timeline(self, timeline: StationTimeline | None, now: datetime | None = None, zone: str = "UTC") -> None:
        self.timeline, self.now, self.zone = timeline, now, zone
        self.setToolTip(self._summary())
        self.update()

    def _summary(self) -> str:
        if self.timeline is None:
            return ""
        t = self.timeline
        return self.tr("Runs: {runs}, stops: {stops}").format(runs=len(t.runs), stops=len(t.stops))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -22)
        painter.setPen(GRID)
        painter.drawRect(area)
        timeline = self.timeline
        if timeline is None or timeline.end <= timeline.start:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No station selected"))
            return
        span = (timeline.end - timeline.start).total_seconds()
        until = self.now or timeline.end

        def x(moment: datetime) -> float:
            share = (min(max(moment, timeline.start), timeline.end) - timeline.start).total_seconds() / span
            return area.left() + share * area.width()

        band = area.height() / 2
        for run in timeline.runs:
            painter.fillRect(QRectF(x(run.start), area.top(), max(x(run.end or until) - x(run.start), 1), band), RUN)
        for stop in timeline.stops:
            left = x(stop.start)
            painter.fillRect(QRectF(left, area.top() + band, max(x(stop.end or until) - left, 1), band), STOP)
        painter.setPen(TICK)
        for count in timeline.counts:
            painter.drawLine(int(x(count.at)), int(area.bottom()), int(x(count.at)), int(area.bottom() + 6))
        painter.setPen(self.palette().windowText().color())
        labels = QRectF(area.left(), area.bottom() + 6, area.width(), 16)
        painter.drawText(labels, Qt.AlignmentFlag.AlignLeft, site_time(timeline.start, self.zone, "time"))
        painter.drawText(labels, Qt.AlignmentFlag.AlignRight, site_time(timeline.end, self.zone, "time"))
