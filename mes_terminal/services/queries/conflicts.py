"""The conflicts a supervisor settles: commands terminals took offline that a rule refused on delivery."""

from __future__ import annotations

from sqlalchemy import Connection, select

from mes_terminal.db.records import CommandConflict
from mes_terminal.services.queries.supervisor_views import ConflictView


def conflicts(connection: Connection, *, settled_too: bool = False) -> list[ConflictView]:
    """Open conflicts oldest first (with `settled_too`, every conflict ever kept)."""
    query = select(CommandConflict).order_by(CommandConflict.id)
    if not settled_too:
        query = query.where(CommandConflict.status == "open")
    rows = connection.execute(query).mappings().all()
    return [
        ConflictView(
            number=row["id"],
            command_id=str(row["command_id"]),
            type=row["type"],
            station=row["station"],
            actor=row["actor"],
            issued_at=row["issued_at"],
            detected_at=row["detected_at"],
            code=row["code"],
            message=row["message"],
            command=dict(row["command"]),
            status=row["status"],
            settled_by=row["settled_by"],
            settled_at=row["settled_at"],
            settle_reason=row["settle_reason"],
        )
        for row in rows
    ]
