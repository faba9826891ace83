"""An SPC control chart (individuals or averages) with its control and spec limits and its signals.

`SpcChart(parent).show_chart(view)` renders an `SpcChartView` from `services.queries.checklists.spc_chart`;
it can be hosted in any layout (the supervisor's reports page, a dialog). The baseline is shaded; a point
that breaks a Nelson rule is a red dot, a value beyond a spec limit a purple square, a baseline point left
out of the limits (Phase I) a grey ring: the three are told apart. Without points it says so.
"""

from __future__ import annotations

from PySide6.QtCharts import QAreaSeries, QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from mes_terminal.services.queries.station_views import SpcChartView

VALUE, CONTROL, SPEC, CENTER = "#388bfd", "#bf8700", "#8250df", "#6e7781"
VIOLATION, EXCLUDED = "#d1242f", "#57606a"
BASELINE = QColor(88, 166, 255, 28)  # a light wash over the baseline, whatever the chart's theme


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
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        if not view.points:
            # A sentence, not an empty axis: nothing was measured in this range.
            chart.setTitle(self.empty_text())
            font = QFont(chart.titleFont())
            font.setPointSizeF(font.pointSizeF() * 1.4)
            chart.setTitleFont(font)
            chart.legend().hide()
            self._replace(chart)
            return
        kind = {"xbar-r": self.tr("Averages (X-bar/R)"), "xbar-s": self.tr("Averages (X-bar/S)")}.get(
            view.chart, self.tr("Individuals (I)")
        )
        unit = f" [{view.unit}]" if view.unit else ""
        title = f"{view.checklist}/{view.item} · {view.text}{unit} · {kind}"
        if view.provisional:
            title += " · " + self.tr("provisional limits ({count} of {baseline} baseline points)").format(
                count=len(view.points), baseline=view.baseline_asked
            )
        chart.setTitle(title)
        low, high = self._range(view)
        count = len(view.points)
        if view.baseline_size:
            chart.addSeries(self._baseline(view.baseline_size, low, high))
        chart.addSeries(self._series(self.tr("Value"), VALUE, [(i + 1, p.value) for i, p in enumerate(view.points)]))
        provisional = " " + self.tr("(provisional)") if view.provisional else ""
        for name, level, colour, dashed in (
            (self.tr("Center"), view.center, CENTER, False),
            (self.tr("UCL") + provisional, view.upper_control, CONTROL, True),
            (self.tr("LCL") + provisional, view.lower_control, CONTROL, True),
            (self.tr("USL"), view.upper_spec, SPEC, False),
            (self.tr("LSL"), view.lower_spec, SPEC, False),
        ):
            if level is not None:
                chart.addSeries(self._series(name, colour, [(0.5, level), (max(count, 2) + 0.5, level)], dashed=dashed))
        marks = (
            (self.tr("Control violation"), self.flagged_points(), VIOLATION, VIOLATION, 12, False),
            (self.tr("Spec violation"), self.out_of_spec_points(), SPEC, None, 20, True),
            (self.tr("Excluded from the limits"), self.excluded_points(), EXCLUDED, None, 28, False),
        )
        for name, numbers, colour, fill, size, square in marks:
            if numbers:
                chart.addSeries(
                    self._marks(name, [(n, view.points[n - 1].value) for n in numbers], colour, fill, size, square)
                )
        self._axes(chart, view, low, high)
        self._replace(chart)
        for series in chart.series():  # a hollow mark's legend box filled with its colour, to be seen
            if isinstance(series, QScatterSeries):
                for marker in chart.legend().markers(series):
                    marker.setBrush(QBrush(series.pen().color()))

    def empty_text(self) -> str:
        item = self.view.item if self.view else ""
        return self.tr("No measurements of {item} in this range.").format(item=item)

    def flagged_points(self) -> list[int]:
        """1-based numbers of the points drawn as control (Nelson rule) violations."""
        return [i + 1 for i, p in enumerate(self.view.points) if p.rules] if self.view else []

    def out_of_spec_points(self) -> list[int]:
        return [i + 1 for i, p in enumerate(self.view.points) if p.out_of_spec] if self.view else []

    def excluded_points(self) -> list[int]:
        return [i + 1 for i, p in enumerate(self.view.points) if p.excluded] if self.view else []

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()

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

    def _marks(
        self, name: str, points: list[tuple[float, float]], colour: str, fill: str | None, size: int, square: bool
    ) -> QScatterSeries:
        series = QScatterSeries()
        series.setName(name)
        shape = (
            QScatterSeries.MarkerShape.MarkerShapeRectangle if square else QScatterSeries.MarkerShape.MarkerShapeCircle
        )
        series.setMarkerShape(shape)
        series.setMarkerSize(size)
        pen = QPen(QColor(colour))
        pen.setWidth(2)
        series.setPen(pen)
        series.setBrush(QBrush(QColor(fill)) if fill else QBrush(Qt.BrushStyle.NoBrush))
        for x, y in points:
            series.append(QPointF(x, y))
        return series

    def _baseline(self, size: int, low: float, high: float) -> QAreaSeries:
        upper, lower = QLineSeries(), QLineSeries()
        for x in (0.5, max(size, 2) + 0.5):
            upper.append(QPointF(x, high))
            lower.append(QPointF(x, low))
        area = QAreaSeries(upper, lower)
        area.setName(self.tr("Baseline ({count})").format(count=size))
        area.setBrush(BASELINE)
        area.setPen(QPen(Qt.PenStyle.NoPen))
        upper.setParent(area)  # the area does not own its boundary series
        lower.setParent(area)
        return area

    def _range(self, view: SpcChartView) -> tuple[float, float]:
        levels = [p.value for p in view.points]
        limits = (view.upper_control, view.lower_control, view.upper_spec, view.lower_spec)
        levels += [v for v in limits if v is not None]
        low, high = min(levels), max(levels)
        margin = (high - low) * 0.1 or 1.0
        return low - margin, high + margin

    def _axes(self, chart: QChart, view: SpcChartView, low: float, high: float) -> None:
        x_axis, y_axis = QValueAxis(), QValueAxis()
        x_axis.setRange(0.5, max(len(view.points), 2) + 0.5)  # room for the markers of the first and last
        x_axis.setLabelFormat("%d")
        x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        x_axis.setTickAnchor(1)
        x_axis.setTickInterval(max(1, round(len(view.points) / 10)))
        x_axis.setTitleText(self.tr("Sample"))
        y_axis.setRange(low, high)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in chart.series():
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
