"""Readiness: whether a station may start an operation, with every reason why not, in one pure rule.

The dispatch list (before anyone taps) and the `StartJob` handler (when someone does) both call
`readiness` with the facts they read, so what the list says is exactly what Start does: a blocking
reason refuses Start with its sentence and code; an advisory one is shown and Start goes ahead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from mes_terminal.domain import materials
from mes_terminal.domain.error_codes import (
    JOB_ALREADY_RUNNING,
    JOB_CANNOT_START,
    JOB_NOT_ELIGIBLE,
    JOB_NOT_QUALIFIED,
    JOB_PAUSED,
)
from mes_terminal.domain.errors import InvalidState, MesError, NotPermitted
from mes_terminal.domain.execution import OperationFacts, StartWhen, available, format_quantity
from mes_terminal.domain.materials import MaterialCheck
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import ACTIVE_OPERATION, OperationStatus, WorkOrderStatus


class Readiness(StrEnum):
    """The dispatch list's state of a row: what its most important reason says."""

    READY = "ready"
    RUNNING_HERE = "running_here"
    PAUSED_HERE = "paused_here"
    RUNNING_ELSEWHERE = "running_elsewhere"
    WAITING_PREVIOUS = "waiting_previous"
    NOT_QUALIFIED = "not_qualified"  # the people signed in here (or the one starting) lack the qualification
    MATERIAL_SHORT = "material_short"  # usable lots do not cover the bill of materials
    CHECK_DUE = "check_due"  # a required check is due as soon as it starts (domain.checks)
    ORDER_NOT_RELEASED = "order_not_released"
    ORDER_ON_HOLD = "order_on_hold"
    COMPLETED = "completed"
    NOT_ELIGIBLE = "not_eligible"


_STATES = frozenset(Readiness)

# A reason that is not a state of its own: the row keeps the state of its other reasons.
LOT_ON_HOLD = "lot_on_hold"


@dataclass(frozen=True)
class SiteRules:
    """The site's rules that readiness depends on."""

    start_when: StartWhen = StartWhen.QUANTITY_AVAILABLE
    # The plant file's `material_check`: under `block` a stock shortage also refuses Start.
    material_check: MaterialCheck = MaterialCheck.WARN


@dataclass(frozen=True)
class Starter:
    """The person tapping Start: their own qualifications count when they are signed in here; acting on
    someone's behalf, those of the people signed in count."""

    name: str
    signed_in: bool
    qualifications: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Qualification:
    required: str | None = None  # None: anyone may work the operation
    held_here: frozenset[str] | None = None  # by the people signed in here, together; None: nobody is
    starter: Starter | None = None  # None in the dispatch list, which does not know who will tap


NO_QUALIFICATION = Qualification()


@dataclass(frozen=True)
class Reason:
    code: str  # a Readiness value, or LOT_ON_HOLD
    sentence: Sentence
    blocking: bool  # True: Start is refused with this reason


@dataclass(frozen=True)
class Verdict:
    state: Readiness
    sentence: Sentence  # the state in plain words, as the dispatch list shows it
    reasons: tuple[Reason, ...]  # every reason, the most important first

    @property
    def blocking(self) -> Reason | None:
        return next((reason for reason in self.reasons if reason.blocking), None)


def readiness(
    facts: OperationFacts,
    here: str,
    rules: SiteRules,
    *,
    eligible: bool = True,
    qualification: Qualification = NO_QUALIFICATION,
    bom: Sequence[tuple[materials.BomNeed, Decimal]] = (),
    checks_at_start: Sequence[str] = (),
    held_lots: Sequence[str] = (),
) -> Verdict:
    """Whether `here` can start the operation (or runs it), with every reason that applies.

    `bom` is the operation's BOM lines with the usable quantity on hand; `checks_at_start` the required
    checks that fall due at its start; `held_lots` the work order's own lots on hold or in quarantine.
    """
    started = _started(facts, here)
    if started is not None:  # nothing else matters to a started or finished operation
        return _verdict(facts, (started,))
    reasons = [
        *_place_and_order(facts, here, eligible),
        *_previous(facts, rules.start_when),
        *_listed(qualification_reason(facts, here, qualification)),
    ]
    short = materials.shortage(bom, available(facts) - facts.reported)
    if short is not None:
        reasons.append(Reason(Readiness.MATERIAL_SHORT, short, rules.material_check == MaterialCheck.BLOCK))
    if checks_at_start:  # advice under every `checks_block`: the check gate holds up counts and completion
        due = Sentence("Check due at start: {checks}.", checks=", ".join(checks_at_start))
        reasons.append(Reason(Readiness.CHECK_DUE, due, False))
    for lot in held_lots:  # advice: work goes on, the lot stays held until quality disposes of it
        held = Sentence("Lot {lot} of work order {work_order} is on hold.", lot=lot, work_order=facts.work_order)
        reasons.append(Reason(LOT_ON_HOLD, held, False))
    return _verdict(facts, tuple(sorted(reasons, key=lambda r: not r.blocking)))  # stable: blocking first


def check_start(verdict: Verdict, facts: OperationFacts) -> None:
    """Refuse Start with the verdict's first blocking reason, in its sentence and with today's codes."""
    reason = verdict.blocking
    if reason is not None:
        raise refusal(reason, facts)


