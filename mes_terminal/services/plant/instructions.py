"""The plant file's work instructions in the database: a changed operation gets its next revision.

Part of `plant.loader.load_plant`, inside its transaction. The steps of each routing operation are
compared with the newest revision stored for it (approved or pending); equal steps change nothing, so
loading a file twice adds no revision. Different steps add the next revision, pending: the floor keeps
seeing the approved one until a quality signature approves the new one (`ApproveInstructions`). Files
are stored once under the SHA-256 of their content.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import InstructionRevision, InstructionStepRecord, Material, MediaBlob
from mes_terminal.db.uow import EventLog
from mes_terminal.domain.errors import PlantFileError
from mes_terminal.domain.instructions import InstructionStep
from mes_terminal.domain.plant import PlantDefinition, RoutingOperationSpec
from mes_terminal.services.plant.changes import ChangeLog, Values

REVISED_EVENT = "InstructionsRevised"


def load_instructions(
    session: Session,
    plant: PlantDefinition,
    materials: Mapping[str, Material],
    changes: ChangeLog,
    events: EventLog,
    now: datetime,
) -> None:
    """Add a pending revision for every operation whose steps differ from its newest revision."""
    unread = next(
        (s.file for p in plant.products for o in p.routing for s in o.instructions if s.file and not s.media), None
    )
    if unread is not None:
        raise PlantFileError(
            f"{plant.source}: {unread} was not read with the plant file; load the plant from its file so that "
            f"its pictures and PDFs are read beside it."
        )
    newest = _newest_revisions(session, [materials[p.code].id for p in plant.products])
    stored_blobs: set[str] = set()
    for product in plant.products:
        material = materials[product.code]
        for operation in product.routing:
            current = newest.get((material.id, operation.operation))
            if current is None and not operation.instructions:
                continue  # never had instructions, has none now
            key = f"{product.code} operation {operation.operation}"
            before = None if current is None else revision_values(current)
            if not changes.record("instructions", key, before, _spec_values(operation)):
                continue
            stored_blobs |= _store_blobs(session, operation.instructions, stored_blobs)
            number = 1 if current is None else current.revision + 1
            session.add(
                InstructionRevision(
                    product_id=material.id,
                    operation_seq=operation.operation,
                    revision=number,
                    status="pending",
                    acknowledge=operation.acknowledge_instructions,
                    created_at=now,
                    source=plant.source,
                    steps=[_step_record(position, step) for position, step in enumerate(operation.instructions, 1)],
                )
            )
            events.add(
                REVISED_EVENT,
                "operation",
                f"{product.code}:{operation.operation}",
                product=product.code,
                operation=operation.operation,
                revision=number,
                steps=len(operation.instructions),
                status="pending",
            )
    session.flush()


def revision_values(revision: InstructionRevision) -> Values:
    """What is compared of a stored revision: its steps as a person would read them, files by content."""
    steps = [{"text": s.text, "caution": s.caution, "file": s.media_sha256, "page": s.pdf_page} for s in revision.steps]
    return {"acknowledge": revision.acknowledge, "steps": steps}


def _spec_values(operation: RoutingOperationSpec) -> Values:
    steps: list[dict[str, Any]] = [
        {
            "text": s.text,
            "caution": s.caution,
            "file": s.media.sha256 if s.media is not None else None,
            "page": s.page,
        }
        for s in operation.instructions
    ]
    return {"acknowledge": operation.acknowledge_instructions, "steps": steps}


def _newest_revisions(session: Session, product_ids: list[int]) -> dict[tuple[int, int], InstructionRevision]:
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


def _store_blobs(session: Session, steps: tuple[InstructionStep, ...], already: set[str]) -> set[str]:
    """Store the files of `steps` not stored yet; returns the addresses now stored."""
    files = {s.media.sha256: s.media for s in steps if s.media is not None and s.media.sha256 not in already}
    if not files:
        return set()
    present = set(session.scalars(select(MediaBlob.sha256).where(MediaBlob.sha256.in_(list(files)))))
    for address, media in files.items():
        if address not in present:
            session.add(MediaBlob(sha256=address, media_type=media.media_type, size=media.size, content=media.content))
    session.flush()
    return set(files)


def _step_record(position: int, step: InstructionStep) -> InstructionStepRecord:
    return InstructionStepRecord(
        position=position,
        text=step.text,
        caution=step.caution,
        media_sha256=step.media.sha256 if step.media is not None else None,
        pdf_page=step.page,
    )
