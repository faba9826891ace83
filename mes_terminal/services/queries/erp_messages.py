"""The console's ERP tab: every message in and out (erp_messages), newest first, times in the site's zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from mes_terminal.db.records import ErpMessage, Event
from mes_terminal.domain.clock import site_time

DIRECTIONS = ("in", "out")
STATUSES = ("applied", "unchanged", "refused", "written")
# A tab shows the recent exchange; older messages stay in the table for the audit.
DEFAULT_LIMIT = 500
_COLUMNS = ErpMessage.__table__.c


@dataclass(frozen=True)
class ErpMessageRow:
    id: int
    recorded_at: datetime  # UTC
    time: str  # recorded_at on the site's wall clock
    direction: str  # in | out
    kind: str
    document: str  # the document's ID, or the file's name when it has none
    file: str
    status: str  # applied | unchanged | refused | written
    code: str | None
    sentence: str | None  # the refusal's sentence, or a note of an applied document
    # An export's documents, written into the folder `file` (an import's file is the document itself).
    files: tuple[str, ...] = ()
    # A refused document applied again from the console: when (site time) and by whom.
    applied_again: str | None = None
    applied_again_by: str | None = None

    @property
    def has_text(self) -> bool:
        return bool(self.file) and (self.direction == "in" or bool(self.files))

    @property
    def retryable(self) -> bool:
        """Only a refused document from the ERP can be applied again; an export is written anew."""
        return self.direction == "in" and self.status == "refused" and self.applied_again is None


def erp_messages(
    connection: Connection,
    zone: str,
    *,
    direction: str | None = None,
    status: str | None = None,
    limit: int = DEFAULT_LIMIT,
    before_id: int | None = None,
) -> list[ErpMessageRow]:
    """The newest `limit` messages (older than `before_id` for the next page), optionally of one direction/status."""
    query = select(*_COLUMNS).order_by(ErpMessage.recorded_at.desc(), ErpMessage.id.desc()).limit(max(1, limit))
    if direction is not None:
        query = query.where(ErpMessage.direction == direction)
    if status is not None:
        query = query.where(ErpMessage.status == status)
    if before_id is not None:
        query = query.where(ErpMessage.id < before_id)
    rows = [dict(row) for row in connection.execute(query).mappings()]
    again = _applied_again(connection, [row["id"] for row in rows if row["status"] == "refused"])
    return [_row(row, zone, again.get(row["id"])) for row in rows]


def erp_message(connection: Connection, zone: str, message_id: int) -> ErpMessageRow | None:
    row = connection.execute(select(*_COLUMNS).where(ErpMessage.id == message_id)).mappings().one_or_none()
    return None if row is None else _row(dict(row), zone, _applied_again(connection, [message_id]).get(message_id))


def _applied_again(connection: Connection, refused: list[int]) -> dict[int, tuple[datetime, str]]:
    """For refused messages, the first retry that applied the document (the row itself stays refused, for the audit)."""
    if not refused:
        return {}
    retries = connection.execute(
        select(Event.entity_id, Event.recorded_at, Event.actor, Event.payload)
        .where(
            Event.type == "ErpMessageRetried",
            Event.entity == "erp_message",
            Event.entity_id.in_([str(i) for i in refused]),
        )
        .order_by(Event.id)
    ).all()
    found: dict[int, tuple[datetime, str]] = {}
    for entity_id, at, actor, payload in retries:
        if (payload or {}).get("ok"):
            found.setdefault(int(entity_id), (at, actor))
    return found


def _row(row: dict[str, Any], zone: str, again: tuple[datetime, str] | None = None) -> ErpMessageRow:
    file = str(row["file"] or "")
    name = file.replace("\\", "/").rsplit("/", 1)[-1]
    files: tuple[str, ...] = ()
    if row["direction"] == "out":
        files = tuple(str(f) for f in (row["summary"] or {}).get("files", ()))
        name = files[0] if len(files) == 1 else f"{files[0]} (+{len(files) - 1})" if files else ""
    return ErpMessageRow(
        id=int(row["id"]),
        recorded_at=row["recorded_at"],
        time=site_time(row["recorded_at"], zone),
        direction=row["direction"],
        kind=row["kind"],
        document=row["document"] or name,
        file=file,
        status=row["status"],
        code=row["code"],
        sentence=row["message"],
        files=files,
        applied_again=site_time(again[0], zone) if again else None,
        applied_again_by=again[1] if again else None,
    )
