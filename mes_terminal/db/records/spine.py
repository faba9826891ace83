"""The event log and the processed-command table: the spine's memory."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import BIG_ID, PAYLOAD, Base, UtcDateTime


class Event(Base):
    """Append-only: who did what, when, where, with before and after values.

    `prev_hash` and `hash` chain every event to the one before it (domain/audit_chain.py); they are
    written only by db/event_chain.append. The unique index on `prev_hash` refuses a fork.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_station_occurred", "station", "occurred_at"),
        Index("ix_events_entity", "entity", "entity_id"),
        Index("ux_events_prev_hash", "prev_hash", unique=True),
    )

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    station: Mapped[str | None] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(PAYLOAD)
    command_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid(), ForeignKey("processed_commands.command_id", ondelete="RESTRICT"), index=True
    )
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class EventChainHead(Base):
    """The hash of the newest event (one row): where the next event links, and how a cut-off end is seen."""

    __tablename__ = "event_chain"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_hash: Mapped[str] = mapped_column(String(64))


class ProcessedCommand(Base):
    """A command that ran, with its result: replaying the same id returns this and changes nothing."""

    __tablename__ = "processed_commands"

    command_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    station: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    processed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    result: Mapped[dict[str, Any]] = mapped_column(PAYLOAD)
