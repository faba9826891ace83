"""The life of a work order (ISA-95 job order) as a state machine."""

from __future__ import annotations

from mes_terminal.domain.error_codes import WORK_ORDER_CANNOT, WORK_ORDER_CANNOT_CANCEL
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.statuses import WorkOrderStatus, can_move

S = WorkOrderStatus

# Where each supervisor action moves an order; where it may come from is the order's transition table
# (domain/statuses.py). Holding remembers nothing: releasing a held order brings it back to released
# (or in progress, when work has started; see `release_target`).
_TARGET = {"release": S.RELEASED, "hold": S.ON_HOLD, "cancel": S.CANCELLED}

_VERB = {"release": "released", "hold": "put on hold", "cancel": "cancelled"}


def check_transition(action: str, number: str, status: WorkOrderStatus, *, work_started: bool = False) -> None:
    """Raise `InvalidState` with a plain sentence when `action` does not apply to an order in `status`."""
    if not can_move(status, _TARGET[action]):
        raise InvalidState(
            WORK_ORDER_CANNOT[action].sentence(number=number, status=describe(status), done=_VERB[action]),
            code=WORK_ORDER_CANNOT[action],
        )
    if action == "cancel" and work_started:
        raise InvalidState(
            f"Work order {number} has recorded work; it cannot be cancelled. Hold it, or close it instead.",
            code=WORK_ORDER_CANNOT_CANCEL,
        )


def release_target(work_started: bool) -> WorkOrderStatus:
    return S.IN_PROGRESS if work_started else S.RELEASED


def describe(status: WorkOrderStatus) -> str:
    return {
        S.PLANNED: "planned",
        S.RELEASED: "already released",
        S.IN_PROGRESS: "in progress",
        S.ON_HOLD: "on hold",
        S.COMPLETED: "completed",
        S.CLOSED: "closed",
        S.CANCELLED: "cancelled",
    }[status]
