"""Inserting many rows at once: PostgreSQL's COPY, SQLite's executemany without the Core's per-row work.

psycopg's executemany still sends one INSERT a row; COPY streams the rows in one statement, about ten
times faster for the thousands of rows of an ERP schedule. On SQLite the driver's executemany is fast,
and building each row's parameters through the Core costs more than inserting it. Both run in the
caller's transaction, check constraints and fire triggers as INSERT does. Values go through each
column's own bind processing (UTC times, statuses, JSON), and a column's Python-side default fills a
value not given, as `insert()` would; so a row lands the same whichever way it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Column, Connection, Table, insert

from mes_terminal.db.base import Base

# Below this the Core's insert() is as quick, and a few rows (one command's events) take that way.
MANY_FROM = 50


def insert_rows(connection: Connection, record: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (column values by name, the same names in every row) into the table of `record`."""
    if not rows:
        return
    table = cast(Table, record.__table__)
    dialect = connection.dialect.name
    if len(rows) < MANY_FROM or dialect not in ("postgresql", "sqlite"):
        connection.execute(insert(table), list(rows))
        return
    given = [table.c[name] for name in rows[0]]
    defaulted = [c for c in table.c if c.name not in rows[0] and c.default is not None]
    if any(not c.default.is_scalar for c in defaulted):  # type: ignore[union-attr]
        raise ValueError(f"{table.name}: give the values of the columns whose default is not a constant")
    processors = [_processor(connection, column) for column in given]
    constants = [_bound(connection, c, c.default.arg) for c in defaulted]  # type: ignore[union-attr]
    quote = connection.dialect.identifier_preparer
    names = ", ".join(quote.quote(c.name) for c in given + defaulted)
    values = (
        (*(v if p is None else p(v) for v, p in zip([row[c.name] for c in given], processors, strict=True)), *constants)
        for row in rows
    )
    if dialect == "sqlite":
        marks = ", ".join("?" * (len(given) + len(defaulted)))
        connection.exec_driver_sql(f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({marks})", list(values))
        return
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {quote.format_table(table)} ({names}) FROM STDIN") as copy:
        for row_values in values:
            copy.write_row(row_values)


def _processor(connection: Connection, column: Column[Any]) -> Callable[[Any], Any] | None:
    return column.type._cached_bind_processor(connection.dialect)


def _bound(connection: Connection, column: Column[Any], value: Any) -> Any:
    processor = _processor(connection, column)
    return value if processor is None else processor(value)
