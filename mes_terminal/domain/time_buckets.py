"""Planned time cut into fixed buckets, so that a database can measure how much of a stop lay in it.

With F(t) = planned seconds between the window's start and t, a stop [s, e) overlaps planned time by
F(e) - F(s). In a bucket b of `size` seconds, F(t) = before[b] + sum over the bucket's planned parts
(a, z) of clamp(t - b*size - a, 0, z - a). One equality join on the bucket number finds the row, so
the cost per stop does not grow with the length of the calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mes_terminal.domain.intervals import Span


@dataclass(frozen=True)
class Bucket:
    index: int
    before: float  # planned seconds from the window's start to the bucket's start
    parts: tuple[tuple[float, float], ...]  # planned parts inside the bucket, seconds from the bucket's start


def buckets(planned: Sequence[Span], window: Span, size: int = 3600) -> list[Bucket]:
    """Buckets covering the window, its end included. `planned` must be sorted, disjoint and inside it."""
    horizon = (window.end - window.start).total_seconds()
    count = int(horizon // size) + 1
    parts: list[list[tuple[float, float]]] = [[] for _ in range(count)]
    for span in planned:
        start = (span.start - window.start).total_seconds()
        end = (span.end - window.start).total_seconds()
        index = int(start // size)
        while start < end:
            edge = min(end, float((index + 1) * size))
            parts[index].append((start - index * size, edge - index * size))
            start, index = edge, index + 1
    result, before = [], 0.0
    for index, inside in enumerate(parts):
        result.append(Bucket(index, before, tuple(inside)))
        before += sum(z - a for a, z in inside)
    return result


def planned_before(rows: Sequence[Bucket], t: float, size: int = 3600) -> float:
    """F(t) evaluated in Python the way the SQL does it: the reference for tests."""
    bucket = rows[min(int(t // size), len(rows) - 1)]
    offset = t - bucket.index * size
    return bucket.before + sum(min(max(offset - a, 0.0), z - a) for a, z in bucket.parts)
