"""What the machine handlers read and lock: a station's running job, its counters and signal sources.

A group of readings delivered in one transaction reads each of these once (`db.lookups`): the running
job and the counters do not change under the machine commands that read them, and a counter made or
moved by one reading is the one the next reading of the group finds.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from mes_terminal.db import lookups
from mes_terminal.db.records import JobRun, MachineCounter, MachineSource, WorkOrder, WorkOrderOperation, Workstation

# Built once: building a statement costs more than running it on the hot path of machine readings.
_RUNNING_JOB = (
    select(WorkOrder.number, WorkOrderOperation.seq)
    .select_from(JobRun)
    .join(WorkOrderOperation, WorkOrderOperation.id == JobRun.operation_id)
    .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
    .where(JobRun.workstation_id == bindparam("station_id"), JobRun.ended_at.is_(None))
    .order_by(JobRun.started_at.desc(), JobRun.id.desc())
    .limit(1)
)
_COUNTER = (
    select(MachineCounter)
    .where(MachineCounter.workstation_id == bindparam("station_id"), MachineCounter.signal == bindparam("signal"))
    .with_for_update()
)


class Machines:
    def __init__(self, session: Session) -> None:
        self._session = session

    def running_job(self, station: Workstation) -> tuple[str, int] | None:
        """The work order and operation of the station's newest open run (where machine counts go)."""
        return lookups.cached(self._session, ("running job", station.id), lambda: self._running_job(station.id))

    def _running_job(self, station_id: int) -> tuple[str, int] | None:
        row = self._session.execute(_RUNNING_JOB, {"station_id": station_id}).one_or_none()
        return (row.number, row.seq) if row else None

    def counter(self, station: Workstation, signal: str) -> MachineCounter | None:
        """The counter's stored last value, locked: two deliveries of one station count one after the other."""
        return lookups.cached(
            self._session,
            ("counter", station.id, signal),
            lambda: self._session.scalars(_COUNTER, {"station_id": station.id, "signal": signal}).one_or_none(),
        )

    def remember(
        self, station: Workstation, signal: str, counter: MachineCounter | None, value: Decimal, at: datetime
    ) -> None:
        if counter is None:
            counter = MachineCounter(workstation_id=station.id, signal=signal, last_value=value, last_at=at)
            self._session.add(counter)
            lookups.keep(self._session, ("counter", station.id, signal), counter)
        else:
            counter.last_value, counter.last_at = value, at

    def source(self, station: Workstation, url: str) -> MachineSource | None:
        return self._session.scalars(
            select(MachineSource).where(MachineSource.workstation_id == station.id, MachineSource.url == url)
        ).one_or_none()
