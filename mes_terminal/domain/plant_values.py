"""Readers for the values of a plant file: each takes a raw TOML value and the key's name, and returns a
clean value or raises `InvalidInput` with a sentence that starts with the key's name.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.gs1 import is_valid_gtin
from mes_terminal.domain.roles import ALL_ROLES
from mes_terminal.domain.toml_reader import show
from mes_terminal.domain.values import INT_MAX, MAX_QUANTITY, QUANTITY_PLACES, parse_quantity, parse_timezone

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ROLES = tuple(sorted(ALL_ROLES))
CATEGORIES = ("planned", "unplanned")
LOSSES = ("availability", "performance", "quality")
CHECK_KINDS = ("pass_fail", "numeric", "text", "choice")
CHECK_TRIGGERS = ("start", "first_piece", "every_n", "every_minutes", "completion", "shift_start")

# The widest whole number every database column of ours holds.

# Characters a name may not hold: control characters break screens and labels, lone surrogates cannot
# be stored as UTF-8, and PostgreSQL refuses NUL.
_NOT_IN_LINE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_NOT_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_UNIT = re.compile(r"^[^\s\x00-\x1f\x7f\ud800-\udfff]{1,16}$")
_TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_PIN = re.compile(r"^[0-9]{4,12}$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)$")


def short_text(limit: int) -> Callable[[object, str], str]:
    """A one-line text of at most `limit` characters, trimmed; not empty."""

    def read(value: object, field: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise InvalidInput(f"{field} must be a text in quotes, not {_empty_or(value)}.")
        text = value.strip()
        if _NOT_IN_LINE.search(text):
            raise InvalidInput(f"{field} may not hold line breaks or control characters.")
        if len(text) > limit:
            raise InvalidInput(f"{field} is longer than {limit} characters.")
        return text

    return read


name = short_text(200)


def long_text(value: object, field: str) -> str:
    """A text that may run over several lines (a work instruction)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{field} must be a text in quotes, not {_empty_or(value)}.")
    if _NOT_IN_TEXT.search(value):
        raise InvalidInput(f"{field} may not hold control characters.")
    if len(value) > 20_000:
        raise InvalidInput(f"{field} is longer than 20000 characters; link to a document instead.")
    return value.strip()


def choice_text(value: object, field: str) -> str:
    """One answer of a choice item; stored joined by "|", so it may not hold one."""
    text = short_text(100)(value, field)
    if "|" in text:
        raise InvalidInput(f"{field} may not contain the character '|'.")
    return text


def unit(value: object, field: str) -> str:
    if not isinstance(value, str) or not _UNIT.match(value.strip()):
        raise InvalidInput(
            f'{field} must be a unit such as "pcs", "kg" or "mm" (at most 16 characters), not {show(value)}.'
        )
    return value.strip()


def flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"{field} must be true or false, not {show(value)}.")
    return value


