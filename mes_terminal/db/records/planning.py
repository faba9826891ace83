"""The plan in force: where and when each open operation is planned (mes-terminal schedule --apply)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import Base, UtcDateTime


class PlannedOperation(Base):
    """One operation of the published plan; publishing a new plan replaces every row."""

    __tablename__ = "planned_operations"
    __table_args__ = (
        CheckConstraint("planned_end >= planned_start", name="ends_after_start"),
        CheckConstraint("setup_minutes >= 0", name="setup_not_negative"),
    )

    operation_id: Mapped[int] = mapped_column(
        ForeignKey("work_order_operations.id", ondelete="CASCADE"), primary_key=True
    )
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"), index=True)
    planned_start: Mapped[datetime] = mapped_column(UtcDateTime())
    planned_end: Mapped[datetime] = mapped_column(UtcDateTime())
    setup_minutes: Mapped[int] = mapped_column(Integer, default=0)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime())
