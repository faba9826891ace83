"""Real time to the scheduler's minutes and back, and a station's windows from its shift calendar.

The origin is a UTC instant; minute n is origin + n minutes of real time, so a night over a daylight
saving change simply has one hour more or less of minutes: the shift calendar (domain.shift_calendar)
already gives each shift its real length.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from mes_terminal.domain.intervals import Span, subtract
from mes_terminal.domain.shift_calendar import ShiftPattern, planned_spans
from mes_terminal.scheduling.problem import Window


def minutes(origin: datetime, at: datetime) -> int:
    """Whole minutes from `origin` to `at`, rounded up (work never starts before the moment it may)."""
    seconds = (at - origin).total_seconds()
    return int(-(-seconds // 60))


def instant(origin: datetime, minute: int) -> datetime:
    return (origin + timedelta(minutes=minute)).astimezone(UTC)


def windows(
    patterns: Iterable[ShiftPattern],
    zone: ZoneInfo,
    origin: datetime,
    horizon: int,
    closed: Iterable[Span] = (),
) -> tuple[Window, ...]:
    """The planned time of a calendar between origin and origin + horizon minutes, without `closed`
    (holidays, maintenance), as minute windows; windows shorter than a minute are dropped."""
    window = Span(origin, instant(origin, horizon))
    return _minute_windows(origin, subtract(planned_spans(patterns, zone, window), closed))


def around_the_clock(origin: datetime, horizon: int, closed: Iterable[Span] = ()) -> tuple[Window, ...]:
    """Every minute between origin and origin + horizon minutes without `closed`: a station without a
    shift calendar works around the clock but for its holidays, maintenance and stops."""
    return _minute_windows(origin, subtract([Span(origin, instant(origin, horizon))], closed))


def _minute_windows(origin: datetime, spans: Iterable[Span]) -> tuple[Window, ...]:
    result = []
    for span in spans:
        a, b = minutes(origin, span.start), int((span.end - origin).total_seconds() // 60)
        if b > a:
            result.append((a, b))
    return tuple(result)
