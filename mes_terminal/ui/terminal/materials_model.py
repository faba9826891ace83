"""The Materials panel as a table: one row per BOM line of the job, its state coloured through roles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mes_terminal.ui.terminal.wording import quantity, unit_name
from mes_terminal.ui.widgets.row_table import RowTableModel

if TYPE_CHECKING:
    from mes_terminal.services.queries.station_views import MaterialLineView

MATERIAL, NEEDED, TAKEN, LEFT, STATE = range(5)
# Green only where what was taken covers the job: an untouched line is "to scan", never green.
STATE_COLOURS = {"covered": "#116329", "to_scan": "#0a4a8f", "short": "#8e1519", "floor_stock": "#57606a"}
JUST_SCANNED = "#1a7f37"  # the line a lot was just taken into: filled green


class MaterialsModel(RowTableModel):
    column_count = 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._scanned: str | None = None  # the BOM material of the last successful scan

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Material"), self.tr("Needed"), self.tr("Taken"), self.tr("Left"), self.tr("State"))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                NEEDED: self.tr("Needed for what is reported so far"),
                TAKEN: self.tr("Taken from lots so far"),
                LEFT: self.tr("Left to take for the planned quantity"),
            }
            return tips.get(section)
        return super().headerData(section, orientation, role)

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
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NEEDED, TAKEN, LEFT):
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
        if column == NEEDED:
            return f"{quantity(line.needed)} {unit_name(line.unit)}"
        if column == TAKEN:
            return f"{quantity(line.taken)} {unit_name(line.unit)}"
        if column == LEFT:
            return f"{quantity(line.left)} {unit_name(line.unit)}"
        states = {
            "to_scan": self.tr("to scan"),
            "covered": self.tr("covered"),
            "short": self.tr("short"),
            "floor_stock": self.tr("floor stock"),
        }
        text = states.get(line.state, line.state)
        if line.backflush and line.lot_controlled:
            return text + "\n" + self.tr("taken at completion")
        if line.state in ("to_scan", "short"):
            text += "\n" + self.tr("{on_hand} {unit} on hand").format(
                on_hand=quantity(line.on_hand), unit=unit_name(line.unit)
            )
        return text
