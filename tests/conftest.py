"""Shared fixtures: real databases built by the migrations, on SQLite and on PostgreSQL.

Every test that takes `engine` (or `database_url`) runs once per database: SQLite always, and
PostgreSQL when MES_TEST_DATABASE_URL names a server database the tests may use. Under CI=true
PostgreSQL is required: a missing URL fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from mes_terminal.db import migrate
from mes_terminal.db.engine import make_engine
from mes_terminal.domain.clock import FixedClock
from mes_terminal.services.commands.bus import CommandBus
from tests.db_states import DatabaseStates, empty_pg
from tests.helpers import load_small_plant
from tests.pg_cluster import TEMPLATE, PgCluster

PG_ENV = "MES_TEST_DATABASE_URL"
START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)

# Timing belongs in benchmarks/, not in tests: no per-example deadline.
hypothesis_settings.register_profile("mes", deadline=None)
hypothesis_settings.load_profile("mes")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("CI") == "true" and not os.environ.get(PG_ENV):
        raise pytest.UsageError(f"CI=true needs PostgreSQL: set {PG_ENV} (see .ci/run).")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's settings or data."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("MES_DATABASE_URL", "MES_STATION", "MES_LOCALE"):
        monkeypatch.delenv(name, raising=False)


def _server_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def create_pg_database(server_url: str, name: str) -> str:
    """Create an empty database on the test server and return its URL."""
    admin = make_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(server_url: str, name: str) -> None:
    admin = make_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    # Fold the write-ahead log into the file so that copying the file alone copies the whole database.
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def _pg_database() -> Iterator[str | None]:
    server = _server_url()
    if server is None:
        yield None
        return
    name = f"mes_test_{uuid.uuid4().hex[:8]}"
    url = create_pg_database(server, name)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    drop_pg_database(server, name)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A PostgreSQL cluster of the tests' own, started once, that a test may stop and start again
    (tests/pg_cluster.py); its database TEMPLATE is migrated to head, for `create_database`."""
    reason = PgCluster.unavailable()
    if reason is not None:
        pytest.skip(f"no private PostgreSQL cluster: {reason}")
    cluster = PgCluster.create()
    try:
        cluster.start()
        engine = make_engine(cluster.create_database(TEMPLATE, template=None))
        migrate.upgrade(engine)
        engine.dispose()
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
def database_states(tmp_path_factory: pytest.TempPathFactory) -> DatabaseStates:
    """States such as the small plant, built once per session and copied into each test's database."""
    return DatabaseStates(tmp_path_factory.mktemp("states"))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database at head, fresh for this test."""
    if request.param == "sqlite":
        if request.node.get_closest_marker("postgresql_only"):
            pytest.skip("PostgreSQL only")
        path = tmp_path / "mes.sqlite"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("_pg_database")
    if url is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV}")
    empty_pg(url)
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def plant(engine: Engine, clock: FixedClock, database_states: DatabaseStates) -> Engine:
    """The database with the small test plant (tests/data/small_plant.toml) loaded."""
    now = clock.now()
    database_states.build(engine, ("small plant", now), lambda fresh: load_small_plant(fresh, now))
    return engine


@pytest.fixture
def bus(plant: Engine, clock: FixedClock):
    return CommandBus(plant, clock)
