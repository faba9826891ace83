"""Read-only tables for the audit trail and the master data: columns and rows of plain values."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mes_terminal.services.queries.supervisor_views import AuditRow
from mes_terminal.ui.supervisor.audit_words import change, details, event_name, why
from mes_terminal.ui.supervisor.formatting import ZoneSource, local_time, quantity, utc_zone


def cell(value: Any, zone: str = "UTC") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, Decimal):
        return quantity(value)
    if isinstance(value, datetime):
        return local_time(value, zone, with_date=True)
    return str(value)


class TableModel(QAbstractTableModel):
    """Columns (titles) and rows (tuples); a new set of rows resets the model (a new search)."""

    def __init__(self, parent=None, site_zone: ZoneSource = utc_zone) -> None:
        super().__init__(parent)
        self.site_zone = site_zone
        self._columns: tuple[str, ...] = ()
        self._rows: list[tuple[Any, ...]] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section] if 0 <= section < len(self._columns) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell(self._rows[index.row()][index.column()], self.site_zone())
        return None

    def set_table(self, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._columns = tuple(columns)
        self._rows = [tuple(r) for r in rows]
        self.endResetModel()


class AuditModel(TableModel):
    """Who did what, when, to what, what changed (old → new), why and the rest in words; the raw record in
    `raw_json`."""

    def set_events(self, events: Sequence[AuditRow]) -> None:
        self.events = list(events)
        titles = (
            self.tr("#"),
            self.tr("When"),
            self.tr("Who"),
            self.tr("Station"),
            self.tr("What"),
            self.tr("On"),
            self.tr("Change (old → new)"),
            self.tr("Why"),
            self.tr("Details"),
        )
        rows = [
            (
                e.id,
                e.occurred_at,
                f"{e.actor_name} ({e.actor})" if e.actor_name else e.actor,
                e.station,
                event_name(e.type),
                f"{e.entity.replace('_', ' ')} {e.entity_id}",
                change(e.payload),
                " — ".join(filter(None, [why(e.payload), self._links(e)])),
                details(e.payload),
            )
            for e in events
        ]
        self.set_table(titles, rows)

    def _links(self, event: AuditRow) -> str:
        """A correction and what it corrects name each other: the old event is never changed."""
        said = []
        corrects = event.payload.get("corrects")
        if isinstance(corrects, int) and not isinstance(corrects, bool):
            said.append(self.tr("corrects #{event}").format(event=corrects))
        if event.corrected_by:
            numbers = ", ".join(f"#{i}" for i in event.corrected_by)
            said.append(self.tr("corrected by {events}").format(events=numbers))
        return "; ".join(said)

    def raw_json(self, number: int) -> str:
        """The event of row `number` as recorded, indented (times in UTC, as stored); "" for no row."""
        if not 0 <= number < len(getattr(self, "events", [])):
            return ""
        event = self.events[number]
        record = {
            "id": event.id,
            "type": event.type,
            "entity": event.entity,
            "entity_id": event.entity_id,
            "actor": event.actor,
            "actor_name": event.actor_name,
            "station": event.station,
            "occurred_at": event.occurred_at.isoformat(),
            "recorded_at": event.recorded_at.isoformat(),
            "payload": event.payload,
        }
        return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=False, default=str)
