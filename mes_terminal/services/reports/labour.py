"""Labour time per person and job, shared over concurrent jobs as the site's `labour_split` says."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Engine, func, select

from mes_terminal.db.records import Count, JobRun, LabourEntry, Site, User, WorkOrder, WorkOrderOperation
from mes_terminal.domain.error_codes import UNKNOWN_USER
from mes_terminal.domain.errors import UnknownEntity
from mes_terminal.domain.labour import Stint, allocate


@dataclass(frozen=True)
class LabourShare:
    work_order: str
    operation: int
    seconds: Decimal


def labour_by_job(engine: Engine, badge: str, start: datetime, end: datetime) -> list[LabourShare]:
    """The person's working time between `start` and `end`, per job; open entries count up to `end`."""
    with engine.connect().execution_options(mes_read_only=True) as connection:
        user_id = connection.execute(select(User.id).where(User.badge == badge)).scalar_one_or_none()
        if user_id is None:
            raise UnknownEntity(UNKNOWN_USER.sentence(badge=badge), code=UNKNOWN_USER)
        rows = connection.execute(
            select(
                WorkOrder.number,
                WorkOrderOperation.seq,
                WorkOrderOperation.id,
                LabourEntry.started_at,
                LabourEntry.ended_at,
            )
            .join(JobRun, JobRun.id == LabourEntry.job_run_id)
            .join(WorkOrderOperation, WorkOrderOperation.id == JobRun.operation_id)
            .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
            .where(LabourEntry.user_id == user_id, LabourEntry.started_at < end)
            .where((LabourEntry.ended_at.is_(None)) | (LabourEntry.ended_at > start))
        ).all()
        split = connection.execute(select(Site.labour_split).limit(1)).scalar_one_or_none() or "equal"
        weights = None
        if split == "quantity" and rows:
            counted = connection.execute(
                select(Count.operation_id, func.sum(Count.good + Count.scrap))
                .where(
                    Count.operation_id.in_({r.id for r in rows}), Count.reported_at >= start, Count.reported_at < end
                )
                .group_by(Count.operation_id)
            ).all()
            by_operation = {operation_id: Decimal(total) for operation_id, total in counted}
            weights = {(r.number, r.seq): by_operation.get(r.id, Decimal(0)) for r in rows}
    stints = [Stint((r.number, r.seq), max(r.started_at, start), min(r.ended_at or end, end)) for r in rows]
    shares = allocate(stints, weights)
    return [LabourShare(number, seq, seconds) for (number, seq), seconds in sorted(shares.items())]
