"""`mes-terminal backup` and `restore`: the whole database and back into an empty one, on SQLite and
PostgreSQL; the restored event chain verifies; a damaged or foreign file restores nothing."""

from __future__ import annotations

import io
import json
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, inspect, select

from mes_terminal.cli import main
from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import Event, Lot, WorkOrder
from mes_terminal.db.schema_head import SCHEMA_HEAD
from mes_terminal.domain.backup_manifest import Manifest, parse_manifest
from mes_terminal.domain.errors import InvalidInput
from tests.conftest import _server_url, create_pg_database, drop_pg_database
from tests.helpers import run_first_job


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def worked(plant: Engine, bus, clock) -> Engine:
    run_first_job(bus, clock.now())
    return plant


@pytest.fixture
def empty_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of the same kind as `database_url`."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored' / 'mes.sqlite'}"
        return
    server = _server_url()
    assert server is not None
    name = f"mes_restore_{uuid.uuid4().hex[:8]}"
    url = create_pg_database(server, name)
    yield url
    drop_pg_database(server, name)


def _snapshot(url: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[tuple[object, ...]]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            events = connection.execute(select(Event.id, Event.type, Event.hash).order_by(Event.id)).all()
            orders = connection.execute(select(WorkOrder.number, WorkOrder.status, WorkOrder.quantity)).all()
            lots = connection.execute(select(Lot.number, Lot.quantity).order_by(Lot.number)).all()
    finally:
        engine.dispose()
    return [tuple(r) for r in events], [tuple(r) for r in orders], [tuple(r) for r in lots]


def test_a_backup_restores_into_an_empty_database_and_its_chain_verifies(
    worked: Engine, empty_url: str, tmp_path: Path, capsys
) -> None:
    file = tmp_path / "plant.mesbackup"
    code, out, err = run(capsys, "backup", "--out", str(file), "--database-url", _url(worked))
    assert code == 0, err
    with tarfile.open(file) as archive:
        names = archive.getnames()
        manifest = parse_manifest(archive.extractfile("manifest.json").read())  # type: ignore[union-attr]
    assert names == ["manifest.json", manifest.payload]
    assert manifest.dialect == worked.dialect.name and manifest.schema_revision == SCHEMA_HEAD
    assert f"sha256 {manifest.sha256}" in out

    code, out, err = run(capsys, "restore", str(file), "--database-url", empty_url)
    assert code == 0, err
    assert f"chain intact: {manifest.events} events checked; head {manifest.chain_head}" in out
    assert _snapshot(empty_url) == _snapshot(_url(worked))
    assert run(capsys, "audit", "verify", "--database-url", empty_url)[0] == 0


def test_a_restored_database_takes_new_commands_on_the_same_chain(
    worked: Engine, empty_url: str, tmp_path: Path, capsys, clock
) -> None:
    from mes_terminal.db.event_chain import verify_database
    from mes_terminal.services.commands import catalog as c
    from mes_terminal.services.commands.bus import CommandBus
    from tests.helpers import command

    file = tmp_path / "plant.mesbackup"
    assert run(capsys, "backup", "--out", str(file), "--database-url", _url(worked))[0] == 0
    assert run(capsys, "restore", str(file), "--database-url", empty_url)[0] == 0
    restored = make_engine(empty_url)
    try:
        CommandBus(restored, clock).execute(command(c.HoldWorkOrder, clock.now(), number="WO-1"))
        assert verify_database(restored).intact
    finally:
        restored.dispose()


def test_a_damaged_backup_restores_nothing(worked: Engine, empty_url: str, tmp_path: Path, capsys) -> None:
    file = tmp_path / "plant.mesbackup"
    assert run(capsys, "backup", "--out", str(file), "--database-url", _url(worked))[0] == 0
    raw = bytearray(file.read_bytes())
    raw[-20000] ^= 0xFF  # inside the database copy, not the manifest at the front
    file.write_bytes(bytes(raw))
    code, _, err = run(capsys, "restore", str(file), "--database-url", empty_url)
    assert code == 2
    assert "is damaged: its database copy does not match the checksum" in err
    engine = make_engine(empty_url)
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == []
    finally:
        engine.dispose()


def test_restore_refuses_a_database_that_is_not_empty(worked: Engine, tmp_path: Path, capsys) -> None:
    file = tmp_path / "plant.mesbackup"
    assert run(capsys, "backup", "--out", str(file), "--database-url", _url(worked))[0] == 0
    code, _, err = run(capsys, "restore", str(file), "--database-url", _url(worked))
    assert code == 2 and "is not empty" in err and "restore only into an empty database" in err


def test_a_file_that_is_not_a_backup_is_refused_in_one_sentence(tmp_path: Path, capsys) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("hello")
    code, _, err = run(capsys, "restore", str(file), "--database-url", f"sqlite:///{tmp_path / 'x.sqlite'}")
    assert code == 2 and err.startswith("mes-terminal: This is not a usable MES Terminal backup:")


VALID = {
    "format": "mes-terminal-backup",
    "version": 1,
    "dialect": "postgresql",
    "payload": "database.pgdump",
    "sha256": "a" * 64,
    "size": 10,
    "schema_revision": "0013",
    "created_at": "2026-03-02T06:00:00Z",
    "events": 3,
    "chain_head": "b" * 64,
    "tool": "pg_dump (PostgreSQL) 15.20",
    "application": "0.1.0",
}


def test_a_written_manifest_reads_back_as_itself() -> None:
    manifest = parse_manifest(json.dumps(VALID).encode())
    assert parse_manifest(manifest.to_json()) == manifest


@given(raw=st.binary(max_size=300))
def test_any_bytes_as_a_manifest_are_read_or_refused_in_one_sentence(raw: bytes) -> None:
    try:
        assert isinstance(parse_manifest(raw), Manifest)
    except InvalidInput as error:
        assert error.message.startswith("This is not a usable MES Terminal backup: ")


_values = st.none() | st.booleans() | st.integers() | st.text(max_size=70) | st.lists(st.integers(), max_size=2)


@given(key=st.sampled_from(sorted(VALID)), value=_values)
def test_a_manifest_with_any_field_changed_is_read_or_refused_in_one_sentence(key: str, value: object) -> None:
    changed = {**VALID, key: value}
    try:
        manifest = parse_manifest(json.dumps(changed).encode())
    except InvalidInput as error:
        assert error.message.startswith("This is not a usable MES Terminal backup: ")
    else:
        assert manifest.dialect in ("sqlite", "postgresql") and len(manifest.sha256) == 64


@given(members=st.lists(st.sampled_from(["manifest.json", "database.pgdump", "extra", "../evil"]), max_size=4))
def test_an_archive_with_other_members_is_refused(members: list[str], tmp_path_factory) -> None:
    from mes_terminal.db.backup import read_backup

    folder = tmp_path_factory.mktemp("archive")
    file = folder / "b.tar"
    with tarfile.open(file, "w") as archive:
        for name in members:
            data = json.dumps(VALID).encode() if name == "manifest.json" else b"0123456789"
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    with pytest.raises(InvalidInput) as refused:
        read_backup(file, folder)
    assert refused.value.message.startswith(("This is not a usable MES Terminal backup", "The backup "))
