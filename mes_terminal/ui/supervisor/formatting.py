"""How the console writes times, durations and quantities (local time; no trailing zeros)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal


def local_time(moment: datetime | None, with_date: bool = False) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")


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
