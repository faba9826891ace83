"""Rules of work at a station: readiness, what may be started, reported and completed.

Pure functions over `OperationFacts`, so that the dispatch list (before anyone taps) and the handlers
(when someone does) decide with the same rule and say the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from mes_terminal.domain.errors import InvalidState


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
    def label(self) -> str:
        return f"{self.work_order} operation {self.seq} ({self.name})"


def available(facts: OperationFacts) -> Decimal:
    """What this operation can work on: the previous operation's good parts, or the order quantity."""
    return facts.order_quantity if facts.previous is None else facts.previous.good


def expected(facts: OperationFacts) -> Decimal:
    """What this operation should deliver before it completes without a short close."""
    if facts.previous is None or facts.previous.status == "completed":
        return available(facts)
    return facts.order_quantity


def readiness(facts: OperationFacts, here: str, start_when: StartWhen) -> tuple[Readiness, str]:
    """Whether `here` can start (or is running) the operation, and why not in plain words."""
    if facts.status == "completed":
        return Readiness.COMPLETED, f"{facts.label} is completed."
    if facts.status in ("running", "paused"):
        where = facts.station or "another station"
        if where != here:
            return Readiness.RUNNING_ELSEWHERE, f"{facts.label} is {facts.status} at {where}."
        if facts.status == "running":
            return Readiness.RUNNING_HERE, f"Running here: {_progress(facts)}."
        return Readiness.PAUSED_HERE, f"Paused here: {_progress(facts)}."
    if facts.order_status == "on_hold":
        return Readiness.ORDER_ON_HOLD, f"Work order {facts.work_order} is on hold."
    if facts.order_status not in ("released", "in_progress"):
        return Readiness.ORDER_NOT_RELEASED, f"Work order {facts.work_order} is not released."
    previous = facts.previous
    if previous is not None:
        if start_when == StartWhen.PREVIOUS_FINISHED and previous.status != "completed":
            return Readiness.WAITING_PREVIOUS, (
                f"Waiting for operation {previous.seq} ({previous.name}) to finish: {_n(previous.good)} done."
            )
        if previous.good <= facts.reported:
            return Readiness.WAITING_PREVIOUS, (
                f"Waiting for operation {previous.seq} ({previous.name}): no parts available yet."
                if previous.good == 0
                else f"Waiting for operation {previous.seq} ({previous.name}): all {_n(previous.good)} parts "
                "delivered so far are done here."
            )
    return Readiness.READY, f"Ready: {_n(available(facts))} to make."


def check_start(facts: OperationFacts, here: str, start_when: StartWhen) -> None:
    state, reason = readiness(facts, here, start_when)
    if state == Readiness.READY:
        return
    if state == Readiness.RUNNING_HERE:
        raise InvalidState(f"{facts.label} is already running here.", code="job.already_running")
    if state == Readiness.PAUSED_HERE:
        raise InvalidState(f"{facts.label} is paused here; resume it instead.", code="job.paused")
    raise InvalidState(f"{facts.label} cannot start: {reason}", code=f"job.{state.value}")


def check_count(facts: OperationFacts, good: Decimal, scrap: Decimal, overrun_percent: Decimal) -> None:
    """Good plus scrap may not exceed what is available, plus the allowed overrun."""
    if good < 0 or scrap < 0 or good + scrap == 0:
        raise InvalidState("Report a good or a scrap quantity above zero.", code="count.nothing")
    allowed = available(facts) * (1 + overrun_percent / 100)
    if facts.reported + good + scrap > allowed:
        room = max(allowed - facts.reported, Decimal(0))
        raise InvalidState(
            f"{facts.label}: {_n(good + scrap)} more would make {_n(facts.reported + good + scrap)}, "
            f"but only {_n(allowed)} may be reported ({_n(room)} left).",
            code="count.too_many",
        )


def check_complete(facts: OperationFacts, short_close: bool) -> None:
    target = expected(facts)
    if facts.reported < target and not short_close:
        raise InvalidState(
            f"{facts.label} has {_n(facts.reported)} of {_n(target)} reported. "
            "Report the rest, or complete it with a short close.",
            code="job.short",
        )


def _progress(facts: OperationFacts) -> str:
    return f"{_n(facts.good)} good, {_n(facts.scrap)} scrap of {_n(available(facts))}"


def format_quantity(quantity: Decimal) -> str:
    """A quantity without trailing zeros: 250, 0.35."""
    return format(quantity.normalize(), "f")


_n = format_quantity


def qualification_gap(required: str | None, held_here: set[str] | None) -> str | None:
    """The dispatch list's sentence when the people signed in here may not work the operation."""
    if required is None or held_here is None or required in held_here:
        return None
    return f"Needs the qualification {required}, which nobody signed in here holds."
