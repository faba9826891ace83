"""The ERP exchange: every message in and out, and which document each imported work order came from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import PAYLOAD, Base, UtcDateTime


class ErpMessage(Base):
    """One document read from or written for the ERP, with its outcome (the console's ERP tab lists these)."""

    __tablename__ = "erp_messages"
    __table_args__ = (
        CheckConstraint("direction IN ('in', 'out')", name="known_direction"),
        CheckConstraint("status IN ('applied', 'unchanged', 'refused', 'written')", name="known_status"),
        Index("ix_erp_messages_direction_recorded", "direction", "recorded_at"),
        Index("ix_erp_messages_document", "document", "content_hash"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))
    # production_schedule, operations_schedule, material_information, csv_work_orders, b2mml-v0600 ...
    kind: Mapped[str] = mapped_column(String(40))
    file: Mapped[str] = mapped_column(String(1000))
    document: Mapped[str | None] = mapped_column(String(200))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str | None] = mapped_column(Text)
    # The JSON line the import printed, or what an export wrote (orders, operations, range).
    summary: Mapped[dict[str, Any]] = mapped_column(PAYLOAD)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # An export's range; the next incremental export starts where the last one ended.
    range_from: Mapped[datetime | None] = mapped_column(UtcDateTime())
    range_to: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ErpOrderSource(Base):
    """The ERP request a work order was made from: a changed request is recognised by its hash."""

    __tablename__ = "erp_order_sources"

    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"), primary_key=True)
    document: Mapped[str] = mapped_column(String(200))
    request: Mapped[str] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("erp_messages.id", ondelete="SET NULL"))
