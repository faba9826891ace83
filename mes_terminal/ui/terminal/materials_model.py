"""The Materials panel as a table: one row per BOM line of the job, its state coloured through roles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mes_terminal.services.views import MaterialLineView
from mes_terminal.ui.terminal.wording import quantity

MATERIAL, REQUIRED, CONSUMED, REMAINING, STATE = range(5)
STATE_COLOURS = {"ready": "#116329", "short": "#9a6700", "missing": "#8e1519"}
JUST_SCANNED = "#1a7f37"  # the line a lot was just taken into: filled green


class MaterialsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[MaterialLineView] = []
        self._scanned: str | None = None  # the BOM material of the last successful scan

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Material"), self.tr("Required"), self.tr("Taken"), self.tr("Left"), self.tr("State"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.material == self._scanned:
                return QBrush(QColor(JUST_SCANNED))
            if column == STATE:
                return QBrush(QColor(STATE_COLOURS.get(line.state, "#30363d")))
        if role == Qt.ItemDataRole.ForegroundRole and (column == STATE or line.material == self._scanned):
            return QBrush(QColor("#ffffff"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (REQUIRED, CONSUMED, REMAINING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_lines(self, lines: Sequence[MaterialLineView]) -> None:
        """Show `lines`: the same materials in the same order change in place, else a reset."""
        lines = list(lines)
        if [line.material for line in lines] == [line.material for line in self._lines]:
            changed = [row for row, (old, new) in enumerate(zip(self._lines, lines, strict=True)) if old != new]
            self._lines = lines
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1))
            return
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def mark_scanned(self, material: str | None) -> None:
        rows = [row for row, line in enumerate(self._lines) if line.material in (material, self._scanned)]
        self._scanned = material
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def lines(self) -> list[MaterialLineView]:
        return list(self._lines)

    def line(self, row: int) -> MaterialLineView | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def _text(self, line: MaterialLineView, column: int) -> str:
        if column == MATERIAL:
            extra = f"\n{self.tr('or')} {', '.join(line.substitutes)}" if line.substitutes else ""
            return f"{line.material}\n{line.name}{extra}"
        if column == REQUIRED:
            return f"{quantity(line.required)} {line.unit}"
        if column == CONSUMED:
            return f"{quantity(line.consumed)} {line.unit}"
        if column == REMAINING:
            return f"{quantity(line.remaining)} {line.unit}"
        if not line.lot_controlled:
            return self.tr("floor stock")
        states = {"ready": self.tr("ready"), "short": self.tr("short"), "missing": self.tr("missing")}
        text = states.get(line.state, line.state)
        if line.backflush:
            return text + "\n" + self.tr("taken at completion")
        if line.state != "ready" or line.remaining > 0:
            text += "\n" + self.tr("{on_hand} {unit} on hand").format(on_hand=quantity(line.on_hand), unit=line.unit)
        return text
