"""The Materials panel as a table: one row per BOM line of the job, its state coloured through roles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mes_terminal.ui.terminal.wording import quantity
from mes_terminal.ui.widgets.row_table import RowTableModel

if TYPE_CHECKING:
    from mes_terminal.services.queries.station_views import MaterialLineView

MATERIAL, REQUIRED, CONSUMED, REMAINING, STATE = range(5)
STATE_COLOURS = {"ready": "#116329", "short": "#9a6700", "missing": "#8e1519"}
JUST_SCANNED = "#1a7f37"  # the line a lot was just taken into: filled green


class MaterialsModel(RowTableModel):
    column_count = 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._scanned: str | None = None  # the BOM material of the last successful scan

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Material"), self.tr("Required"), self.tr("Taken"), self.tr("Left"), self.tr("State"))

    def key(self, row: MaterialLineView) -> str:
        return row.material

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.row(index.row()) if index.isValid() else None
        if line is None:
            return None
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

    def mark_scanned(self, material: str | None) -> None:
        rows = [row for row, line in enumerate(self._rows) if line.material in (material, self._scanned)]
        self._scanned = material
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.column_count - 1))

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
