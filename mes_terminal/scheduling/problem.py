"""What the scheduler is asked: operations of jobs, stations with their calendars, and the current plan.

Every time is an integer number of minutes from the problem's origin (0 is "now"). A station works
only inside its `windows` (the shift calendar without breaks, holidays and maintenance); an
operation that may be interrupted pauses over a gap between windows and continues after it, one that
may not is placed whole inside one window.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mes_terminal.domain.error_codes import SCHEDULE_DOES_NOT_FIT, SCHEDULE_NO_STATION
from mes_terminal.domain.errors import InvalidInput, InvalidState

Window = tuple[int, int]  # [start, end) in minutes


@dataclass(frozen=True)
class Station:
    code: str
    windows: tuple[Window, ...]  # sorted, disjoint, non-empty; the time the station may work
    capacity: int = 1  # operations at once
    initial_family: str | None = None  # the family last run here (its changeover applies to the first one)


@dataclass(frozen=True)
class Fixed:
    """An operation kept where it is: running, or inside the frozen window of the current plan."""

    station: str
    start: int
    end: int


@dataclass(frozen=True)
class Operation:
    key: str  # "WO-1/10": unique in the problem
    durations: Mapping[str, int]  # eligible station -> working minutes it needs there (at least 1)
    interruptible: bool = True  # may pause over a break and continue after it
    family: str | None = None  # product family, for changeovers
    setup: int = 0  # changeover minutes into this operation from another family (the matrix overrides)
    wait_before: int = 0  # transfer or wait minutes after the previous operation of its job ends
    release: int = 0  # earliest start (material not yet received, order released later)
    fixed: Fixed | None = None


@dataclass(frozen=True)
class Job:
    code: str
    operations: tuple[Operation, ...]  # in routing order: each starts after the one before ends
    due: int | None = None  # minutes from the origin; None: no due date
    weight: int = 1  # how much a minute late costs (from the order's priority)


@dataclass(frozen=True)
class PlannedOperation:
    """One operation in a plan: where, when, and the changeover before it."""

    key: str
    station: str
    start: int
    end: int
    setup: int = 0


@dataclass(frozen=True)
class Problem:
    jobs: tuple[Job, ...]
    stations: tuple[Station, ...]
    horizon: int  # nothing may end after it
    changeover: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (from family, to family) -> minutes
    current: tuple[PlannedOperation, ...] = ()  # the plan in force: warm start and "fewest changes"

    def station(self, code: str) -> Station:
        return self._stations[code]

    @property
    def _stations(self) -> dict[str, Station]:
        return {s.code: s for s in self.stations}

    def operations(self) -> list[tuple[Job, int, Operation]]:
        return [(job, i, op) for job in self.jobs for i, op in enumerate(job.operations)]


def setup_minutes(problem: Problem, station: Station, before: str | None, op: Operation) -> int:
    """The changeover on `station` from family `before` into `op` (none on stations that run several at once)."""
    if station.capacity != 1 or before is None or op.family is None or before == op.family:
        return 0
    return problem.changeover.get((before, op.family), op.setup)


def validate(problem: Problem) -> None:
    """Refuse, with a sentence, a problem no plan can satisfy on its face."""
    stations = {s.code: s for s in problem.stations}
    keys: set[str] = set()
    for job in problem.jobs:
        for op in job.operations:
            if op.key in keys:
                raise InvalidInput(f"Operation {op.key} is named twice; nothing was planned.")
            keys.add(op.key)
            if op.fixed is not None:
                if op.fixed.station not in stations:
                    raise InvalidInput(f"Operation {op.key} is kept at {op.fixed.station}, which is not planned.")
                continue
            known = [code for code in op.durations if code in stations]
            if not known:
                raise InvalidState(SCHEDULE_NO_STATION.sentence(operation=op.key), code=SCHEDULE_NO_STATION)
            if any(d < 1 for d in op.durations.values()):
                raise InvalidInput(f"Operation {op.key} has a duration under one minute; nothing was planned.")
            if not any(_fits(stations[code], op.durations[code], op.interruptible) for code in known):
                raise InvalidState(
                    SCHEDULE_DOES_NOT_FIT.sentence(operation=op.key, minutes=min(op.durations[c] for c in known)),
                    code=SCHEDULE_DOES_NOT_FIT,
                )


def usable(station: Station, minutes: int, interruptible: bool) -> bool:
    """Whether the station's calendar can hold an operation of `minutes` at all."""
    return _fits(station, minutes, interruptible)


def _fits(station: Station, minutes: int, interruptible: bool) -> bool:
    if interruptible:
        return sum(b - a for a, b in station.windows) >= minutes
    return any(b - a >= minutes for a, b in station.windows)
