"""Rules of work at a station: readiness, what may be started, reported and completed.

Pure functions over `OperationFacts`, so that the dispatch list (before anyone taps) and the handlers
(when someone does) decide with the same rule and say the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import OperationStatus, WorkOrderStatus


class StartWhen(StrEnum):
    QUANTITY_AVAILABLE = "quantity_available"  # as soon as the previous operation has delivered good parts
    PREVIOUS_FINISHED = "previous_finished"  # only once the previous operation is completed


class Readiness(StrEnum):
    READY = "ready"
    RUNNING_HERE = "running_here"
    PAUSED_HERE = "paused_here"
    RUNNING_ELSEWHERE = "running_elsewhere"
    WAITING_PREVIOUS = "waiting_previous"
    NOT_QUALIFIED = "not_qualified"  # nobody signed in here holds the qualification the operation needs
    MATERIAL_SHORT = "material_short"  # ready otherwise; usable lots do not cover the bill of materials
    CHECK_DUE = "check_due"  # ready; a required check is due as soon as it starts (domain.checks)
    ORDER_NOT_RELEASED = "order_not_released"
    ORDER_ON_HOLD = "order_on_hold"
    COMPLETED = "completed"
    NOT_ELIGIBLE = "not_eligible"


@dataclass(frozen=True)
class PreviousOperation:
    seq: int
    name: str
    status: str
    good: Decimal


@dataclass(frozen=True)
class OperationFacts:
    work_order: str
    order_status: str
    order_quantity: Decimal
    seq: int
    name: str
    status: str
    good: Decimal
    scrap: Decimal
    # Where it runs (or ran last); None while no station has taken it.
    station: str | None
    previous: PreviousOperation | None

    @property
    def reported(self) -> Decimal:
        return self.good + self.scrap

    @property
    def label(self) -> Sentence:
        return Sentence(
            "{work_order} operation {operation} ({operation_name})",
            work_order=self.work_order,
            operation=self.seq,
            operation_name=self.name,
        )


def available(facts: OperationFacts) -> Decimal:
    """What this operation can work on: the previous operation's good parts, or the order quantity."""
    return facts.order_quantity if facts.previous is None else facts.previous.good


def expected(facts: OperationFacts) -> Decimal:
    """What this operation should deliver before it completes without a short close."""
    if facts.previous is None or facts.previous.status == OperationStatus.COMPLETED:
        return available(facts)
    return facts.order_quantity


def readiness(facts: OperationFacts, here: str, start_when: StartWhen) -> tuple[Readiness, Sentence]:
    """Whether `here` can start (or is running) the operation, and why not in plain words."""
    if facts.status == OperationStatus.COMPLETED:
        return Readiness.COMPLETED, Sentence("{job} is completed.", job=facts.label)
    if facts.status in (OperationStatus.RUNNING, OperationStatus.PAUSED):
        if facts.station != here:
            where = facts.station or Sentence("another station")
            if facts.status == OperationStatus.RUNNING:
                return Readiness.RUNNING_ELSEWHERE, Sentence(
                    "{job} is running at {station}.", job=facts.label, station=where
                )
            return Readiness.RUNNING_ELSEWHERE, Sentence(
                "{job} is paused at {station}.", job=facts.label, station=where
            )
        if facts.status == OperationStatus.RUNNING:
            return Readiness.RUNNING_HERE, Sentence("Running here: {progress}.", progress=_progress(facts))
        return Readiness.PAUSED_HERE, Sentence("Paused here: {progress}.", progress=_progress(facts))
    if facts.order_status == WorkOrderStatus.ON_HOLD:
        return Readiness.ORDER_ON_HOLD, Sentence("Work order {work_order} is on hold.", work_order=facts.work_order)
    if facts.order_status not in (WorkOrderStatus.RELEASED, WorkOrderStatus.IN_PROGRESS):
        return Readiness.ORDER_NOT_RELEASED, Sentence(
            "Work order {work_order} is not released.", work_order=facts.work_order
        )
    previous = facts.previous
    if previous is not None:
        names = {"operation": previous.seq, "operation_name": previous.name, "good": _n(previous.good)}
        if start_when == StartWhen.PREVIOUS_FINISHED and previous.status != OperationStatus.COMPLETED:
            return Readiness.WAITING_PREVIOUS, Sentence(
                "Waiting for operation {operation} ({operation_name}) to finish: {good} done.", **names
            )
        if previous.good <= facts.reported:
            return Readiness.WAITING_PREVIOUS, (
                Sentence("Waiting for operation {operation} ({operation_name}): no parts available yet.", **names)
                if previous.good == 0
                else Sentence(
                    "Waiting for operation {operation} ({operation_name}): all {good} parts delivered so far are "
                    "done here.",
                    **names,
                )
            )
    return Readiness.READY, Sentence("Ready: {quantity} to make.", quantity=_n(available(facts)))


def check_start(facts: OperationFacts, here: str, start_when: StartWhen) -> None:
    state, reason = readiness(facts, here, start_when)
    if state == Readiness.READY:
        return
    if state == Readiness.RUNNING_HERE:
        raise InvalidState(Sentence("{job} is already running here.", job=facts.label), code="job.already_running")
    if state == Readiness.PAUSED_HERE:
        raise InvalidState(Sentence("{job} is paused here; resume it instead.", job=facts.label), code="job.paused")
    raise InvalidState(
        Sentence("{job} cannot start: {reason}", job=facts.label, reason=reason), code=f"job.{state.value}"
    )


def check_count(facts: OperationFacts, good: Decimal, scrap: Decimal, overrun_percent: Decimal) -> None:
    """Good plus scrap may not exceed what is available, plus the allowed overrun."""
    if good < 0 or scrap < 0 or good + scrap == 0:
        raise InvalidState(Sentence("Report a good or a scrap quantity above zero."), code="count.nothing")
    allowed = available(facts) * (1 + overrun_percent / 100)
    if facts.reported + good + scrap > allowed:
        room = max(allowed - facts.reported, Decimal(0))
        raise InvalidState(
            Sentence(
                "{job}: {value} more would make {value2}, but only {allowed} may be reported ({room} left).",
                job=facts.label,
                value=_n(good + scrap),
                value2=_n(facts.reported + good + scrap),
                allowed=_n(allowed),
                room=_n(room),
            ),
            code="count.too_many",
        )


def check_complete(facts: OperationFacts, short_close: bool) -> None:
    target = expected(facts)
    if facts.reported < target and not short_close:
        raise InvalidState(
            Sentence(
                "{job} has {reported} of {target} reported. Report the rest, or complete it with a short close.",
                job=facts.label,
                reported=_n(facts.reported),
                target=_n(target),
            ),
            code="job.short",
        )


def _progress(facts: OperationFacts) -> Sentence:
    return Sentence(
        "{good} good, {scrap} scrap of {quantity}",
        good=_n(facts.good),
        scrap=_n(facts.scrap),
        quantity=_n(available(facts)),
    )


def format_quantity(quantity: Decimal) -> str:
    """A quantity without trailing zeros: 250, 0.35."""
    return format(quantity.normalize(), "f")


_n = format_quantity


def qualification_gap(required: str | None, held_here: set[str] | None) -> Sentence | None:
    """The dispatch list's sentence when the people signed in here may not work the operation."""
    if required is None or held_here is None or required in held_here:
        return None
    return Sentence("Needs the qualification {required}, which nobody signed in here holds.", required=required)
