"""The active scrap and downtime reasons, for the terminal's pickers."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from mes_terminal.db.records import DowntimeReason, ScrapReason, ScrapReasonScope
from mes_terminal.domain.scrap_scope import ScrapScope
from mes_terminal.services.queries.station_views import ReasonView


def scrap_reasons(connection: Connection) -> list[ReasonView]:
    """Every active scrap reason by name, with where it applies (the terminal offers those of the job)."""
    rows = connection.execute(
        select(ScrapReason.id, ScrapReason.code, ScrapReason.name).where(ScrapReason.active).order_by(ScrapReason.name)
    ).all()
    scopes: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for reason_id, kind, code, operation in connection.execute(
        select(
            ScrapReasonScope.scrap_reason_id, ScrapReasonScope.kind, ScrapReasonScope.code, ScrapReasonScope.operation
        )
        .join(ScrapReason, ScrapReason.id == ScrapReasonScope.scrap_reason_id)
        .where(ScrapReason.active)
    ):
        scopes[reason_id].append((kind, code, operation))
    return [
        ReasonView(code, name, scope=ScrapScope.of_rows(scopes.get(reason_id, ()))) for reason_id, code, name in rows
    ]


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