def whole(minimum: int, maximum: int = INT_MAX) -> Callable[[object, str], int]:
    """A whole number from `minimum` to `maximum`."""

    def read(value: object, field: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(f"{field} must be a whole number, not {show(value)}.")
        if value < minimum:
            raise InvalidInput(f"{field} must be at least {minimum}, not {value}.")
        if value > maximum:
            raise InvalidInput(f"{field} must be at most {maximum}, not {value}.")
        return value

    return read


def one_of(options: tuple[str, ...]) -> Callable[[object, str], str]:
    def read(value: object, field: str) -> str:
        if not isinstance(value, str) or value not in options:
            raise InvalidInput(f"{field} must be one of {', '.join(options)}; not {show(value)}.")
        return value

    return read


def quantity(value: object, field: str) -> Decimal:
    """Zero or more: a number, or a decimal in quotes."""
    return parse_quantity(value, field)


def positive_quantity(value: object, field: str) -> Decimal:
    return parse_quantity(value, field, allow_zero=False)


def limit(value: object, field: str) -> Decimal:
    """A spec limit or target: like a quantity, but it may be negative (a deviation, a temperature)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidInput(f"{field} must be a number, not {show(value)}.")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidInput(f"{field} must be a finite number, not {show(value)}.")
    try:
        number = Decimal(repr(value) if isinstance(value, float) else str(value).strip())
    except InvalidOperation:
        raise InvalidInput(f"{field} must be a number, not {show(value)}.") from None
    if not number.is_finite():
        raise InvalidInput(f"{field} must be a finite number, not {show(value)}.")
    if abs(number) > MAX_QUANTITY:
        raise InvalidInput(f"{field} is too large ({show(value)}).")
    if number != number.quantize(QUANTITY_PLACES, rounding="ROUND_DOWN"):
        raise InvalidInput(f"{field} has more than six decimal places ({show(value)}).")
    return number


def time_of_day(value: object, field: str) -> time:
    """Local time "HH:MM" (a TOML local time such as 06:00:00 is accepted too)."""
    if isinstance(value, time) and value.tzinfo is None and value.second == 0 and value.microsecond == 0:
        return value
    if isinstance(value, str):
        match = _TIME_OF_DAY.match(value.strip())
        if match:
            return time(int(match[1]), int(match[2]))
    raise InvalidInput(f'{field} must be a time of day such as "06:00", not {show(value)}.')


def local_date(value: object, field: str) -> date:
    """A day: a TOML date such as 2026-12-24 (or the same in quotes)."""
    if isinstance(value, datetime):
        raise InvalidInput(f"{field} must be a date such as 2026-12-24, not a moment ({value.isoformat()}).")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and (match := _DATE.match(value.strip())):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise InvalidInput(f"{field} must be a date such as 2026-12-24, not {show(value)}.")


def local_date_time(value: object, field: str) -> datetime:
    """A site-local moment to the minute: a TOML local date-time such as 2026-12-10T06:00:00, or the
    same in quotes without seconds ("2026-12-10 06:00"); an offset is refused (the site's zone applies)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise InvalidInput(f"{field} is in the site's local time; leave out the offset ({value.isoformat()}).")
        if value.second or value.microsecond:
            raise InvalidInput(f"{field} must be a whole minute, not {value:%H:%M:%S}.")
        return value
    if isinstance(value, str) and (match := _DATE_TIME.match(value.strip())):
        try:
            year, month, day, hour, minute = (int(part) for part in match.groups())
            return datetime(year, month, day, hour, minute)
        except ValueError:
            pass
    raise InvalidInput(f"{field} must be a local date and time such as 2026-12-10T06:00:00, not {show(value)}.")


def timezone(value: object, field: str) -> str:
    """An IANA time zone name, returned as written (zoneinfo knows it)."""
    if isinstance(value, str) and len(value.strip()) > 64:
        raise InvalidInput(f"{field} must be an IANA time zone such as Europe/Berlin, not {show(value)}.")
    return parse_timezone(value, field).key


def gtin(value: object, field: str) -> str:
    """A GTIN-14 in quotes: fourteen digits, the last a correct GS1 check digit."""
    if not isinstance(value, str) or not value.strip().isascii() or not value.strip().isdigit():
        raise InvalidInput(f"{field} must be 14 digits in quotes, not {show(value)}.")
    digits = value.strip()
    if len(digits) != 14:
        raise InvalidInput(f"{field} must have 14 digits (write a GTIN-13 with a leading 0), not {len(digits)}.")
    if not is_valid_gtin(digits):
        raise InvalidInput(f"{field} {digits} has a wrong check digit; check it for a typo.")
    return digits


def pin(value: object, field: str) -> str:
    """4 to 12 digits, in quotes so that a leading zero is kept."""
    if not isinstance(value, str) or not _PIN.match(value):
        raise InvalidInput(f'{field} must be 4 to 12 digits in quotes, such as "4711".')
    return value


def _empty_or(value: object) -> str:
    return "an empty text" if isinstance(value, str) else show(value)
