"""The range of a report, from what a person types: a date, a local time, or an RFC 3339 time.

    2026-03-02                 local midnight at the start of that day, in the site's time zone
    2026-03-02T06:00           that local time in the site's time zone
    2026-03-02T05:00:00Z       that instant (any offset)

The range is [from, to): it must not be empty, and at most MAX_DAYS long.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from mes_terminal.domain.clock import site_time
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.intervals import Span
from mes_terminal.domain.values import parse_timestamp

MAX_DAYS = 5 * 366

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LOCAL = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$")
_SHOW = 40


def parse_bound(text: object, field: str, zone: ZoneInfo) -> datetime:
    """One end of a range as a UTC time; `InvalidInput` naming the field when it cannot be read."""
    if isinstance(text, datetime):
        return parse_timestamp(text, field)  # an aware time from a screen: refused when naive
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput(f"{field} needs a date or time, such as 2026-03-02 or 2026-03-02T06:00.")
    value = text.strip()
    try:
        if _DATE.match(value):
            return datetime.combine(date.fromisoformat(value), datetime.min.time(), zone).astimezone(UTC)
        if _LOCAL.match(value):
            local = datetime.fromisoformat(value.replace("t", "T").replace(" ", "T"))
            return local.replace(tzinfo=zone).astimezone(UTC)
    except (ValueError, OverflowError):
        raise InvalidInput(f"{field} is not a valid date or time: {value[:_SHOW]!r}.") from None
    try:
        return parse_timestamp(value, field)
    except OverflowError:
        raise InvalidInput(f"{field} is not a valid date or time: {value[:_SHOW]!r}.") from None


def parse_range(start: object, end: object, zone: ZoneInfo) -> Span:
    """The range [start, end) in UTC, or `InvalidInput` with one sentence."""
    begins = parse_bound(start, "--from", zone)
    ends = parse_bound(end, "--to", zone)
    if ends < begins:
        raise InvalidInput(
            f"The report range ends ({_show(ends, zone)}) before it starts ({_show(begins, zone)}); "
            "give --to after --from."
        )
    if ends == begins:
        raise InvalidInput(f"The report range is empty: --from and --to are both {_show(begins, zone)}.")
    if ends - begins > timedelta(days=MAX_DAYS):
        raise InvalidInput(f"The report range is longer than {MAX_DAYS} days; report a shorter range.")
    return Span(begins, ends)


def _show(moment: datetime, zone: ZoneInfo) -> str:
    return site_time(moment, zone.key, "zoned")
