"""The event log, the processed-command table and the commands kept as conflicts: the spine's memory."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, Uuid
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


CONFLICT_STATUSES = ("open", "discarded", "applied")


class CommandConflict(Base):
    """A command a terminal took while offline that a rule refused when it was finally delivered.

    Kept whole (`command`: its JSON line, without secrets) with the refusal, until a supervisor settles it:
    discarded with a reason, or applied again. One row per command id: a second delivery adds nothing.
    """

    __tablename__ = "command_conflicts"
    __table_args__ = (
        CheckConstraint(f"status IN {CONFLICT_STATUSES}", name="known_status"),
        Index("ix_command_conflicts_status", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    command_id: Mapped[uuid.UUID] = mapped_column(Uuid(), unique=True)
    type: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    station: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    command: Mapped[dict[str, Any]] = mapped_column(PAYLOAD)
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(12), default="open")
    settled_by: Mapped[str | None] = mapped_column(String(64))
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    settle_reason: Mapped[str | None] = mapped_column(Text)
