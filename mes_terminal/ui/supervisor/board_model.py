"""The line-status board as a table: one row per workstation, grouped by line, colours through roles.

Rows change in place (`dataChanged` for the rows an event touched, and each second for the live
durations); the model resets only when the set of workstations itself changes (a plant file load).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mes_terminal.services.queries.supervisor_views import BoardRow
from mes_terminal.ui.supervisor.formatting import duration, percent, quantity

RowRole = Qt.ItemDataRole.UserRole + 1  # the BoardRow
StateRole = Qt.ItemDataRole.UserRole + 2  # its state: running | paused | down | idle | offline

LINE, STATION, STATE, JOB, CHECKS, OPERATORS, PROGRESS, RATE, DOWNTIME, ANDON, OEE = range(11)
COLUMNS = 11

# state -> (background, text)
COLOURS = {
    "running": ("#1a7f37", "#ffffff"),
    "idle": ("#d0d7de", "#000000"),
    "down": ("#cf222e", "#ffffff"),
    "paused": ("#e3b341", "#000000"),
    "offline": ("#57606a", "#ffffff"),
}
ANDON_COLOURS = ("#cf222e", "#ffffff")
CHECK_COLOURS = ("#e3b341", "#000000")  # amber, as the terminal's banner for a check that falls due


class BoardModel(QAbstractTableModel):
    def __init__(self, parent=None, now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BoardRow] = []
        self._index: dict[str, int] = {}
        self._oee: dict[str, Decimal | None] = {}
        self._now = now
        self.now: datetime | None = None

    # --- the model ---------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Line"),
            self.tr("Station"),
            self.tr("State"),
            self.tr("Job"),
            self.tr("Checks / exceptions"),
            self.tr("Operators"),
            self.tr("Progress"),
            self.tr("Cycle actual / ideal"),
            self.tr("Downtime"),
            self.tr("Andon"),
            self.tr("OEE shift"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, index.row())
        if role == Qt.ItemDataRole.BackgroundRole:
            colours = self._colours(row, column)
            return QBrush(QColor(colours[0])) if colours else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colours = self._colours(row, column)
            return QBrush(QColor(colours[1])) if colours else None
        if role == Qt.ItemDataRole.FontRole and column in (STATION, STATE):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CHECKS and (row.checks_due or row.without_material):
                return "\n".join(self._attention(row))
            if column == STATION:
                return f"{row.station} {row.station_name}\n{row.line_code} · {row.line_name}"
            if column in (JOB, OPERATORS, ANDON, PROGRESS, DOWNTIME) and self._text(row, column, index.row()):
                return self._text(row, column, index.row())  # the whole text of a cell that may be elided
            return self._tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PROGRESS, OEE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowRole:
            return row
        if role == StateRole:
            return row.state
        return None

    # --- updating ----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[BoardRow]) -> None:
        """Every station: the same stations change in place, a different set resets the model."""
        rows = list(rows)
        if [r.station for r in rows] != [r.station for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self._index = {r.station: i for i, r in enumerate(rows)}
            self.endResetModel()
            return
        self.update_rows(rows)

    def update_rows(self, rows: Sequence[BoardRow]) -> list[int]:
        """Replace the rows of the stations given (others stay); the row numbers that changed."""
        changed = []
        for new in rows:
            at = self._index.get(new.station)
            if at is None or self._rows[at] == new:
                continue
            self._rows[at] = new
            changed.append(at)
            self.dataChanged.emit(self.index(at, 0), self.index(at, COLUMNS - 1))
        return changed

    def set_oee(self, oee: dict[str, Decimal | None]) -> None:
        self._oee = dict(oee)
        if self._rows:
            self.dataChanged.emit(self.index(0, OEE), self.index(len(self._rows) - 1, OEE))

    def tick(self, now: datetime) -> None:
        """Move the live durations (state since, downtime) on to `now`."""
        self.now = now
        live = [i for i, r in enumerate(self._rows) if r.state_since or r.downtime_since or r.andon_since]
        for at in live:
            self.dataChanged.emit(self.index(at, STATE), self.index(at, ANDON), [Qt.ItemDataRole.DisplayRole])

    def row(self, number: int) -> BoardRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def row_of(self, station: str) -> int | None:
        return self._index.get(station)

    @property
    def rows(self) -> list[BoardRow]:
        return list(self._rows)

    # --- cells -------------------------------------------------------------------------------------

    def _since(self, moment: datetime | None) -> str:
        now = self.now or (self._now() if self._now else None)
        if moment is None or now is None:
            return ""
        return duration((now - moment).total_seconds())

    def _text(self, row: BoardRow, column: int, number: int) -> str:
        if column == LINE:
            first = number == 0 or self._rows[number - 1].line_code != row.line_code
            return f"{row.line_code} · {row.line_name}" if first else ""
        if column == STATION:
            return f"{row.station} {row.station_name}"
        if column == STATE:
            since = self._since(row.state_since)
            text = f"{self._state_name(row.state)} {since}".strip()
            if row.machine_online is False:
                text += " · " + self.tr("machine offline")
            return text
        if column == JOB:
            if row.work_order is None:
                return ""
            return f"{row.work_order}/{row.operation} {row.operation_name} · {row.product}"
        if column == CHECKS:
            return "; ".join(self._attention(row))
        if column == OPERATORS:
            return ", ".join(row.operators)
        if column == PROGRESS:
            unassigned = ""
            if row.machine_unassigned:
                unassigned = self.tr("{count} unassigned").format(count=quantity(row.machine_unassigned))
            if row.target is None:
                return unassigned
            done = row.good + row.scrap
            share = f" ({done / row.target * 100:.0f} %)" if row.target else ""
            progress = f"{quantity(row.good)} + {quantity(row.scrap)} / {quantity(row.target)}{share}"
            return f"{progress} · {unassigned}" if unassigned else progress
        if column == RATE:
            if row.ideal_cycle_seconds is None:
                return ""
            actual = "–" if row.actual_cycle_seconds is None else f"{quantity(row.actual_cycle_seconds)} s"
            return f"{actual} / {quantity(row.ideal_cycle_seconds)} s"
        if column == DOWNTIME:
            if row.downtime_since is None:
                return ""
            reason = row.downtime_reason or self.tr("reason needed")
            return f"{reason} · {self._since(row.downtime_since)}"
        if column == ANDON:
            if row.andon_call_id is None:
                return ""
            return self.tr("{name} calls · {since}").format(name=row.andon_by, since=self._since(row.andon_since))
        if column == OEE:
            return percent(self._oee.get(row.station))
        return ""

    def _colours(self, row: BoardRow, column: int) -> tuple[str, str] | None:
        if column == STATE:
            return COLOURS.get(row.state)
        if column == ANDON and row.andon_call_id is not None:
            return ANDON_COLOURS
        if column == CHECKS and (row.checks_due or row.without_material):
            return CHECK_COLOURS
        if column == DOWNTIME and row.downtime_since is not None:
            return COLOURS["down"]
        return None

    def _attention(self, row: BoardRow) -> list[str]:
        """The job's checks due, then its exception: reported without material."""
        said = list(row.checks_due)
        if row.without_material:
            said.append(self.tr("Reported without material: {missing}").format(missing=", ".join(row.without_material)))
        return said

    def _tooltip(self, row: BoardRow) -> str:
        if row.state == "down" and not row.downtime_reason:
            return self.tr("The stop has no reason yet.")
        return self._state_name(row.state)

    def _state_name(self, state: str) -> str:
        return {
            "running": self.tr("Running"),
            "paused": self.tr("Paused"),
            "down": self.tr("Down"),
            "idle": self.tr("Idle"),
            "offline": self.tr("Offline"),
        }.get(state, state)
