"""Small SQL pieces that reports need and the two databases spell differently.

- `seconds_since(column, origin)`: seconds from a fixed instant to a timestamp column, as a float;
- `greatest` / `least` of two or more values;
- `bucket_of(seconds, size)`: the whole number of `size` buckets in a non-negative value;
- `param_table(...)`: a list of rows sent as one parameter and read as a table (PostgreSQL arrays through
  unnest, SQLite JSON through json_each), so that a long calendar is not thousands of bind parameters.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Float, Integer, bindparam, column, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement
from sqlalchemy.sql.selectable import Subquery

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _SecondsSince(FunctionElement[float]):
    type = Float()
    inherit_cache = True


class _Greatest(FunctionElement[float]):
    type = Float()
    inherit_cache = True


class _Least(FunctionElement[float]):
    type = Float()
    inherit_cache = True


class _BucketOf(FunctionElement[int]):
    type = Integer()
    inherit_cache = True


def seconds_since(timestamp: Any, origin: datetime) -> ColumnElement[float]:
    return _SecondsSince(timestamp, bindparam(None, (origin - _EPOCH).total_seconds(), Float()))


def greatest(*values: Any) -> ColumnElement[float]:
    return _Greatest(*values)


def least(*values: Any) -> ColumnElement[float]:
    return _Least(*values)


def bucket_of(seconds: Any, size: int) -> ColumnElement[int]:
    return _BucketOf(seconds, bindparam(None, float(size), Float()))


@compiles(_SecondsSince)  # the default (str() of a statement) reads like PostgreSQL
@compiles(_SecondsSince, "postgresql")
def _pg_seconds(element: _SecondsSince, compiler: Any, **kw: Any) -> str:
    stamp, origin = (compiler.process(c, **kw) for c in element.clauses)
    # date_part gives double precision directly; EXTRACT gives numeric, several times slower to compute with.
    return f"(date_part('epoch', {stamp}) - {origin})"


@compiles(_SecondsSince, "sqlite")
def _sqlite_seconds(element: _SecondsSince, compiler: Any, **kw: Any) -> str:
    stamp, origin = (compiler.process(c, **kw) for c in element.clauses)
    return f"((julianday({stamp}) - 2440587.5) * 86400.0 - {origin})"


@compiles(_Greatest)
@compiles(_Greatest, "postgresql")
def _pg_greatest(element: _Greatest, compiler: Any, **kw: Any) -> str:
    return f"GREATEST({compiler.process(element.clauses, **kw)})"


@compiles(_Greatest, "sqlite")
def _sqlite_greatest(element: _Greatest, compiler: Any, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(_Least)
@compiles(_Least, "postgresql")
def _pg_least(element: _Least, compiler: Any, **kw: Any) -> str:
    return f"LEAST({compiler.process(element.clauses, **kw)})"


@compiles(_Least, "sqlite")
def _sqlite_least(element: _Least, compiler: Any, **kw: Any) -> str:
    return f"min({compiler.process(element.clauses, **kw)})"


@compiles(_BucketOf)
@compiles(_BucketOf, "postgresql")
def _pg_bucket(element: _BucketOf, compiler: Any, **kw: Any) -> str:
    value, size = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(FLOOR({value} / {size}) AS INTEGER)"


@compiles(_BucketOf, "sqlite")
def _sqlite_bucket(element: _BucketOf, compiler: Any, **kw: Any) -> str:
    value, size = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST({value} / {size} AS INTEGER)"  # truncation is floor for the non-negative values used


class _Subscript(FunctionElement[float]):
    type = Float()
    inherit_cache = True


def float_array(values: Sequence[float]) -> Any:
    """PostgreSQL only: `values` as one float8[] parameter; use it with `item` as often as needed."""
    return bindparam(None, [float(v) for v in values], type_=ARRAY(Float))


def item(array: Any, index: Any) -> ColumnElement[float]:
    """The item of a `float_array` at `index` (1-based)."""
    return _Subscript(array, index)


@compiles(_Subscript)
def _pg_subscript(element: _Subscript, compiler: Any, **kw: Any) -> str:
    values, index = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST({values} AS DOUBLE PRECISION[]))[{index}]"


def param_table(
    connection: Connection, name: str, columns: Sequence[tuple[str, type[Integer] | type[Float]]], rows: Sequence[tuple]
) -> Subquery:
    """`rows` as a table named `name` with `columns` (name, Integer or Float), sent as one or a few parameters."""
    names = [n for n, _ in columns]
    typed = [column(n, kind()) for n, kind in columns]
    if connection.dialect.name == "postgresql":
        arrays = ", ".join(
            f"CAST(:{name}_{i} AS {'INTEGER' if kind is Integer else 'DOUBLE PRECISION'}[])"
            for i, (_, kind) in enumerate(columns)
        )
        statement = text(f"SELECT * FROM unnest({arrays}) AS {name}_rows({', '.join(names)})")
        values: dict[str, object] = {
            f"{name}_{i}": [int(row[i]) if kind is Integer else float(row[i]) for row in rows]
            for i, (_, kind) in enumerate(columns)
        }
    else:
        picks = ", ".join(f"json_extract(value, '$[{i}]') AS {n}" for i, n in enumerate(names))
        # LIMIT -1: not flattened into the query, but materialized once, where SQLite can index it for the
        # joins (a calendar of a year is 8,760 rows: read through json_each for every stop, it took minutes).
        statement = text(f"SELECT {picks} FROM json_each(:{name}_json) LIMIT -1")
        values = {f"{name}_json": json.dumps([list(row) for row in rows])}
    return statement.bindparams(**values).columns(*typed).subquery(name)
