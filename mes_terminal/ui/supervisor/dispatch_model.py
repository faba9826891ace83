"""A station's dispatch list as a table whose rows are dragged into a new order, each with its readiness.

A drop moves the row at once (beginMoveRows) and emits `reordered` with the operation keys in their
new order; the page sends that as one ReorderDispatch command. A refusal is followed by a fresh
reading of the list, which puts the rows back where the database has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from mes_terminal.services.queries.supervisor_views import DispatchRow
from mes_terminal.ui.supervisor.formatting import ZoneSource, local_time, quantity, utc_zone
from mes_terminal.ui.terminal.dispatch_model import every_reason
from mes_terminal.ui.terminal.wording import sentence
from mes_terminal.ui.widgets.readiness import background, foreground
from mes_terminal.ui.widgets.row_table import RowTableModel

RowRole = Qt.ItemDataRole.UserRole + 1
ReadinessRole = Qt.ItemDataRole.UserRole + 2  # the row's readiness value ("ready", "order_on_hold", ...)
MIME = "application/x-mes-dispatch-row"

POSITION, JOB, PRODUCT, DONE, DUE, PRIORITY, READINESS, ASSIGNED = range(8)
COLUMNS = 8


class DispatchModel(RowTableModel):
    reordered = Signal(list)  # the operation keys ("WO-1/10") in their new order
    column_count = COLUMNS

    def __init__(self, parent=None, site_zone: ZoneSource = utc_zone) -> None:
        super().__init__(parent)
        self.site_zone = site_zone  # times are written in the site's zone

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("#"),
            self.tr("Job"),
            self.tr("Product"),
            self.tr("Done"),
            self.tr("Due"),
            self.tr("Priority"),
            self.tr("Readiness"),
            self.tr("Stations"),
        )

    def key(self, row: DispatchRow) -> str:
        return row.key

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column(), index.row())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == READINESS:
            return every_reason(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Eligible stations: {stations}").format(stations=", ".join(row.eligible_stations))
        # Coloured as on the terminal: what the station is told is what the console shows.
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == READINESS:
            return background(row.readiness)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == READINESS:
            return foreground(row.readiness)
        if role == ReadinessRole:
            return row.readiness
        if role == RowRole:
            return row
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never onto one
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        sources = [int(part) for part in bytes(data.data(MIME).data()).decode().split(",") if part.isdigit()]
        if len(sources) != 1:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        self.move_row(sources[0], target)
        return False  # the move is done: the view must not remove the source row itself

    def move_row(self, source: int, target: int) -> bool:
        """Move row `source` to stand before row `target` (len = to the end); emits `reordered`."""
        if not 0 <= source < len(self._rows) or not 0 <= target <= len(self._rows) or target in (source, source + 1):
            return False
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
        moved = self._rows.pop(source)
        self._rows.insert(target - 1 if target > source else target, moved)
        self.endMoveRows()
        self.reordered.emit([r.key for r in self._rows])
        return True

    def operation_keys(self) -> list[str]:
        return [r.key for r in self._rows]

    def _text(self, row: DispatchRow, column: int, number: int) -> str:
        if column == POSITION:
            return str(number + 1)
        if column == JOB:
            return f"{row.key} {row.operation_name}"
        if column == PRODUCT:
            return row.product
        if column == DONE:
            return f"{quantity(row.good)} / {quantity(row.quantity)}"
        if column == DUE:
            return local_time(row.due_at, self.site_zone(), with_date=True)
        if column == PRIORITY:
            return str(row.priority)
        if column == READINESS:
            return sentence(row.reason)
        if column == ASSIGNED:
            return ", ".join(row.eligible_stations) if not row.assigned else self.tr("assigned here")
        return ""
