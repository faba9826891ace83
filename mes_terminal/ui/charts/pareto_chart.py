"""A Pareto chart: bars largest first, and the running share as a line on a 0-100 % axis to the right.

`ParetoChart(parent).show_pareto(title, bars, value_title)` draws `ParetoBar`s; it is the same widget for
the downtime Pareto (minutes per reason) and the scrap Pareto (quantity per reason).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

BAR, CUMULATIVE = "#0969da", "#cf222e"
MAX_LABEL = 24


@dataclass(frozen=True)
class ParetoBar:
    label: str
    value: float
    cumulative_share: float | None  # 0..1


class ParetoChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QChart(), parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(480, 260)
        self.bars: tuple[ParetoBar, ...] = ()

    def show_pareto(self, title: str, bars: Sequence[ParetoBar], value_title: str) -> None:
        self.bars = tuple(bars)
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        values = QBarSet(value_title)
        values.setColor(QColor(BAR))
        for bar in self.bars:
            values.append(bar.value)
        series = QBarSeries()
        series.append(values)
        chart.addSeries(series)
        running = QLineSeries()
        running.setName(self.tr("Cumulative %"))
        pen = QPen(QColor(CUMULATIVE))
        pen.setWidth(2)
        running.setPen(pen)
        running.setPointsVisible(True)
        for i, bar in enumerate(self.bars):
            running.append(QPointF(i, (bar.cumulative_share or 0.0) * 100))
        chart.addSeries(running)
        categories = QBarCategoryAxis()
        categories.append([_short(bar.label, i) for i, bar in enumerate(self.bars)] or [" "])
        amounts = QValueAxis()
        amounts.setTitleText(value_title)
        amounts.setRange(0, max((bar.value for bar in self.bars), default=0.0) * 1.1 or 1.0)
        amounts.setLabelFormat("%.0f")
        shares = QValueAxis()
        shares.setRange(0, 100)
        shares.setLabelFormat("%.0f %%")
        shares.setTitleText(self.tr("Cumulative share"))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(shares, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(categories)
        series.attachAxis(amounts)
        running.attachAxis(categories)
        running.attachAxis(shares)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()

    def line_points(self) -> list[tuple[float, float]]:
        """The cumulative line as drawn (x = bar index, y = percent), for tests."""
        lines = [s for s in self.chart().series() if isinstance(s, QLineSeries)]
        return [(p.x(), p.y()) for p in lines[0].points()] if lines else []


def _short(label: str, index: int) -> str:
    # Categories must differ; two reasons with the same long name stay apart by their number.
    text = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
    return f"{index + 1}. {text}"
