"""Models of the reports tab: the OEE table (totals in bold), the drill-down tree, the Pareto tables."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from mes_terminal.domain.clock import TimeStyle, site_time
from mes_terminal.services.reports.columns import COLUMNS as REPORT_COLUMNS
from mes_terminal.services.reports.columns import column, shown
from mes_terminal.services.reports.service import Report
from mes_terminal.services.reports.supervisor_reports import OeeRow
from mes_terminal.ui.supervisor.formatting import duration, quantity
from mes_terminal.ui.terminal.wording import sentence

RowRole = Qt.ItemDataRole.UserRole + 1  # the OeeRow

WHERE, SHIFT, DAY, SPAN, PLANNED, RUN, MADE, GOOD, AVAILABILITY, PERFORMANCE, QUALITY, OEE = range(12)
COLUMNS = 12
FIGURES = (AVAILABILITY, PERFORMANCE, QUALITY, OEE)
TOTAL_BACKGROUND = "#eaeef2"


KEYS: tuple[str, ...] = (
    "station",
    "shift",
    "day",
    "span",
    "planned_seconds",
    "run_seconds",
    "total_count",
    "good_count",
)
KEYS += ("availability", "performance", "quality", "oee")


def title(key: str, *, lines: bool = False) -> str:
    """A report column's heading as the PDF and the command line print it (`columns.COLUMNS`), translated;
    `lines`: the unit on a line of its own, for a narrow column."""
    named = column(key)
    text = sentence(named.title)
    return f"{text}{chr(10) if lines else ' '}({named.unit})" if named.unit else text


def figure_name(key: str) -> str:
    """An input of the explanation by its name ("Planned time"), or as it is when it has none."""
    return sentence(REPORT_COLUMNS[key].title) if key in REPORT_COLUMNS else key


def percent_1(value: Decimal | None) -> str:
    """A fraction as a percentage with one decimal ("–" when not defined: no planned time, nothing made)."""
    return "–" if value is None else f"{value * 100:.1f} %"


class OeeTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[OeeRow] = []
        self._zone = "UTC"

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = tuple(self.tr("From – to") if key == "span" else title(key, lines=True) for key in KEYS)
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < COLUMNS:
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.FontRole and row.level != "shift":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.level == "total":
            return QBrush(QColor(TOTAL_BACKGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= PLANNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Select the row to see how its figures are made.")
        if role == RowRole:
            return row
        return None

    def set_rows(self, rows: Sequence[OeeRow], zone: str = "UTC") -> None:
        """The rows of a new report; times shown in `zone`, the site's, as the report counts its days."""
        self.beginResetModel()
        self._rows = list(rows)
        self._zone = zone
        self.endResetModel()

    def row(self, number: int) -> OeeRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    @property
    def rows(self) -> list[OeeRow]:
        return list(self._rows)

    def _text(self, row: OeeRow, column: int) -> str:
        if column == WHERE:
            if row.level == "total":
                scope = row.scope
                return (
                    self.tr("Whole plant") if scope.kind == "plant" else self.tr("Line {code}").format(code=scope.code)
                )
            return f"{row.station} · {row.line}" if row.level == "station" else ""
        if column == SHIFT:
            return row.shift or (self.tr("all shifts") if row.level != "total" else "")
        if column == DAY:
            return row.day or ""
        if column == SPAN:  # a shift's day is in the Day column: its span is the clock times
            style: TimeStyle = "time" if row.level == "shift" else "date_time"
            return f"{site_time(row.start, self._zone, style)} – {site_time(row.end, self._zone, style)}"
        figure = {
            PLANNED: row.planned_seconds,
            RUN: row.run_seconds,
            MADE: row.total_count,
            GOOD: row.good_count,
            AVAILABILITY: row.availability,
            PERFORMANCE: row.performance,
            QUALITY: row.quality,
            OEE: row.oee,
        }
        return shown(KEYS[column], figure.get(column))


def explanation_model(model: QStandardItemModel, report: Report) -> None:
    """Fill `model` with the report's explanation: figures with formula and inputs, then the inputs' detail."""
    model.clear()
    model.setHorizontalHeaderLabels([model.tr("Figure or input"), model.tr("Value"), model.tr("Formula or source")])
    explain = report.explain or {}
    root = model.invisibleRootItem()
    figures = _branch(root, model.tr("Figures"))
    for name, figure in explain.get("figures", {}).items():
        item = _add(figures, figure_name(name), _value(name, figure["value"]), figure["formula"])
        for key, value in figure["inputs"].items():
            _add(item, figure_name(key), _value(key, value), "")
        if figure.get("note"):
            _add(item, model.tr("note"), "", figure["note"])
    inputs = _branch(root, model.tr("Inputs"))
    for key, value in explain.get("inputs", {}).items():
        _add(inputs, figure_name(key), _value(key, value), "")
    stops = _branch(root, model.tr("Stops by loss"))
    for loss, tally in explain.get("stops_by_loss", {}).items():
        item = _add(stops, loss, model.tr("{n} stops").format(n=quantity(tally["stops"])), "")
        for key in ("seconds", "in_calendar_seconds"):
            _add(item, figure_name(key), _value(key, tally[key]), "")
    ideal = _branch(root, model.tr("Ideal time by operation"))
    for line in explain.get("ideal_time", []):
        what = f"{line['station']} · {line['product']} · {line['operation']}"
        source = f"{quantity(line['ideal_cycle_seconds'])} s × {quantity(line['total_count'])}"
        _add(ideal, what, _value("ideal_seconds", line["ideal_seconds"]), source)
    shifts = _branch(root, model.tr("Shifts in the range"))
    for shift in explain.get("shifts", []):
        what = f"{shift['line']} · {shift['shift']} · {shift['day']}"
        span = f"{site_time(shift['start'], report.timezone)} – {site_time(shift['end'], report.timezone)}"
        _add(shifts, what, _value("planned_seconds", shift["planned_seconds"]), span)
    rules = _branch(root, model.tr("Rules"))
    for rule in explain.get("rules", []):
        _add(rules, "", "", rule)


def _branch(parent: QStandardItem, title: str) -> QStandardItem:
    item = QStandardItem(title)
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    cells = [item, QStandardItem(""), QStandardItem("")]
    for cell in cells:
        cell.setEditable(False)
    parent.appendRow(cells)
    return item


def _add(parent: QStandardItem, name: str, value: str, formula: str) -> QStandardItem:
    item = QStandardItem(name)
    cells = [item, QStandardItem(value), QStandardItem(formula)]
    for cell in cells:
        cell.setEditable(False)
        cell.setToolTip(cell.text())
    parent.appendRow(cells)
    return item


def _value(name: str, value: Any) -> str:
    if value is None:
        return "–"
    if not isinstance(value, Decimal | int | float):
        return str(value)
    number = Decimal(str(value))
    if name.endswith("seconds"):
        return f"{quantity(number)} s ({duration(float(number))})"
    if name in ("availability", "performance", "quality", "oee", "utilization", "teep"):
        return f"{quantity(number)} ({percent_1(number)})"
    return quantity(number)
