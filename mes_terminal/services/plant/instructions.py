"""The plant file's work instructions in the database: a changed operation gets its next revision.

Part of `plant.loader.load_plant`, inside its transaction. The steps of each routing operation are
compared with the newest revision stored for it (approved or pending); equal steps change nothing, so
loading a file twice adds no revision. Different steps add the next revision, pending: the floor keeps
seeing the approved one until a quality signature approves the new one (`ApproveInstructions`). Files
are stored once under the SHA-256 of their content. The revision itself is written by
`db.repositories.instructions.add_revision`, as for a change made in the console (`ReviseInstructions`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Material, MediaBlob
from mes_terminal.db.repositories import instructions as revisions
from mes_terminal.db.uow import EventLog
from mes_terminal.domain.errors import PlantFileError
from mes_terminal.domain.instructions import InstructionStep
from mes_terminal.domain.plant import PlantDefinition
from mes_terminal.services.plant.changes import ChangeLog


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
    newest = revisions.newest_revisions(session, [materials[p.code].id for p in plant.products])
    stored_blobs: set[str] = set()
    for product in plant.products:
        material = materials[product.code]
        for operation in product.routing:
            current = newest.get((material.id, operation.operation))
            if current is None and not operation.instructions:
                continue  # never had instructions, has none now
            key = f"{product.code} operation {operation.operation}"
            steps = [_step_values(step) for step in operation.instructions]
            before = None if current is None else revisions.stored_values(current)
            after = revisions.revision_values(operation.acknowledge_instructions, steps)
            if not changes.record("instructions", key, before, after):
                continue
            stored_blobs |= _store_blobs(session, operation.instructions, stored_blobs)
            revisions.add_revision(
                session,
                events,
                product_id=material.id,
                product=product.code,
                operation=operation.operation,
                previous=current,
                acknowledge=operation.acknowledge_instructions,
                steps=steps,
                source=plant.source,
                now=now,
            )
    session.flush()


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


def _step_values(step: InstructionStep) -> revisions.StepValues:
    return revisions.StepValues(
        text=step.text,
        caution=step.caution,
        media_sha256=step.media.sha256 if step.media is not None else None,
        page=step.page,
    )
