"""The statuses of lots, operations and work orders, and which moves between them the handlers make.

The values are the strings stored in the database and written to JSONL results: never rename one.
Each table below lists, for a status, the statuses a handler may move a record to today; a status
with no way out is terminal. `can_move` answers a handler that refuses in words of its own;
`require_transition` refuses with a general sentence where no handler rule says more.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from mes_terminal.domain.error_codes import (
    LOT_INVALID_TRANSITION,
    OPERATION_INVALID_TRANSITION,
    WORK_ORDER_INVALID_TRANSITION,
    ErrorCode,
)
from mes_terminal.domain.errors import InvalidState


class LotStatus(StrEnum):
    AVAILABLE = "available"
    ON_HOLD = "on_hold"
    QUARANTINED = "quarantined"
    CONSUMED = "consumed"  # empty; a return, a merge or the order's output fills it again
    SCRAPPED = "scrapped"


class OperationStatus(StrEnum):
    PENDING = "pending"
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    COMPLETED = "completed"


class WorkOrderStatus(StrEnum):
    PLANNED = "planned"
    RELEASED = "released"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    COMPLETED = "completed"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class DowntimeState(StrEnum):
    """A stop has no status column: it is open or ended, and has a reason or not yet."""

    OPEN_UNCLASSIFIED = "open_unclassified"
    OPEN = "open"
    ENDED_UNCLASSIFIED = "ended_unclassified"
    ENDED = "ended"


def downtime_state(ongoing: bool, unclassified: bool) -> DowntimeState:
    """The state of a stop from `ended_at is None` and `reason is None`."""
    if ongoing:
        return DowntimeState.OPEN_UNCLASSIFIED if unclassified else DowntimeState.OPEN
    return DowntimeState.ENDED_UNCLASSIFIED if unclassified else DowntimeState.ENDED


L, Op, W = LotStatus, OperationStatus, WorkOrderStatus

LOT_MOVES: Mapping[LotStatus, frozenset[LotStatus]] = {
    # held by a person, a failed check or an SPC rule; used up; scrapped or sent back whole
    L.AVAILABLE: frozenset({L.ON_HOLD, L.CONSUMED, L.SCRAPPED}),
    # released (consumed when nothing is left in it); scrapped or sent back by a disposition
    L.ON_HOLD: frozenset({L.AVAILABLE, L.CONSUMED, L.SCRAPPED}),
    L.QUARANTINED: frozenset({L.AVAILABLE, L.CONSUMED, L.SCRAPPED}),
    # a return, a merge into it, or the order's output growing again
    L.CONSUMED: frozenset({L.AVAILABLE}),
    L.SCRAPPED: frozenset(),
}

OPERATION_MOVES: Mapping[OperationStatus, frozenset[OperationStatus]] = {
    # ready once the order is released or the previous operation delivers; cancelling the order unreadies it
    Op.PENDING: frozenset({Op.READY, Op.RUNNING}),
    Op.READY: frozenset({Op.PENDING, Op.RUNNING}),
    Op.RUNNING: frozenset({Op.PAUSED, Op.COMPLETED}),
    Op.PAUSED: frozenset({Op.RUNNING, Op.COMPLETED}),
    Op.COMPLETED: frozenset(),
}

WORK_ORDER_MOVES: Mapping[WorkOrderStatus, frozenset[WorkOrderStatus]] = {
    W.PLANNED: frozenset({W.RELEASED, W.ON_HOLD, W.CANCELLED}),
    # the first start puts a released order in progress
    W.RELEASED: frozenset({W.IN_PROGRESS, W.ON_HOLD, W.CANCELLED}),
    # the last operation completing completes the order
    W.IN_PROGRESS: frozenset({W.ON_HOLD, W.COMPLETED}),
    # released again (in progress once work has started); running jobs may still complete it
    W.ON_HOLD: frozenset({W.RELEASED, W.IN_PROGRESS, W.CANCELLED, W.COMPLETED}),
    W.COMPLETED: frozenset({W.CLOSED}),
    W.CLOSED: frozenset(),
    W.CANCELLED: frozenset(),
}

# Groups as tuples in the enums' order, so that SQL built from them reads the same every time.
# A lot whose stock is set aside until someone releases it.
HELD_LOT = (L.ON_HOLD, L.QUARANTINED)
# A lot that may take quantity in (a return, a merge into it): available, or used up and empty.
REFILLABLE_LOT = (L.AVAILABLE, L.CONSUMED)
# A lot with nothing left in it to label or to split.
GONE_LOT = (L.CONSUMED, L.SCRAPPED)
# A work order still to be worked (and listed); and one the stations may work on.
OPEN_ORDER = (W.PLANNED, W.RELEASED, W.IN_PROGRESS, W.ON_HOLD)
DISPATCHED_ORDER = (W.RELEASED, W.IN_PROGRESS, W.ON_HOLD)
# An operation a station has taken: running or paused there; and one nobody has started yet.
ACTIVE_OPERATION = (Op.RUNNING, Op.PAUSED)
WAITING_OPERATION = (Op.PENDING, Op.READY)

Status = TypeVar("Status", LotStatus, OperationStatus, WorkOrderStatus)

# Each enum's refusal code, and its table.
_TABLES: Mapping[type, tuple[ErrorCode, Mapping[Any, frozenset[Any]]]] = {
    LotStatus: (LOT_INVALID_TRANSITION, LOT_MOVES),
    OperationStatus: (OPERATION_INVALID_TRANSITION, OPERATION_MOVES),
    WorkOrderStatus: (WORK_ORDER_INVALID_TRANSITION, WORK_ORDER_MOVES),
}


def can_move(current: str, target: Status) -> bool:
    """True when a record in `current` (a stored string or a member) may move to `target`."""
    _, table = _TABLES[type(target)]
    return target in table[type(target)(current)]  # an unknown stored value raises ValueError


def is_terminal(status: Status) -> bool:
    """True for a status nothing moves out of (a scrapped lot, a closed or cancelled order...)."""
    _, table = _TABLES[type(status)]
    return not table[status]


def require_transition(current: str, target: Status, subject: str) -> Status:
    """`target`, when a record in `current` may move there; otherwise `InvalidState`, code `<kind>.invalid_transition`.

    `subject` names the record for the operator: "Lot L-1042", "Work order WO-7".
    """
    code, _ = _TABLES[type(target)]
    if not can_move(current, target):
        raise InvalidState(code.sentence(subject=subject, status=spoken(current), target=spoken(target)), code=code)
    return target


def spoken(status: str) -> str:
    """A status as words in a sentence: "on_hold" -> "on hold"."""
    return str(status).replace("_", " ")
