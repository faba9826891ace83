"""Work instructions: a supervisor or quality writes a new revision in the console, a quality signature
approves a revision, operators acknowledge what they read, and a supervisor moves a released order to the
newest approved revision.

What an operation shows is `queries.instructions.shown_revision`: the revision pinned when its order was
released, else the newest approved one.
"""

from __future__ import annotations

from sqlalchemy import select

from mes_terminal.db.records import InstructionAcknowledgement, InstructionRevision, WorkOrder, WorkOrderOperation
from mes_terminal.db.repositories import instructions as revisions
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain import signatures as sig
from mes_terminal.domain.error_codes import (
    INSTRUCTIONS_ALREADY_APPROVED,
    INSTRUCTIONS_FILE_UNKNOWN,
    INSTRUCTIONS_NONE,
    INSTRUCTIONS_NOT_SHOWN,
    INSTRUCTIONS_STEP_INVALID,
    INSTRUCTIONS_SUPERSEDED,
    INSTRUCTIONS_UNCHANGED,
    INSTRUCTIONS_UNKNOWN,
)
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.instructions import step_problem
from mes_terminal.domain.roles import INSTRUCTION_EDITORS, PLANNERS, Role
from mes_terminal.domain.statuses import OperationStatus
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.handlers.execution import at_station
from mes_terminal.services.commands.handlers.signatures import sign
from mes_terminal.services.commands.results import (
    InstructionsAcknowledgementResult,
    InstructionsApprovalResult,
    InstructionsMove,
    InstructionsMoveResult,
    InstructionsRevisionResult,
)
from mes_terminal.services.queries import instructions as iq

QUALITY = frozenset({Role.QUALITY})


def approve_instructions(cmd: c.ApproveInstructions, uow: UnitOfWork) -> InstructionsApprovalResult:
    person = uow.users.acting(cmd.actor, QUALITY, "approve work instructions")
    product = uow.products.by_code(cmd.product)
    revisions = {
        r.revision: r
        for r in uow.session.scalars(
            select(InstructionRevision)
            .where(InstructionRevision.product_id == product.id, InstructionRevision.operation_seq == cmd.operation)
            .with_for_update()
        )
    }
    revision = revisions.get(cmd.revision)
    if revision is None:
        raise UnknownEntity(
            INSTRUCTIONS_UNKNOWN.sentence(product=product.code, operation=cmd.operation, revision=cmd.revision),
            code=INSTRUCTIONS_UNKNOWN,
        )
    if revision.status == "approved":
        raise InvalidState(
            INSTRUCTIONS_ALREADY_APPROVED.sentence(
                product=product.code, operation=cmd.operation, revision=cmd.revision
            ),
            code=INSTRUCTIONS_ALREADY_APPROVED,
        )
    current = max((r.revision for r in revisions.values() if r.status == "approved"), default=None)
    if current is not None and current > revision.revision:
        raise InvalidState(
            INSTRUCTIONS_SUPERSEDED.sentence(
                product=product.code, operation=cmd.operation, revision=cmd.revision, current=current
            ),
            code=INSTRUCTIONS_SUPERSEDED,
        )
    key = iq.signed_entity_id(product.code, cmd.operation, cmd.revision)
    signature = sign(uow, cmd, person, sig.APPROVE_INSTRUCTIONS_RULE, iq.SIGNED_ENTITY, key)
    revision.status = "approved"
    revision.approved_by_id = person.id
    revision.approved_at = cmd.issued_at
    uow.session.flush()
    uow.events.add(
        "InstructionsApproved",
        "operation",
        f"{product.code}:{cmd.operation}",
        product=product.code,
        operation=cmd.operation,
        revision=cmd.revision,
        approved_by=person.name,
    )
    return {
        **signature,
        "product": product.code,
        "operation": cmd.operation,
        "revision": cmd.revision,
        "status": "approved",
    }


def acknowledge_instructions(cmd: c.AcknowledgeInstructions, uow: UnitOfWork) -> InstructionsAcknowledgementResult:
    station, person, _ = at_station(cmd, uow, "acknowledge work instructions")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    job = f"{order.number} operation {operation.seq}"
    shown = iq.shown_revision(uow.session.connection(), operation.id)
    if shown is None:
        raise InvalidState(INSTRUCTIONS_NONE.sentence(job=job), code=INSTRUCTIONS_NONE)
    if shown.revision != cmd.revision:
        raise InvalidState(
            INSTRUCTIONS_NOT_SHOWN.sentence(job=job, shown=shown.revision, revision=cmd.revision),
            code=INSTRUCTIONS_NOT_SHOWN,
        )
    already = uow.session.get(InstructionAcknowledgement, (shown.id, person.id)) is not None
    if not already:
        uow.session.add(
            InstructionAcknowledgement(
                revision_id=shown.id, user_id=person.id, acknowledged_at=cmd.issued_at, workstation_id=station.id
            )
        )
        uow.session.flush()
        uow.events.add(
            "InstructionsAcknowledged",
            "operation",
            f"{order.number}:{operation.seq}",
            revision=shown.revision,
            by=person.name,
            badge=person.badge,
        )
    return {"work_order": order.number, "operation": operation.seq, "revision": shown.revision, "already": already}


