"""What happened at the stations: job runs, labour, counts and material consumptions."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mes_terminal.db.base import QUANTITY, Base, Code, Name, UtcDateTime


class JobRun(Base):
    """An operation being worked at a station from a start (or resume) to a pause or completion."""

    __tablename__ = "job_runs"
    __table_args__ = (
        CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ends_after_start"),
        CheckConstraint("end_reason IS NULL OR end_reason IN ('paused', 'completed')", name="known_end_reason"),
        Index("ix_job_runs_station_started", "workstation_id", "started_at"),
        # At most one open run of an operation at a time.
        Index(
            "uq_job_runs_open",
            "operation_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("work_order_operations.id", ondelete="RESTRICT"))
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    end_reason: Mapped[str | None] = mapped_column(String(16))


class LabourEntry(Base):
    """One operator's time on one job; kept apart from machine (job run) time."""

    __tablename__ = "labour_entries"
    __table_args__ = (
        CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ends_after_start"),
        Index("ix_labour_entries_user_started", "user_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_run_id: Mapped[int] = mapped_column(ForeignKey("job_runs.id", ondelete="RESTRICT"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ScrapReason(Base):
    __tablename__ = "scrap_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # None: the reason applies everywhere (domain.scrap_scope).
    scopes: Mapped[list[ScrapReasonScope]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class ScrapReasonScope(Base):
    """A line, station or routing operation a scrap reason is offered at, by code as the plant file names it."""

    __tablename__ = "scrap_reason_scopes"
    __table_args__ = (
        CheckConstraint("kind IN ('line', 'station', 'operation')", name="known_kind"),
        # An operation is a product's routing operation number; a line or station has none (0).
        CheckConstraint(
            "(kind = 'operation' AND operation > 0) OR (kind <> 'operation' AND operation = 0)",
            name="operation_only_for_operations",
        ),
    )

    scrap_reason_id: Mapped[int] = mapped_column(ForeignKey("scrap_reasons.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    code: Mapped[Code] = mapped_column(primary_key=True)  # the line, the station, or the product
    operation: Mapped[int] = mapped_column(primary_key=True, default=0, autoincrement=False)


class Count(Base):
    """A good and scrap quantity reported for an operation; many partial reports add up.

    A count is never changed once written. A correction (`CorrectCount`) is a count of its own, with
    source `correction`, the difference it makes (negative to take parts back), the event of the count
    it corrects and the reason; the sums every report takes include it.
    """

    __tablename__ = "counts"
    __table_args__ = (
        CheckConstraint("good >= 0 OR source = 'correction'", name="good_not_negative"),
        CheckConstraint("scrap >= 0 OR source = 'correction'", name="scrap_not_negative"),
        CheckConstraint("good <> 0 OR scrap <> 0", name="something_counted"),
        # A person names why parts are scrap; a machine's scrap signal cannot, so it may come without one.
        CheckConstraint("scrap <= 0 OR scrap_reason_id IS NOT NULL OR source = 'machine'", name="scrap_has_reason"),
        CheckConstraint("source IN ('operator', 'machine', 'correction')", name="known_source"),
        CheckConstraint(
            "(source = 'correction') = (corrects_event_id IS NOT NULL AND reason IS NOT NULL)",
            name="correction_names_event_and_reason",
        ),
        Index("ix_counts_station_reported", "workstation_id", "reported_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("work_order_operations.id", ondelete="RESTRICT"), index=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    job_run_id: Mapped[int | None] = mapped_column(ForeignKey("job_runs.id", ondelete="RESTRICT"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    good: Mapped[Decimal] = mapped_column(QUANTITY)
    scrap: Mapped[Decimal] = mapped_column(QUANTITY)
    scrap_reason_id: Mapped[int | None] = mapped_column(ForeignKey("scrap_reasons.id", ondelete="RESTRICT"))
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime())
    source: Mapped[str] = mapped_column(String(16), server_default="operator")  # operator | machine | correction
    corrects_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"), index=True)
    reason: Mapped[str | None] = mapped_column(String(2000))


class Consumption(Base):
    """A quantity of a lot taken into an operation (scanned, or backflushed at completion)."""

    __tablename__ = "consumptions"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("returned_quantity >= 0 AND returned_quantity <= quantity", name="returned_within_taken"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("work_order_operations.id", ondelete="RESTRICT"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="RESTRICT"), index=True)
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    returned_quantity: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    backflushed: Mapped[bool] = mapped_column(Boolean, default=False)
    consumed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # The output lot it went into, when one exists yet.
    output_lot: Mapped[Code | None]
