"""Checklists, results, nonconformances, holds, dispositions and electronic signatures."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mes_terminal.db.base import QUANTITY, Base, Code, Name, UtcDateTime

CHECK_KINDS = ("pass_fail", "numeric", "text", "choice")
CHECK_WHEN = ("start", "first_piece", "every_n", "every_minutes", "completion", "shift_start")


class ChecklistTemplate(Base):
    """One version of a checklist; a result keeps the version it was recorded against."""

    __tablename__ = "checklist_templates"
    __table_args__ = (UniqueConstraint("code", "version"), CheckConstraint("version > 0", name="version_positive"))

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[Code]
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[Name]

    items: Mapped[list[ChecklistItem]] = relationship(
        cascade="all, delete-orphan", order_by="ChecklistItem.position", lazy="selectin"
    )


class ChecklistItem(Base):
    __tablename__ = "checklist_items"
    __table_args__ = (
        UniqueConstraint("template_id", "code"),
        CheckConstraint("kind IN ('pass_fail', 'numeric', 'text', 'choice')", name="known_kind"),
        CheckConstraint(
            "trigger IN ('start', 'first_piece', 'every_n', 'every_minutes', 'completion', 'shift_start')",
            name="known_trigger",
        ),
        CheckConstraint(
            "lower_limit IS NULL OR upper_limit IS NULL OR lower_limit <= upper_limit", name="limits_ordered"
        ),
        CheckConstraint("every_n IS NULL OR every_n > 0", name="every_n_positive"),
        CheckConstraint("every_minutes IS NULL OR every_minutes > 0", name="every_minutes_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_templates.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[Code]
    text: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str | None] = mapped_column(String(16))
    lower_limit: Mapped[Decimal | None] = mapped_column(QUANTITY)
    target: Mapped[Decimal | None] = mapped_column(QUANTITY)
    upper_limit: Mapped[Decimal | None] = mapped_column(QUANTITY)
    # For kind "choice": the allowed answers, separated by "|".
    choices: Mapped[str | None] = mapped_column(Text)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    trigger: Mapped[str] = mapped_column(String(16))
    every_n: Mapped[int | None] = mapped_column(Integer)
    every_minutes: Mapped[int | None] = mapped_column(Integer)


class ChecklistResult(Base):
    __tablename__ = "checklist_results"
    __table_args__ = (Index("ix_checklist_results_operation_item", "operation_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("checklist_items.id", ondelete="RESTRICT"))
    operation_id: Mapped[int] = mapped_column(ForeignKey("work_order_operations.id", ondelete="RESTRICT"))
    workstation_id: Mapped[int] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    value: Mapped[str] = mapped_column(Text)
    numeric_value: Mapped[Decimal | None] = mapped_column(QUANTITY)
    passed: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Nonconformance(Base):
    __tablename__ = "nonconformances"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'dispositioned', 'closed')", name="known_status"),
        CheckConstraint("quantity IS NULL OR quantity >= 0", name="quantity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[Code] = mapped_column(unique=True)
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id", ondelete="RESTRICT"), index=True)
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("work_order_operations.id", ondelete="RESTRICT"))
    checklist_result_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_results.id", ondelete="RESTRICT"))
    quantity: Mapped[Decimal | None] = mapped_column(QUANTITY)
    defect_code: Mapped[Code | None]
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Hold(Base):
    """A quality hold on a lot (or a whole work order); open while `released_at` is empty."""

    __tablename__ = "holds"
    __table_args__ = (
        CheckConstraint("lot_id IS NOT NULL OR work_order_id IS NOT NULL", name="holds_something"),
        CheckConstraint("released_at IS NULL OR released_at >= placed_at", name="released_after_placed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id", ondelete="RESTRICT"), index=True)
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id", ondelete="RESTRICT"), index=True)
    nonconformance_id: Mapped[int | None] = mapped_column(ForeignKey("nonconformances.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(Text)
    placed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    placed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    released_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Disposition(Base):
    __tablename__ = "dispositions"
    __table_args__ = (
        CheckConstraint("decision IN ('use_as_is', 'rework', 'scrap', 'return_to_supplier')", name="known_decision"),
        CheckConstraint("quantity IS NULL OR quantity >= 0", name="quantity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nonconformance_id: Mapped[int] = mapped_column(ForeignKey("nonconformances.id", ondelete="RESTRICT"), index=True)
    decision: Mapped[str] = mapped_column(String(24))
    quantity: Mapped[Decimal | None] = mapped_column(QUANTITY)
    comment: Mapped[str | None] = mapped_column(Text)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Signature(Base):
    """An electronic signature bound to one record (21 CFR Part 11 §11.50, §11.70)."""

    __tablename__ = "signatures"
    __table_args__ = (Index("ix_signatures_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    signer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    # The signer's printed name at the time of signing, kept even if the user is renamed later.
    signer_name: Mapped[Name]
    meaning: Mapped[str] = mapped_column(String(40))
    comment: Mapped[str | None] = mapped_column(Text)
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    # SHA-256 binding the signature to its record (domain/audit_chain.signed_content_hash, §11.70).
    content_hash: Mapped[str | None] = mapped_column(String(64))
