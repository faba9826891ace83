"""Read queries behind the supervisor's line-status board: a few set-based statements for all stations.

Each statement covers every station at once (or the few given in `station_ids`), so a board of 200
stations costs the same handful of round trips as a board of two. Built once at import: building a
statement costs more than running it on a slow core.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Integer, Select, String, and_, bindparam, cast, func, select
from sqlalchemy.orm import aliased

from mes_terminal.db.records import (
    Count,
    DowntimeEvent,
    DowntimeReason,
    Event,
    JobRun,
    Line,
    MachineCount,
    MachineSource,
    Material,
    RoutingOperation,
    StationSession,
    User,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.statuses import ACTIVE_OPERATION

ops = WorkOrderOperation
CALLED, ANSWERED = "SupervisorCalled", "AndonAcknowledged"
WITHOUT_MATERIAL = "ReportedWithoutMaterial"  # a count or completion let through short of material

_prior = aliased(WorkOrderOperation)
_PRIOR_GOOD = (
    select(_prior.good_quantity)
    .where(_prior.work_order_id == ops.work_order_id, _prior.seq < ops.seq)
    .order_by(_prior.seq.desc())
    .limit(1)
    .scalar_subquery()
)

_STATIONS = (
    select(
        Workstation.id,
        Workstation.code,
        Workstation.name,
        Workstation.active,
        Line.code.label("line_code"),
        Line.name.label("line_name"),
    )
    .join(Line, Line.id == Workstation.line_id)
    .order_by(Line.code, Workstation.code)
)
_DOWNTIMES = (
    select(
        DowntimeEvent.workstation_id, DowntimeEvent.id, DowntimeEvent.started_at, DowntimeReason.name.label("reason")
    )
    .outerjoin(DowntimeReason, DowntimeReason.id == DowntimeEvent.reason_id)
    .where(DowntimeEvent.ended_at.is_(None))
)
_JOBS = (
    select(
        ops.id,
        ops.workstation_id,
        WorkOrder.number.label("work_order"),
        ops.seq,
        ops.name,
        ops.status,
        ops.good_quantity.label("good"),
        ops.scrap_quantity.label("scrap"),
        Material.code.label("product"),
        RoutingOperation.ideal_cycle_seconds,
        func.coalesce(_PRIOR_GOOD, WorkOrder.quantity).label("target"),
    )
    .join(WorkOrder, WorkOrder.id == ops.work_order_id)
    .join(Material, Material.id == WorkOrder.product_id)
    .outerjoin(RoutingOperation, RoutingOperation.id == ops.routing_operation_id)
    .where(ops.status.in_(ACTIVE_OPERATION), ops.workstation_id.is_not(None))
    .order_by(ops.workstation_id, ops.status.desc(), ops.started_at, ops.id)  # running before paused
)
_RUNS = (
    select(JobRun.operation_id, JobRun.started_at, JobRun.ended_at)
    .join(ops, ops.id == JobRun.operation_id)
    .where(ops.status.in_(ACTIVE_OPERATION))
)
_PEOPLE = (
    select(StationSession.workstation_id, User.name)
    .join(User, User.id == StationSession.user_id)
    .where(StationSession.signed_out_at.is_(None))
    .order_by(StationSession.signed_in_at, User.name)
)
_answer = aliased(Event)
_OPEN_CALLS = (
    select(Event.id, Event.entity_id.label("station"), Event.occurred_at, Event.actor, Event.payload)
    .outerjoin(
        _answer,
        and_(_answer.entity == "andon", _answer.entity_id == cast(Event.id, String), _answer.type == ANSWERED),
    )
    .where(
        Event.type == CALLED,
        Event.entity == "workstation",
        Event.occurred_at >= bindparam("since"),
        _answer.id.is_(None),
    )
    .order_by(Event.id)
)
_LAST_EVENT = select(func.max(Event.id))
_CHANGED = select(Event.id, Event.type, Event.station, Event.entity, Event.entity_id).where(
    Event.id > bindparam("after"), Event.id <= bindparam("upto")
)


def _only(statement: Select, column: Any, station_ids: Sequence[int] | None) -> Select:
    return statement if station_ids is None else statement.where(column.in_(list(station_ids)))


def stations(connection: Connection, station_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in connection.execute(_only(_STATIONS, Workstation.id, station_ids))]


def station_ids_by_code(connection: Connection, codes: Sequence[str]) -> dict[str, int]:
    if not codes:
        return {}
    rows = connection.execute(select(Workstation.code, Workstation.id).where(Workstation.code.in_(list(codes))))
    return {code: id_ for code, id_ in rows}


# A station's machine: online when every source of it answers, offline when one does not (None: none
# has been connected yet); the parts it counted while no job ran (or a count rule refused them).
_MACHINE_ONLINE = select(
    MachineSource.workstation_id,
    func.min(cast(MachineSource.online, Integer)).label("online"),
).group_by(MachineSource.workstation_id)
_UNASSIGNED = (
    select(MachineCount.workstation_id, func.sum(MachineCount.good + MachineCount.scrap).label("parts"))
    .where(MachineCount.count_id.is_(None))
    .group_by(MachineCount.workstation_id)
)


def machines(connection: Connection, station_ids: Sequence[int] | None = None) -> dict[int, tuple[bool | None, Any]]:
    """Per station with a machine: (online, unassigned parts)."""
    online = {
        r.workstation_id: r.online
        for r in connection.execute(_only(_MACHINE_ONLINE, MachineSource.workstation_id, station_ids))
    }
    parts = {
        r.workstation_id: r.parts
        for r in connection.execute(_only(_UNASSIGNED, MachineCount.workstation_id, station_ids))
    }
    return {
        sid: (None if online.get(sid) is None else bool(online[sid]), parts.get(sid) or 0)
        for sid in set(online) | set(parts)
    }


def open_downtimes(connection: Connection, station_ids: Sequence[int] | None = None) -> dict[int, dict[str, Any]]:
    rows = connection.execute(_only(_DOWNTIMES, DowntimeEvent.workstation_id, station_ids))
    return {r.workstation_id: dict(r._mapping) for r in rows}


def active_jobs(connection: Connection, station_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Operations running or paused, per station; running ones first."""
    return [dict(r._mapping) for r in connection.execute(_only(_JOBS, ops.workstation_id, station_ids))]


