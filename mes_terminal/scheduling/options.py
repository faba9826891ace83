"""What a scheduling run may use: its time, its workers and seed, its objectives in order, a plan to start from.

Apart from the model so that the services name a run's options without loading OR-Tools (and numpy).
"""

from __future__ import annotations

from dataclasses import dataclass

from mes_terminal.scheduling.problem import PlannedOperation

OBJECTIVES = ("tardiness", "makespan", "changes")


@dataclass(frozen=True)
class Options:
    time_limit: float = 10.0  # seconds, all stages together
    workers: int = 1
    seed: int = 0
    objectives: tuple[str, ...] = OBJECTIVES  # lexicographic order
    hint: tuple[PlannedOperation, ...] = ()  # a plan to start from (the current one, or the best rule's)
