"""Work orders as a table (late ones marked), and the proxy that searches, filters and sorts them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from mes_terminal.services.queries.supervisor_views import WorkOrderRow
from mes_terminal.ui.supervisor.formatting import ZoneSource, local_time, quantity, utc_zone
from mes_terminal.ui.widgets.row_table import RowTableModel

RowRole = Qt.ItemDataRole.UserRole + 1  # the WorkOrderRow
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts naturally (numbers, times)

NUMBER, PRODUCT, QUANTITY, MADE, DUE, PRIORITY, STATUS, OPERATIONS = range(8)
COLUMNS = 8
LATE = ("#ffebe9", "#82071e")
STATUS_COLOURS = {
    "planned": "#d0d7de",
    "released": "#ddf4ff",
    "in_progress": "#dafbe1",
    "on_hold": "#fff8c5",
    "completed": "#eaeef2",
    "closed": "#eaeef2",
    "cancelled": "#eaeef2",
}


class OrdersModel(RowTableModel):
    column_count = COLUMNS

    def __init__(self, parent=None, site_zone: ZoneSource = utc_zone) -> None:
        super().__init__(parent)
        self.site_zone = site_zone  # times are written in the site's zone

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Work order"),
            self.tr("Product"),
            self.tr("Quantity"),
            self.tr("Made"),
            self.tr("Due"),
            self.tr("Priority"),
            self.tr("Status"),
            self.tr("Operations done"),
        )

    def key(self, row: WorkOrderRow) -> str:
        return row.number

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SortRole:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.late and column in (NUMBER, DUE):
                return QBrush(QColor(LATE[0]))
            if column == STATUS:
                return QBrush(QColor(STATUS_COLOURS.get(row.status, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole and row.late and column in (NUMBER, DUE):
            return QBrush(QColor(LATE[1]))
        if role == Qt.ItemDataRole.ToolTipRole and row.late:
            due = local_time(row.due_at, self.site_zone(), with_date=True)
            return self.tr("Late: due {due} and not finished.").format(due=due)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, MADE, PRIORITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowRole:
            return row
        return None

    def status_name(self, status: str) -> str:
        return {
            "planned": self.tr("Planned"),
            "released": self.tr("Released"),
            "in_progress": self.tr("In progress"),
            "on_hold": self.tr("On hold"),
            "completed": self.tr("Completed"),
            "closed": self.tr("Closed"),
            "cancelled": self.tr("Cancelled"),
        }.get(status, status)

    def _text(self, row: WorkOrderRow, column: int) -> str:
        if column == NUMBER:
            return row.number
        if column == PRODUCT:
            return row.product
        if column == QUANTITY:
            return f"{quantity(row.quantity)} {row.unit}"
        if column == MADE:
            return quantity(row.made)
        if column == DUE:
            return local_time(row.due_at, self.site_zone(), with_date=True) + (" ⚠" if row.late else "")
        if column == PRIORITY:
            return str(row.priority)
        if column == STATUS:
            return self.status_name(row.status)
        if column == OPERATIONS:
            return f"{row.operations_done} / {row.operations}"
        return ""

    def _sort_value(self, row: WorkOrderRow, column: int) -> Any:
        return {
            QUANTITY: float(row.quantity),
            MADE: float(row.made),
            DUE: row.due_at.timestamp(),
            PRIORITY: row.priority,
            OPERATIONS: row.operations_done,
        }.get(column, self._text(row, column).casefold())


class OrdersFilter(QSortFilterProxyModel):
    """Search in number, product and status; optionally one status and late orders only."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._search = ""
        self._status: str | None = None
        self._late_only = False

    def set_search(self, text: str) -> None:
        self._refilter(search=text.strip().casefold())

    def set_status(self, status: str | None) -> None:
        self._refilter(status=status or None)

    def set_late_only(self, late_only: bool) -> None:
        self._refilter(late_only=late_only)

    def _refilter(self, **values: object) -> None:
        # Qt 6.10 deprecates invalidateFilter() for a begin/end pair; older Qt has only the former.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
        for name, value in values.items():
            setattr(self, f"_{name}", value)
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, OrdersModel)
        row = model.row(source_row)
        if row is None:
            return False
        if self._status and row.status != self._status:
            return False
        if self._late_only and not row.late:
            return False
        if not self._search:
            return True
        words = (row.number, row.product, row.status, model.status_name(row.status))
        return any(self._search in word.casefold() for word in words)
