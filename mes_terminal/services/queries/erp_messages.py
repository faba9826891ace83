"""The console's ERP tab: every message in and out (erp_messages), newest first, times in the site's zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from mes_terminal.db.records import ErpMessage
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

    @property
    def has_text(self) -> bool:
        return bool(self.file) and (self.direction == "in" or bool(self.files))

    @property
    def retryable(self) -> bool:
        """Only a refused document from the ERP can be applied again; an export is written anew."""
        return self.direction == "in" and self.status == "refused"


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
    return [_row(dict(row), zone) for row in connection.execute(query).mappings()]


def erp_message(connection: Connection, zone: str, message_id: int) -> ErpMessageRow | None:
    row = connection.execute(select(*_COLUMNS).where(ErpMessage.id == message_id)).mappings().one_or_none()
    return None if row is None else _row(dict(row), zone)


def _row(row: dict[str, Any], zone: str) -> ErpMessageRow:
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
    )
