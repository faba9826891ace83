"""A table model over a list of frozen rows (the DTOs a service hands to the UI)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class RowTableModel(QAbstractTableModel):
    """Rows that keep their identity across refreshes.

    `set_rows` with the same keys in the same order changes the rows in place, one `dataChanged` per
    changed row, so a selection and the scroll position survive a refresh; other rows reset the model.
    Subclasses give `column_count`, `titles()`, `key(row)` and `data()`.
    """

    column_count: ClassVar[int]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def titles(self) -> Sequence[str]:
        raise NotImplementedError

    def key(self, row: Any) -> Hashable:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def row(self, number: int) -> Any | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        if [self.key(r) for r in rows] != [self.key(r) for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.column_count - 1))
