"""Read queries for the downtime screen: a station's open stop and the reason tree."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from mes_terminal.db.records import DowntimeEvent, DowntimeReason, WorkOrder, WorkOrderOperation, Workstation
from mes_terminal.domain.error_codes import UNKNOWN_STATION
from mes_terminal.domain.errors import UnknownEntity


def open_stop(connection: Connection, station: str) -> dict[str, Any] | None:
    found = connection.execute(
        select(Workstation.id, Workstation.micro_stop_seconds).where(Workstation.code == station)
    ).one_or_none()
    if found is None:
        raise UnknownEntity(UNKNOWN_STATION.sentence(code=station), code=UNKNOWN_STATION)
    station_id = found.id
    row = connection.execute(
        select(
            DowntimeEvent.id,
            DowntimeEvent.started_at,
            DowntimeReason.code.label("reason"),
            DowntimeReason.name.label("reason_name"),
            DowntimeEvent.source,
            DowntimeEvent.machine_state,
            DowntimeEvent.comment,
            WorkOrder.number.label("work_order"),
            WorkOrderOperation.seq.label("operation"),
        )
        .outerjoin(DowntimeReason, DowntimeReason.id == DowntimeEvent.reason_id)
        # the job whose pause opened the stop (its Resume ends it), if one did
        .outerjoin(WorkOrderOperation, WorkOrderOperation.id == DowntimeEvent.operation_id)
        .outerjoin(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
        .where(DowntimeEvent.workstation_id == station_id, DowntimeEvent.ended_at.is_(None))
    ).one_or_none()
    return {**row._mapping, "micro_stop_seconds": found.micro_stop_seconds} if row else None


def reason_rows(connection: Connection) -> list[dict[str, Any]]:
    """Active reasons with their parent's code, by name."""
    parent = DowntimeReason.__table__.alias("parent")
    rows = connection.execute(
        select(
            DowntimeReason.code,
            DowntimeReason.name,
            parent.c.code.label("parent"),
            DowntimeReason.category,
            DowntimeReason.loss,
        )
        .outerjoin(parent, parent.c.id == DowntimeReason.parent_id)
        .where(DowntimeReason.active)
        .order_by(DowntimeReason.name)
    )
    return [dict(r._mapping) for r in rows]
