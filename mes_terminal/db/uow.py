"""The unit of work a handler runs in: one session, one transaction, the event log of this command."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from mes_terminal.db import event_chain
from mes_terminal.db.base import Base
from mes_terminal.db.jsonable import jsonable
from mes_terminal.db.repositories.jobs import Jobs
from mes_terminal.db.repositories.lots import Lots
from mes_terminal.db.repositories.shared import Products, Users, WorkOrders, Workstations


class EventLog:
    """Collects the events of one transaction as rows; they are written after the processed-command row."""

    def __init__(
        self,
        *,
        occurred_at: datetime,
        recorded_at: datetime,
        actor: str,
        station: str | None,
        command_id: uuid.UUID | None,
    ) -> None:
        self._common = {
            "occurred_at": occurred_at,
            "recorded_at": recorded_at,
            "actor": actor,
            "station": station,
            "command_id": command_id,
        }
        self.pending: list[dict[str, Any]] = []

    def write(self, session: Session, along: Sequence[tuple[type[Base], dict[str, Any]]] = ()) -> None:
        """Insert the collected events at the end of the hash chain, in the session's transaction, and the
        rows `along` with them (see `event_chain.append`)."""
        event_chain.append(session.connection(), self.pending, along)
        self.pending = []

    def add(self, type_: str, entity: str, entity_id: object, **payload: Any) -> None:
        """Append an event. Use `before=` and `after=` for changed values."""
        self.pending.append(
            {"type": type_, "entity": entity, "entity_id": str(entity_id), "payload": jsonable(payload), **self._common}
        )


class UnitOfWork:
    """What a handler may touch. The bus opens the transaction and commits it."""

    def __init__(self, session: Session, events: EventLog, now: datetime) -> None:
        self.session = session
        self.events = events
        self.now = now  # the server's time when the command runs (the action's time is cmd.issued_at)
        self.users = Users(session)
        self.workstations = Workstations(session)
        self.products = Products(session)
        self.work_orders = WorkOrders(session)
        self.jobs = Jobs(session)
        self.lots = Lots(session)
