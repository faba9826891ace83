"""Materials, lots, serial units and genealogy."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mes_terminal.db.base import QUANTITY, Base, Code, Name, StatusType, UtcDateTime, status_check
from mes_terminal.domain.statuses import LotStatus


class Material(Base):
    """A part number. A product is a material that is also made here (it has a routing)."""

    __tablename__ = "materials"
    __table_args__ = (
        CheckConstraint("shelf_life_days IS NULL OR shelf_life_days > 0", name="shelf_life_positive"),
        CheckConstraint("output_lot_at IN ('first_count', 'completion')", name="known_output_lot_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    unit: Mapped[str] = mapped_column(String(16))
    lot_controlled: Mapped[bool] = mapped_column(Boolean, default=True)
    serial_controlled: Mapped[bool] = mapped_column(Boolean, default=False)
    shelf_life_days: Mapped[int | None] = mapped_column(Integer)
    gtin: Mapped[str | None] = mapped_column(String(14), unique=True)
    is_product: Mapped[bool] = mapped_column(Boolean, default=False)
    # For a product: its work order's output lot appears at the first good count, or at completion.
    output_lot_at: Mapped[str] = mapped_column(String(16), server_default="first_count")
    # Where the definition came from when not the plant file: 'erp' for a product an ERP document created.
    origin: Mapped[str | None] = mapped_column(String(16))
    # For a product: its changeover family (plant file `family`); None: the product is its own family.
    family: Mapped[str | None] = mapped_column(String(64))


class Lot(Base):
    __tablename__ = "lots"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        status_check(LotStatus),
        # FEFO/FIFO picking: available lots of a material by expiry and age.
        Index("ix_lots_material_status_expiry", "material_id", "status", "expires_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[Code] = mapped_column(unique=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="RESTRICT"))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    status: Mapped[LotStatus] = mapped_column(StatusType(LotStatus), default=LotStatus.AVAILABLE)
    expires_on: Mapped[date | None] = mapped_column(Date)
    supplier_lot: Mapped[str | None] = mapped_column(String(64))
    # The operation whose output this lot is; empty for received material.
    produced_by_operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("work_order_operations.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ExpectedLot(Base):
    """A lot the ERP announced that has not arrived: the scheduler's material release date.

    Kept apart from `lots` so nothing on the floor can pick, scan or count what is not here; the
    lot's arrival (the same number, received) removes it.
    """

    __tablename__ = "expected_lots"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[Code] = mapped_column(unique=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="RESTRICT"), index=True)
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    expected_at: Mapped[datetime] = mapped_column(UtcDateTime())  # when it may be used
    supplier_lot: Mapped[str | None] = mapped_column(String(64))
    announced_at: Mapped[datetime] = mapped_column(UtcDateTime())


class GenealogyLink(Base):
    """A quantity of one lot went into another: the edge of every recall trace."""

    __tablename__ = "genealogy_links"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("consumed_lot_id <> produced_lot_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consumed_lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="RESTRICT"), index=True)
    produced_lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="RESTRICT"), index=True)
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    consumption_id: Mapped[int | None] = mapped_column(ForeignKey("consumptions.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
