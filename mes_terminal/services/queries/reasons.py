"""The active scrap and downtime reasons, for the terminal's pickers."""

from __future__ import annotations

from sqlalchemy import Connection, select

from mes_terminal.db.records import DowntimeReason, ScrapReason
from mes_terminal.services.queries.station_views import ReasonView


def scrap_reasons(connection: Connection) -> list[ReasonView]:
    rows = connection.execute(
        select(ScrapReason.code, ScrapReason.name).where(ScrapReason.active).order_by(ScrapReason.name)
    ).all()
    return [ReasonView(code, name) for code, name in rows]


def downtime_reasons(connection: Connection) -> list[ReasonView]:
    """Every active reason with its parent's code (the tree flattened), by name."""
    parent = DowntimeReason.__table__.alias("parent")
    rows = connection.execute(
        select(DowntimeReason.code, DowntimeReason.name, parent.c.code)
        .outerjoin(parent, parent.c.id == DowntimeReason.parent_id)
        .where(DowntimeReason.active)
        .order_by(DowntimeReason.name)
    ).all()
    return [ReasonView(code, name, parent_code) for code, name, parent_code in rows]
