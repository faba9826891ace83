"""Machines: where each station's signals come from, what their counters last said, the counts they made
that found no job yet, and how far the namespace publisher got through the event log."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import BIG_ID, PAYLOAD, QUANTITY, Base, Code, UtcDateTime


class MachineSource(Base):
    """One `[[machines]]` entry of the plant file: a station's signal source and its signals (as JSON)."""

    __tablename__ = "machine_sources"
    __table_args__ = (
        UniqueConstraint("workstation_id", "url"),
        CheckConstraint("poll_ms > 0", name="poll_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    url: Mapped[str] = mapped_column(String(255))
    badge: Mapped[Code]
    poll_ms: Mapped[int] = mapped_column(Integer, server_default="1000")
    signals: Mapped[list[dict[str, Any]]] = mapped_column(PAYLOAD)
    # What the connector last saw of the source (None: never connected); the board shows it.
    online: Mapped[bool | None] = mapped_column(Boolean)
    online_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class MachineCounter(Base):
    """The last value of a station's total counter: the baseline the next value is counted from."""

    __tablename__ = "machine_counters"

    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"), primary_key=True)
    signal: Mapped[str] = mapped_column(String(16), primary_key=True)  # count | scrap
    last_value: Mapped[Decimal] = mapped_column(QUANTITY)
    last_at: Mapped[datetime] = mapped_column(UtcDateTime())


class MachineCount(Base):
    """A quantity a machine counted: on a job (`count_id` set) or unassigned (no job ran), never dropped."""

    __tablename__ = "machine_counts"
    __table_args__ = (
        CheckConstraint("good >= 0", name="good_not_negative"),
        CheckConstraint("scrap >= 0", name="scrap_not_negative"),
        CheckConstraint("good > 0 OR scrap > 0", name="something_counted"),
        Index("ix_machine_counts_station_counted", "workstation_id", "counted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    count_id: Mapped[int | None] = mapped_column(ForeignKey("counts.id", ondelete="RESTRICT"))
    good: Mapped[Decimal] = mapped_column(QUANTITY)
    scrap: Mapped[Decimal] = mapped_column(QUANTITY)
    counted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Why it is unassigned: no job ran, or the job's count rules refused it (the refusal's code).
    unassigned_because: Mapped[str | None] = mapped_column(String(64))


class PublishCursor(Base):
    """How far a publisher got through the event log: a restart resumes after `event_id`."""

    __tablename__ = "publish_cursors"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[int] = mapped_column(BIG_ID)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
