"""What the screen shows offline: the station as last read, with the effect of the actions saved since.

Offline, the terminal cannot read the station again, so a job started there would still show as not
running. The actions saved in the outbox meanwhile are applied here to the view, for display only (the
database decides when they are delivered, docs/offline.md); the jobs they touched are marked pending.
Starts, pauses, resumes, counts, completions, stops (a pause with a reason, Downtime, End downtime),
sign-ins by badge and sign-outs change what the screen shows; other actions do not. The stop open when the
station was read ends with End downtime, or with the Resume of the job whose pause opened it, as the
database will end it; a stop started or ended by a saved action is marked pending too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from mes_terminal.ui.deferred_module import DeferredModule
from mes_terminal.ui.terminal.scan_decisions import JobKey

if TYPE_CHECKING:
    from mes_terminal.services.commands import catalog as c
    from mes_terminal.services.queries import station_views as sv
    from mes_terminal.services.queries.downtime_views import DowntimeView
    from mes_terminal.services.queries.station_views import DispatchItem, JobView, StationView
else:  # the service stack is loaded by the time an action was saved
    c = DeferredModule("mes_terminal.services.commands.catalog")
    sv = DeferredModule("mes_terminal.services.queries.station_views")


@dataclass
class _Stop:
    """The station's open stop as the screen shows it: the reason's name ("" while it has none)."""

    reason: str | None  # None: no stop
    since: datetime | None
    job: JobKey | None = None  # the job whose pause opened it: its Resume ends it


class Shown(NamedTuple):
    """The station and its dispatch list as the screen shows them, and what of that is pending."""

    station: StationView
    dispatch: list[DispatchItem]
    jobs: set[JobKey]  # jobs whose shown state waits for a saved action
    stop: bool  # the stop shown was started or ended by a saved action


def applied(
    station: StationView,
    dispatch: list[DispatchItem],
    saved: list[c.Command],
    pending: str,
    reason_names: Mapping[str, str] | None = None,
    downtime: DowntimeView | None = None,
) -> Shown:
    """`station` and `dispatch` as they will be once `saved` is delivered (if every rule agrees), the rows
    touched described by `pending`. `reason_names`: downtime reason code -> name, to show a stop taken
    offline by its name; `downtime`: the station's open stop as read with it, so that the Resume of the job
    whose pause opened it ends it."""
    names = reason_names or {}
    jobs = {JobKey(job.work_order, job.operation): job for job in station.jobs}
    rows = {JobKey(item.work_order, item.operation): item for item in dispatch}
    touched: set[JobKey] = set()
    operators = {operator.badge: operator for operator in station.operators}
    down = station.state == "down"
    stop = _Stop(station.open_downtime_reason if down else None, station.state_since if down else None)
    if down and downtime is not None and downtime.source == "operator" and downtime.work_order is not None:
        stop.job = JobKey(downtime.work_order, downtime.operation or 0)
    stop_changed = False
    changed_at: datetime | None = None  # when a saved action last changed the station's state
    for command in saved:
        if isinstance(command, c.SignIn):  # by badge alone: a PIN is never saved
            operators.setdefault(command.badge, sv.OperatorView(command.badge, command.badge, command.issued_at))
            continue
        if isinstance(command, c.SignOut):
            operators.pop(command.badge, None)
            continue
        if isinstance(command, c.StartDowntime):
            stop = _Stop(names.get(command.reason or "", command.reason or ""), command.issued_at)
            stop_changed, changed_at = True, command.issued_at
            continue
        if isinstance(command, c.EndDowntime):
            if stop.reason is not None:
                stop = _Stop(None, None)
                stop_changed, changed_at = True, command.issued_at
            continue
        key = JobKey(getattr(command, "work_order", ""), getattr(command, "operation", 0))
        job, row = jobs.get(key), rows.get(key)
        if isinstance(command, c.StartJob | c.ResumeJob):
            if job is None and row is not None:
                job = _job_from(row, command)
            if job is not None:
                jobs[key] = replace(job, status="running", run_started_at=job.run_started_at or command.issued_at)
            if stop.reason is not None and stop.job == key:  # the stop this job's pause opened ends with its Resume
                stop = _Stop(None, None)
                stop_changed = True
        elif isinstance(command, c.PauseJob) and job is not None:
            jobs[key] = replace(job, status="paused", run_started_at=None)
            if command.reason:  # a pause with a reason stops the station
                stop = _Stop(names.get(command.reason, command.reason), command.issued_at, key)
                stop_changed = True
        elif isinstance(command, c.ReportCount) and job is not None:
            jobs[key] = replace(job, good=job.good + command.good, scrap=job.scrap + command.scrap)
        elif isinstance(command, c.CompleteJob):
            jobs.pop(key, None)
        else:
            continue
        if not isinstance(command, c.ReportCount):
            changed_at = command.issued_at
        touched.add(key)
        if row is not None:
            rows[key] = _row_as(row, jobs.get(key), pending)
    running = [job for job in jobs.values() if job.status == "running"]
    if stop.reason is not None:
        state, since = "down", stop.since
    else:
        state = "running" if running else "paused" if jobs else "idle"
        since = station.state_since if state == station.state and changed_at is None else changed_at
    shown = replace(
        station,
        jobs=tuple(jobs.values()),
        state=state,
        state_since=since,
        open_downtime_reason=stop.reason,
        operators=tuple(operators.values()),
    )
    return Shown(shown, [rows[JobKey(item.work_order, item.operation)] for item in dispatch], touched, stop_changed)


def _job_from(row: DispatchItem, start: c.Command) -> JobView:
    """A job started offline from the dispatch list: what the list knows of it."""
    return sv.JobView(
        work_order=row.work_order,
        operation=row.operation,
        operation_name=row.operation_name,
        product=row.product,
        product_name="",
        unit="",
        status="running",
        target=row.available,
        good=row.good,
        scrap=row.scrap,
        run_started_at=start.issued_at,
        run_seconds=0.0,
        ideal_cycle_seconds=Decimal(0),
        actual_cycle_seconds=None,
        operators=(),
    )


def _row_as(row: DispatchItem, job: JobView | None, pending: str) -> DispatchItem:
    if job is None:  # completed
        return replace(row, reason=pending)
    readiness = "running_here" if job.status == "running" else "paused_here"
    return replace(row, status=job.status, readiness=readiness, good=job.good, scrap=job.scrap, reason=pending)
