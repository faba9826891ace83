"""Which events correct which: a correction names the event it corrects (`corrects` in its payload);
the corrected event is never changed, so the link back is read from the corrections."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from mes_terminal.db.records import Event

# The events a correcting command may name, and the events such a command writes.
CORRECTABLE = frozenset({"CountReported"})
CORRECTING = frozenset({"CountCorrected"})


def corrections_of(connection: Connection, event_ids: list[int]) -> dict[int, list[int]]:
    """For each of `event_ids`, the ids of the correction events that name it (one query)."""
    if not event_ids:
        return {}
    found: dict[int, list[int]] = {}
    wanted = set(event_ids)
    # Only corrections made after the earliest of them can name one (events are appended in order).
    rows = connection.execute(
        select(Event.id, Event.payload)
        .where(Event.type.in_(sorted(CORRECTING)), Event.id > min(wanted))
        .order_by(Event.id)
    )
    for event_id, payload in rows:
        target = corrects(payload)
        if target in wanted:
            found.setdefault(target, []).append(event_id)
    return found


def corrects(payload: Mapping[str, Any]) -> int | None:
    target = payload.get("corrects")
    return target if isinstance(target, int) and not isinstance(target, bool) else None
