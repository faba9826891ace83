"""Quality checks: which checklist items are due for a job, and what an entered value means.

Pure functions over values, so that the terminal (the banner says "check due"), the dispatch list and
the handlers (a due required check refuses a count or a completion) decide alike.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from mes_terminal.domain.error_codes import CHECK_DUE, CHECK_IMPLAUSIBLE
from mes_terminal.domain.errors import InvalidInput, InvalidState
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.values import MAX_QUANTITY, QUANTITY_PLACES

MAX_ANSWER = 2000
# A measurement further than this many tolerance widths outside its limits is a typing slip, not a part.
PLAUSIBLE_WIDTHS = 10


class Trigger(StrEnum):
    START = "start"
    FIRST_PIECE = "first_piece"
    EVERY_N = "every_n"
    EVERY_MINUTES = "every_minutes"
    COMPLETION = "completion"
    SHIFT_START = "shift_start"


class Kind(StrEnum):
    PASS_FAIL = "pass_fail"
    NUMERIC = "numeric"
    TEXT = "text"
    CHOICE = "choice"


PASS, FAIL = "pass", "fail"


@dataclass(frozen=True)
class CheckItem:
    """One item of one version of a checklist."""

    checklist: str
    version: int
    code: str
    text: str
    kind: str
    required: bool
    when: str
    unit: str | None = None
    lower: Decimal | None = None
    target: Decimal | None = None
    upper: Decimal | None = None
    choices: tuple[str, ...] = ()
    every_n: int | None = None
    every_minutes: int | None = None

    @property
    def label(self) -> str:
        return f"{self.text} ({self.checklist}/{self.code})"


@dataclass(frozen=True)
class CheckRecord:
    """A result already recorded on the operation: which item (by code, any version) and when."""

    item: str
    recorded_at: datetime


@dataclass(frozen=True)
class JobProgress:
    """What the triggers look at: when the job started, what it has reported and when."""

    started_at: datetime | None
    counts: tuple[tuple[datetime, Decimal], ...]  # (reported at, good + scrap) of every count
    ready_to_complete: bool = False  # everything expected is reported
    shift_started_at: datetime | None = None  # start of the shift going on now; None without a calendar

    @property
    def reported(self) -> Decimal:
        return sum((quantity for _, quantity in self.counts), Decimal(0))

    def reported_until(self, moment: datetime) -> Decimal:
        return sum((quantity for at, quantity in self.counts if at <= moment), Decimal(0))


@dataclass(frozen=True)
class DueCheck:
    item: CheckItem
    why: str  # in plain words: "first piece", "every 50 units: 50 since the last check"

    @property
    def sentence(self) -> Sentence:
        return Sentence("{item} ({why})", item=self.item.text, why=self.why)


def due_checks(
    items: Iterable[CheckItem],
    records: Iterable[CheckRecord],
    progress: JobProgress,
    now: datetime,
    *,
    completing: bool = False,
) -> list[DueCheck]:
    """The items due now, in checklist order. `completing`: the job is being completed at this moment."""
    last: dict[str, datetime] = {}
    for record in records:
        if record.item not in last or record.recorded_at > last[record.item]:
            last[record.item] = record.recorded_at
    due = []
    for item in items:
        why = _why_due(item, last.get(item.code), progress, now, completing)
        if why is not None:
            due.append(DueCheck(item, why))
    return due


def _why_due(
    item: CheckItem, last: datetime | None, progress: JobProgress, now: datetime, completing: bool
) -> str | None:
    when = Trigger(item.when)
    if when == Trigger.START or (when == Trigger.SHIFT_START and progress.shift_started_at is None):
        return Sentence("at start") if last is None else None
    if when == Trigger.FIRST_PIECE:
        return Sentence("first piece") if last is None and progress.reported > 0 else None
    if when == Trigger.EVERY_N:
        every = Decimal(item.every_n or 1)
        since = progress.reported - (progress.reported_until(last) if last is not None else Decimal(0))
        if since < every:
            return None
        return Sentence("every {every} units: {since} since the last check", every=every, since=_plain(since))
    if when == Trigger.EVERY_MINUTES:
        anchor = last or progress.started_at
        minutes = item.every_minutes or 1
        if anchor is not None and now - anchor >= timedelta(minutes=minutes):
            return Sentence("every {minutes} minutes", minutes=minutes)
        return None
    if when == Trigger.COMPLETION:
        return Sentence("at completion") if last is None and (completing or progress.ready_to_complete) else None
    assert progress.shift_started_at is not None
    return Sentence("at shift start") if last is None or last < progress.shift_started_at else None


def blocking(due: Sequence[DueCheck]) -> list[DueCheck]:
    """The due checks that hold work up: the required ones."""
    return [d for d in due if d.item.required]


def refuse_if_due(due: Sequence[DueCheck], completing: bool, job: str) -> None:
    """`InvalidState` naming the first required due check (and how many more), when there is one."""
    held = blocking(due)
    if not held:
        return
    check: Sentence = held[0].sentence
    if len(held) > 1:
        check = Sentence("{check} and {more} more", check=check, more=len(held) - 1)
    if completing:
        sentence = Sentence("{job}: check {check} is due; record it before you complete the job.", job=job, check=check)
    else:
        sentence = Sentence("{job}: check {check} is due; record it before you report more.", job=job, check=check)
    raise InvalidState(sentence, code=CHECK_DUE)


# --- values -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckOutcome:
    value: str  # what is stored: "pass", "fail", the number as entered (normalised), the text or answer
    numeric: Decimal | None
    passed: bool
    deviation: str | None = None  # why it failed, in plain words


def evaluate(item: CheckItem, raw: object) -> CheckOutcome:
    """What `raw` means for `item`; `InvalidInput` with a sentence when it cannot be an answer at all."""
    kind = Kind(item.kind)
    if kind == Kind.NUMERIC:
        return _numeric(item, parse_measurement(raw, item.text))
    text = _answer_text(raw, item.text)
    if kind == Kind.PASS_FAIL:
        word = text.lower()
        if word not in (PASS, FAIL):
            raise InvalidInput(
                Sentence("{text} is answered with pass or fail, not {answer}.", text=item.text, answer=_show(text))
            )
        return CheckOutcome(word, None, word == PASS, None if word == PASS else f"{item.text} failed.")
    if kind == Kind.CHOICE:
        chosen = next((c for c in item.choices if c.casefold() == text.casefold()), None)
        if chosen is None:
            raise InvalidInput(
                Sentence(
                    "{text} is answered with one of: {choices}; not {answer}.",
                    text=item.text,
                    choices=", ".join(item.choices),
                    answer=_show(text),
                )
            )
        return CheckOutcome(chosen, None, True)
    return CheckOutcome(text, None, True)


def parse_measurement(raw: object, field: str) -> Decimal:
    """A finite decimal from a number or text: NaN, infinity, words and more than six decimals are refused."""
    if isinstance(raw, bool) or raw is None:
        raise InvalidInput(Sentence("{field} must be a number, not {answer}.", field=field, answer=_show(raw)))
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise InvalidInput(Sentence("{field} must be a number, not {answer}.", field=field, answer=_show(raw)))
        raw = repr(raw)
    if isinstance(raw, int | Decimal):
        number = Decimal(raw)
    elif isinstance(raw, str):
        text = raw.strip().replace(",", ".") if raw.count(",") == 1 and "." not in raw else raw.strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise InvalidInput(
                Sentence("{field} must be a number, not {answer}.", field=field, answer=_show(raw))
            ) from None
    else:
        raise InvalidInput(Sentence("{field} must be a number, not {answer}.", field=field, answer=_show(raw)))
    if not number.is_finite():
        raise InvalidInput(Sentence("{field} must be a number, not {answer}.", field=field, answer=_show(raw)))
    if abs(number) > MAX_QUANTITY:
        raise InvalidInput(
            Sentence("{field} is too large to be a measurement ({answer}).", field=field, answer=_show(raw))
        )
    if number != number.quantize(QUANTITY_PLACES, rounding="ROUND_DOWN"):
        raise InvalidInput(
            Sentence("{field} has more than six decimal places ({answer}).", field=field, answer=_show(raw))
        )
    return number + 0  # drops a negative zero


def plausible_range(item: CheckItem) -> tuple[Decimal | None, Decimal | None]:
    """The values a part can physically have for this item: far outside its limits is a typing slip.

    With both limits: ten tolerance widths either side. With one: ten times its size. A value below
    zero is impossible when every limit is at or above zero (a length, a weight, a torque).
    """
    limits = [v for v in (item.lower, item.target, item.upper) if v is not None]
    if not limits:
        return None, None
    low_limit, high_limit = min(limits), max(limits)
    width = high_limit - low_limit
    if width == 0:
        width = max(abs(high_limit), Decimal(1))
    low, high = low_limit - PLAUSIBLE_WIDTHS * width, high_limit + PLAUSIBLE_WIDTHS * width
    if low_limit >= 0:
        low = max(low, Decimal(0))
    return low, high


def _numeric(item: CheckItem, number: Decimal) -> CheckOutcome:
    unit = f" {item.unit}" if item.unit else ""
    low, high = plausible_range(item)
    if (low is not None and number < low) or (high is not None and number > high):
        raise InvalidInput(
            CHECK_IMPLAUSIBLE.sentence(
                text=item.text,
                value=_plain(number),
                unit=unit,
                low=_plain(low),
                high=_plain(high),
            ),
            code=CHECK_IMPLAUSIBLE,
        )
    shown = _plain(number)
    if item.lower is not None and number < item.lower:
        return CheckOutcome(
            shown, number, False, f"{item.text} {shown}{unit} is below the lower limit {_plain(item.lower)}{unit}."
        )
    if item.upper is not None and number > item.upper:
        return CheckOutcome(
            shown, number, False, f"{item.text} {shown}{unit} is above the upper limit {_plain(item.upper)}{unit}."
        )
    return CheckOutcome(shown, number, True)


def _answer_text(raw: object, field: str) -> str:
    if isinstance(raw, bool) or raw is None:
        raise InvalidInput(Sentence("{field} needs an answer, not {answer}.", field=field, answer=_show(raw)))
    text = str(raw).strip()
    if not text:
        raise InvalidInput(Sentence("{field} needs an answer.", field=field))
    if len(text) > MAX_ANSWER or "\x00" in text:
        raise InvalidInput(
            Sentence(
                "{field}: the answer is longer than {limit} characters or not plain text.",
                field=field,
                limit=MAX_ANSWER,
            )
        )
    return text


def limits_text(item: CheckItem) -> str:
    """The limits in words for the keypad: "99.5 – 100.5 mm (target 100)"."""
    unit = f" {item.unit}" if item.unit else ""
    if item.lower is not None and item.upper is not None:
        text = f"{_plain(item.lower)} – {_plain(item.upper)}{unit}"
    elif item.lower is not None:
        text = f"≥ {_plain(item.lower)}{unit}"
    elif item.upper is not None:
        text = f"≤ {_plain(item.upper)}{unit}"
    else:
        text = unit.strip()
    if item.target is not None:
        text += f" (target {_plain(item.target)})"
    return text


def _plain(number: Decimal | None) -> str:
    if number is None:
        return ""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
