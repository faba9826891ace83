"""Shift calendars: weekly patterns in the site's local time, expanded to real spans of UTC time.

A shift starts on each of its days at its local start time and ends at its local end time, on the next
day when the end is at or before the start. Converting each end point through the time zone gives the
shift its real length: a night shift over the spring change is one hour shorter, over the autumn
change one hour longer. A break starts at its local time inside the shift and lasts its minutes of real
time. A local time that does not exist (inside the spring gap) is read with the offset before the change,
so it falls one hour later on the clock; an ambiguous one (autumn) is its first occurrence.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from mes_terminal.domain.intervals import Span, clip, subtract, union

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class BreakPattern:
    start: time  # local
    minutes: int


@dataclass(frozen=True)
class ShiftPattern:
    code: str
    days: tuple[str, ...]  # the days on which the shift starts: "mon" ... "sun"
    start: time  # local
    end: time  # local; at or before start means the next day
    breaks: tuple[BreakPattern, ...] = ()


@dataclass(frozen=True)
class ShiftOccurrence:
    """One shift on one day: its real span and its breaks, in UTC."""

    code: str
    day: date  # the local date on which it starts
    span: Span
    breaks: tuple[Span, ...]

    @property
    def planned(self) -> list[Span]:
        """The shift without its breaks."""
        return subtract([self.span], self.breaks)


def occurrences(patterns: Iterable[ShiftPattern], zone: ZoneInfo, window: Span) -> list[ShiftOccurrence]:
    """Every shift occurrence that overlaps `window`, whole (not clipped), in order of start."""
    patterns = list(patterns)
    first = window.start.astimezone(zone).date() - timedelta(days=1)  # a night shift from the day before
    last = window.end.astimezone(zone).date()
    found = []
    day = first
    while day <= last:
        weekday = DAYS[day.weekday()]
        for pattern in patterns:
            if weekday in pattern.days:
                shift = _occurrence(pattern, day, zone)
                if shift.span.overlap(window) is not None:
                    found.append(shift)
        day += timedelta(days=1)
    return sorted(found, key=lambda s: (s.span.start, s.code))


def planned_spans(patterns: Iterable[ShiftPattern], zone: ZoneInfo, window: Span) -> list[Span]:
    """Planned production time by the calendar inside `window`: shifts minus breaks, sorted and disjoint."""
    return clip(union(p for shift in occurrences(patterns, zone, window) for p in shift.planned), window)


def local_days(zone: ZoneInfo, window: Span) -> list[Span]:
    """The window cut at local midnights: one span per local day (the first and last possibly partial)."""
    cuts = []
    day = window.start.astimezone(zone).date() + timedelta(days=1)
    while (midnight := _utc(day, time(0), zone)) < window.end:
        if midnight > window.start:
            cuts.append(midnight)
        day += timedelta(days=1)
    edges = [window.start, *cuts, window.end]
    return [Span(a, b) for a, b in itertools.pairwise(edges)]


def _occurrence(pattern: ShiftPattern, day: date, zone: ZoneInfo) -> ShiftOccurrence:
    start_minute = _minute(pattern.start)
    length = (_minute(pattern.end) - start_minute) % (24 * 60) or 24 * 60
    local_start = datetime.combine(day, pattern.start)
    begins, ends = _attach(local_start, zone), _attach(local_start + timedelta(minutes=length), zone)
    # A shift lying wholly in the hour the clocks skip in spring never happens: an empty span, not a reversed one.
    span = Span(min(begins, ends), ends)
    breaks = []
    for pause in pattern.breaks:
        offset = (_minute(pause.start) - start_minute) % (24 * 60)
        begins = _attach(local_start + timedelta(minutes=offset), zone)
        part = Span(begins, begins + timedelta(minutes=pause.minutes)).overlap(span) if begins < span.end else None
        if part is not None:  # a break that the spring change pushed past the shift's end is dropped
            breaks.append(part)
    return ShiftOccurrence(pattern.code, day, span, tuple(breaks))


def _attach(local: datetime, zone: ZoneInfo) -> datetime:
    return local.replace(tzinfo=zone).astimezone(UTC)


def _utc(day: date, at: time, zone: ZoneInfo) -> datetime:
    return _attach(datetime.combine(day, at), zone)


def _minute(at: time) -> int:
    return at.hour * 60 + at.minute


def parse_days(text: str) -> tuple[str, ...]:
    """Stored shift days ("mon,tue") to a tuple, ignoring blanks."""
    return tuple(d.strip() for d in text.split(",") if d.strip())


def patterns_from(rows: Sequence[tuple[str, str, time, time, Sequence[tuple[time, int]]]]) -> list[ShiftPattern]:
    """Shift patterns from stored rows: (code, "mon,tue", start, end, [(break start, minutes), ...])."""
    return [
        ShiftPattern(code, parse_days(days), start, end, tuple(BreakPattern(b, m) for b, m in breaks))
        for code, days, start, end, breaks in rows
    ]
