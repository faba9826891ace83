"""What the machine handlers read and lock: a station's running job, its counters and signal sources.

A group of readings delivered in one transaction reads each of these once (`db.lookups`): the running
job and the counters do not change under the machine commands that read them, and a counter made or
moved by one reading is the one the next reading of the group finds.
"""

from __future__ import annotations

from collections.abc import Collection
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


_OPEN_RUNS = (
    select(JobRun.workstation_id, WorkOrder.number, WorkOrderOperation.seq)
    .join(WorkOrderOperation, WorkOrderOperation.id == JobRun.operation_id)
    .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
    .where(JobRun.workstation_id.in_(bindparam("station_ids", expanding=True)), JobRun.ended_at.is_(None))
    .order_by(JobRun.workstation_id, JobRun.started_at.desc(), JobRun.id.desc())
)
_COUNTERS = (
    select(MachineCounter)
    .where(MachineCounter.workstation_id.in_(bindparam("station_ids", expanding=True)))
    .order_by(MachineCounter.workstation_id, MachineCounter.signal)  # locked in one order: no deadlock
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

    def preload(self, station_ids: Collection[int], counters: Collection[tuple[int, str]]) -> None:
        """The running jobs of `station_ids` and the `counters` (station id, signal), locked, read in two
        statements for the group's shared lookups (a reading then finds them without a round trip)."""
        if not lookups.sharing(self._session):
            return
        jobs = [i for i in station_ids if not lookups.known(self._session, ("running job", i))]
        if jobs:
            newest: dict[int, tuple[str, int]] = {}
            for row in self._session.execute(_OPEN_RUNS, {"station_ids": jobs}):
                newest.setdefault(row.workstation_id, (row.number, row.seq))
            for station_id in jobs:
                lookups.keep(self._session, ("running job", station_id), newest.get(station_id))
        wanted = [key for key in counters if not lookups.known(self._session, ("counter", *key))]
        if wanted:
            rows = self._session.scalars(_COUNTERS, {"station_ids": sorted({i for i, _ in wanted})})
            found = {(counter.workstation_id, counter.signal): counter for counter in rows}
            for key in wanted:
                lookups.keep(self._session, ("counter", *key), found.get(key))

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
