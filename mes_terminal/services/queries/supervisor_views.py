"""Frozen values the supervisor console shows: what its service hands to the UI instead of records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from mes_terminal.services.queries.station_views import ReasonItem

# Station states on the board, worst first (the order the legend lists them in).
STATES = ("down", "paused", "running", "idle", "offline")


@dataclass(frozen=True)
class SupervisorUser:
    badge: str
    name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class BoardRow:
    """One workstation on the line-status board."""

    station: str
    station_name: str
    line_code: str
    line_name: str
    state: str  # one of STATES
    state_since: datetime | None
    operators: tuple[str, ...]
    work_order: str | None = None
    operation: int | None = None
    operation_name: str | None = None
    product: str | None = None
    good: Decimal = Decimal(0)
    scrap: Decimal = Decimal(0)
    target: Decimal | None = None
    run_seconds: float = 0.0  # machine time of the current job so far
    ideal_cycle_seconds: Decimal | None = None
    actual_cycle_seconds: Decimal | None = None  # run time per unit reported
    downtime_reason: str | None = None  # "" while the open stop has no reason yet
    downtime_since: datetime | None = None
    andon_call_id: int | None = None  # the oldest unanswered call for help
    andon_since: datetime | None = None
    andon_by: str | None = None
    checks_due: tuple[str, ...] = ()  # the running job's quality checks due now, in words
    machine_online: bool | None = None  # its machine's signal source answers (None: no machine, or never seen)
    machine_unassigned: Decimal = Decimal(0)  # parts its machine counted that no job took (yet)
    # The job's latest "reported without material" exception: each missing line, "STEEL-2MM 22.95 kg".
    without_material: tuple[str, ...] = ()


@dataclass(frozen=True)
class AndonCall:
    call_id: int
    station: str
    called_at: datetime
    called_by: str
    message: str | None


@dataclass(frozen=True)
class ChangeSet:
    """What the events after the last one seen touched; `everything` when too many to sort out."""

    last_event_id: int
    stations: frozenset[str] = frozenset()
    orders: bool = False
    andon: bool = False
    quality: bool = False  # nonconformances or lots changed (the quality tab reads them again)
    everything: bool = False

    @property
    def empty(self) -> bool:
        return not (self.stations or self.orders or self.andon or self.quality or self.everything)


@dataclass(frozen=True)
class TimelineSpan:
    start: datetime
    end: datetime | None  # None: still going
    label: str


@dataclass(frozen=True)
class TimelineCount:
    at: datetime
    good: Decimal
    scrap: Decimal


@dataclass(frozen=True)
class StationTimeline:
    station: str
    start: datetime
    end: datetime
    runs: tuple[TimelineSpan, ...]
    stops: tuple[TimelineSpan, ...]
    counts: tuple[TimelineCount, ...]


@dataclass(frozen=True)
class WorkOrderRow:
    number: str
    product: str
    unit: str
    quantity: Decimal
    made: Decimal  # good quantity of the last operation
    due_at: datetime
    priority: int
    status: str
    version: int  # sent back with a change: a change made meanwhile is then a conflict
    operations_done: int
    operations: int
    late: bool


@dataclass(frozen=True)
class DispatchRow:
    work_order: str
    operation: int
    operation_name: str
    product: str
    quantity: Decimal
    good: Decimal
    status: str
    order_status: str
    due_at: datetime
    priority: int
    assigned: bool  # assigned to this station (else: open to every eligible station)
    eligible_stations: tuple[str, ...]
    # The terminal's verdict for this station (domain.readiness): its value, its sentence, every reason.
    readiness: str
    reason: str
    reasons: tuple[ReasonItem, ...]

    @property
    def key(self) -> str:
        return f"{self.work_order}/{self.operation}"


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    station: str | None = None
    entity: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    limit: int = 2000


@dataclass(frozen=True)
class AuditRow:
    id: int
    occurred_at: datetime
    recorded_at: datetime
    actor: str
    actor_name: str | None
    station: str | None
    type: str
    entity: str
    entity_id: str
    payload: dict[str, Any]
    corrected_by: tuple[int, ...] = ()  # the events that correct this one (CorrectCount)


@dataclass(frozen=True)
class MasterSection:
    name: str  # site, workstations, shifts, users, materials, routing, bom, downtime_reasons, scrap_reasons
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class ConflictView:
    """A command a terminal took offline that a rule refused on delivery, as kept for a supervisor."""

    number: int
    command_id: str
    type: str
    station: str | None
    actor: str
    issued_at: datetime
    detected_at: datetime
    code: str
    message: str  # the refusal's sentence: what happened
    command: dict[str, Any]  # the original command, as its JSON line
    status: str  # open | discarded | applied
    settled_by: str | None
    settled_at: datetime | None
    settle_reason: str | None

    def to_json(self) -> dict[str, Any]:
        def rfc3339(moment: datetime | None) -> str | None:
            return None if moment is None else moment.isoformat().replace("+00:00", "Z")

        return {
            "conflict": self.number,
            "command_id": self.command_id,
            "type": self.type,
            "station": self.station,
            "actor": self.actor,
            "issued_at": rfc3339(self.issued_at),
            "detected_at": rfc3339(self.detected_at),
            "code": self.code,
            "message": self.message,
            "command": self.command,
            "status": self.status,
            "settled_by": self.settled_by,
            "settled_at": rfc3339(self.settled_at),
            "settle_reason": self.settle_reason,
        }
