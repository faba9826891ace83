"""Reads of work instructions: which revision an operation shows, its steps, and the revisions for the console.

The one rule of what the floor sees lives here (`shown_revision`): the revision pinned on the work
order's operation when the order was released (or moved by a supervisor), else the newest approved
revision of the product's routing operation. A pending revision is never shown at a station.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlalchemy import Connection, and_, bindparam, func, select, update
from sqlalchemy.orm import aliased

from mes_terminal.db.records import (
    InstructionAcknowledgement,
    InstructionRevision,
    InstructionStepRecord,
    Material,
    MediaBlob,
    RoutingOperation,
    Signature,
    User,
    WorkOrder,
    WorkOrderOperation,
)
from mes_terminal.domain.error_codes import INSTRUCTIONS_NONE, UNKNOWN_OPERATION
from mes_terminal.domain.errors import InvalidState, UnknownEntity
from mes_terminal.domain.signatures import Manifestation
from mes_terminal.domain.statuses import OperationStatus
from mes_terminal.services.queries.instruction_views import (
    InstructionRevisionRow,
    InstructionStepView,
    InstructionsView,
    RevisionStepRow,
)

SIGNED_ENTITY = "instructions"


class ShownRevision(NamedTuple):
    id: int
    revision: int
    acknowledge: bool
    pinned: bool  # pinned on the work order's operation (else: the newest approved)


def signed_entity_id(product: str, operation: int, revision: int) -> str:
    """The key an approval signature is bound to."""
    return f"{product}:{operation}:{revision}"


def newest_approved(product_id: object, seq: object) -> object:
    """A scalar subquery: the id of the newest approved revision of a product's routing operation."""
    newest = aliased(InstructionRevision)  # the outer query may read revisions too: never correlate to it
    return (
        select(newest.id)
        .where(newest.product_id == product_id, newest.operation_seq == seq, newest.status == "approved")
        .order_by(newest.revision.desc())
        .limit(1)
        .correlate_except(newest)
        .scalar_subquery()
    )


def shown_revision(connection: Connection, operation_id: int) -> ShownRevision | None:
    """The revision a work order's operation shows at a station, or None when it has no approved one."""
    pinned = WorkOrderOperation.instruction_revision_id
    shown = func.coalesce(pinned, newest_approved(WorkOrder.product_id, WorkOrderOperation.seq))
    row = connection.execute(
        select(InstructionRevision.id, InstructionRevision.revision, InstructionRevision.acknowledge, pinned)
        .select_from(WorkOrderOperation)
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .join(InstructionRevision, InstructionRevision.id == shown)
        .where(WorkOrderOperation.id == operation_id)
    ).one_or_none()
    if row is None:
        return None
    return ShownRevision(row.id, row.revision, row.acknowledge, row.instruction_revision_id is not None)


def pin_released_operations(connection: Connection, work_order_id: int) -> None:
    """Pin the newest approved revision on the order's operations that have none pinned yet.

    Called when an order is released: from then on the order keeps that revision until a supervisor
    moves it (`MoveInstructions`), whatever is approved meanwhile.
    """
    pin_released_operations_of(connection, [work_order_id])


def pin_released_operations_of(connection: Connection, work_order_ids: Sequence[int]) -> None:
    """`pin_released_operations` for many orders released together (an ERP schedule): one statement."""
    if work_order_ids:
        connection.execute(_PIN_RELEASED, {"orders": list(work_order_ids)})


# Built once: an ERP schedule releases thousands of orders, and building the statement costs more than
# running it. Only the operations that have an approved revision are written: the others would be
# rewritten with the NULL they hold, a new row version each on PostgreSQL (most of an ERP schedule's
# orders have no instructions; this was the largest statement of its import).
_NEWEST_FOR_OPERATION = newest_approved(
    select(WorkOrder.product_id)
    .where(WorkOrder.id == WorkOrderOperation.work_order_id)
    .correlate(WorkOrderOperation)  # to the updated row, two subqueries out
    .scalar_subquery(),
    WorkOrderOperation.seq,
)
_PIN_RELEASED = (
    update(WorkOrderOperation)
    .where(
        WorkOrderOperation.work_order_id.in_(bindparam("orders", expanding=True)),
        WorkOrderOperation.instruction_revision_id.is_(None),
        _NEWEST_FOR_OPERATION.is_not(None),  # type: ignore[attr-defined]
    )
    .values(instruction_revision_id=_NEWEST_FOR_OPERATION)
    .execution_options(synchronize_session=False)
)


