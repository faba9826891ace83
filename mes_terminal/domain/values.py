"""Parsing of the values people and files send: quantities, times, ids, codes.

Each parser returns a clean value or raises `InvalidInput` naming the field and what is wrong.
"""

from __future__ import annotations

import math
import re
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mes_terminal.domain.errors import InvalidInput

# Six digits after the point (the scale of every quantity column) and nine before: fifteen significant
# digits, which SQLite's REAL storage of NUMERIC keeps exactly, so both databases hold the same value.
# The largest whole number a field takes (a 32-bit signed integer column).
INT_MAX = 2**31 - 1
MAX_QUANTITY = Decimal("999999999.999999")
QUANTITY_PLACES = Decimal("0.000001")

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/\-]{0,63}$")


def parse_quantity(value: object, field: str, *, allow_zero: bool = True) -> Decimal:
    """A non-negative finite decimal from a JSON number or a decimal string."""
    if isinstance(value, bool) or value is None:
        raise InvalidInput(f"{field} must be a number, not {_show(value)}.")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidInput(f"{field} must be a finite number, not {_show(value)}.")
        value = repr(value)
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str | Decimal):
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise InvalidInput(f"{field} must be a number, not {_show(value)}.") from None
    else:
        raise InvalidInput(f"{field} must be a number, not {_show(value)}.")
    if not number.is_finite():
        raise InvalidInput(f"{field} must be a finite number, not {_show(value)}.")
    if number < 0:
        raise InvalidInput(f"{field} may not be negative ({_show(value)}).")
    if number == 0 and not allow_zero:
        raise InvalidInput(f"{field} must be more than zero.")
    if number > MAX_QUANTITY:
        raise InvalidInput(f"{field} is too large ({_show(value)}).")
    if number != number.quantize(QUANTITY_PLACES, rounding="ROUND_DOWN"):
        raise InvalidInput(f"{field} has more than six decimal places ({_show(value)}).")
    return number


def parse_timestamp(value: object, field: str) -> datetime:
    """An RFC 3339 time with `Z` or an offset, returned in UTC. A time without a zone is refused."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        if not re.match(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}", text):
            raise InvalidInput(f"{field} must be an RFC 3339 time such as 2026-03-01T06:00:00Z, not {_show(value)}.")
        if text[-1] in "zZ":
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise InvalidInput(f"{field} is not a valid time: {_show(value)}.") from None
    else:
        raise InvalidInput(f"{field} must be an RFC 3339 time string, not {_show(value)}.")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(f"{field} needs a time zone (Z or an offset such as +01:00): {_show(value)}.")
    return moment.astimezone(UTC)


def parse_date(value: object, field: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidInput(f"{field} must be a date such as 2026-12-31, not {_show(value)}.")


def parse_uuid(value: object, field: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value.strip())
        except ValueError:
            pass
    raise InvalidInput(f"{field} must be a UUID such as 3f2b8c1e-0d6a-4e0b-9a77-2f1c5d9e8b10, not {_show(value)}.")


def parse_code(value: object, field: str) -> str:
    """A short identifier: letters, digits and . _ / - ; at most 64 characters."""
    if not isinstance(value, str) or not _CODE.match(value.strip()):
        raise InvalidInput(
            f"{field} must be a code of letters, digits, '.', '_', '/' or '-' (at most 64), not {_show(value)}."
        )
    return value.strip()


def parse_timezone(value: object, field: str) -> ZoneInfo:
    if isinstance(value, str) and value.strip():
        try:
            return ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    raise InvalidInput(f"{field} must be an IANA time zone such as Europe/Berlin, not {_show(value)}.")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
