"""The migrations build the schema the records describe, on both databases, up and down."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from mes_terminal.db import migrate
from mes_terminal.db.base import Base
from mes_terminal.db.engine import make_engine
from mes_terminal.domain.errors import SchemaNotAtHead
from tests.conftest import _server_url, create_pg_database, drop_pg_database


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database with nothing in it at all."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
        yield engine
        engine.dispose()
        return
    server = _server_url()
    if server is None:
        pytest.skip("PostgreSQL not configured: set MES_TEST_DATABASE_URL")
    name = f"mes_migrate_{uuid.uuid4().hex[:8]}"
    engine = make_engine(create_pg_database(server, name))
    yield engine
    engine.dispose()
    drop_pg_database(server, name)


def test_there_is_a_single_head() -> None:
    assert len(ScriptDirectory.from_config(migrate.alembic_config()).get_heads()) == 1


def test_upgrade_from_empty_builds_every_table_without_drift(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    tables = set(inspect(empty_engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert migrate.schema_drift(empty_engine) == []
    migrate.require_head(empty_engine)


def test_downgrade_to_base_and_up_again(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine, "base")
    assert set(inspect(empty_engine).get_table_names()) <= {"alembic_version"}
    assert migrate.current_revision(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert migrate.schema_drift(empty_engine) == []


def test_an_empty_database_is_not_at_head_and_says_what_to_run(empty_engine: Engine) -> None:
    with pytest.raises(SchemaNotAtHead, match="runs 'mes-terminal db upgrade'"):
        migrate.require_head(empty_engine)


def test_migrations_ship_inside_the_package_or_beside_it() -> None:
    assert (migrate.migrations_dir() / "env.py").is_file()


def test_the_schema_guard_knows_the_newest_migration() -> None:
    assert migrate.head_revision() == migrate.SCHEMA_HEAD, "set SCHEMA_HEAD in mes_terminal/db/schema_head.py"


def test_unused_tables_come_back_on_downgrade_as_they_were(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    unused = {"integration_messages", "crews", "crew_members", "serial_units"}
    assert not unused & set(inspect(empty_engine).get_table_names())
    migrate.downgrade(empty_engine, "0006")
    schema = inspect(empty_engine)
    assert unused <= set(schema.get_table_names())
    assert [c["name"] for c in schema.get_columns("serial_units")] == [
        "id",
        "material_id",
        "serial",
        "lot_id",
        "created_at",
    ]
    assert "ix_serial_units_lot_id" in {i["name"] for i in schema.get_indexes("serial_units")}
    migrate.upgrade(empty_engine)
    assert migrate.schema_drift(empty_engine) == []


def test_a_database_with_history_goes_down_and_up_keeping_every_row(plant: Engine, bus, clock) -> None:
    """A batch migration rebuilds a table other rows refer to; on SQLite that must not trip the foreign keys."""
    from sqlalchemy import text

    from tests.helpers import run_first_job

    run_first_job(bus, clock.now())
    tables = ("work_order_operations", "job_runs", "events", "lots")

    def counts() -> dict[str, int]:
        with plant.connect() as connection:
            return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}

    before = counts()
    assert before["job_runs"] > 0
    migrate.downgrade(plant, "0012")
    migrate.upgrade(plant)
    assert counts() == before
    assert migrate.schema_drift(plant) == []