def refusal(reason: Reason, facts: OperationFacts) -> MesError:
    """The error Start (or Resume, or Join, for a qualification) raises for a blocking reason."""
    if reason.code == Readiness.RUNNING_HERE:
        return InvalidState(JOB_ALREADY_RUNNING.sentence(job=facts.label), code=JOB_ALREADY_RUNNING)
    if reason.code == Readiness.PAUSED_HERE:
        return InvalidState(JOB_PAUSED.sentence(job=facts.label), code=JOB_PAUSED)
    if reason.code == Readiness.NOT_ELIGIBLE:
        return InvalidState(reason.sentence, code=JOB_NOT_ELIGIBLE)
    if reason.code == Readiness.NOT_QUALIFIED:
        return NotPermitted(reason.sentence, code=JOB_NOT_QUALIFIED)
    code = JOB_CANNOT_START[reason.code]
    return InvalidState(code.sentence(job=facts.label, reason=reason.sentence), code=code)


def _verdict(facts: OperationFacts, reasons: tuple[Reason, ...]) -> Verdict:
    """The row's state is its first reason that names one; check due keeps today's 'Ready: ...' in front."""
    ready = Sentence("Ready: {quantity} to make.", quantity=format_quantity(available(facts)))
    for reason in reasons:
        if reason.code == Readiness.CHECK_DUE:
            checks = reason.sentence.values["checks"]
            sentence = Sentence("{ready} Check due at start: {checks}.", ready=ready, checks=checks)
            return Verdict(Readiness.CHECK_DUE, sentence, reasons)
        if reason.code in _STATES:
            return Verdict(Readiness(reason.code), reason.sentence, reasons)
    return Verdict(Readiness.READY, ready, reasons)


def _started(facts: OperationFacts, here: str) -> Reason | None:
    if facts.status == OperationStatus.COMPLETED:
        return Reason(Readiness.COMPLETED, Sentence("{job} is completed.", job=facts.label), True)
    if facts.status not in ACTIVE_OPERATION:
        return None
    if facts.station == here:
        progress = Sentence(
            "{good} good, {scrap} scrap of {quantity}",
            good=format_quantity(facts.good),
            scrap=format_quantity(facts.scrap),
            quantity=format_quantity(available(facts)),
        )
        if facts.status == OperationStatus.RUNNING:
            return Reason(Readiness.RUNNING_HERE, Sentence("Running here: {progress}.", progress=progress), True)
        return Reason(Readiness.PAUSED_HERE, Sentence("Paused here: {progress}.", progress=progress), True)
    where = facts.station or Sentence("another station")
    if facts.status == OperationStatus.RUNNING:
        sentence = Sentence("{job} is running at {station}.", job=facts.label, station=where)
    else:
        sentence = Sentence("{job} is paused at {station}.", job=facts.label, station=where)
    return Reason(Readiness.RUNNING_ELSEWHERE, sentence, True)


def _place_and_order(facts: OperationFacts, here: str, eligible: bool) -> list[Reason]:
    reasons = []
    if not eligible:
        reasons.append(
            Reason(
                Readiness.NOT_ELIGIBLE,
                Sentence("{job} does not run at {station}.", job=facts.label, station=here),
                True,
            )
        )
    if facts.order_status == WorkOrderStatus.ON_HOLD:
        sentence = Sentence("Work order {work_order} is on hold.", work_order=facts.work_order)
        reasons.append(Reason(Readiness.ORDER_ON_HOLD, sentence, True))
    elif facts.order_status not in (WorkOrderStatus.RELEASED, WorkOrderStatus.IN_PROGRESS):
        sentence = Sentence("Work order {work_order} is not released.", work_order=facts.work_order)
        reasons.append(Reason(Readiness.ORDER_NOT_RELEASED, sentence, True))
    return reasons


def _previous(facts: OperationFacts, start_when: StartWhen) -> list[Reason]:
    previous = facts.previous
    if previous is None:
        return []
    names = {"operation": previous.seq, "operation_name": previous.name, "good": format_quantity(previous.good)}
    if start_when == StartWhen.PREVIOUS_FINISHED and previous.status != OperationStatus.COMPLETED:
        sentence = Sentence("Waiting for operation {operation} ({operation_name}) to finish: {good} done.", **names)
    elif previous.good <= facts.reported and previous.good == 0:
        sentence = Sentence("Waiting for operation {operation} ({operation_name}): no parts available yet.", **names)
    elif previous.good <= facts.reported:
        sentence = Sentence(
            "Waiting for operation {operation} ({operation_name}): all {good} parts delivered so far are done here.",
            **names,
        )
    else:
        return []
    return [Reason(Readiness.WAITING_PREVIOUS, sentence, True)]


def qualification_reason(facts: OperationFacts, here: str, q: Qualification) -> Reason | None:
    """Blocking, for starting as for resuming or joining. The list says nothing while nobody is signed in."""
    required, starter = q.required, q.starter
    if required is None:
        return None
    if starter is not None and starter.signed_in:
        if required in starter.qualifications:
            return None
        sentence = Sentence(
            "{person} is not qualified for {required}, which {job} needs.",
            person=starter.name,
            required=required,
            job=facts.label,
        )
    elif starter is not None:  # on someone's behalf: someone signed in here must hold it
        if q.held_here is not None and required in q.held_here:
            return None
        sentence = Sentence(
            "Nobody signed in at {station} is qualified for {required}, which {job} needs.",
            station=here,
            required=required,
            job=facts.label,
        )
    else:
        if q.held_here is None or required in q.held_here:
            return None
        sentence = Sentence("Needs the qualification {required}, which nobody signed in here holds.", required=required)
    return Reason(Readiness.NOT_QUALIFIED, sentence, True)


def _listed(reason: Reason | None) -> list[Reason]:
    return [] if reason is None else [reason]
