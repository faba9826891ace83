"""Placing work on a station's calendar: where an operation may start and where it then ends.

A station works inside its windows only. Interruptible work pauses at the end of a window and goes on
at the start of the next; uninterruptible work needs one window long enough for all of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from mes_terminal.scheduling.problem import Window


def earliest_start(windows: Sequence[Window], at: int, minutes: int, interruptible: bool) -> int | None:
    """The first time at or after `at` where the work can begin; None when the calendar ends first."""
    for a, b in windows:
        start = max(a, at)
        if start >= b:
            continue
        if interruptible or start + minutes <= b:
            if interruptible and _worked_after(windows, start) < minutes:
                return None
            return start
    return None


def finish(windows: Sequence[Window], start: int, minutes: int, interruptible: bool) -> int | None:
    """When work begun at `start` ends, pausing over gaps if it may; None when it cannot be done so."""
    left = minutes
    for a, b in windows:
        if b <= start:
            continue
        if a > start and not interruptible:
            return None
        begin = max(a, start)
        if begin >= b:
            continue
        if not interruptible and begin + left > b:
            return None
        if begin + left <= b:
            return begin + left
        left -= b - begin
    return None


def _worked_after(windows: Sequence[Window], at: int) -> int:
    return sum(b - max(a, at) for a, b in windows if b > at)