def runs_of_active_jobs(connection: Connection, station_ids: Sequence[int] | None = None) -> Sequence[Any]:
    return connection.execute(_only(_RUNS, ops.workstation_id, station_ids)).all()


def people(connection: Connection, station_ids: Sequence[int] | None = None) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for row in connection.execute(_only(_PEOPLE, StationSession.workstation_id, station_ids)):
        found.setdefault(row.workstation_id, []).append(row.name)
    return found


def open_calls(connection: Connection, since: datetime) -> list[dict[str, Any]]:
    """Calls for help (andon) since `since` that no one has answered yet, oldest first."""
    return [dict(r._mapping) for r in connection.execute(_OPEN_CALLS, {"since": since})]


def without_material(connection: Connection, keys: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """For the jobs "WO/seq" given: the missing material of each one's latest ReportedWithoutMaterial."""
    if not keys:
        return {}
    latest = (
        select(func.max(Event.id))
        .where(Event.entity == "operation", Event.entity_id.in_(list(keys)), Event.type == WITHOUT_MATERIAL)
        .group_by(Event.entity_id)
    )
    rows = connection.execute(select(Event.entity_id, Event.payload).where(Event.id.in_(latest)))
    return {row.entity_id: list(row.payload.get("missing", ())) for row in rows}


def last_event_id(connection: Connection) -> int:
    return connection.execute(_LAST_EVENT).scalar() or 0


def changes(connection: Connection, after: int, upto: int) -> Sequence[Any]:
    """The events in (after, upto]: which stations and entities they touched."""
    return connection.execute(_CHANGED, {"after": after, "upto": upto}).all()


def station_of_operations(connection: Connection, keys: Sequence[tuple[str, int]]) -> set[str]:
    """Codes of the stations that run or are assigned the operations "WO/seq" given."""
    if not keys:
        return set()
    numbers = sorted({number for number, _ in keys})
    rows = connection.execute(
        select(WorkOrder.number, ops.seq, Workstation.code)
        .join(ops, ops.work_order_id == WorkOrder.id)
        .join(Workstation, Workstation.id == ops.workstation_id)
        .where(WorkOrder.number.in_(numbers))
    )
    wanted = set(keys)
    return {code for number, seq, code in rows if (number, seq) in wanted}


def timeline(connection: Connection, station_id: int, start: datetime, end: datetime) -> dict[str, Sequence[Any]]:
    """Runs, stops and counts of one station that touch [start, end)."""
    runs = connection.execute(
        select(JobRun.started_at, JobRun.ended_at, WorkOrder.number, ops.seq, ops.name)
        .join(ops, ops.id == JobRun.operation_id)
        .join(WorkOrder, WorkOrder.id == ops.work_order_id)
        .where(
            JobRun.workstation_id == station_id,
            JobRun.started_at < end,
            (JobRun.ended_at.is_(None)) | (JobRun.ended_at > start),
        )
        .order_by(JobRun.started_at)
    ).all()
    stops = connection.execute(
        select(DowntimeEvent.started_at, DowntimeEvent.ended_at, DowntimeReason.name.label("reason"))
        .outerjoin(DowntimeReason, DowntimeReason.id == DowntimeEvent.reason_id)
        .where(
            DowntimeEvent.workstation_id == station_id,
            DowntimeEvent.started_at < end,
            (DowntimeEvent.ended_at.is_(None)) | (DowntimeEvent.ended_at > start),
        )
        .order_by(DowntimeEvent.started_at)
    ).all()
    counts = connection.execute(
        select(Count.reported_at, Count.good, Count.scrap)
        .where(Count.workstation_id == station_id, Count.reported_at >= start, Count.reported_at < end)
        .order_by(Count.reported_at)
    ).all()
    return {"runs": runs, "stops": stops, "counts": counts}


def line_of_station(connection: Connection, station: str) -> str | None:
    return connection.execute(
        select(Line.code).join(Workstation, Workstation.line_id == Line.id).where(Workstation.code == station)
    ).scalar_one_or_none()
