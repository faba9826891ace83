"""A plan and its figures: weighted tardiness, late jobs, makespan, utilisation per station."""

from __future__ import annotations

from dataclasses import dataclass

from mes_terminal.scheduling.problem import PlannedOperation, Problem


@dataclass(frozen=True)
class Figures:
    weighted_tardiness: int  # sum over jobs of weight x minutes late
    late_jobs: int
    makespan: int  # end of the last operation, minutes from the origin
    changes: int  # operations moved (station or start) against the current plan
    utilisation: dict[str, float]  # station -> worked minutes / planned minutes up to the makespan


@dataclass(frozen=True)
class Plan:
    operations: tuple[PlannedOperation, ...]
    figures: Figures
    method: str  # "cp-sat", or the dispatch rule that made it ("edd", "spt", "cr")
    optimal: bool = False  # proven optimal for every objective it was asked
    lower_bound: int | None = None  # proven bound of the last objective solved, where known
    seconds: float = 0.0


def figures(problem: Problem, operations: tuple[PlannedOperation, ...]) -> Figures:
    by_key = {p.key: p for p in operations}
    tardiness = late = 0
    for job in problem.jobs:
        if job.due is None or not job.operations:
            continue
        done = by_key[job.operations[-1].key].end
        if done > job.due:
            late += 1
            tardiness += job.weight * (done - job.due)
    makespan = max((p.end for p in operations), default=0)
    current = {p.key: p for p in problem.current}
    changes = sum(
        1
        for p in operations
        if p.key in current and (current[p.key].station != p.station or current[p.key].start != p.start)
    )
    utilisation = {}
    for station in problem.stations:
        planned = sum(max(0, min(b, makespan) - max(a, 0)) for a, b in station.windows)
        worked = sum(
            max(0, min(b, p.end) - max(a, p.start, 0))
            for p in operations
            if p.station == station.code
            for a, b in station.windows
        )
        utilisation[station.code] = round(worked / (planned * station.capacity), 4) if planned else 0.0
    return Figures(tardiness, late, makespan, changes, utilisation)
