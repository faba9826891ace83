"""Rules of work at a station: the facts of an operation, what may be reported and completed.

Pure functions over `OperationFacts`, shared by the handlers and the read models. Whether an
operation may start is `domain.readiness`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from mes_terminal.domain.error_codes import (
    COUNT_NOTHING,
    COUNT_TOO_MANY,
    JOB_SHORT,
)
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import OperationStatus


class StartWhen(StrEnum):
    QUANTITY_AVAILABLE = "quantity_available"  # as soon as the previous operation has delivered good parts
    PREVIOUS_FINISHED = "previous_finished"  # only once the previous operation is completed


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


def check_count(facts: OperationFacts, good: Decimal, scrap: Decimal, overrun_percent: Decimal) -> None:
    """Good plus scrap may not exceed what is available, plus the allowed overrun."""
    if good < 0 or scrap < 0 or good + scrap == 0:
        raise InvalidState(Sentence("Report a good or a scrap quantity above zero."), code=COUNT_NOTHING)
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
            code=COUNT_TOO_MANY,
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
            code=JOB_SHORT,
        )


def format_quantity(quantity: Decimal) -> str:
    """A quantity without trailing zeros: 250, 0.35."""
    return format(quantity.normalize(), "f")


_n = format_quantity
