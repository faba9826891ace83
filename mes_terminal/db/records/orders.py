"""Work orders (ISA-95 job orders) and their operations."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mes_terminal.db.base import QUANTITY, Base, Code, Name, StatusType, UtcDateTime, status_check
from mes_terminal.domain.statuses import OperationStatus, WorkOrderStatus


class WorkOrder(Base):
    __tablename__ = "work_orders"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        status_check(WorkOrderStatus),
        Index("ix_work_orders_status_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[Code] = mapped_column(unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="RESTRICT"), index=True)
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime())
    priority: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[WorkOrderStatus] = mapped_column(StatusType(WorkOrderStatus), default=WorkOrderStatus.PLANNED)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    released_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Bumped on every change: an edit made on an old version is a conflict, not a lost update.
    version: Mapped[int] = mapped_column(Integer, default=1)

    operations: Mapped[list[WorkOrderOperation]] = relationship(
        back_populates="work_order", order_by="WorkOrderOperation.seq", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it from the class


class WorkOrderOperation(Base):
    __tablename__ = "work_order_operations"
    __table_args__ = (
        UniqueConstraint("work_order_id", "seq"),
        CheckConstraint("good_quantity >= 0", name="good_not_negative"),
        CheckConstraint("scrap_quantity >= 0", name="scrap_not_negative"),
        status_check(OperationStatus),
        # A station's dispatch list: its open operations in priority order.
        Index("ix_work_order_operations_dispatch", "workstation_id", "status", "dispatch_position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"))
    routing_operation_id: Mapped[int | None] = mapped_column(ForeignKey("routing_operations.id", ondelete="RESTRICT"))
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[Name]
    status: Mapped[OperationStatus] = mapped_column(StatusType(OperationStatus), default=OperationStatus.PENDING)
    # The station it is assigned to (or runs on); empty while any eligible station may take it.
    workstation_id: Mapped[int | None] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    dispatch_position: Mapped[int | None] = mapped_column(Integer)
    good_quantity: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    scrap_quantity: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    short_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    output_lot: Mapped[Code | None]
    # The instructions revision the floor sees for this operation: the one approved when the order was
    # released, until a supervisor moves it to a newer one (none: the newest approved).
    instruction_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("instruction_revisions.id", ondelete="RESTRICT")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    work_order: Mapped[WorkOrder] = relationship(back_populates="operations")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
