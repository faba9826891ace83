"""Time comes from a clock that is passed in, so that tests control it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Literal, Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock for tests: stands still until moved."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware time")
        self._at = at.astimezone(UTC)

    def now(self) -> datetime:
        return self._at

    def advance(self, delta: timedelta) -> None:
        self._at += delta

    def set(self, at: datetime) -> None:
        self._at = at.astimezone(UTC)


def site_date(moment: datetime, timezone: str) -> date:
    """The site's local date at a moment: what expiry, backflush stock and 'today' are judged by."""
    return moment.astimezone(ZoneInfo(timezone)).date()


# How a UTC instant is written for people, by purpose. The database keeps UTC; every screen, report and
# document writes the site's wall-clock time through `site_time`, so the same instant reads the same everywhere.
TimeStyle = Literal["date_time", "day_time", "week_time", "time", "clock", "zoned", "zoned_seconds"]
TIME_STYLES: dict[TimeStyle, str] = {
    "date_time": "%Y-%m-%d %H:%M",  # tables, documents, report cells
    "day_time": "%d.%m. %H:%M",  # narrow terminal lists
    "week_time": "%a %d %H:%M",  # a plan over the coming days, under a header that names the zone
    "time": "%H:%M",  # within a shift: board, timelines, banners
    "clock": "%H:%M:%S",  # the terminal's header clock
    "zoned": "%Y-%m-%d %H:%M %Z",  # where a reader could doubt the zone: report headers, printed documents
    "zoned_seconds": "%Y-%m-%d %H:%M:%S %Z",  # refusals that compare moments to the second
}


def site_time(moment: datetime, timezone: str, style: TimeStyle = "date_time") -> str:
    """A UTC instant as the site's wall-clock time in one of `TIME_STYLES` (the one owner of this).

    A naive `moment` is taken as UTC (what the database hands back); "zoned" appends the zone's
    abbreviation (CET, CEST), which changes with daylight saving time as the wall clock does.
    """
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(timezone)).strftime(TIME_STYLES[style])


def site_wall_clock(moment: datetime, timezone: str) -> datetime:
    """The site's wall-clock time of an instant, without a zone: what a date-time field shows."""
    return moment.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)


def from_site_wall_clock(local: datetime, timezone: str) -> datetime:
    """A wall-clock time typed at the site (no zone) as the UTC instant it names; the inverse of the above."""
    return local.replace(tzinfo=ZoneInfo(timezone)).astimezone(UTC)
