"""`mes-terminal db roles` on PostgreSQL: the application role works the plant but cannot change the
event log or the signatures; the owner is refused by the trigger too."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from mes_terminal.cli import main
from mes_terminal.db import migrate
from mes_terminal.db.engine import make_engine, normalise_url
from mes_terminal.db.event_chain import verify_database
from mes_terminal.domain.clock import FixedClock
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from tests.conftest import START, _server_url, create_pg_database, drop_pg_database
from tests.helpers import command, load_small_plant, run_first_job


@pytest.fixture
def owned() -> Iterator[tuple[str, str]]:
    """A database of its own (the triggers would refuse the suite's TRUNCATE) and a role name for it."""
    server = _server_url()
    if server is None:
        pytest.skip("PostgreSQL not configured")
    suffix = uuid.uuid4().hex[:8]
    url = create_pg_database(server, f"mes_roles_{suffix}")
    engine = make_engine(url)
    migrate.upgrade(engine)
    load_small_plant(engine, START)
    engine.dispose()
    role = f"mes_app_{suffix}"
    yield url, role
    drop_pg_database(server, f"mes_roles_{suffix}")
    admin = make_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def _as(url: str, role: str) -> Engine:
    return make_engine(normalise_url(url).set(username=role))


def _refused(engine: Engine, statement: str) -> str:
    with pytest.raises(DBAPIError) as refused, engine.begin() as connection:
        connection.execute(text(statement))
    return str(refused.value.orig)


def test_the_application_role_works_but_cannot_change_the_event_log(owned, capsys, monkeypatch) -> None:
    url, role = owned
    monkeypatch.setenv("MES_APP_PASSWORD", "s3cret:with'quote")
    code = main(["db", "roles", "--app-role", role, "--password-env", "MES_APP_PASSWORD", "--database-url", url])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"role {role} created" in out and f"postgresql+psycopg://{role}@" in out
    assert main(["db", "roles", "--app-role", role, "--database-url", url]) == 0  # again: idempotent
    assert f"role {role} updated" in capsys.readouterr().out

    app = _as(url, role)
    clock = FixedClock(START)
    try:
        bus = CommandBus(app, clock)
        run_first_job(bus, clock.now())
        bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(5)))
        assert verify_database(app).intact
        assert "permission denied" in _refused(app, "UPDATE events SET actor = 'B9999'")
        assert "permission denied" in _refused(app, "DELETE FROM events")
        assert "permission denied" in _refused(app, "TRUNCATE events CASCADE")
        assert "permission denied" in _refused(app, "UPDATE signatures SET meaning = 'approved'")
        assert "must be owner" in _refused(app, "ALTER TABLE events DISABLE TRIGGER events_append_only")
        assert "permission denied" in _refused(app, "CREATE TABLE mine (id int)")
    finally:
        app.dispose()

    owner = make_engine(url)
    try:
        assert "event log is append-only" in _refused(owner, "UPDATE events SET actor = 'B9999'")
        assert "event log is append-only" in _refused(owner, "DELETE FROM events")
        assert "event log is append-only" in _refused(owner, "TRUNCATE events CASCADE")
        assert verify_database(owner).intact
    finally:
        owner.dispose()


def test_db_roles_on_sqlite_says_what_protects_the_file(tmp_path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'mes.sqlite'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    assert main(["db", "roles", "--database-url", url]) == 2
    assert "PostgreSQL matter" in capsys.readouterr().err


def test_a_role_name_that_is_not_an_identifier_is_refused(capsys) -> None:
    assert main(["db", "roles", "--app-role", 'x"; DROP TABLE events; --', "--database-url", "sqlite://"]) == 2
    assert "is not a usable role name" in capsys.readouterr().err
