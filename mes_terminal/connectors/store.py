"""The local durable queue of what the machines said: SQLite in the user data directory.

Sources hand readings in as they arrive; they are written in groups (one fsync for all that came in
the last few milliseconds, synchronous=FULL) and only then is each MQTT message acknowledged to its
broker. The forwarder takes them in order (per lane: the readings of one station always share a lane,
so a station's readings stay in order while stations are delivered side by side) and removes them only
after their commands are committed in the shared database. A crash between the two repeats the command, which the
command bus answers with its first result (the command id is derived from the reading), so nothing is
counted twice and nothing is lost while the database is away.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS readings (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    station TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,           -- state | count | scrap | online | offline
    value TEXT NOT NULL,
    at TEXT NOT NULL,             -- RFC 3339, UTC
    mode TEXT,
    wrap TEXT,
    badge TEXT NOT NULL,
    lane INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS readings_by_lane ON readings (lane, seq);
"""
LANES = 8  # forwarders side by side; a station's readings always take the same one
# Ids of the commands a reading becomes: the same reading (source, signal, time, value) is one command.
COMMAND_NAMESPACE = uuid.UUID("0b8c5a57-5f0e-4a8f-9d7a-6d1c2f0a9e31")


@dataclass(frozen=True)
class NewReading:
    station: str
    source: str
    kind: str
    value: str
    at: datetime
    badge: str
    mode: str | None = None
    wrap: int | None = None

    @property
    def lane(self) -> int:
        return zlib.crc32(self.station.encode()) % LANES


@dataclass(frozen=True)
class StoredReading:
    seq: int
    station: str
    source: str
    kind: str
    value: str
    at: datetime
    mode: str | None
    wrap: str | None
    badge: str

    @property
    def command_id(self) -> uuid.UUID:
        """Idempotent by source and signal time: a reading read twice is executed once."""
        return uuid.uuid5(
            COMMAND_NAMESPACE, f"{self.source}|{self.station}|{self.kind}|{self.at.isoformat()}|{self.value}"
        )


class SignalStore:
    """A FIFO of readings on disk; safe to use from the sources' threads and the forwarder at once."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # a reading acknowledged is a reading on disk
        self._db.executescript(_SCHEMA)

    def put(self, *readings: NewReading) -> None:
        """Write readings in one transaction (one fsync); they are on disk when this returns."""
        rows = [
            (
                r.station,
                r.source,
                r.kind,
                r.value,
                r.at.isoformat(),
                r.mode,
                None if r.wrap is None else str(r.wrap),
                r.badge,
                r.lane,
            )
            for r in readings
        ]
        with self._locked() as db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT INTO readings (station, source, kind, value, at, mode, wrap, badge, lane)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            db.execute("COMMIT")

    def oldest(self, limit: int = 100, lane: int | None = None) -> list[StoredReading]:
        """The oldest readings (of one lane), in the order they arrived."""
        where, values = ("WHERE lane = ?", (lane, limit)) if lane is not None else ("", (limit,))
        with self._locked() as db:
            rows = db.execute(
                "SELECT seq, station, source, kind, value, at, mode, wrap, badge FROM readings "
                f"{where} ORDER BY seq LIMIT ?",
                values,
            ).fetchall()
        return [
            StoredReading(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5]), r[6], r[7], r[8]) for r in rows
        ]

    def remove(self, *seqs: int) -> None:
        """Forget delivered readings. Not waited onto the disk (no fsync): a removal lost in a crash
        delivers its readings again, as the same commands, which the bus answers with their first
        results; and the lock is not held for an fsync that the intake's next write would wait on."""
        with self._locked() as db:
            db.execute("PRAGMA synchronous=NORMAL")
            try:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("DELETE FROM readings WHERE seq = ?", [(seq,) for seq in seqs])
                db.execute("COMMIT")
            finally:
                db.execute("PRAGMA synchronous=FULL")

    def __len__(self) -> int:
        with self._locked() as db:
            return int(db.execute("SELECT count(*) FROM readings").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _locked(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db
