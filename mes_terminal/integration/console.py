"""What the console's ERP tab asks and does: list the messages, apply a refused document again, show its XML.

    erp = ErpConsole(engine, clock, zone)
    rows = erp.messages(direction="in", status="refused")
    outcome = erp.retry(row.id, actor="B2001")   # planners only; the document is read again from its file
    text = erp.document_text(row.id)

A message row keeps the path of its file, not its bytes: the import reads documents as a stream (up to
256 MB), and the hot folder moves a file to inbox/processed/ or inbox/failed/ and points its row there.
A retry therefore reads the file where it now lies, through the same `import_file` as `erp import`, and
records a new message; the refused one stays as it was, for the audit, and is shown as applied again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from mes_terminal.db.uow import EventLog, UnitOfWork
from mes_terminal.domain.errors import Conflict, InvalidInput, UnknownEntity
from mes_terminal.domain.roles import PLANNERS
from mes_terminal.domain.sentences import Sentence
from mes_terminal.integration.apply import Outcome
from mes_terminal.integration.importer import import_file
from mes_terminal.services.queries import erp_messages as q
from mes_terminal.services.queries.read_only import read_connection

# More than this is not shown in a dialog: the file is named instead.
MAX_SHOWN_BYTES = 2 * 1024 * 1024


class ErpConsole:
    def __init__(
        self,
        engine: Engine,
        now: Callable[[], datetime],
        zone: Callable[[], str],
        *,
        column_map: Mapping[str, str] | None = None,
    ) -> None:
        self._engine = engine
        self._now = now
        self._zone = zone
        self._column_map = column_map

    def messages(
        self, *, direction: str | None = None, status: str | None = None, limit: int = q.DEFAULT_LIMIT
    ) -> list[q.ErpMessageRow]:
        with read_connection(self._engine) as connection:
            return q.erp_messages(connection, self._zone(), direction=direction, status=status, limit=limit)

    def retry(self, message_id: int, *, actor: str) -> Outcome:
        """Apply a refused inbound document again as `actor` (lead, supervisor, admin); audited: ErpMessageRetried."""
        now = self._now()
        with Session(self._engine) as session, session.begin():
            events = EventLog(occurred_at=now, recorded_at=now, actor=actor, station=None, command_id=None)
            UnitOfWork(session, events, now).users.acting(actor, PLANNERS, "apply ERP documents again")
        row = self._message(message_id)
        if row.applied_again is not None:
            raise Conflict(
                Sentence(
                    "{document} was applied again at {time} by {actor}; nothing is left to retry.",
                    document=row.document,
                    time=row.applied_again,
                    actor=row.applied_again_by or "",
                )
            )
        if not row.retryable:
            raise Conflict(
                Sentence(
                    "Only a refused document from the ERP can be applied again; {document} is {status}.",
                    document=row.document,
                    status=row.status,
                )
            )
        path = self._file(row)
        outcome = import_file(self._engine, path, now=now, column_map=self._column_map)
        with Session(self._engine) as session, session.begin():
            events = EventLog(occurred_at=now, recorded_at=now, actor=actor, station=None, command_id=None)
            events.add(
                "ErpMessageRetried",
                "erp_message",
                message_id,
                file=str(path),
                document=outcome.document,
                ok=outcome.ok,
                code=outcome.code,
            )
            events.write(session)
        return outcome

    def document_text(self, message_id: int) -> str:
        """The message's file as text (XML or CSV; an export's documents one after the other), for reading;
        `InvalidInput` when it is gone or too large."""
        row = self._message(message_id)
        if row.direction == "out":
            folder = Path(row.file)
            return "\n".join(f"<!-- {name} -->\n{self._text(folder / name, row)}" for name in row.files)
        return self._text(self._file(row), row)

    def _text(self, path: Path, row: q.ErpMessageRow) -> str:
        if not path.is_file():
            raise InvalidInput(
                Sentence("The file of {document} is no longer at {file}.", document=row.document, file=str(path))
            )
        try:
            size = path.stat().st_size
            if size > MAX_SHOWN_BYTES:
                raise InvalidInput(
                    Sentence(
                        "{file} is {size} MB, too large to show here; open it with an editor.",
                        file=str(path),
                        size=f"{size / 1024 / 1024:.0f}",
                    )
                )
            return path.read_bytes().decode("utf-8", errors="replace")
        except OSError as error:
            raise InvalidInput(
                Sentence("Cannot read {file}: {reason}.", file=str(path), reason=error.strerror or str(error))
            ) from None

    def _message(self, message_id: int) -> q.ErpMessageRow:
        with read_connection(self._engine) as connection:
            row = q.erp_message(connection, self._zone(), message_id)
        if row is None:
            raise UnknownEntity(Sentence("There is no ERP message {id}.", id=message_id))
        return row

    def _file(self, row: q.ErpMessageRow) -> Path:
        path = Path(row.file)
        if not row.file or not path.is_file():
            raise InvalidInput(
                Sentence("The file of {document} is no longer at {file}.", document=row.document, file=row.file)
            )
        return path
