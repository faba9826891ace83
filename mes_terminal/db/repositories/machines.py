"""What the machine handlers read and lock: a station's running job, its counters and signal sources."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import JobRun, MachineCounter, MachineSource, WorkOrder, WorkOrderOperation, Workstation


class Machines:
    def __init__(self, session: Session) -> None:
        self._session = session

    def running_job(self, station: Workstation) -> tuple[str, int] | None:
        """The work order and operation of the station's newest open run (where machine counts go)."""
        row = self._session.execute(
            select(WorkOrder.number, WorkOrderOperation.seq)
            .select_from(JobRun)
            .join(WorkOrderOperation, WorkOrderOperation.id == JobRun.operation_id)
            .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
            .where(JobRun.workstation_id == station.id, JobRun.ended_at.is_(None))
            .order_by(JobRun.started_at.desc(), JobRun.id.desc())
            .limit(1)
        ).one_or_none()
        return (row.number, row.seq) if row else None

    def counter(self, station: Workstation, signal: str) -> MachineCounter | None:
        """The counter's stored last value, locked: two deliveries of one station count one after the other."""
        return self._session.scalars(
            select(MachineCounter)
            .where(MachineCounter.workstation_id == station.id, MachineCounter.signal == signal)
            .with_for_update()
        ).one_or_none()

    def remember(
        self, station: Workstation, signal: str, counter: MachineCounter | None, value: Decimal, at: datetime
    ) -> None:
        if counter is None:
            self._session.add(MachineCounter(workstation_id=station.id, signal=signal, last_value=value, last_at=at))
        else:
            counter.last_value, counter.last_at = value, at

    def source(self, station: Workstation, url: str) -> MachineSource | None:
        return self._session.scalars(
            select(MachineSource).where(MachineSource.workstation_id == station.id, MachineSource.url == url)
        ).one_or_none()
