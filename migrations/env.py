"""Alembic environment for MES Terminal. Runs with the engine that the caller passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

import mes_terminal.db.records  # noqa: F401 - registers every table on the metadata
from mes_terminal.db.base import Base, UtcDateTime
from mes_terminal.db.engine import make_engine

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations must not depend on our own types: write UtcDateTime as the plain type it stands for.
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _enforce_sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    # A batch migration rebuilds a table (copy, drop, rename), and SQLite will not drop a table that other
    # rows refer to while foreign keys are enforced. The pragma only takes effect outside a transaction,
    # so it goes to the driver's connection directly, before Alembic begins and after it commits.
    connection.connection.driver_connection.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def _refuse_dangling_references(connection: Connection) -> None:
    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if dangling:
        table, rowid, parent, _ = dangling[0]
        raise RuntimeError(
            f"the migration left {len(dangling)} rows referring to missing rows"
            f" (first: {table} row {rowid} -> {parent})"
        )


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    owned = engine is None
    if engine is None:
        engine = make_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                _enforce_sqlite_foreign_keys(connection, False)
            try:
                context.configure(
                    connection=connection,
                    target_metadata=target_metadata,
                    render_as_batch=sqlite,
                    compare_type=True,
                    render_item=render_item,
                )
                with context.begin_transaction():
                    context.run_migrations()
                    if sqlite:
                        _refuse_dangling_references(connection)
            finally:
                if sqlite:
                    _enforce_sqlite_foreign_keys(connection, True)
    finally:
        if owned:
            engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