def operation_instructions(
    connection: Connection, work_order: str, operation: int, badge: str | None
) -> InstructionsView:
    """The steps the operation shows, with their files; `badge` says whose acknowledgement counts.

    Raises `UnknownEntity` for an unknown operation and `InvalidState` when it has no approved instructions.
    """
    row = connection.execute(
        select(
            WorkOrderOperation.id,
            WorkOrderOperation.name,
            WorkOrder.product_id,
            Material.code.label("product"),
            RoutingOperation.work_instruction,
        )
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .join(Material, Material.id == WorkOrder.product_id)
        .outerjoin(RoutingOperation, RoutingOperation.id == WorkOrderOperation.routing_operation_id)
        .where(WorkOrder.number == work_order, WorkOrderOperation.seq == operation)
    ).one_or_none()
    if row is None:
        raise UnknownEntity(
            UNKNOWN_OPERATION.sentence(work_order=work_order, operation=operation), code=UNKNOWN_OPERATION
        )
    shown = shown_revision(connection, row.id)
    if shown is None:
        raise InvalidState(
            INSTRUCTIONS_NONE.sentence(job=f"{work_order} operation {operation}"), code=INSTRUCTIONS_NONE
        )
    steps = connection.execute(
        select(
            InstructionStepRecord.position,
            InstructionStepRecord.text,
            InstructionStepRecord.caution,
            InstructionStepRecord.pdf_page,
            MediaBlob.media_type,
            MediaBlob.content,
        )
        .outerjoin(MediaBlob, MediaBlob.sha256 == InstructionStepRecord.media_sha256)
        .where(InstructionStepRecord.revision_id == shown.id)
        .order_by(InstructionStepRecord.position)
    ).all()
    acknowledged = False
    if badge is not None:
        acknowledged = (
            connection.execute(
                select(InstructionAcknowledgement.revision_id)
                .join(User, User.id == InstructionAcknowledgement.user_id)
                .where(InstructionAcknowledgement.revision_id == shown.id, User.badge == badge)
            ).first()
            is not None
        )
    newer = connection.execute(
        select(func.count())
        .select_from(InstructionRevision)
        .where(
            InstructionRevision.product_id == row.product_id,
            InstructionRevision.operation_seq == operation,
            InstructionRevision.revision > shown.revision,
            InstructionRevision.status == "pending",
        )
    ).scalar_one()
    return InstructionsView(
        work_order=work_order,
        operation=operation,
        operation_name=row.name,
        product=row.product,
        revision=shown.revision,
        summary=row.work_instruction,
        steps=tuple(
            InstructionStepView(
                position=s.position,
                text=s.text,
                caution=s.caution,
                media_type=s.media_type,
                content=bytes(s.content) if s.content is not None else None,
                page=s.pdf_page,
            )
            for s in steps
        ),
        acknowledge=shown.acknowledge,
        acknowledged=acknowledged,
        newer_pending=newer > 0,
    )


def shown_revisions(connection: Connection, work_order: str) -> dict[int, int]:
    """For each operation of the order that shows instructions: the revision it shows."""
    order_id = select(WorkOrder.id).where(WorkOrder.number == work_order).scalar_subquery()
    return shown_revisions_of(connection, order_id)


def shown_revisions_of(connection: Connection, order_id: object) -> dict[int, int]:
    """`shown_revisions` by the order's id (the traveler's query)."""
    pinned = WorkOrderOperation.instruction_revision_id
    shown = func.coalesce(pinned, newest_approved(WorkOrder.product_id, WorkOrderOperation.seq))
    rows = connection.execute(
        select(WorkOrderOperation.seq, InstructionRevision.revision)
        .select_from(WorkOrderOperation)
        .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .join(InstructionRevision, InstructionRevision.id == shown)
        .where(WorkOrder.id == order_id)
    )
    return {seq: revision for seq, revision in rows}


