"""Throwaway PostgreSQL databases for the benchmarks: created fresh on a server, dropped afterwards."""

from __future__ import annotations

import psycopg

from mes_terminal.db.engine import libpq_url


def fresh_pg_database(server_url: str, name: str, template: str | None = None) -> str:
    """Create (or re-create) database `name` on the server of `server_url`; returns its URL."""
    with psycopg.connect(libpq_url(server_url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return libpq_url(server_url, database=name)  # on the same server(s), with the same options


def drop_pg_database(server_url: str, name: str) -> None:
    with psycopg.connect(libpq_url(server_url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
