"""The dispatch list as a table: one row per operation, readiness coloured through roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from mes_terminal.domain.clock import site_time
from mes_terminal.ui.terminal.wording import quantity, sentence
from mes_terminal.ui.widgets.readiness import background, foreground
from mes_terminal.ui.widgets.row_table import RowTableModel

if TYPE_CHECKING:
    from mes_terminal.services.queries.station_views import DispatchItem
    from mes_terminal.services.queries.supervisor_views import DispatchRow

ItemRole = Qt.ItemDataRole.UserRole + 1  # the DispatchItem of the row
ReadinessRole = Qt.ItemDataRole.UserRole + 2  # its readiness value ("ready", "waiting_previous", ...)

JOB, PROGRESS, DUE, READINESS = range(4)


class DispatchModel(RowTableModel):
    column_count = 4

    def __init__(self, parent=None, site_zone: Callable[[], str] = lambda: "UTC") -> None:
        super().__init__(parent)
        self.site_zone = site_zone  # the due time is written in the site's zone

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Job"), self.tr("Done"), self.tr("Due"), self.tr("Readiness"))

    def key(self, row: DispatchItem) -> tuple[str, int]:
        return row.work_order, row.operation

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return every_reason(item)
        if role == Qt.ItemDataRole.BackgroundRole and column == READINESS:
            return background(item.readiness)
        if role == Qt.ItemDataRole.ForegroundRole and column == READINESS:
            return foreground(item.readiness)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PROGRESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ItemRole:
            return item
        if role == ReadinessRole:
            return item.readiness
        return None

    def row_of(self, work_order: str, operation: int) -> int | None:
        for row, item in enumerate(self._rows):
            if (item.work_order, item.operation) == (work_order, operation):
                return row
        return None

    def _text(self, item: DispatchItem, column: int) -> str:
        if column == JOB:
            return f"{item.work_order} · {item.operation}\n{item.product} · {item.operation_name}"
        if column == PROGRESS:
            return f"{quantity(item.good + item.scrap)} / {quantity(item.available)}"
        if column == DUE:
            return site_time(item.due_at, self.site_zone(), "day_time")
        return sentence(item.reason)


def every_reason(item: DispatchItem | DispatchRow) -> str:
    """The row's reason, then its other reasons a line each (a ready row's reasons are all advice)."""
    others = item.reasons if item.readiness == "ready" else item.reasons[1:]
    return "\n".join([sentence(item.reason), *(sentence(reason.sentence) for reason in others)])
