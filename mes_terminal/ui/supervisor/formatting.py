"""How the console writes times, durations and quantities (the site's time; no trailing zeros)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from mes_terminal.domain.clock import site_time

# Where a model learns the site's zone (`SupervisorViewModel.site_zone`); UTC until it is told.
ZoneSource = Callable[[], str]


def utc_zone() -> str:
    return "UTC"


def local_time(moment: datetime | None, zone: str, with_date: bool = False) -> str:
    """An instant as the site's wall-clock time (`domain.clock.site_time`), never the computer's zone."""
    if moment is None:
        return ""
    return site_time(moment, zone, "date_time" if with_date else "time")


def duration(seconds: float) -> str:
    """1:05:09 for an hour and a bit, 5:09 below an hour."""
    whole = max(int(seconds), 0)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def quantity(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value * 100:.0f} %"
