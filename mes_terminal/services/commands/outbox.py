"""The terminal's outbox: every command it sends, kept in a local SQLite file until the database has it.

A command is written here (one transaction, synchronous=FULL: on disk when `put` returns) before it is
delivered, and removed only after the shared database committed it (or kept it as a conflict). A crash
between the two delivers it again with the same command id, which the command bus answers with its
first result: nothing is lost, nothing is done twice. Commands are stored as the JSON lines of
`codec` (INTERFACES.md §2), so an administrator can read a stuck outbox with the sqlite3 shell.

A file that cannot be read or written (damaged, not a database) raises `OutboxUnusable` and stays
refused: the terminal stops taking new work rather than lose it. So does a file another process holds
(a second terminal for the same station on this computer): two senders of one outbox would mix up its
order. A full disk raises `OutboxFull` and refuses only while it lasts: SQLite rolls the write back
whole, so what the file held is intact, and the next call tries again.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mes_terminal.domain.error_codes import OUTBOX_DAMAGED, OUTBOX_DISK_FULL
from mes_terminal.domain.errors import MesError, OutboxFull, OutboxUnusable
from mes_terminal.services.commands.catalog import Command
from mes_terminal.services.commands.codec import decode_line, encode
from mes_terminal.services.commands.registry import COMMAND_TYPES

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    command_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    line TEXT NOT NULL,            -- the command as a JSON line (services.commands.codec)
    put_at TEXT NOT NULL           -- RFC 3339, UTC: when the terminal took it
);
"""

log = logging.getLogger(__name__)

# Below this much free space an I/O error of SQLite is the full disk's: opening the file needs room
# for its 32 KiB shared-memory index and the write-ahead log (SQLite says SQLITE_IOERR_SHMSIZE then).
_ROOM = 1 << 20
_MALFORMED = "database disk image is malformed"  # SQLite's words, for what quick_check finds wrong
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}  # a full disk, or the user's quota


@dataclass(frozen=True)
class Waiting:
    """A command in the outbox, in the order it was taken."""

    seq: int
    command: Command


class Outbox:
    """A FIFO of commands on disk. Thread-safe; opened on first use, so building it opens nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._broken: OutboxUnusable | None = None  # once unusable, refused until the terminal restarts
        self._owner: int | None = None  # the lock file's descriptor, locked while this process uses the outbox

    def put(self, command: Command) -> int:
        """Keep `command`; it is on disk when this returns. The same command id twice is kept once."""
        line = json.dumps(encode(command), separators=(",", ":"))
        with self._open() as db:
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "INSERT INTO outbox (command_id, type, line, put_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (str(command.command_id), command.type, line, _now()),
            )
            row = db.execute("SELECT seq FROM outbox WHERE command_id = ?", (str(command.command_id),)).fetchone()
            db.execute("COMMIT")
        return int(row[0])

    def oldest(self, limit: int = 50) -> list[Waiting]:
        """The oldest waiting commands, in the order they were taken."""
        with self._open() as db:
            rows = db.execute("SELECT seq, line FROM outbox ORDER BY seq LIMIT ?", (limit,)).fetchall()
        return [Waiting(seq, self._decoded(seq, line)) for seq, line in rows]

    def remove(self, seq: int) -> None:
        with self._open() as db:
            db.execute("DELETE FROM outbox WHERE seq = ?", (seq,))

    def __len__(self) -> int:
        with self._open() as db:
            return int(db.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
            if self._owner is not None:
                os.close(self._owner)  # and with it the lock
                self._owner = None

    def _decoded(self, seq: int, line: str) -> Command:
        try:
            return decode_line(line, COMMAND_TYPES)
        except MesError as error:  # written by us: a line we cannot read back means the file was changed
            raise self._unusable(f"entry {seq} cannot be read: {error.message}") from None

    @contextmanager
    def _open(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._broken is not None:
                raise self._broken
            try:
                if self._db is None:
                    self._db = self._connect()
                yield self._db
            except (sqlite3.Error, OSError) as error:
                if self._db is not None and self._db.in_transaction:
                    with suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                if self._disk_full(error):  # not kept as broken: once there is room the outbox works again
                    raise OutboxFull(OUTBOX_DISK_FULL.sentence(path=str(self.path)), code=OUTBOX_DISK_FULL) from None
                raise self._unusable(str(error)) from None

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._owner is None:
            self._owner = _owned(self.path.with_name(self.path.name + ".lock"))
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            # A damaged file must be found now, before a command is taken, not when it is delivered.
            check = "\n".join(row[0] for row in db.execute("PRAGMA quick_check"))
            if check != "ok":  # the details (a line a damaged cell) are the administrator's, not the banner's
                log.error("outbox %s fails its check:\n%s", self.path, check)
                raise sqlite3.DatabaseError(_MALFORMED)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # a command taken is a command on disk
            db.executescript(_SCHEMA)
        except BaseException:
            db.close()
            raise
        return db

    def _disk_full(self, error: sqlite3.Error | OSError) -> bool:
        if isinstance(error, OSError):  # making the directory or the lock file
            return error.errno in _FULL_ERRNOS
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF  # the primary code of an extended one
        if code == sqlite3.SQLITE_FULL:
            return True
        if code != sqlite3.SQLITE_IOERR:
            return False
        try:
            return shutil.disk_usage(self.path.parent).free < _ROOM
        except OSError:
            return False

    def _unusable(self, reason: str) -> OutboxUnusable:
        self._broken = OutboxUnusable(
            OUTBOX_DAMAGED.sentence(path=str(self.path), reason=reason.strip().rstrip(".")), code=OUTBOX_DAMAGED
        )
        return self._broken


def _owned(lock_path: Path) -> int:
    """The lock file's descriptor, locked for this process; `sqlite3.OperationalError` when another holds it."""
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        raise sqlite3.OperationalError("another MES Terminal on this computer is using it") from None
    return descriptor


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")