def move_instructions(cmd: c.MoveInstructions, uow: UnitOfWork) -> InstructionsMoveResult:
    uow.users.acting(cmd.actor, PLANNERS, "move work orders to new instructions")
    order = uow.work_orders.lock(cmd.work_order)
    product_id = uow.session.scalars(select(WorkOrder.product_id).where(WorkOrder.id == order.id)).one()
    query = select(WorkOrderOperation).where(WorkOrderOperation.work_order_id == order.id)
    if cmd.operation is not None:
        uow.jobs.lock(cmd.work_order, cmd.operation)  # an unknown operation is refused by name
        query = query.where(WorkOrderOperation.seq == cmd.operation)
    numbers = {r.id: r.revision for r in uow.session.scalars(select(InstructionRevision))}
    moved: list[InstructionsMove] = []
    for operation in uow.session.scalars(query.order_by(WorkOrderOperation.seq)):
        if operation.status == OperationStatus.COMPLETED:
            continue  # done work keeps the instructions it was done with
        newest = uow.session.scalars(
            select(InstructionRevision.id)
            .where(
                InstructionRevision.product_id == product_id,
                InstructionRevision.operation_seq == operation.seq,
                InstructionRevision.status == "approved",
            )
            .order_by(InstructionRevision.revision.desc())
            .limit(1)
        ).one_or_none()
        if newest is None or newest == operation.instruction_revision_id:
            continue
        before = numbers.get(operation.instruction_revision_id) if operation.instruction_revision_id else None
        operation.instruction_revision_id = newest
        moved.append({"operation": operation.seq, "before": before, "after": numbers[newest]})
    uow.session.flush()
    if moved:
        uow.events.add("InstructionsMoved", "work_order", order.number, moved=moved)
    return {"work_order": order.number, "moved": moved}


def revise_instructions(cmd: c.ReviseInstructions, uow: UnitOfWork) -> InstructionsRevisionResult:
    """A new pending revision written in the console, through the same owner as a changed plant file."""
    uow.users.acting(cmd.actor, INSTRUCTION_EDITORS, "change work instructions")
    product = uow.products.by_code(cmd.product)
    stored = list(
        uow.session.scalars(
            select(InstructionRevision)
            .where(InstructionRevision.product_id == product.id, InstructionRevision.operation_seq == cmd.operation)
            .order_by(InstructionRevision.revision)
            .with_for_update()
        )
    )
    if not stored:
        raise UnknownEntity(
            INSTRUCTIONS_UNKNOWN.sentence(product=product.code, operation=cmd.operation, revision=1),
            code=INSTRUCTIONS_UNKNOWN,
        )
    shown_files = {(s.media_sha256, s.pdf_page) for r in stored for s in r.steps if s.media_sha256 is not None}
    steps = [_checked_step(product.code, cmd.operation, n, s, shown_files) for n, s in enumerate(cmd.steps, 1)]
    newest = stored[-1]
    if revisions.stored_values(newest) == revisions.revision_values(cmd.acknowledge, steps):
        raise InvalidState(
            INSTRUCTIONS_UNCHANGED.sentence(product=product.code, operation=cmd.operation, revision=newest.revision),
            code=INSTRUCTIONS_UNCHANGED,
        )
    number = revisions.add_revision(
        uow.session,
        uow.events,
        product_id=product.id,
        product=product.code,
        operation=cmd.operation,
        previous=newest,
        acknowledge=cmd.acknowledge,
        steps=steps,
        source=None,  # written in the console, not loaded from a file
        now=cmd.issued_at,
    )
    uow.session.flush()
    return {
        "product": product.code,
        "operation": cmd.operation,
        "revision": number,
        "steps": len(steps),
        "status": "pending",
    }


def _checked_step(
    product: str, operation: int, number: int, step: c.RevisedStep, shown_files: set[tuple[str, int | None]]
) -> revisions.StepValues:
    """A revised step as stored, or a refusal naming what is wrong with it."""
    text = (step.text or "").strip() or None
    caution = (step.caution or "").strip() or None
    problem = step_problem(text, caution, step.media_sha256, step.page)
    if problem is not None:
        raise InvalidInput(
            INSTRUCTIONS_STEP_INVALID.sentence(product=product, operation=operation, step=number, problem=problem),
            code=INSTRUCTIONS_STEP_INVALID,
        )
    if step.media_sha256 is not None and (step.media_sha256, step.page) not in shown_files:
        raise InvalidInput(
            INSTRUCTIONS_FILE_UNKNOWN.sentence(product=product, operation=operation, step=number),
            code=INSTRUCTIONS_FILE_UNKNOWN,
        )
    return revisions.StepValues(text, caution, step.media_sha256, step.page)
