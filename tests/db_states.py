"""Test databases emptied and filled fast: a state built once per session is copied back for each test.

Building the small plant through the loader takes a few hundred milliseconds, and so does TRUNCATE over
every table on PostgreSQL; a thousand tests pay it each. Here the first test that needs a state builds
it the ordinary way, and the result is kept: on SQLite the database file, on PostgreSQL every table's
rows in COPY's form and the sequences' values. Later tests get that state copied back, exactly as it
was built. On PostgreSQL the copying runs with `session_replication_role = replica` (what a replica
applying changes uses: no triggers, no foreign-key checks), which needs a superuser; for any other
role the states are built again each time, the slow way.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Hashable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import Engine

from mes_terminal.db.base import Base
from mes_terminal.db.engine import libpq_url


@dataclass(frozen=True)
class _PgState:
    rows: dict[str, bytes]  # table -> its rows as COPY writes them; empty tables left out
    sequences: dict[str, int | None]  # sequence -> its last value, None when never used


def _tables() -> list[str]:
    return [table.name for table in Base.metadata.sorted_tables]


def _pg_sequences(connection: psycopg.Connection) -> dict[str, int | None]:
    query = (
        "SELECT format('%I.%I', schemaname, sequencename), last_value FROM pg_sequences"
        " WHERE schemaname = current_schema()"
    )
    return dict(connection.execute(query).fetchall())


def _setval_statement(sequences: dict[str, int | None]) -> str:
    calls = [
        f"setval('{name}', {value}, true)" if value is not None else f"setval('{name}', 1, false)"
        for name, value in sequences.items()
    ]
    return "SELECT " + ", ".join(calls) if calls else "SELECT 1"


def _is_superuser(connection: psycopg.Connection) -> bool:
    return connection.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone() == (True,)


def empty_pg(url: str) -> None:
    """Every table of the schema emptied and every sequence started again, as TRUNCATE ... RESTART IDENTITY."""
    with psycopg.connect(libpq_url(url), autocommit=False) as connection:
        if not _is_superuser(connection):
            names = ", ".join(f'"{name}"' for name in _tables())
            connection.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            return
        sequences = dict.fromkeys(_pg_sequences(connection))
        deletes = "".join(f'DELETE FROM "{name}";' for name in _tables())
        connection.execute(f"SET LOCAL session_replication_role = replica;{deletes}{_setval_statement(sequences)}")


class DatabaseStates:
    """States built once by a function, then copied into each test's empty database (see the module)."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._sqlite: dict[Hashable, Path] = {}
        self._pg: dict[Hashable, _PgState | None] = {}  # None: this server's role cannot copy states back

    def build(self, engine: Engine, key: Hashable, make: Callable[[Engine], None]) -> None:
        """Bring `engine`'s empty database to the state `make` builds; `key` names that state."""
        if engine.dialect.name == "sqlite":
            self._build_sqlite(engine, key, make)
        else:
            self._build_pg(engine, key, make)

    def _build_sqlite(self, engine: Engine, key: Hashable, make: Callable[[Engine], None]) -> None:
        path = Path(str(engine.url.database))
        engine.dispose()
        kept = self._sqlite.get(key)
        if kept is not None:
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(kept, path)
            return
        make(engine)
        engine.dispose()
        with closing(sqlite3.connect(path)) as connection:  # the whole state in the file, none in its log
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        kept = self._folder / f"state-{len(self._sqlite)}.sqlite"
        shutil.copyfile(path, kept)
        self._sqlite[key] = kept

    def _build_pg(self, engine: Engine, key: Hashable, make: Callable[[Engine], None]) -> None:
        url = engine.url.render_as_string(hide_password=False)
        if key in self._pg:
            state = self._pg[key]
            if state is not None:
                _restore_pg(url, state)
                return
        make(engine)
        if key not in self._pg:
            self._pg[key] = _capture_pg(url)

    def __repr__(self) -> str:
        return f"DatabaseStates({len(self._sqlite)} on SQLite, {len(self._pg)} on PostgreSQL)"


def _capture_pg(url: str) -> _PgState | None:
    with psycopg.connect(libpq_url(url)) as connection:
        if not _is_superuser(connection):
            return None
        rows: dict[str, bytes] = {}
        with connection.cursor() as cursor:
            for name in _tables():
                data = bytearray()
                with cursor.copy(f'COPY "{name}" TO STDOUT') as copy:
                    for chunk in copy:
                        data += chunk
                if data:
                    rows[name] = bytes(data)
        return _PgState(rows, _pg_sequences(connection))


def _restore_pg(url: str, state: _PgState) -> None:
    with psycopg.connect(libpq_url(url)) as connection:
        connection.execute("SET LOCAL session_replication_role = replica")
        with connection.cursor() as cursor:
            for name, data in state.rows.items():
                with cursor.copy(f'COPY "{name}" FROM STDIN') as copy:
                    copy.write(data)
        connection.execute(_setval_statement(state.sequences))
