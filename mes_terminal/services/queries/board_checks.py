"""The quality checks due on the board's running and paused jobs, as the terminal computes them.

Most jobs have no checklist: one statement sorts those out, so that a board of 200 stations asks the
per-job questions (`checklists.due_for_operations`) only of the jobs that have one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, select

from mes_terminal.db.records import RoutingOperation, WorkOrderOperation
from mes_terminal.services.queries.checklists import due_for_operations


def checks_due(connection: Connection, operation_ids: Sequence[int], now: datetime) -> dict[int, tuple[str, ...]]:
    """Operation id -> the checks due on it now, in words ("Length (first piece)"); jobs with none left out."""
    if not operation_ids:
        return {}
    with_checklist = connection.execute(
        select(WorkOrderOperation.id)
        .join(RoutingOperation, RoutingOperation.id == WorkOrderOperation.routing_operation_id)
        .where(WorkOrderOperation.id.in_(list(operation_ids)), RoutingOperation.checklist_code.is_not(None))
    ).scalars()
    return {op: due for op, due in due_for_operations(connection, sorted(with_checklist), now).items() if due}
