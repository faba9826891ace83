"""The SPC chart widget draws a characteristic's values, its limits, and its rule violations in red."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCharts import QLineSeries, QScatterSeries

from mes_terminal.services.queries.station_views import SpcChartView, SpcPoint
from mes_terminal.ui.charts.spc_chart import SpcChart

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
AT = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def chart_view() -> SpcChartView:
    values = [100.0, 100.1, 99.9, 100.0, 100.45]
    points = tuple(SpcPoint(v, AT, "WO-1", "WS-01", (1,) if v > 100.4 else (), i < 4) for i, v in enumerate(values))
    return SpcChartView(
        checklist="CUT-FAI", item="LEN", text="Length", unit="mm", chart="i-mr", subgroup_size=1, baseline_size=4,
        points=points, spread=(0.1, 0.2, 0.1, 0.45), center=100.0, lower_control=99.65, upper_control=100.35,
        spread_center=0.13, spread_upper=0.43, lower_spec=99.5, upper_spec=100.5, target=100.0, cp=1.4, cpk=1.4,
        violations=("point 5 (WO-1, 2026-03-02 06:00): Nelson rule 1: one point more than 3 sigma out",),
    )  # fmt: skip


def test_the_chart_shows_values_limits_and_the_violating_point(qtbot, qapp) -> None:
    widget = SpcChart()
    qtbot.addWidget(widget)
    widget.show_chart(chart_view())
    series = widget.chart().series()
    names = [s.name() for s in series]
    assert names == ["Baseline (4)", "Value", "Center", "UCL", "LCL", "USL", "LSL", "Control violation"]
    values = next(s for s in series if isinstance(s, QLineSeries) and s.name() == "Value")
    assert [p.y() for p in values.points()] == [100.0, 100.1, 99.9, 100.0, 100.45]
    flagged = next(s for s in series if isinstance(s, QScatterSeries) and s.name() == "Control violation")
    assert [(p.x(), p.y()) for p in flagged.points()] == [(5.0, 100.45)]
    assert widget.flagged_points() == [5]
    assert "CUT-FAI/LEN" in widget.chart().title()
    widget.resize(800, 400)
    widget.show()
    assert not widget.grab().isNull()


def judged_view() -> SpcChartView:
    """Issue #15: a baseline point beyond the limits (excluded, out of spec) and a later control violation."""
    values = [40.0, 40.02, 41.5, 39.98, 40.01, 40.0, 40.09, 40.0]
    marks = {2: ((1,), True, "USL"), 6: ((1,), False, None)}
    points = tuple(
        SpcPoint(
            v, AT, "WO-1", "WS-01", marks.get(i, ((), False, None))[0], i < 6, *marks.get(i, ((), False, None))[1:]
        )
        for i, v in enumerate(values)
    )
    return replace(chart_view(), points=points, spread=(0.0,) * 7, baseline_size=6, baseline_asked=25,
                   provisional=True, excluded=(2,), center=40.0, lower_control=39.95, upper_control=40.05,
                   lower_spec=39.8, upper_spec=40.2)  # fmt: skip


def test_excluded_baseline_points_control_and_spec_violations_are_told_apart(qtbot, qapp) -> None:
    widget = SpcChart()
    qtbot.addWidget(widget)
    widget.show_chart(judged_view())
    marks = {
        s.name(): [(p.x(), p.y()) for p in s.points()] for s in widget.chart().series() if isinstance(s, QScatterSeries)
    }
    assert marks == {
        "Control violation": [(3.0, 41.5), (7.0, 40.09)],
        "Spec violation": [(3.0, 41.5)],
        "Excluded from the limits": [(3.0, 41.5)],
    }
    assert "provisional limits (8 of 25 baseline points)" in widget.chart().title()
    assert "UCL (provisional)" in [s.name() for s in widget.chart().series()]


def test_a_chart_without_values_says_so_instead_of_drawing_an_empty_axis(qtbot, qapp) -> None:
    widget = SpcChart()
    qtbot.addWidget(widget)
    widget.show_chart(replace(chart_view(), points=(), spread=(), center=None, lower_control=None, upper_control=None))
    assert widget.chart().title() == "No measurements of LEN in this range."
    assert widget.chart().series() == [] and widget.chart().axes() == []
