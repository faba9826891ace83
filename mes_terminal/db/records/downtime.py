"""Downtime reasons (a tree) and downtime events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import Base, Code, Name, UtcDateTime


class DowntimeReason(Base):
    """A node of the reason tree. Category and loss are stored resolved (children inherit)."""

    __tablename__ = "downtime_reasons"
    __table_args__ = (
        CheckConstraint("category IN ('planned', 'unplanned')", name="known_category"),
        CheckConstraint("loss IN ('availability', 'performance', 'quality')", name="known_loss"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("downtime_reasons.id", ondelete="RESTRICT"), index=True)
    category: Mapped[str] = mapped_column(String(16))
    loss: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DowntimeEvent(Base):
    __tablename__ = "downtime_events"
    __table_args__ = (
        CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ends_after_start"),
        CheckConstraint("source IN ('operator', 'machine')", name="known_source"),
        Index("ix_downtime_events_station_started", "workstation_id", "started_at"),
        # A station is down at most once at a time.
        Index(
            "uq_downtime_events_open",
            "workstation_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reason_id: Mapped[int | None] = mapped_column(ForeignKey("downtime_reasons.id", ondelete="RESTRICT"))
    source: Mapped[str] = mapped_column(String(16), default="operator")
    comment: Mapped[str | None] = mapped_column(Text)
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("work_order_operations.id", ondelete="RESTRICT"))
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    classified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    classified_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Set when the stop was split out of another; keeps the trail of a SplitDowntime.
    split_from_id: Mapped[int | None] = mapped_column(ForeignKey("downtime_events.id", ondelete="RESTRICT"))
    machine_state: Mapped[Code | None]
