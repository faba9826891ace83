"""Product definition: bill of materials and routing."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import QUANTITY, Base, Name


class BomLine(Base):
    __tablename__ = "bom_lines"
    __table_args__ = (
        UniqueConstraint("product_id", "component_id", "operation_seq"),
        CheckConstraint("quantity_per > 0", name="quantity_positive"),
        CheckConstraint("product_id <> component_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"), index=True)
    component_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="RESTRICT"))
    quantity_per: Mapped[Decimal] = mapped_column(QUANTITY)
    operation_seq: Mapped[int] = mapped_column(Integer)
    backflush: Mapped[bool] = mapped_column(Boolean, default=False)


class BomSubstitute(Base):
    """A material allowed in place of a BOM line's component."""

    __tablename__ = "bom_substitutes"

    bom_line_id: Mapped[int] = mapped_column(ForeignKey("bom_lines.id", ondelete="CASCADE"), primary_key=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="RESTRICT"), primary_key=True)


class RoutingOperation(Base):
    __tablename__ = "routing_operations"
    __table_args__ = (
        UniqueConstraint("product_id", "seq"),
        CheckConstraint("seq > 0", name="seq_positive"),
        CheckConstraint("ideal_cycle_seconds > 0", name="cycle_positive"),
        CheckConstraint("setup_minutes >= 0", name="setup_not_negative"),
        CheckConstraint("transfer_minutes >= 0", name="transfer_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[Name]
    ideal_cycle_seconds: Mapped[Decimal] = mapped_column(QUANTITY)
    setup_minutes: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    work_instruction: Mapped[str | None] = mapped_column(Text)
    # Checklists are versioned; an operation names the code and uses the newest version.
    checklist_code: Mapped[str | None] = mapped_column(String(64))
    # Only people holding this qualification may work the operation (none: anyone).
    qualification: Mapped[str | None] = mapped_column(String(64))
    # Planning: minutes of transfer or waiting after the job's previous operation ends, and whether the
    # operation may pause over a break (false: it is planned whole inside one stretch of working time).
    transfer_minutes: Mapped[int] = mapped_column(Integer, server_default="0")
    interruptible: Mapped[bool] = mapped_column(Boolean, server_default=true())


class RoutingOperationStation(Base):
    """Where a routing operation may run."""

    __tablename__ = "routing_operation_stations"

    routing_operation_id: Mapped[int] = mapped_column(
        ForeignKey("routing_operations.id", ondelete="CASCADE"), primary_key=True
    )
    workstation_id: Mapped[int] = mapped_column(
        ForeignKey("workstations.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
