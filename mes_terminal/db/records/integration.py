"""Messages exchanged with ERP and machines, each with an idempotency key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import Base, UtcDateTime


class IntegrationMessage(Base):
    __tablename__ = "integration_messages"
    __table_args__ = (
        UniqueConstraint("direction", "idempotency_key"),
        CheckConstraint("direction IN ('inbound', 'outbound')", name="known_direction"),
        CheckConstraint("status IN ('received', 'processed', 'failed', 'pending', 'sent')", name="known_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(40))
    idempotency_key: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())
    processed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
