"""A supervisor settles a conflict: a command a terminal took offline that a rule refused on delivery.

Discarded with a reason, or settled as applied once its original command has run (with its own id, so
the bus's record of it proves it). Either way the conflict row keeps the original, and an event says who
decided what.
"""

from __future__ import annotations

from sqlalchemy import select

from mes_terminal.db.records import CommandConflict, ProcessedCommand
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import (
    CONFLICT_NOT_RUN,
    CONFLICT_REASON_REQUIRED,
    CONFLICT_SETTLED,
    CONFLICT_UNKNOWN,
)
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.roles import Role
from mes_terminal.services.commands.catalog import ApplyConflict, DiscardConflict
from mes_terminal.services.commands.results import ConflictSettledResult

# Who may settle a conflict: those who answer for the floor's records.
DECIDERS = frozenset({Role.LEAD, Role.SUPERVISOR, Role.ADMIN})


def discard_conflict(cmd: DiscardConflict, uow: UnitOfWork) -> ConflictSettledResult:
    person = uow.users.acting(cmd.actor, DECIDERS, "settle conflicts")
    if not cmd.reason.strip():
        raise InvalidInput(CONFLICT_REASON_REQUIRED.sentence(conflict=cmd.conflict), code=CONFLICT_REASON_REQUIRED)
    conflict = _open(uow, cmd.conflict)
    return _settle(uow, conflict, "discarded", person.badge, cmd.reason.strip())


def apply_conflict(cmd: ApplyConflict, uow: UnitOfWork) -> ConflictSettledResult:
    person = uow.users.acting(cmd.actor, DECIDERS, "settle conflicts")
    conflict = _open(uow, cmd.conflict)
    ran = uow.session.scalar(
        select(ProcessedCommand.command_id).where(ProcessedCommand.command_id == conflict.command_id)
    )
    if ran is None:
        raise InvalidState(CONFLICT_NOT_RUN.sentence(type=conflict.type, conflict=conflict.id), code=CONFLICT_NOT_RUN)
    return _settle(uow, conflict, "applied", person.badge, None)


def _open(uow: UnitOfWork, number: int) -> CommandConflict:
    conflict = uow.session.scalar(select(CommandConflict).where(CommandConflict.id == number).with_for_update())
    if conflict is None:
        raise UnknownEntity(CONFLICT_UNKNOWN.sentence(conflict=number), code=CONFLICT_UNKNOWN)
    if conflict.status != "open":
        raise InvalidState(CONFLICT_SETTLED.sentence(conflict=number, status=conflict.status), code=CONFLICT_SETTLED)
    return conflict


def _settle(
    uow: UnitOfWork, conflict: CommandConflict, status: str, badge: str, reason: str | None
) -> ConflictSettledResult:
    conflict.status = status
    conflict.settled_by = badge
    conflict.settled_at = uow.now
    conflict.settle_reason = reason
    uow.events.add(
        "ConflictDiscarded" if status == "discarded" else "ConflictApplied",
        "conflict",
        conflict.id,
        command_id=str(conflict.command_id),
        type=conflict.type,
        station=conflict.station,
        refused=conflict.code,
        reason=reason,
    )
    return {
        "conflict": conflict.id,
        "command_id": str(conflict.command_id),
        "type": conflict.type,
        "status": status,
        "settled_by": badge,
    }
