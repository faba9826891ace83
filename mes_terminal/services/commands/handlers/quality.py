"""Quality in the loop: checks at the station, nonconformances, and their signed dispositions.

A check outside its limits is a failed check: it raises a nonconformance and, when the site says so,
holds the job's output lot. A numeric value is also judged against its characteristic's control
limits (Nelson rules); a violation is recorded and asks for the site's reaction.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from mes_terminal.db.records import (
    ChecklistResult,
    Disposition,
    Lot,
    Nonconformance,
    User,
    WorkOrder,
    WorkOrderOperation,
)
from mes_terminal.db.repositories.shared import Person
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain import checks, spc
from mes_terminal.domain import signatures as sig
from mes_terminal.domain.error_codes import (
    CHECK_UNKNOWN_ITEM,
    CHECK_WRONG_CHECKLIST,
    JOB_NOT_RUNNING,
    LOT_NOT_ENOUGH,
    NONCONFORMANCE_NO_LOT,
    NONCONFORMANCE_NOT_OPEN,
    NONCONFORMANCE_TOO_MUCH,
    UNKNOWN_NONCONFORMANCE,
)
from mes_terminal.domain.errors import InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.execution import format_quantity
from mes_terminal.domain.roles import SHOP_FLOOR, Role
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import LotStatus, OperationStatus, can_move
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.handlers import holds, output_lots
from mes_terminal.services.commands.handlers.execution import at_station, job_key
from mes_terminal.services.commands.handlers.signatures import sign
from mes_terminal.services.commands.results import (
    CheckFacts,
    CheckResult,
    DispositionResult,
    FailedCheck,
    NonconformanceResult,
    SpcJudgement,
)
from mes_terminal.services.queries import quality as qq

QUALITY = frozenset({Role.QUALITY})


def record_check(cmd: c.RecordCheck, uow: UnitOfWork) -> CheckResult:
    station, person, _ = at_station(cmd, uow, "record checks")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    label = uow.jobs.facts(order, operation).label
    if operation.workstation_id != station.id or operation.status != OperationStatus.RUNNING:
        raise InvalidState(
            Sentence(
                "{job} is not running at {station}; checks are recorded for a running job.",
                job=label,
                station=station.code,
            ),
            code=JOB_NOT_RUNNING,
        )
    connection = uow.session.connection()
    checklist = qq.checklist_of(connection, operation.id)
    if checklist is None or checklist.code != cmd.checklist:
        uses = f"uses checklist {checklist.code}" if checklist else "has no checklist"
        raise InvalidState(
            CHECK_WRONG_CHECKLIST.sentence(job=label, uses=uses, checklist=cmd.checklist),
            code=CHECK_WRONG_CHECKLIST,
        )
    item = next((i for i in checklist.items if i.code == cmd.item), None)
    if item is None:
        raise UnknownEntity(
            CHECK_UNKNOWN_ITEM.sentence(
                checklist=checklist.code,
                version=checklist.version,
                item=cmd.item,
            ),
            code=CHECK_UNKNOWN_ITEM,
        )
    outcome = checks.evaluate(item, cmd.value)
    result = ChecklistResult(
        item_id=checklist.item_ids[item.code],
        operation_id=operation.id,
        workstation_id=station.id,
        user_id=person.id,
        value=outcome.value,
        numeric_value=outcome.numeric,
        passed=outcome.passed,
        recorded_at=cmd.issued_at,
    )
    uow.session.add(result)
    uow.session.flush()
    key = job_key(order, operation)
    uow.events.add(
        "CheckRecorded",
        "operation",
        key,
        checklist=checklist.code,
        version=checklist.version,
        item=item.code,
        value=outcome.value,
        unit=item.unit,
        passed=outcome.passed,
        comment=cmd.comment,
        by=person.name,
    )
    rules = qq.quality_rules(connection, station.id)
    answer: CheckFacts = {
        "work_order": order.number,
        "operation": operation.seq,
        "checklist": checklist.code,
        "version": checklist.version,
        "item": item.code,
        "text": item.text,
        "unit": item.unit,
        "value": outcome.value,
        "passed": outcome.passed,
        "deviation": outcome.deviation,
        "nonconformance": None,
        "held_lot": None,
    }
    if not outcome.passed:
        answer = {**answer, **_failed_check(uow, cmd, order, operation, person, item, outcome, result.id, rules)}
    if outcome.numeric is not None:
        answer = {**answer, **_judge_spc(uow, cmd, order, operation, person, item, rules)}
    return {**answer, "warning": _warning(answer)}  # the warning words all of the above, so it comes last


_REACTIONS = {
    "remeasure": "Measure again.",
    "hold": "The output lot is on hold.",
    "call_quality": "Quality has been called.",
}


def _warning(answer: CheckFacts) -> str | None:
    """What the operator must know after a check: a failure and its nonconformance, an SPC signal."""
    parts = []
    if not answer["passed"]:
        held = f"; lot {answer['held_lot']} is on hold" if answer["held_lot"] else ""
        parts.append(f"{answer['deviation']} Nonconformance {answer['nonconformance']} raised{held}.")
    if answer.get("spc"):
        parts.append(f"{answer['spc'][0]}. {_REACTIONS.get(answer.get('reaction', ''), '')}".strip())
    return " ".join(parts) or None


def _failed_check(
    uow: UnitOfWork,
    cmd: c.RecordCheck,
    order: WorkOrder,
    operation: WorkOrderOperation,
    person: Person,
    item: checks.CheckItem,
    outcome: checks.CheckOutcome,
    result_id: int,
    rules: qq.QualityRules,
) -> FailedCheck:
    """A failed check raises a nonconformance on the job (and its output lot); per site rule, the lot is held."""
    output = output_lots.output_lot_of(uow, order)
    nc = _new_nonconformance(
        uow,
        lot_id=output.id if output else None,
        operation_id=operation.id,
        checklist_result_id=result_id,
        defect_code=f"{item.checklist}-{item.code}"[:64],
        description=outcome.deviation or f"{item.text} failed.",
        raised_by=person,
        at=cmd.issued_at,
    )
    uow.events.add(
        "NonconformanceRaised",
        "nonconformance",
        nc.number,
        work_order=order.number,
        operation=operation.seq,
        lot=output.number if output else None,
        defect_code=nc.defect_code,
        description=nc.description,
        by=person.name,
        source="check",
    )
    held = None
    if rules.hold_on_failed_check and output is not None:
        lot = uow.lots.lock(output.number)
        if lot.status == LotStatus.ON_HOLD or can_move(lot.status, LotStatus.ON_HOLD):
            holds.hold_for_quality(uow, lot, person.id, person.name, nc.description, cmd.issued_at, nc)
            held = lot.number
    return {"nonconformance": nc.number, "held_lot": held}


def _judge_spc(
    uow: UnitOfWork,
    cmd: c.RecordCheck,
    order: WorkOrder,
    operation: WorkOrderOperation,
    person: Person,
    item: checks.CheckItem,
    rules: qq.QualityRules,
) -> SpcJudgement:
    """Judge the new value against the characteristic's control limits (the chart's: Phase I over the
    baseline), from the MIN_BASELINE-th value on: a value inside the baseline is judged too, against the
    provisional limits, so that an outlier there is caught when it is measured."""
    values = [float(m.value) for m in qq.measurements(uow.session.connection(), item.checklist, item.code)]
    if len(values) < spc.MIN_BASELINE:
        return {"spc": []}
    chart = spc.analyse(values, rules.spc_baseline)
    if chart.limits is None:
        return {"spc": []}
    limits = chart.limits.location
    broken = [v for v in chart.violations if v.index == len(values) - 1]
    if not broken:
        return {"spc": []}
    texts = [v.text for v in broken]
    key = job_key(order, operation)
    uow.events.add(
        "SpcRuleViolated",
        "characteristic",
        f"{item.checklist}/{item.code}",
        work_order=order.number,
        operation=operation.seq,
        value=values[-1],
        rules=[int(v.rule) for v in broken],
        reaction=rules.spc_reaction,
        center=limits.center,
        lower=limits.lower,
        upper=limits.upper,
        provisional=chart.provisional,
    )
    held = None
    if rules.spc_reaction == "hold":
        output = output_lots.output_lot_of(uow, order)
        if output is not None:
            lot = uow.lots.lock(output.number)
            if can_move(lot.status, LotStatus.ON_HOLD):
                holds.record_hold(uow, lot, person.id, f"SPC: {texts[0]}", cmd.issued_at)
                lot.status = LotStatus.ON_HOLD
                uow.events.add("LotHeld", "lot", lot.number, reason=f"SPC: {texts[0]}", by=person.name)
                held = lot.number
    elif rules.spc_reaction == "call_quality":
        uow.events.add("QualityCalled", "workstation", cmd.station, name=person.name, job=key, message=texts[0])
    return {"spc": texts, "reaction": rules.spc_reaction, "spc_held_lot": held}


# --- nonconformances --------------------------------------------------------------------------------


def raise_nonconformance(cmd: c.RaiseNonconformance, uow: UnitOfWork) -> NonconformanceResult:
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, "raise nonconformances")
    if cmd.lot is None and cmd.work_order is None:
        raise InvalidInput(Sentence("Name the lot or the work order that does not conform."))
    if cmd.hold and cmd.lot is None:
        raise InvalidInput(Sentence("Only a lot can be put on hold: name the lot."))
    if cmd.work_order is not None and cmd.operation is None:
        raise InvalidInput(
            Sentence("Name the operation of work order {work_order} that does not conform.", work_order=cmd.work_order)
        )
    lot = uow.lots.lock(cmd.lot) if cmd.lot else None
    operation = uow.jobs.lock(cmd.work_order, cmd.operation)[1] if cmd.work_order and cmd.operation else None
    if lot is not None and cmd.quantity is not None and cmd.quantity > lot.quantity:
        raise InvalidState(
            NONCONFORMANCE_TOO_MUCH.sentence(
                lot=lot.number,
                quantity=format_quantity(lot.quantity),
                quantity2=format_quantity(cmd.quantity),
            ),
            code=NONCONFORMANCE_TOO_MUCH,
        )
    nc = _new_nonconformance(
        uow,
        lot_id=lot.id if lot else None,
        operation_id=operation.id if operation else None,
        checklist_result_id=None,
        defect_code=cmd.defect_code,
        description=cmd.description.strip() or cmd.defect_code,
        raised_by=person,
        at=cmd.issued_at,
        quantity=cmd.quantity,
    )
    signature = sign(uow, cmd, person, sig.RAISE_RULE, "nonconformance", nc.number)
    uow.events.add(
        "NonconformanceRaised",
        "nonconformance",
        nc.number,
        lot=cmd.lot,
        work_order=cmd.work_order,
        operation=cmd.operation,
        quantity=cmd.quantity,
        defect_code=cmd.defect_code,
        description=nc.description,
        by=person.name,
        source="person",
    )
    held = None
    if cmd.hold and lot is not None:
        holds.hold_for_quality(uow, lot, person.id, person.name, nc.description, cmd.issued_at, nc)
        held = lot.number
    return {"nonconformance": nc.number, "status": nc.status, "held_lot": held, **signature}


def dispose_nonconformance(cmd: c.DisposeNonconformance, uow: UnitOfWork) -> DispositionResult:
    person = uow.users.acting(cmd.actor, QUALITY, "dispose of nonconformances")
    decision = sig.parse_decision(cmd.decision)
    nc = uow.session.scalars(
        select(Nonconformance).where(Nonconformance.number == cmd.nonconformance).with_for_update()
    ).one_or_none()
    if nc is None:
        raise UnknownEntity(
            UNKNOWN_NONCONFORMANCE.sentence(nonconformance=cmd.nonconformance),
            code=UNKNOWN_NONCONFORMANCE,
        )
    if nc.status != "open":
        raise InvalidState(
            NONCONFORMANCE_NOT_OPEN.sentence(nc=nc.number, status=nc.status),
            code=NONCONFORMANCE_NOT_OPEN,
        )
    raiser = uow.session.get_one(User, nc.raised_by_id)
    rules = qq.site_quality_rules(uow.session.connection())
    signature = sign(
        uow,
        cmd,
        person,
        sig.disposition_rule(decision),
        "nonconformance",
        nc.number,
        recorded_by=(raiser.id, raiser.name),
        two_person=rules.two_person_signatures,
    )
    lot = uow.lots.lock(uow.session.get_one(Lot, nc.lot_id).number) if nc.lot_id is not None else None
    moved = _apply_decision(uow, cmd, decision, nc, lot, person)
    uow.session.add(
        Disposition(
            nonconformance_id=nc.id,
            decision=decision.value,
            quantity=moved,
            comment=(cmd.comment or "").strip() or None,
            decided_by_id=person.id,
            decided_at=cmd.issued_at,
        )
    )
    nc.status = "dispositioned" if decision == sig.Decision.REWORK else "closed"
    released = lot is not None and holds.release_for_nonconformance(uow, lot, nc.id, person.id, cmd.issued_at)
    if released and lot is not None:
        uow.events.add(
            "LotReleased", "lot", lot.number, before=LotStatus.ON_HOLD, reason=f"{nc.number}: {decision.value}"
        )
    uow.events.add(
        "NonconformanceDisposed",
        "nonconformance",
        nc.number,
        decision=decision.value,
        quantity=moved,
        lot=lot.number if lot else None,
        comment=cmd.comment,
        by=person.name,
    )
    return {
        "nonconformance": nc.number,
        "decision": decision.value,
        "status": nc.status,
        "lot": lot.number if lot else None,
        "lot_status": lot.status if lot else None,
        "quantity": moved,
        **signature,
    }


def _apply_decision(
    uow: UnitOfWork,
    cmd: c.DisposeNonconformance,
    decision: sig.Decision,
    nc: Nonconformance,
    lot: Lot | None,
    person: Person,
) -> Decimal | None:
    """Scrap or send back the lot's nonconforming quantity; use as is and rework leave it whole."""
    if decision not in (sig.Decision.SCRAP, sig.Decision.RETURN_TO_SUPPLIER):
        return cmd.quantity or nc.quantity
    if lot is None:
        raise InvalidState(
            NONCONFORMANCE_NO_LOT.sentence(nc=nc.number),
            code=NONCONFORMANCE_NO_LOT,
        )
    quantity = cmd.quantity or nc.quantity or lot.quantity
    if quantity > lot.quantity or quantity <= 0:
        raise InvalidState(
            Sentence(
                "Lot {lot} holds {quantity}; {quantity2} cannot be taken.",
                lot=lot.number,
                quantity=format_quantity(lot.quantity),
                quantity2=format_quantity(quantity),
            ),
            code=LOT_NOT_ENOUGH,
        )
    lot.quantity -= quantity
    event = "LotScrapped" if decision == sig.Decision.SCRAP else "LotReturnedToSupplier"
    uow.events.add(event, "lot", lot.number, quantity=quantity, reason=nc.defect_code, by=person.name, nc=nc.number)
    if lot.quantity == 0:
        # Emptied for good: the lot's status says so first, so closing its holds does not release it.
        lot.status = LotStatus.SCRAPPED if decision == sig.Decision.SCRAP else LotStatus.CONSUMED
        holds.release_for_nonconformance(uow, lot, nc.id, person.id, cmd.issued_at)
    return quantity


def _new_nonconformance(
    uow: UnitOfWork,
    *,
    lot_id: int | None,
    operation_id: int | None,
    checklist_result_id: int | None,
    defect_code: str,
    description: str,
    raised_by: Person,
    at: datetime,
    quantity: Decimal | None = None,
) -> Nonconformance:
    nc = Nonconformance(
        number=qq.next_nonconformance_number(uow.session.connection()),
        lot_id=lot_id,
        operation_id=operation_id,
        checklist_result_id=checklist_result_id,
        quantity=quantity,
        defect_code=defect_code,
        description=description,
        status="open",
        raised_by_id=raised_by.id,
        raised_at=at,
    )
    uow.session.add(nc)
    uow.session.flush()  # a number taken meanwhile fails here, and the bus runs the command again
    return nc
