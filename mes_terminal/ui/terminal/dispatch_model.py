"""The dispatch list as a table: one row per operation, readiness coloured through roles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mes_terminal.ui.terminal.wording import quantity, sentence
from mes_terminal.ui.widgets.row_table import RowTableModel

if TYPE_CHECKING:
    from mes_terminal.services.queries.station_views import DispatchItem

ItemRole = Qt.ItemDataRole.UserRole + 1  # the DispatchItem of the row
ReadinessRole = Qt.ItemDataRole.UserRole + 2  # its readiness value ("ready", "waiting_previous", ...)

# readiness -> (background, text): green ready, blue running, amber paused, grey waiting, red blocked
COLOURS = {
    "ready": ("#116329", "#ffffff"),
    "running_here": ("#0550ae", "#ffffff"),
    "paused_here": ("#e3b341", "#000000"),
    "running_elsewhere": ("#30363d", "#ffffff"),
    "waiting_previous": ("#30363d", "#ffffff"),
    "material_short": ("#9a6700", "#ffffff"),
    "check_due": ("#116329", "#ffffff"),
    "completed": ("#30363d", "#c9d1d9"),
    "order_on_hold": ("#8e1519", "#ffffff"),
    "order_not_released": ("#8e1519", "#ffffff"),
    "not_eligible": ("#8e1519", "#ffffff"),
    "not_qualified": ("#8e1519", "#ffffff"),
}

JOB, PROGRESS, DUE, READINESS = range(4)


class DispatchModel(RowTableModel):
    column_count = 4

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
            return _every_reason(item)
        if role == Qt.ItemDataRole.BackgroundRole and column == READINESS:
            return QBrush(QColor(COLOURS.get(item.readiness, ("#30363d", "#ffffff"))[0]))
        if role == Qt.ItemDataRole.ForegroundRole and column == READINESS:
            return QBrush(QColor(COLOURS.get(item.readiness, ("#30363d", "#ffffff"))[1]))
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
            return item.due_at.astimezone().strftime("%d.%m. %H:%M")
        return sentence(item.reason)


def _every_reason(item: DispatchItem) -> str:
    """The row's reason, then its other reasons a line each (a ready row's reasons are all advice)."""
    others = item.reasons if item.readiness == "ready" else item.reasons[1:]
    return "\n".join([sentence(item.reason), *(sentence(reason.sentence) for reason in others)])
