"""Work at a station: start, pause, resume, report, complete, join and leave jobs, call for help.

Machine time (job runs) and people's time (labour entries) are kept apart: a run is the operation
being worked at the station; each person on it has a labour entry of their own, so several people
share a job and one person may be on several jobs at once without anything overlapping.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from mes_terminal.db.records import (
    Count,
    JobRun,
    LabourEntry,
    ScrapReason,
    Site,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.db.repositories.shared import Person
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain import execution as rules
from mes_terminal.domain import materials, readiness
from mes_terminal.domain.clock import site_date
from mes_terminal.domain.error_codes import (
    COUNT_SCRAP_REASON_ELSEWHERE,
    COUNT_SCRAP_REASON_NEEDED,
    JOB_NOT_ON_IT,
    JOB_NOT_PAUSED,
    JOB_NOT_RUNNING,
    JOB_ORDER_ON_HOLD,
    NOT_SIGNED_IN,
)
from mes_terminal.domain.errors import InvalidState, NotPermitted
from mes_terminal.domain.roles import SHOP_FLOOR, Role, require_role
from mes_terminal.domain.scrap_scope import ScrapScope
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import (
    ACTIVE_OPERATION,
    OperationStatus,
    WorkOrderStatus,
    can_move,
    require_transition,
)
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.handlers import check_gate, output_lots
from mes_terminal.services.commands.handlers import downtime as stops
from mes_terminal.services.commands.results import (
    CompletionResult,
    CountResult,
    JobResult,
    PauseResult,
    SupervisorCallResult,
)
from mes_terminal.services.queries import checklists
from mes_terminal.services.queries import materials as mq
from mes_terminal.services.queries import station as sq

# Leads and supervisors may act at a station without being signed in there (on an operator's behalf).
ON_BEHALF = frozenset({Role.LEAD, Role.SUPERVISOR, Role.ADMIN})


def start_job(cmd: c.StartJob, uow: UnitOfWork) -> JobResult:
    station, person, signed_in = at_station(cmd, uow, "start jobs")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    facts = uow.jobs.facts(order, operation)
    # The dispatch list's rule with the same facts: a blocking reason refuses, advice lets it start.
    qualification = _qualification(uow, operation, station, person, signed_in)
    verdict = start_readiness(uow, order, operation, facts, station, qualification, cmd.issued_at)
    readiness.check_start(verdict, facts)

    run = _open_run(uow, operation, station.id, cmd)
    if signed_in:
        uow.session.add(LabourEntry(job_run_id=run.id, user_id=person.id, started_at=cmd.issued_at))
    operation.status = require_transition(operation.status, OperationStatus.RUNNING, facts.label)
    operation.workstation_id = station.id
    operation.started_at = operation.started_at or cmd.issued_at
    if order.status == WorkOrderStatus.RELEASED:
        order.status = WorkOrderStatus.IN_PROGRESS
    uow.events.add(
        "JobStarted", "operation", job_key(order, operation), run_id=run.id, by=person.name, on_behalf=not signed_in
    )
    return _job_result(order, operation, station.code)


def pause_job(cmd: c.PauseJob, uow: UnitOfWork) -> PauseResult:
    station, person, _ = at_station(cmd, uow, "pause jobs")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    reason = stops.leaf_reason(uow, cmd.reason) if cmd.reason else None
    run = _running_here(uow, order, operation, station.id)
    _close_run(uow, run, cmd, OperationStatus.PAUSED)
    operation.status = OperationStatus.PAUSED  # running here: it has an open run at this station
    # A pause with a reason stops the station (or gives its unclassified stop that reason).
    downtime_id = (
        stops.stop_for_pause(uow, station, person, operation.id, reason, cmd.issued_at, comment=cmd.comment)
        if reason
        else None
    )
    uow.events.add("JobPaused", "operation", job_key(order, operation), run_id=run.id, reason=cmd.reason)
    return {**_job_result(order, operation, station.code), "downtime_id": downtime_id}


def resume_job(cmd: c.ResumeJob, uow: UnitOfWork) -> JobResult:
    station, person, signed_in = at_station(cmd, uow, "resume jobs")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    facts = uow.jobs.facts(order, operation)
    if operation.status != OperationStatus.PAUSED or operation.workstation_id != station.id:
        raise InvalidState(
            JOB_NOT_PAUSED.sentence(job=facts.label, station=station.code),
            code=JOB_NOT_PAUSED,
        )
    if order.status == WorkOrderStatus.ON_HOLD:
        raise InvalidState(
            Sentence("Work order {order} is on hold; it cannot be resumed.", order=order.number),
            code=JOB_ORDER_ON_HOLD,
        )
    _require_qualified(uow, operation, facts, station, person, signed_in)
    run = _open_run(uow, operation, station.id, cmd)
    if signed_in:
        uow.session.add(LabourEntry(job_run_id=run.id, user_id=person.id, started_at=cmd.issued_at))
    operation.status = OperationStatus.RUNNING  # paused here, checked above
    # The stop this job's pause opened ends when the job resumes.
    downtime = uow.jobs.open_downtime(station)
    if downtime is not None and downtime.operation_id == operation.id and downtime.source == "operator":
        downtime.ended_at = max(cmd.issued_at, downtime.started_at)
        uow.events.add("DowntimeEnded", "workstation", station.code, downtime_id=downtime.id)
    uow.events.add("JobResumed", "operation", job_key(order, operation), run_id=run.id, by=person.name)
    return _job_result(order, operation, station.code)


def _refuse_scrap_reason_elsewhere(
    reason: ScrapReason, station: Workstation, product: str, operation: int, job: Sentence
) -> None:
    """The plant file scopes some reasons to lines, stations or operations: the terminal offers only those."""
    scope = ScrapScope.of_rows((s.kind, s.code, s.operation) for s in reason.scopes)
    if not scope.applies(line=station.line.code, station=station.code, product=product, operation=operation):
        raise InvalidState(
            COUNT_SCRAP_REASON_ELSEWHERE.sentence(
                name=reason.name, code=reason.code, station=station.code, scope=scope.describe(), job=job
            ),
            code=COUNT_SCRAP_REASON_ELSEWHERE,
        )


def report_count(cmd: c.ReportCount, uow: UnitOfWork) -> CountResult:
    station, person, _ = at_station(cmd, uow, "report quantities")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    facts = uow.jobs.facts(order, operation)
    if operation.workstation_id != station.id or operation.status not in ACTIVE_OPERATION:
        raise InvalidState(
            JOB_NOT_RUNNING.sentence(job=facts.label, station=station.code),
            code=JOB_NOT_RUNNING,
        )
    if cmd.scrap > 0 and not cmd.scrap_reason:
        raise InvalidState(COUNT_SCRAP_REASON_NEEDED.sentence(), code=COUNT_SCRAP_REASON_NEEDED)
    reason = uow.jobs.scrap_reason(cmd.scrap_reason) if cmd.scrap_reason and cmd.scrap > 0 else None
    if reason is not None:
        _refuse_scrap_reason_elsewhere(reason, station, uow.jobs.product(order).code, operation.seq, facts.label)
    site = uow.jobs.site_rules(station)
    rules.check_count(facts, cmd.good, cmd.scrap, site.overrun_percent)
    check_gate.refuse_if_checks_due(uow, station, order, operation, cmd.issued_at, completing=False)
    warning = _material_check(uow, order, operation, facts, facts.reported + cmd.good + cmd.scrap, site, "count")

    _, output_lot = record_count(
        uow, station, person, order, operation, cmd.good, cmd.scrap, reason, cmd.issued_at, source="operator"
    )
    return {**_job_result(order, operation, station.code), "output_lot": output_lot, "warning": warning}


def record_count(
    uow: UnitOfWork,
    station: Workstation,
    person: Person,
    order: WorkOrder,
    operation: WorkOrderOperation,
    good: Decimal,
    scrap: Decimal,
    reason: ScrapReason | None,
    at: datetime,
    *,
    source: str,
) -> tuple[Count, str | None]:
    """Book an allowed count on the operation (a person's or a machine's): the count and the output lot it made."""
    site = uow.jobs.site_rules(station)
    run = uow.jobs.open_run(operation) or uow.jobs.last_run(operation)
    count = Count(
        operation_id=operation.id,
        workstation_id=station.id,
        job_run_id=run.id if run else None,
        user_id=person.id,
        good=good,
        scrap=scrap,
        scrap_reason_id=reason.id if reason else None,
        reported_at=at,
        source=source,
    )
    uow.session.add(count)
    before = {"good": operation.good_quantity, "scrap": operation.scrap_quantity}
    operation.good_quantity += good
    operation.scrap_quantity += scrap
    if good > 0 and rules.StartWhen(site.start_when) == rules.StartWhen.QUANTITY_AVAILABLE:
        _ready_following(uow, operation)  # good parts are work for the next operation
    output_lot = output_lots.after_count(uow, order, operation, good)
    uow.events.add(
        "CountReported",
        "operation",
        job_key(order, operation),
        good=good,
        scrap=scrap,
        scrap_reason=reason.code if reason else None,
        before=before,
        after={"good": operation.good_quantity, "scrap": operation.scrap_quantity},
        output_lot=output_lot,
        **({"source": source} if source != "operator" else {}),
    )
    return count, output_lot


def complete_job(cmd: c.CompleteJob, uow: UnitOfWork) -> CompletionResult:
    station, person, _ = at_station(cmd, uow, "complete jobs")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    facts = uow.jobs.facts(order, operation)
    if operation.workstation_id != station.id or not can_move(operation.status, OperationStatus.COMPLETED):
        raise InvalidState(
            JOB_NOT_RUNNING.sentence(job=facts.label, station=station.code),
            code=JOB_NOT_RUNNING,
        )
    rules.check_complete(facts, cmd.short_close)
    check_gate.refuse_if_checks_due(uow, station, order, operation, cmd.issued_at, completing=True)
    site = uow.jobs.site_rules(station)
    warning = _material_check(uow, order, operation, facts, facts.reported, site, "completion")
    run = uow.jobs.open_run(operation)
    if run is not None:
        _close_run(uow, run, cmd, OperationStatus.COMPLETED)
    short = facts.reported < rules.expected(facts)
    operation.status = OperationStatus.COMPLETED
    operation.completed_at = cmd.issued_at
    operation.short_closed = short
    backflushed = output_lots.at_completion(uow, order, operation, person.id)
    following = _ready_following(uow, operation)
    if following is None:
        order.status = require_transition(order.status, WorkOrderStatus.COMPLETED, f"Work order {order.number}")
        uow.events.add("WorkOrderCompleted", "work_order", order.number, good=operation.good_quantity)
    uow.events.add(
        "JobCompleted",
        "operation",
        job_key(order, operation),
        good=operation.good_quantity,
        scrap=operation.scrap_quantity,
        short_closed=short,
        by=person.name,
    )
    return {
        **_job_result(order, operation, station.code),
        "short_closed": short,
        "order_status": order.status,
        "output_lot": operation.output_lot or output_lots.output_lot_number(uow, order),
        "backflushed": backflushed,
        "warning": warning,
    }


def join_job(cmd: c.JoinJob, uow: UnitOfWork) -> JobResult:
    station, person, signed_in = at_station(cmd, uow, "join jobs")
    if not signed_in:
        raise NotPermitted(
            Sentence(
                "{person} is not signed in at {station}; sign in to join a job.",
                person=person.name,
                station=station.code,
            )
        )
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    run = _running_here(uow, order, operation, station.id)
    _require_qualified(uow, operation, uow.jobs.facts(order, operation), station, person, signed_in=True)
    if any(entry.user_id == person.id for entry in uow.jobs.open_labour(run)):
        return _job_result(order, operation, station.code)  # already on it: a double tap changes nothing
    uow.session.add(LabourEntry(job_run_id=run.id, user_id=person.id, started_at=cmd.issued_at))
    uow.events.add("JobJoined", "operation", job_key(order, operation), run_id=run.id, name=person.name)
    return _job_result(order, operation, station.code)


def leave_job(cmd: c.LeaveJob, uow: UnitOfWork) -> JobResult:
    station, person, _ = at_station(cmd, uow, "leave jobs")
    order, operation = uow.jobs.lock(cmd.work_order, cmd.operation)
    run = _running_here(uow, order, operation, station.id)
    mine = [entry for entry in uow.jobs.open_labour(run) if entry.user_id == person.id]
    if not mine:
        raise InvalidState(
            JOB_NOT_ON_IT.sentence(
                person=person.name,
                order=order.number,
                operation=operation.seq,
            ),
            code=JOB_NOT_ON_IT,
        )
    for entry in mine:
        entry.ended_at = max(cmd.issued_at, entry.started_at)
    uow.events.add("JobLeft", "operation", job_key(order, operation), run_id=run.id, name=person.name)
    return _job_result(order, operation, station.code)


def call_supervisor(cmd: c.CallSupervisor, uow: UnitOfWork) -> SupervisorCallResult:
    station = uow.workstations.by_code(cmd.station)
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, "call a supervisor")
    uow.events.add("SupervisorCalled", "workstation", station.code, name=person.name, message=cmd.message)
    return {"station": station.code, "called_by": person.name}


# --- shared steps ----------------------------------------------------------------------------------


def at_station(cmd: c.Command, uow: UnitOfWork, action: str) -> tuple[Any, Person, bool]:
    """The station, the acting person, and whether they are signed in there.

    Operators act where they are signed in; leads, supervisors and admins may act on their behalf.
    """
    assert cmd.station is not None
    station, person, signed_in = uow.users.acting_at(cmd.station, cmd.actor, SHOP_FLOOR, action)
    if not signed_in:
        try:
            require_role(person.name, person.roles, ON_BEHALF, f"{action} at {station.code} without signing in there")
        except NotPermitted:
            raise NotPermitted(
                NOT_SIGNED_IN.sentence(person=person.name, station=station.code),
                code=NOT_SIGNED_IN,
            ) from None
    return station, person, signed_in


def start_readiness(
    uow: UnitOfWork,
    order: WorkOrder,
    operation: WorkOrderOperation,
    facts: rules.OperationFacts,
    station: Workstation,
    qualification: readiness.Qualification,
    at: datetime,
) -> readiness.Verdict:
    """The verdict the dispatch list shows for this row, read from the same queries, inside this transaction."""
    connection = uow.session.connection()
    site = uow.jobs.site_rules(station)
    ref = mq.OperationRef(operation.id, order.product_id, operation.seq)
    return readiness.readiness(
        facts,
        station.code,
        readiness.SiteRules(rules.StartWhen(site.start_when), materials.MaterialCheck(site.material_check)),
        eligible=uow.jobs.eligible(operation, station),
        qualification=qualification,
        bom=mq.bom_with_stock(connection, [ref], site_date(at, site.timezone))[operation.id],
        checks_at_start=checklists.checks_at_start(connection, [operation.id]).get(operation.id, ()),
        held_lots=sq.held_lots(connection, [order.number]).get(order.number, ()),
    )


def _material_check(
    uow: UnitOfWork,
    order: WorkOrder,
    operation: WorkOrderOperation,
    facts: rules.OperationFacts,
    reported: Decimal,
    site: Site,
    during: str,
) -> Sentence | None:
    """The site's material check for `reported` units: refuses under `block`; under `warn` records the
    exception (ReportedWithoutMaterial) and returns the warning the terminal shows in amber."""
    missing = materials.not_taken(uow.lots.bom_needs(order, operation), reported)
    if not missing:
        return None
    unit = uow.jobs.product(order).unit
    warning = materials.check_taken(facts.label, missing, reported, unit, materials.MaterialCheck(site.material_check))
    uow.events.add(
        "ReportedWithoutMaterial",
        "operation",
        job_key(order, operation),
        during=during,
        reported=reported,
        unit=unit,
        missing=[
            {"material": m.material, "unit": m.unit, "needed": m.needed, "taken": m.taken, "missing": m.quantity}
            for m in missing
        ],
    )
    return warning


def _qualification(
    uow: UnitOfWork, operation: WorkOrderOperation, station: Workstation, person: Person, signed_in: bool
) -> readiness.Qualification:
    required = uow.jobs.required_qualification(operation)
    if required is None:
        return readiness.NO_QUALIFICATION
    here = sq.qualifications_here(uow.session.connection(), station.id)
    return readiness.Qualification(
        required,
        None if here is None else frozenset(here),
        readiness.Starter(person.name, signed_in, uow.jobs.qualifications(person.id)),
    )


def _require_qualified(
    uow: UnitOfWork,
    operation: WorkOrderOperation,
    facts: rules.OperationFacts,
    station: Workstation,
    person: Person,
    signed_in: bool,
) -> None:
    """Resuming or joining, as starting: whoever works the operation holds the qualification it needs;
    acting on someone's behalf, someone signed in at the station must hold it."""
    reason = readiness.qualification_reason(
        facts, station.code, _qualification(uow, operation, station, person, signed_in)
    )
    if reason is not None:
        raise readiness.refusal(reason, facts)


