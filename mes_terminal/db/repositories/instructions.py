"""The one owner of "a new revision" of an operation's work instructions.

A changed plant file (`services.plant.instructions`) and a change written in the console
(`ReviseInstructions`) both end here: the next revision number, stored pending, with an
`InstructionsRevised` event. The floor keeps seeing the approved revision until a quality signature
approves the new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import InstructionRevision, InstructionStepRecord
from mes_terminal.db.uow import EventLog

REVISED_EVENT = "InstructionsRevised"


@dataclass(frozen=True)
class StepValues:
    """One step as stored: its text and caution, and the file it shows by content address (stored already)."""

    text: str | None
    caution: str | None
    media_sha256: str | None
    page: int | None


def revision_values(acknowledge: bool, steps: Sequence[StepValues]) -> dict[str, Any]:
    """What is compared of two sets of steps: what a person reads, files by content."""
    return {
        "acknowledge": acknowledge,
        "steps": [{"text": s.text, "caution": s.caution, "file": s.media_sha256, "page": s.page} for s in steps],
    }


def stored_steps(revision: InstructionRevision) -> list[StepValues]:
    return [StepValues(s.text, s.caution, s.media_sha256, s.pdf_page) for s in revision.steps]


def stored_values(revision: InstructionRevision) -> dict[str, Any]:
    """`revision_values` of a stored revision."""
    return revision_values(revision.acknowledge, stored_steps(revision))


def newest_revisions(session: Session, product_ids: list[int]) -> dict[tuple[int, int], InstructionRevision]:
    """The newest revision (approved or pending) of every operation of the products, by (product id, seq)."""
    latest = (
        select(
            InstructionRevision.product_id,
            InstructionRevision.operation_seq,
            func.max(InstructionRevision.revision).label("revision"),
        )
        .where(InstructionRevision.product_id.in_(product_ids))
        .group_by(InstructionRevision.product_id, InstructionRevision.operation_seq)
        .subquery()
    )
    rows = session.scalars(
        select(InstructionRevision).join(
            latest,
            (latest.c.product_id == InstructionRevision.product_id)
            & (latest.c.operation_seq == InstructionRevision.operation_seq)
            & (latest.c.revision == InstructionRevision.revision),
        )
    )
    return {(r.product_id, r.operation_seq): r for r in rows}


def add_revision(
    session: Session,
    events: EventLog,
    *,
    product_id: int,
    product: str,
    operation: int,
    previous: InstructionRevision | None,
    acknowledge: bool,
    steps: Sequence[StepValues],
    source: str | None,
    now: datetime,
) -> int:
    """Store the revision after `previous` (the newest one, or None) as pending; returns its number.

    The files the steps name must be stored in `media_blobs` already."""
    number = 1 if previous is None else previous.revision + 1
    session.add(
        InstructionRevision(
            product_id=product_id,
            operation_seq=operation,
            revision=number,
            status="pending",
            acknowledge=acknowledge,
            created_at=now,
            source=source,
            steps=[
                InstructionStepRecord(
                    position=position,
                    text=step.text,
                    caution=step.caution,
                    media_sha256=step.media_sha256,
                    pdf_page=step.page,
                )
                for position, step in enumerate(steps, 1)
            ],
        )
    )
    events.add(
        REVISED_EVENT,
        "operation",
        f"{product}:{operation}",
        product=product,
        operation=operation,
        revision=number,
        steps=len(steps),
        status="pending",
    )
    return number
