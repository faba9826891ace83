"""Read the event log as plain values: for the command line, live screens and integrations."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from mes_terminal.db.jsonable import jsonable
from mes_terminal.services.queries.events import events_after


@dataclass(frozen=True)
class EventView:
    id: int
    occurred_at: datetime
    recorded_at: datetime
    actor: str
    station: str | None
    type: str
    entity: str
    entity_id: str
    payload: dict[str, Any]
    command_id: str | None

    def to_json(self) -> dict[str, Any]:
        return jsonable(self.__dict__)


def read_events(engine: Engine, after: int = 0, limit: int = 1000) -> list[EventView]:
    with engine.connect().execution_options(mes_read_only=True) as connection:
        rows = events_after(connection, after, limit)
    return [EventView(**{**row, "command_id": str(row["command_id"]) if row["command_id"] else None}) for row in rows]


def follow_events(
    engine: Engine,
    after: int = 0,
    poll_seconds: float = 0.5,
    keep_going: Callable[[], bool] = lambda: True,
) -> Iterator[EventView]:
    """Yield every event after `after`, then wait for new ones until `keep_going()` says stop."""
    while keep_going():
        batch = read_events(engine, after)
        yield from batch
        if batch:
            after = batch[-1].id
        else:
            time.sleep(poll_seconds)
