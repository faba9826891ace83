"""Engines for SQLite and PostgreSQL that behave the same under concurrency.

SQLite: WAL, foreign keys on, a busy timeout, and every write transaction begun with
`BEGIN IMMEDIATE`, because pysqlite's deferred BEGIN takes the write lock only at the first write
and silently loses updates under concurrency (see PLATFORM.md). Read-only work can ask for a
deferred begin with `execution_options(mes_read_only=True)`.

PostgreSQL: psycopg 3 and a small pool. No pre-ping (a round trip on every checkout): a connection
that a restarted server dropped is invalidated on its first error, and the command bus retries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from mes_terminal.domain.errors import ConfigurationError

SQLITE_BUSY_TIMEOUT_MS = 10_000


def normalise_url(url: str | URL) -> URL:
    """Parse a database URL; plain `postgresql://` means psycopg 3."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        raise ConfigurationError(
            f"The database URL {url!r} is not valid; use sqlite:///PATH or postgresql://USER@HOST/DB."
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigurationError(
            f"The database {parsed.get_backend_name()!r} is not supported; use SQLite or PostgreSQL."
        )
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return normalise_url(url).render_as_string(hide_password=True)
    except ConfigurationError:
        return "(invalid URL)"


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, **kwargs)
    kwargs.setdefault("pool_size", 5)
    kwargs.setdefault("connect_args", {"connect_timeout": 5, "application_name": "mes-terminal"})
    return create_engine(parsed, **kwargs)


def _sqlite_engine(url: URL, **kwargs: Any) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's begin event below (the documented pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get("mes_read_only", False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def driver_message(error: BaseException) -> str:
    """The first line of what the database driver said (at most 200 characters), for an operator's sentence."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip()
    return text.splitlines()[0][:200] if text else type(original or error).__name__
