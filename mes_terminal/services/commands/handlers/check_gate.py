"""The gate of counts and completions: a due required check holds them up, and the refusal names it.

Called by the execution handlers (`ReportCount` when the site's `checks_block` is "counts", and
`CompleteJob` always) inside their transaction.
"""

from __future__ import annotations

from datetime import datetime

from mes_terminal.db.records import WorkOrder, WorkOrderOperation, Workstation
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain import checks
from mes_terminal.domain import execution as execution_rules
from mes_terminal.services.queries import quality as qq


def refuse_if_checks_due(
    uow: UnitOfWork,
    station: Workstation,
    order: WorkOrder,
    operation: WorkOrderOperation,
    at: datetime,
    *,
    completing: bool,
) -> None:
    """Refuse a count (when the site says so) or a completion while a required check is due; names the check."""
    connection = uow.session.connection()
    checklist = qq.checklist_of(connection, operation.id)
    if checklist is None:
        return
    if not completing and uow.jobs.site_rules(station).checks_block != "counts":  # the site read with the station
        return
    facts = uow.jobs.facts(order, operation)
    ready = facts.reported >= execution_rules.expected(facts)
    progress = qq.progress(connection, operation.id, at, ready_to_complete=ready, shifts=_has_shift_items(checklist))
    due = checks.due_checks(checklist.items, qq.records(connection, operation.id), progress, at, completing=completing)
    if not completing:  # a completion check belongs to the completion, not to the counts before it
        due = [d for d in due if d.item.when != checks.Trigger.COMPLETION]
    checks.refuse_if_due(due, completing, facts.label)


def _has_shift_items(checklist: qq.Checklist) -> bool:
    return any(item.when == checks.Trigger.SHIFT_START for item in checklist.items)
