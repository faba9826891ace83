"""Sharing one person's time between the jobs they were on at once, without counting any second twice."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from itertools import pairwise
from typing import Generic, TypeVar

Job = TypeVar("Job", bound=Hashable)  # whatever names a job for the caller, e.g. (work order, seq)


@dataclass(frozen=True)
class Stint(Generic[Job]):
    """One labour entry: a person on one job from `start` to `end`."""

    job: Job
    start: datetime
    end: datetime


def allocate(stints: Iterable[Stint[Job]], weights: Mapping[Job, Decimal] | None = None) -> dict[Job, Decimal]:
    """Seconds of one person's time per job.

    Where stints overlap, the overlapping time is shared among the jobs active then: equally, or in
    proportion to `weights` (e.g. the quantity each job reported). The shares always add up to the
    time the person actually worked (the union of the stints), so nothing is counted twice.
    """
    stints = [s for s in stints if s.end > s.start]
    moments = sorted({s.start for s in stints} | {s.end for s in stints})
    seconds: dict[Job, Decimal] = {s.job: Decimal(0) for s in stints}
    for begin, finish in pairwise(moments):
        active = sorted({s.job for s in stints if s.start <= begin and s.end >= finish}, key=repr)
        if not active:
            continue
        span = Decimal(str((finish - begin).total_seconds()))
        shares = _shares(active, weights)
        for job in active:
            seconds[job] += span * shares[job]
    return seconds


def _shares(active: list[Job], weights: Mapping[Job, Decimal] | None) -> dict[Job, Decimal]:
    if weights:
        total = sum((max(weights.get(job, Decimal(0)), Decimal(0)) for job in active), Decimal(0))
        if total > 0:
            return {job: max(weights.get(job, Decimal(0)), Decimal(0)) / total for job in active}
    return {job: Decimal(1) / len(active) for job in active}