def revision_rows(connection: Connection, timezone: str, products: Iterable[str] = ()) -> list[InstructionRevisionRow]:
    """Every revision (of the given products, or all), newest first within each operation."""
    wanted = list(products)
    current = (
        select(
            InstructionRevision.product_id,
            InstructionRevision.operation_seq,
            func.max(InstructionRevision.revision).label("revision"),
        )
        .where(InstructionRevision.status == "approved")
        .group_by(InstructionRevision.product_id, InstructionRevision.operation_seq)
        .subquery()
    )
    steps = (
        select(
            InstructionStepRecord.revision_id,
            func.count().label("steps"),
            func.count(InstructionStepRecord.media_sha256).label("files"),
        )
        .group_by(InstructionStepRecord.revision_id)
        .subquery()
    )
    showing = (
        select(WorkOrderOperation.instruction_revision_id.label("revision_id"), func.count().label("orders"))
        .where(
            WorkOrderOperation.instruction_revision_id.is_not(None),
            WorkOrderOperation.status != OperationStatus.COMPLETED,
        )
        .group_by(WorkOrderOperation.instruction_revision_id)
        .subquery()
    )
    query = (
        select(
            InstructionRevision.operation_seq,
            InstructionRevision.revision,
            InstructionRevision.status,
            InstructionRevision.acknowledge,
            InstructionRevision.created_at,
            InstructionRevision.approved_at,
            Material.code.label("product"),
            RoutingOperation.name.label("operation_name"),
            User.name.label("approver"),
            current.c.revision.label("current"),
            func.coalesce(steps.c.steps, 0).label("steps"),
            func.coalesce(steps.c.files, 0).label("files"),
            func.coalesce(showing.c.orders, 0).label("orders"),
        )
        .join(Material, Material.id == InstructionRevision.product_id)
        .outerjoin(
            RoutingOperation,
            and_(
                RoutingOperation.product_id == InstructionRevision.product_id,
                RoutingOperation.seq == InstructionRevision.operation_seq,
            ),
        )
        .outerjoin(User, User.id == InstructionRevision.approved_by_id)
        .outerjoin(
            current,
            and_(
                current.c.product_id == InstructionRevision.product_id,
                current.c.operation_seq == InstructionRevision.operation_seq,
            ),
        )
        .outerjoin(steps, steps.c.revision_id == InstructionRevision.id)
        .outerjoin(showing, showing.c.revision_id == InstructionRevision.id)
        .order_by(Material.code, InstructionRevision.operation_seq, InstructionRevision.revision.desc())
    )
    if wanted:
        query = query.where(Material.code.in_(wanted))
    rows = connection.execute(query).all()
    signatures = _approval_signatures(connection, timezone)
    out = []
    for row in rows:
        key = signed_entity_id(row.product, row.operation_seq, row.revision)
        out.append(
            InstructionRevisionRow(
                product=row.product,
                operation=row.operation_seq,
                operation_name=row.operation_name,
                revision=row.revision,
                status=row.status,
                current=row.current == row.revision,
                steps=row.steps,
                files=row.files,
                acknowledge=row.acknowledge,
                created_at=row.created_at,
                approved_by=row.approver,
                approved_at=row.approved_at,
                signature=signatures.get(key),
                orders_showing=row.orders,
            )
        )
    return out


def revision_steps(connection: Connection, product: str, operation: int, revision: int) -> list[RevisionStepRow]:
    """The steps of one revision in order, their files named by address (the content is not read)."""
    rows = connection.execute(
        select(
            InstructionStepRecord.position,
            InstructionStepRecord.text,
            InstructionStepRecord.caution,
            InstructionStepRecord.media_sha256,
            InstructionStepRecord.pdf_page,
            MediaBlob.media_type,
            MediaBlob.size,
        )
        .join(InstructionRevision, InstructionRevision.id == InstructionStepRecord.revision_id)
        .join(Material, Material.id == InstructionRevision.product_id)
        .outerjoin(MediaBlob, MediaBlob.sha256 == InstructionStepRecord.media_sha256)
        .where(
            Material.code == product,
            InstructionRevision.operation_seq == operation,
            InstructionRevision.revision == revision,
        )
        .order_by(InstructionStepRecord.position)
    )
    return [
        RevisionStepRow(r.position, r.text, r.caution, r.media_sha256, r.pdf_page, r.media_type, r.size) for r in rows
    ]


def _approval_signatures(connection: Connection, timezone: str) -> dict[str, str]:
    rows = connection.execute(
        select(Signature.entity_id, Signature.signer_name, Signature.meaning, Signature.signed_at).where(
            Signature.entity == SIGNED_ENTITY
        )
    )
    return {row.entity_id: str(Manifestation(row.signer_name, row.meaning, row.signed_at, timezone)) for row in rows}
