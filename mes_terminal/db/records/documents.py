"""Print jobs: every print and reprint of a label or traveler."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import Base, UtcDateTime


class PrintJob(Base):
    __tablename__ = "print_jobs"
    __table_args__ = (
        CheckConstraint("document IN ('lot_label', 'traveler')", name="known_document"),
        CheckConstraint("status IN ('queued', 'printed', 'failed')", name="known_status"),
        CheckConstraint("copies > 0", name="copies_positive"),
        CheckConstraint("NOT is_reprint OR reason IS NOT NULL", name="reprint_has_reason"),
        Index("ix_print_jobs_subject", "document", "subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document: Mapped[str] = mapped_column(String(16))
    # The lot number or work-order number printed.
    subject: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(400))
    copies: Mapped[int] = mapped_column(Integer, default=1)
    is_reprint: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    error: Mapped[str | None] = mapped_column(Text)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    workstation_id: Mapped[int | None] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime())
