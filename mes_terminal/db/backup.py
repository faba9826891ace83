"""Backup and restore of the whole database, in one file with a manifest and a checksum.

SQLite is copied with its online backup API (a consistent copy while terminals keep writing);
PostgreSQL with `pg_dump --format=custom`, run on a snapshot exported by a transaction that also
reads the event count and the chain's head, so the manifest describes exactly the dumped state.
A restore goes only into an empty database, checks the checksum first, and verifies the event chain
of the restored copy against the head the manifest recorded.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, func, inspect, select, text
from sqlalchemy.engine import URL

from mes_terminal import __version__
from mes_terminal.db.engine import libpq_url, safe_url
from mes_terminal.db.event_chain import verify_database
from mes_terminal.db.records import Event, EventChainHead
from mes_terminal.domain.audit_chain import GENESIS, ChainReport
from mes_terminal.domain.backup_manifest import MANIFEST_NAME, PAYLOADS, Manifest, parse_manifest
from mes_terminal.domain.errors import ConfigurationError, InvalidInput

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    chain: ChainReport


# --- backup --------------------------------------------------------------------------------------


def backup(engine: Engine, out: Path, *, now: datetime) -> Manifest:
    """Write a backup of the database behind `engine` to `out` (replaced only once complete)."""
    out = Path(out)
    with tempfile.TemporaryDirectory(dir=out.parent if out.parent.exists() else None) as folder:
        payload = Path(folder) / PAYLOADS[_dialect(engine)]
        if engine.dialect.name == "sqlite":
            tool = _sqlite_backup(engine, payload)
            revision, events, head = _sqlite_state(payload)
        else:
            tool, (revision, events, head) = _pg_dump(engine, payload)
        digest, size = _digest(payload)
        manifest = Manifest(
            dialect=_dialect(engine),
            payload=payload.name,
            sha256=digest,
            size=size,
            schema_revision=revision,
            created_at=now.isoformat().replace("+00:00", "Z"),
            events=events,
            chain_head=head,
            tool=tool,
            application=__version__,
        )
        partial = Path(folder) / "backup.tar"
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
            data = manifest.to_json()
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size, info.mtime = len(data), int(now.timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(payload, arcname=payload.name)
        try:
            shutil.move(partial, out)
        except OSError as error:
            raise InvalidInput(f"Cannot write {out}: {error.strerror or error}.") from None
    return manifest


def _dialect(engine: Engine) -> str:
    if engine.dialect.name not in PAYLOADS:
        raise ConfigurationError(f"Backups are made of SQLite and PostgreSQL databases, not {engine.dialect.name}.")
    return engine.dialect.name


def _state(connection: Connection) -> tuple[str, int, str]:
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    events = connection.execute(select(func.count()).select_from(Event)).scalar_one()
    head = connection.execute(select(EventChainHead.last_hash)).scalar_one_or_none()
    return revision, events, head or GENESIS


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise InvalidInput("A backup needs a database in a file, not an in-memory one.")
    return Path(url.database)


def _sqlite_state(path: Path) -> tuple[str, int, str]:
    """What the copy holds, read from the copy itself (read-only: the file stays as written)."""
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as copy:
        (revision,) = copy.execute("SELECT version_num FROM alembic_version").fetchone()
        (events,) = copy.execute("SELECT count(*) FROM events").fetchone()
        head = copy.execute("SELECT last_hash FROM event_chain WHERE id = 1").fetchone()
    return revision, events, head[0] if head else GENESIS


def _sqlite_backup(engine: Engine, target: Path) -> str:
    source = _sqlite_path(engine.url)
    with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(target)) as copy:
        live.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    return f"sqlite3 {sqlite3.sqlite_version}"


def _digest(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


# --- PostgreSQL tools ----------------------------------------------------------------------------


def _tool(name: str) -> str:
    folder = os.environ.get("MES_PG_BIN")
    found = str(Path(folder) / name) if folder else shutil.which(name)
    if not found or not Path(found).exists():
        raise ConfigurationError(
            f"{name} was not found. Install the PostgreSQL client tools of the server's version, or name their "
            "folder in MES_PG_BIN."
        )
    return found


def _tool_version(path: str) -> tuple[str, int]:
    shown = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    match = re.search(r"\)\s+(\d+)(?:\.\d+)?", shown)
    if match is None:
        raise ConfigurationError(f"Cannot tell the version of {path} ({shown[:60]!r}).")
    return shown, int(match.group(1))


def _check_tool_against_server(connection: Connection, path: str) -> str:
    shown, major = _tool_version(path)
    server = int(connection.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    if major < server:
        raise ConfigurationError(
            f"{Path(path).name} is version {major} but the server runs PostgreSQL {server}; install the client "
            f"tools of version {server} or newer (MES_PG_BIN names their folder)."
        )
    return shown


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The URL for libpq tools without the password, and the environment that carries it."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = libpq_url(url.set(password=None))  # several hosts (a standby) in libpq's own form
    return plain, env


def _pg_dump(engine: Engine, target: Path) -> tuple[str, tuple[str, int, str]]:
    pg_dump = _tool("pg_dump")
    dsn, env = _libpq(engine.url)
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection, connection.begin():
        tool = _check_tool_against_server(connection, pg_dump)
        snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
        state = _state(connection)
        done = subprocess.run(
            [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}", "--dbname", dsn],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    if done.returncode != 0:
        raise ConfigurationError(f"pg_dump failed: {_first_line(done.stderr)}")
    return tool, state


def _first_line(text_: str) -> str:
    lines = [line for line in text_.strip().splitlines() if line.strip()]
    return lines[0][:300] if lines else "no message"


# --- restore -------------------------------------------------------------------------------------


def read_backup(file: Path, folder: Path) -> tuple[Manifest, Path]:
    """Check `file` (manifest, members, size, checksum) and unpack the database copy into `folder`."""
    try:
        archive = tarfile.open(file, "r:")  # noqa: SIM115 - closed by the `with` below, after the refusals
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {file}.") from None
    except (tarfile.TarError, OSError) as error:
        why = f"{file} is not a backup archive ({error})"
        raise InvalidInput(f"This is not a usable MES Terminal backup: {why}.") from None
    with archive:
        members = {member.name: member for member in archive.getmembers()}
        manifest_member = members.get(MANIFEST_NAME)
        if manifest_member is None or not manifest_member.isfile():
            raise InvalidInput(f"This is not a usable MES Terminal backup: {file} holds no manifest.")
        manifest = parse_manifest(_read_member(archive, manifest_member, limit=64 * 1024))
        if set(members) != {MANIFEST_NAME, manifest.payload} or not members[manifest.payload].isfile():
            raise InvalidInput(f"This is not a usable MES Terminal backup: {file} holds other files than it names.")
        target = folder / manifest.payload
        digest, size = hashlib.sha256(), 0
        source = archive.extractfile(members[manifest.payload])
        assert source is not None  # a regular file, checked above
        with target.open("wb") as out:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
    if size != manifest.size or digest.hexdigest() != manifest.sha256:
        raise InvalidInput(
            f"The backup {file} is damaged: its database copy does not match the checksum in its manifest; "
            "nothing was restored."
        )
    return manifest, target


def _read_member(archive: tarfile.TarFile, member: tarfile.TarInfo, limit: int) -> bytes:
    handle: IO[bytes] | None = archive.extractfile(member)
    if handle is None:
        return b""
    return handle.read(limit + 1)


def restore(engine: Engine, file: Path) -> Restored:
    """Restore `file` into the empty database behind `engine`; the restored chain is verified."""
    dialect = _dialect(engine)
    with tempfile.TemporaryDirectory() as folder:
        manifest, copy = read_backup(Path(file), Path(folder))
        if manifest.dialect != dialect:
            raise InvalidInput(
                f"This backup is of a {manifest.dialect} database; restore it into {manifest.dialect}, not {dialect}."
            )
        _require_empty(engine)
        if dialect == "sqlite":
            _sqlite_restore(engine, copy)
        else:
            _pg_restore(engine, copy)
    chain = verify_database(engine)
    if chain.intact and chain.head_hash != manifest.chain_head:
        from mes_terminal.domain.audit_chain import ChainBreak

        broken = ChainBreak(None, "head", "the restored event log does not end at the head recorded in the backup.")
        chain = ChainReport(chain.checked, chain.first_id, chain.last_id, chain.head_hash, broken)
    return Restored(manifest, chain)


def _require_empty(engine: Engine) -> None:
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
    if tables:
        raise InvalidInput(
            f"The database {safe_url(engine.url)} is not empty ({len(tables)} tables); "
            "restore only into an empty database."
        )


def _sqlite_restore(engine: Engine, copy: Path) -> None:
    with copy.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise InvalidInput("The backup's database copy is not an SQLite database; nothing was restored.")
    target = _sqlite_path(engine.url)
    engine.dispose()  # the (empty) file may be open: the copy replaces it through the backup API
    with closing(sqlite3.connect(copy)) as source, closing(sqlite3.connect(target)) as live:
        source.backup(live)
        live.execute("PRAGMA journal_mode=WAL")


def _pg_restore(engine: Engine, copy: Path) -> None:
    pg_restore = _tool("pg_restore")
    with engine.connect() as connection:
        _check_tool_against_server(connection, pg_restore)
    dsn, env = _libpq(engine.url)
    done = subprocess.run(
        [pg_restore, "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", "--dbname", dsn, str(copy)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise ConfigurationError(f"pg_restore failed: {_first_line(done.stderr)}; nothing was restored.")
