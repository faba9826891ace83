"""Half-open time spans [start, end) and the few set operations that planned time needs.

Stops, shifts, breaks and report ranges are all spans of real (UTC) time; planned production time is
"shifts minus breaks", clipped to a report range. Lists of spans returned here are sorted and disjoint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

MICROSECONDS = Decimal("0.000001")


@dataclass(frozen=True, order=True)
class Span:
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("a span needs timezone-aware times")
        if self.end < self.start:
            raise ValueError("a span cannot end before it starts")

    @property
    def length(self) -> timedelta:
        return self.end - self.start

    def overlap(self, other: Span) -> Span | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Span(start, end) if start < end else None


def seconds(delta: timedelta) -> Decimal:
    """A duration in seconds as an exact Decimal (microsecond resolution, like datetime)."""
    return (Decimal(delta.days * 86400 + delta.seconds) + Decimal(delta.microseconds) * MICROSECONDS).normalize()


def union(spans: Iterable[Span]) -> list[Span]:
    """The same time as `spans`, as sorted disjoint spans; touching spans are joined, empty ones dropped."""
    merged: list[Span] = []
    for span in sorted(s for s in spans if s.start < s.end):
        if merged and span.start <= merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def subtract(spans: Iterable[Span], holes: Iterable[Span]) -> list[Span]:
    """`spans` with the time of `holes` taken out."""
    result: list[Span] = []
    cut = union(holes)
    for span in union(spans):
        start = span.start
        for hole in cut:
            if hole.end <= start or hole.start >= span.end:
                continue
            if hole.start > start:
                result.append(Span(start, hole.start))
            start = max(start, hole.end)
        if start < span.end:
            result.append(Span(start, span.end))
    return result


def intersect(spans: Iterable[Span], others: Iterable[Span]) -> list[Span]:
    """The time that lies in both `spans` and `others`."""
    a, b = union(spans), union(others)
    result: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if (part := a[i].overlap(b[j])) is not None:
            result.append(part)
        if a[i].end <= b[j].end:
            i += 1
        else:
            j += 1
    return result


def clip(spans: Iterable[Span], window: Span) -> list[Span]:
    """The parts of `spans` inside `window`."""
    return [part for span in union(spans) if (part := span.overlap(window)) is not None]


def total(spans: Iterable[Span]) -> timedelta:
    """The time covered by `spans` (overlaps counted once)."""
    return sum((s.length for s in union(spans)), timedelta())