def _open_run(uow: UnitOfWork, operation: WorkOrderOperation, station_id: int, cmd: c.Command) -> JobRun:
    run = JobRun(operation_id=operation.id, workstation_id=station_id, started_at=cmd.issued_at)
    uow.session.add(run)
    uow.session.flush()  # the partial unique index refuses a second open run of the same operation here
    return run


def _running_here(uow: UnitOfWork, order: WorkOrder, operation: WorkOrderOperation, station_id: int) -> JobRun:
    run = uow.jobs.open_run(operation)
    if run is None or run.workstation_id != station_id:
        raise InvalidState(
            Sentence(
                "{order} operation {seq} ({operation_name}) is not running here.",
                order=order.number,
                seq=operation.seq,
                operation_name=operation.name,
            ),
            code=JOB_NOT_RUNNING,
        )
    return run


def _close_run(uow: UnitOfWork, run: JobRun, cmd: c.Command, why: OperationStatus) -> None:
    ended = max(cmd.issued_at, run.started_at)
    run.ended_at, run.end_reason = ended, why
    for entry in uow.jobs.open_labour(run):
        entry.ended_at = max(ended, entry.started_at)


def _ready_following(uow: UnitOfWork, operation: WorkOrderOperation) -> WorkOrderOperation | None:
    """Mark the next operation ready if it is still pending; returns it (None after the last one)."""
    following = uow.jobs.following(operation)
    if following is not None and following.status == OperationStatus.PENDING:
        following.status = OperationStatus.READY
    return following


def job_key(order: WorkOrder, operation: WorkOrderOperation) -> str:
    return f"{order.number}/{operation.seq}"


def _job_result(order: WorkOrder, operation: WorkOrderOperation, station: str) -> JobResult:
    return {
        "station": station,
        "work_order": order.number,
        "operation": operation.seq,
        "status": operation.status,
        "good": operation.good_quantity,
        "scrap": operation.scrap_quantity,
    }
