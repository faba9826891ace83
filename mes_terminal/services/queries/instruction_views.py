"""What the screens show of work instructions: an operation's steps at the terminal, revisions at the console."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class InstructionStepView:
    position: int
    text: str | None
    caution: str | None
    media_type: str | None  # image/png, image/jpeg, application/pdf, or None for a text-only step
    content: bytes | None = field(default=None, repr=False)
    page: int | None = None  # the PDF page to show, from 1


@dataclass(frozen=True)
class InstructionsView:
    """The instructions one operation of a work order shows, and whether this person must acknowledge them."""

    work_order: str
    operation: int
    operation_name: str
    product: str
    revision: int
    summary: str | None  # the routing's one-line work instruction
    steps: tuple[InstructionStepView, ...]
    acknowledge: bool  # the operation asks operators to acknowledge a new revision
    acknowledged: bool  # this person has acknowledged this revision
    newer_pending: bool = False  # a newer revision waits for approval (the floor keeps this one meanwhile)

    @property
    def needs_acknowledgement(self) -> bool:
        return self.acknowledge and not self.acknowledged


@dataclass(frozen=True)
class InstructionRevisionRow:
    """One revision of one operation's instructions, for the console's list."""

    product: str
    operation: int
    operation_name: str | None
    revision: int
    status: str  # pending | approved
    current: bool  # the newest approved revision: what newly released orders get
    steps: int
    files: int
    acknowledge: bool
    created_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    signature: str | None  # the manifestation of the approval signature
    orders_showing: int  # released orders whose operation shows this revision


@dataclass(frozen=True)
class RevisionStepRow:
    """One step of a stored revision as the console's editor shows it: the file by its address, type and size."""

    position: int
    text: str | None
    caution: str | None
    media_sha256: str | None
    page: int | None
    media_type: str | None
    size: int | None
