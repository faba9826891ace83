"""The Schedule tab: the published plan as a Gantt per station over its shift calendar (read-only).

Off-shift time and breaks are shaded, late operations red, the changeover before an operation hatched.
The plan comes from `mes-terminal schedule --apply`; dragging, locking and rescheduling here are not
built yet (docs/scheduling.md).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mes_terminal.domain.clock import site_time
from mes_terminal.services.planning.chart import PlanChart
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel

OFF, WORK, BAR, LATE, SETUP, GRID = (
    QColor("#d0d7de"),
    QColor("#ffffff"),
    QColor("#0969da"),
    QColor("#cf222e"),
    QColor("#57606a"),
    QColor("#8c959f"),
)
LANE, LABELS, AXIS = 44, 84, 22  # pixels: a station's row, the station column, the time axis


class GanttWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: PlanChart | None = None
        self.setMinimumHeight(200)

    def set_chart(self, chart: PlanChart | None) -> None:
        self.chart = chart
        if chart is not None:
            self.setMinimumHeight(AXIS + LANE * len(chart.lanes) + 8)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        chart = self.chart
        if chart is None or not chart.lanes:
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No stations"))
            return
        width = self.width() - LABELS - 8
        span = (chart.end - chart.start).total_seconds()

        def x(moment: datetime) -> float:
            share = (min(max(moment, chart.start), chart.end) - chart.start).total_seconds() / span
            return LABELS + share * width

        text = self.palette().windowText().color()
        for row, lane in enumerate(chart.lanes):
            top = AXIS + row * LANE
            painter.fillRect(QRectF(LABELS, top, width, LANE - 6), OFF)
            for begin, finish in lane.working:
                painter.fillRect(QRectF(x(begin), top, max(x(finish) - x(begin), 1), LANE - 6), WORK)
            painter.setPen(text)
            painter.drawText(QRectF(4, top, LABELS - 8, LANE - 6), Qt.AlignmentFlag.AlignVCenter, lane.station)
            for bar in lane.bars:
                if bar.setup_minutes:
                    setup_start = bar.start - timedelta(minutes=bar.setup_minutes)
                    hatch = QRectF(x(setup_start), top + 4, max(x(bar.start) - x(setup_start), 1), LANE - 14)
                    painter.fillRect(hatch, QBrush(SETUP, Qt.BrushStyle.BDiagPattern))
                box = QRectF(x(bar.start), top + 4, max(x(bar.end) - x(bar.start), 2), LANE - 14)
                colour = LATE if bar.late else BAR
                # Work only inside planned time; across a break or a night a thin line shows it pauses.
                painter.setPen(colour)
                painter.drawLine(int(box.left()), int(box.center().y()), int(box.right()), int(box.center().y()))
                pieces = [
                    QRectF(
                        x(max(a, bar.start)), box.top(), max(x(min(b, bar.end)) - x(max(a, bar.start)), 1), box.height()
                    )
                    for a, b in lane.working
                    if max(a, bar.start) < min(b, bar.end)
                ]
                for piece in pieces:
                    painter.fillRect(piece, colour)
                painter.setPen(WORK)
                painter.drawLine(int(box.left()), int(box.top()), int(box.left()), int(box.bottom()))
                painter.setPen(QColor("#ffffff"))
                label = f"{bar.work_order}/{bar.operation}"
                first = pieces[0] if pieces else box
                if painter.fontMetrics().horizontalAdvance(label) + 6 < first.width():
                    painter.drawText(first.adjusted(3, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, label)
        # The time axis: a line every six hours, the site's local time written at each.
        painter.setPen(GRID)
        bottom = AXIS + LANE * len(chart.lanes) - 6
        tick = chart.start
        while tick <= chart.end:
            at = x(tick)
            painter.drawLine(int(at), AXIS - 4, int(at), bottom)
            when = site_time(tick, chart.timezone, "week_time")
            painter.drawText(QRectF(at + 2, 2, 90, AXIS - 4), Qt.AlignmentFlag.AlignLeft, when)
            tick += timedelta(hours=6)


class SchedulePage(QWidget):
    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.summary = QLabel(self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.gantt = GanttWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.gantt, 1)
        self.refresh_button.clicked.connect(self.open)
        vm.schedule_changed.connect(self.show_chart)

    def open(self) -> None:
        self.vm.load_schedule()

    def show_chart(self, chart: PlanChart) -> None:
        if chart.planned:
            late = sum(1 for lane in chart.lanes for bar in lane.bars if bar.late)
            text = self.tr("Plan in force: {count} operations, {late} late. Shaded: off shift and breaks.")
            self.summary.setText(text.format(count=chart.planned, late=late))
        else:
            self.summary.setText(self.tr("No plan has been published yet: run 'mes-terminal schedule --apply'."))
        self.gantt.set_chart(chart)
