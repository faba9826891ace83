"""Corrections never edit (21 CFR 11.10(e)): `CorrectCount` books the difference to a reported count.

The corrected count row and its `CountReported` event stay as they were. The correction is a count of
its own (source `correction`, the corrected event's id, the reason) holding the difference, so every
sum a report takes includes it; the operation's totals and, at the final operation, its output lot
move by the same difference; a `CountCorrected` event names the corrected event, the figures before
and after and the reason. A second correction of the same report starts from where the first left it.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from mes_terminal.db.records import Count, Event, WorkOrder, WorkOrderOperation, Workstation
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import (
    CORRECTION_BELOW_ZERO,
    CORRECTION_NO_CHANGE,
    CORRECTION_NOT_A_COUNT,
    CORRECTION_REASON_NEEDED,
    COUNT_SCRAP_REASON_NEEDED,
)
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.execution import format_quantity
from mes_terminal.domain.roles import Role
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.handlers import output_lots
from mes_terminal.services.commands.results import CorrectionResult

CORRECTORS = frozenset({Role.LEAD, Role.SUPERVISOR, Role.ADMIN})
CORRECTED, CORRECTION = "CountReported", "CountCorrected"


def correct_count(cmd: c.CorrectCount, uow: UnitOfWork) -> CorrectionResult:
    person = uow.users.acting(cmd.actor, CORRECTORS, "correct reported counts")
    reason = cmd.reason.strip()
    if not reason:
        raise InvalidInput(CORRECTION_REASON_NEEDED.sentence(), code=CORRECTION_REASON_NEEDED)
    reported = uow.session.execute(
        select(Event.entity_id, Event.station, Event.payload, Event.occurred_at).where(
            Event.id == cmd.event_id, Event.type == CORRECTED
        )
    ).one_or_none()
    if reported is None:
        raise UnknownEntity(CORRECTION_NOT_A_COUNT.sentence(event=cmd.event_id), code=CORRECTION_NOT_A_COUNT)
    number, _, seq = reported.entity_id.rpartition("/")
    order, operation = uow.jobs.lock(number, int(seq))  # serialises corrections of the same operation

    # Where the report stands now: its own figures plus the corrections booked to it before.
    earlier = uow.session.execute(
        select(Count.good, Count.scrap).where(Count.corrects_event_id == cmd.event_id)
    ).all()  # a handful at most; summed here so that both databases give Decimals
    was_good = Decimal(str(reported.payload.get("good", 0))) + sum((row.good for row in earlier), Decimal(0))
    was_scrap = Decimal(str(reported.payload.get("scrap", 0))) + sum((row.scrap for row in earlier), Decimal(0))
    good_change, scrap_change = cmd.good - was_good, cmd.scrap - was_scrap
    if good_change == 0 and scrap_change == 0:
        raise InvalidInput(
            CORRECTION_NO_CHANGE.sentence(
                event=cmd.event_id, good=format_quantity(was_good), scrap=format_quantity(was_scrap)
            ),
            code=CORRECTION_NO_CHANGE,
        )
    _refuse_below_zero(f"{number}/{seq} good", operation.good_quantity + good_change)
    _refuse_below_zero(f"{number}/{seq} scrap", operation.scrap_quantity + scrap_change)
    # Scrap added needs a reason (the command's, else the report's); scrap taken back is the report's own,
    # so that the scrap Pareto takes it from the reason it was booked to.
    scrap_reason_id = None
    code = (cmd.scrap_reason if scrap_change > 0 else None) or reported.payload.get("scrap_reason")
    if scrap_change > 0 and not code:
        raise InvalidState(COUNT_SCRAP_REASON_NEEDED.sentence(), code=COUNT_SCRAP_REASON_NEEDED)
    if scrap_change != 0 and code:
        scrap_reason_id = uow.jobs.scrap_reason(code).id

    station_id = uow.session.scalar(select(Workstation.id).where(Workstation.code == reported.station))
    uow.session.add(
        Count(
            operation_id=operation.id,
            workstation_id=station_id if station_id is not None else operation.workstation_id,
            job_run_id=None,
            user_id=person.id,
            good=good_change,
            scrap=scrap_change,
            scrap_reason_id=scrap_reason_id,
            # When the corrected parts were reported: the figures of that shift are the ones corrected.
            reported_at=reported.occurred_at,
            source="correction",
            corrects_event_id=cmd.event_id,
            reason=reason,
        )
    )
    totals_before = {"good": operation.good_quantity, "scrap": operation.scrap_quantity}
    operation.good_quantity += good_change
    operation.scrap_quantity += scrap_change
    output_lot = _move_output_lot(uow, order, operation, good_change)
    uow.events.add(
        CORRECTION,
        "operation",
        reported.entity_id,
        corrects=cmd.event_id,
        reason=reason,
        before={"good": was_good, "scrap": was_scrap},
        after={"good": cmd.good, "scrap": cmd.scrap},
        totals_before=totals_before,
        totals_after={"good": operation.good_quantity, "scrap": operation.scrap_quantity},
        output_lot=output_lot,
    )
    return {
        "corrects": cmd.event_id,
        "work_order": order.number,
        "operation": operation.seq,
        "good": cmd.good,
        "scrap": cmd.scrap,
        "good_change": good_change,
        "scrap_change": scrap_change,
        "total_good": operation.good_quantity,
        "total_scrap": operation.scrap_quantity,
    }


def _refuse_below_zero(what: str, value: Decimal) -> None:
    if value < 0:
        raise InvalidState(
            CORRECTION_BELOW_ZERO.sentence(what=what, value=format_quantity(value)), code=CORRECTION_BELOW_ZERO
        )


def _move_output_lot(
    uow: UnitOfWork, order: WorkOrder, operation: WorkOrderOperation, good_change: Decimal
) -> str | None:
    """Good parts of the final operation are the output lot's: it grows or shrinks with the correction."""
    if good_change > 0:
        return output_lots.after_count(uow, order, operation, good_change)
    final = uow.lots.final_operation(order)
    lot = uow.lots.output_lot(final)
    if lot is None or operation.id != final.id or good_change == 0:
        return lot.number if lot is not None else None
    _refuse_below_zero(f"Lot {lot.number}", lot.quantity + good_change)
    lot.quantity += good_change
    return lot.number
