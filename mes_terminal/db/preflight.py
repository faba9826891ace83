"""The terminal's check before its window opens, with the bare database driver (no SQLAlchemy yet).

The schema must be at head and the station must exist: both refused in one sentence, with the same
words as the full start-up, before anything is painted. Importing SQLAlchemy and mapping the records
then happens behind the painted window (cli/terminal_start.py).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from mes_terminal.config import missing_database_sentence
from mes_terminal.db.schema_head import refuse_unless_head
from mes_terminal.domain.error_codes import UNKNOWN_STATION
from mes_terminal.domain.errors import ConfigurationError, DatabaseUnavailable, SchemaNotAtHead, UnknownEntity

CONNECT_TIMEOUT_SECONDS = 5


def check(database_url: str, station: str) -> None:
    scheme = database_url.split(":", 1)[0].split("+", 1)[0]
    if scheme == "sqlite":
        _check(_sqlite(database_url), station, "?")
    elif scheme in ("postgresql", "postgres"):
        _check(_postgresql(database_url), station, "%s")
    else:
        raise ConfigurationError(f"The database {scheme!r} is not supported; use SQLite or PostgreSQL.")


def _check(connection: Any, station: str, placeholder: str) -> None:
    try:
        cursor = connection.cursor()
        try:
            cursor.execute("SELECT version_num FROM alembic_version")
            row = cursor.fetchone()
        except Exception:  # no alembic_version table: no schema at all
            row = None
        refuse_unless_head(row[0] if row else None)
        cursor.execute(f"SELECT 1 FROM workstations WHERE code = {placeholder}", (station,))
        if cursor.fetchone() is None:
            raise UnknownEntity(UNKNOWN_STATION.sentence(code=station), code=UNKNOWN_STATION)
    finally:
        connection.close()


def _sqlite(database_url: str) -> sqlite3.Connection:
    path = unquote(database_url.split(":///", 1)[1]) if ":///" in database_url else ""
    if not path or path == ":memory:":
        raise ConfigurationError(f"The database URL {database_url!r} names no SQLite file.")
    file = Path(path.split("?", 1)[0]).expanduser()
    if not file.exists():
        raise SchemaNotAtHead(missing_database_sentence(file))
    try:
        return sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True, timeout=CONNECT_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
        raise DatabaseUnavailable(f"The database cannot be reached ({error}).") from None


def _postgresql(database_url: str) -> Any:
    import psycopg  # only PostgreSQL stations pay for it, and they need it next anyway

    parts = urlsplit(database_url)
    conninfo = parts._replace(scheme="postgresql").geturl()
    try:
        return psycopg.connect(conninfo, connect_timeout=CONNECT_TIMEOUT_SECONDS)
    except psycopg.Error as error:
        first = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
        raise DatabaseUnavailable(f"The database cannot be reached ({first}).") from None
