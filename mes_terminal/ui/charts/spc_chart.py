"""An SPC control chart (individuals or averages) with its control and spec limits, rule violations in red.

`SpcChart(parent).show_chart(view)` renders an `SpcChartView` from `services.queries.checklists.spc_chart`;
it can be hosted in any layout (the supervisor's reports page, a dialog).
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from mes_terminal.services.queries.station_views import SpcChartView

VALUE, CONTROL, SPEC, CENTER, VIOLATION = "#58a6ff", "#e3b341", "#ff7b72", "#8b949e", "#ff7b72"


class SpcChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QChart(), parent)
        self.setObjectName("spcChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(480, 280)
        self.view: SpcChartView | None = None

    def show_chart(self, view: SpcChartView) -> None:
        self.view = view
        chart = QChart()
        kind = self.tr("Averages (X-bar)") if view.chart == "xbar-r" else self.tr("Individuals (I)")
        unit = f" [{view.unit}]" if view.unit else ""
        chart.setTitle(f"{view.checklist}/{view.item} · {view.text}{unit} · {kind}")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        count = len(view.points)
        values = self._series(self.tr("Value"), VALUE, [(i + 1, p.value) for i, p in enumerate(view.points)])
        chart.addSeries(values)
        for name, level, colour, dashed in (
            (self.tr("Center"), view.center, CENTER, False),
            (self.tr("UCL"), view.upper_control, CONTROL, True),
            (self.tr("LCL"), view.lower_control, CONTROL, True),
            (self.tr("USL"), view.upper_spec, SPEC, False),
            (self.tr("LSL"), view.lower_spec, SPEC, False),
        ):
            if level is not None and count:
                chart.addSeries(self._series(name, colour, [(1, level), (max(count, 2), level)], dashed=dashed))
        flagged = QScatterSeries()
        flagged.setName(self.tr("Rule violated"))
        flagged.setColor(QColor(VIOLATION))
        flagged.setMarkerSize(12)
        for i, point in enumerate(view.points):
            if point.rules:
                flagged.append(QPointF(i + 1, point.value))
        chart.addSeries(flagged)
        self._axes(chart, view)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()

    def flagged_points(self) -> list[int]:
        """1-based numbers of the points drawn as rule violations (for tests and tooltips)."""
        return [i + 1 for i, p in enumerate(self.view.points) if p.rules] if self.view else []

    def _series(self, name: str, colour: str, points: list[tuple[float, float]], *, dashed: bool = False):
        series = QLineSeries()
        series.setName(name)
        pen = QPen(QColor(colour))
        pen.setWidth(2)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        series.setPen(pen)
        for x, y in points:
            series.append(QPointF(x, y))
        return series

    def _axes(self, chart: QChart, view: SpcChartView) -> None:
        levels = [p.value for p in view.points]
        limits = (view.upper_control, view.lower_control, view.upper_spec, view.lower_spec)
        levels += [v for v in limits if v is not None]
        low, high = (min(levels), max(levels)) if levels else (0.0, 1.0)
        margin = (high - low) * 0.1 or 1.0
        x_axis, y_axis = QValueAxis(), QValueAxis()
        x_axis.setRange(1, max(len(view.points), 2))
        x_axis.setLabelFormat("%d")
        x_axis.setTitleText(self.tr("Sample"))
        y_axis.setRange(low - margin, high + margin)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in chart.series():
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
