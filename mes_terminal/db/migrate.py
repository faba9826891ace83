"""Run and check the Alembic migrations shipped with MES Terminal."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from mes_terminal.db.base import Base
from mes_terminal.domain.errors import SchemaNotAtHead
from mes_terminal.paths import migrations_dir


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads; merge them")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    command.downgrade(alembic_config(engine), revision)


def require_head(engine: Engine) -> None:
    """Raise `SchemaNotAtHead` with the command to run unless the schema is exactly at head."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    if current is None:
        state = "has no MES Terminal schema yet"
    elif current in _known_revisions():
        state = f"is at revision {current}, older than this version expects ({head})"
    else:
        state = f"is at revision {current}, which this version of MES Terminal does not know (newer software?)"
    raise SchemaNotAtHead(
        f"The database {state}. An administrator runs 'mes-terminal db upgrade' once for the whole plant."
    )


def schema_drift(engine: Engine) -> list[Any]:
    """Differences between the records and the migrated database; empty when they agree."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def _known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
