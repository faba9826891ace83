"""Run and check the Alembic migrations shipped with MES Terminal.

The schema guard that every terminal runs at start (`require_head`) reads one row with SQLAlchemy and
compares it with `SCHEMA_HEAD` (db/schema_head.py); Alembic itself is imported only to migrate or inspect, because
importing it costs a terminal a sixth of a second at every start. A test keeps `SCHEMA_HEAD` equal
to the newest migration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event, inspect, text

from mes_terminal.db.schema_head import SCHEMA_HEAD, refuse_unless_head
from mes_terminal.domain.error_codes import SCHEMA_NOT_AT_HEAD
from mes_terminal.domain.errors import DatabaseUnavailable, SchemaNotAtHead
from mes_terminal.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "SCHEMA_HEAD",
    "alembic_config",
    "current_revision",
    "downgrade",
    "head_revision",
    "require_head",
    "schema_drift",
    "upgrade",
]


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        # ConfigParser reads % as interpolation: a multi-host URL's %3A, or a password's %, must be doubled.
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The head as Alembic computes it from the migration files."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads; merge them")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect().execution_options(mes_read_only=True) as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def require_head(engine: Engine) -> None:
    """Raise `SchemaNotAtHead` with the command to run unless the schema is exactly at head."""
    refuse_unless_head(current_revision(engine))


def require_head_on_connect(engine: Engine) -> None:
    """For a terminal that started without its database: each new connection checks the schema first.

    The database may have been upgraded while the terminal was away. A schema not at head then counts
    as a database out of reach, with the upgrade's sentence: what waits in the outbox stays there,
    instead of being refused as conflicts by statements this version does not know.
    """

    @event.listens_for(engine, "connect")
    def check(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT version_num FROM alembic_version")
            row = cursor.fetchone()
        except Exception:  # no alembic_version table: no schema at all
            row = None
        finally:
            cursor.close()
            dbapi_connection.rollback()  # the check's statement opens no transaction for the first user
        try:
            refuse_unless_head(row[0] if row else None)
        except SchemaNotAtHead as error:
            raise DatabaseUnavailable(error.message, code=SCHEMA_NOT_AT_HEAD) from None


def schema_drift(engine: Engine) -> list[Any]:
    """Differences between the records and the migrated database; empty when they agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from mes_terminal.db.base import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)
