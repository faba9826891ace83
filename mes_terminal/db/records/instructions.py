"""Work instructions: revisions of an operation's steps, the files they show, and who has read them.

Images and PDFs are stored in the database, content-addressed (`media_blobs`, keyed by their SHA-256):
a file shown by many steps and revisions is stored once, and one backup holds everything a station
shows. A revision never changes once written; a changed plant file adds the next revision, pending
until a quality signature approves it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mes_terminal.db.base import Base, UtcDateTime
from mes_terminal.domain.instructions import MEDIA_TYPES

_MEDIA_TYPES = ", ".join(f"'{t}'" for t in MEDIA_TYPES)


class MediaBlob(Base):
    """An image or PDF, stored once under the SHA-256 of its content."""

    __tablename__ = "media_blobs"
    __table_args__ = (
        CheckConstraint(f"media_type IN ({_MEDIA_TYPES})", name="known_type"),
        CheckConstraint("size > 0", name="not_empty"),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class InstructionRevision(Base):
    """One revision of the instructions of a product's routing operation (kept by product and number, so
    that it outlives a routing operation written anew)."""

    __tablename__ = "instruction_revisions"
    __table_args__ = (
        UniqueConstraint("product_id", "operation_seq", "revision"),
        CheckConstraint("revision > 0", name="revision_positive"),
        CheckConstraint("status IN ('pending', 'approved')", name="known_status"),
        CheckConstraint(
            "(status = 'approved') = (approved_by_id IS NOT NULL AND approved_at IS NOT NULL)",
            name="approved_with_signer",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"))
    operation_seq: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    acknowledge: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    source: Mapped[str | None] = mapped_column(Text)  # the plant file it was loaded from
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    steps: Mapped[list[InstructionStepRecord]] = relationship(
        order_by="InstructionStepRecord.position", cascade="all, delete-orphan"
    )


class InstructionStepRecord(Base):
    __tablename__ = "instruction_steps"
    __table_args__ = (
        CheckConstraint("position > 0", name="position_positive"),
        CheckConstraint("pdf_page IS NULL OR pdf_page > 0", name="page_positive"),
        CheckConstraint("text IS NOT NULL OR media_sha256 IS NOT NULL", name="shows_something"),
    )

    revision_id: Mapped[int] = mapped_column(
        ForeignKey("instruction_revisions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    text: Mapped[str | None] = mapped_column(Text)
    caution: Mapped[str | None] = mapped_column(Text)
    media_sha256: Mapped[str | None] = mapped_column(ForeignKey("media_blobs.sha256", ondelete="RESTRICT"), index=True)
    pdf_page: Mapped[int | None] = mapped_column(Integer)


class InstructionAcknowledgement(Base):
    """A person confirmed having read a revision: once per person and revision."""

    __tablename__ = "instruction_acknowledgements"

    revision_id: Mapped[int] = mapped_column(
        ForeignKey("instruction_revisions.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), primary_key=True, index=True)
    acknowledged_at: Mapped[datetime] = mapped_column(UtcDateTime())
    workstation_id: Mapped[int | None] = mapped_column(ForeignKey("workstations.id", ondelete="RESTRICT"))
