"""A read-only connection for reports and screens, whose failures become one plain sentence."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import InterfaceError, OperationalError

from mes_terminal.db.engine import driver_message
from mes_terminal.domain.errors import DatabaseUnavailable
from mes_terminal.domain.sentences import Sentence


@contextmanager
def read_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in a deferred (SQLite) read transaction; `DatabaseUnavailable` when the database fails."""
    try:
        with engine.connect().execution_options(mes_read_only=True) as connection:
            yield connection
    except (OperationalError, InterfaceError) as error:
        raise DatabaseUnavailable(
            Sentence("The database cannot be reached ({first_line}).", first_line=driver_message(error))
        ) from None
