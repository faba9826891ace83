"""The change feed: events after a given id, in order. Screens and `mes-terminal events` follow it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from mes_terminal.db.records import Event

_COLUMNS = (
    Event.id,
    Event.occurred_at,
    Event.recorded_at,
    Event.actor,
    Event.station,
    Event.type,
    Event.entity,
    Event.entity_id,
    Event.payload,
    Event.command_id,
)


def events_after(connection: Connection, after: int, limit: int) -> list[dict[str, Any]]:
    rows = connection.execute(select(*_COLUMNS).where(Event.id > after).order_by(Event.id).limit(limit))
    return [dict(row._mapping) for row in rows]
