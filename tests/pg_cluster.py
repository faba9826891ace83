"""A private PostgreSQL cluster for fault tests: its own data directory and port, so that it can be stopped
and started again without touching the machine's shared server (other tests and people use that one).

    cluster = PgCluster.create()      # initdb into a temporary folder, trust authentication
    cluster.start(); cluster.url("mes") ...; cluster.stop(); cluster.start(); cluster.destroy()
    standby = cluster.standby(); standby.start() ...; standby.promote()   # streaming replication

PostgreSQL refuses to run as root: as root (CI), initdb and pg_ctl run as the `postgres` OS user and the
folder is handed to it. `PgCluster.unavailable()` says why no cluster can be made here, or None.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg

BIN_ENV = "MES_PG_BIN"  # the folder of initdb and pg_ctl, as for backups (db/backup.py)
TEMPLATE = "mes_template"  # the schema at head, copied by `create_database` (the tests' conftest makes it)


TOOLS = ("initdb", "pg_ctl", "pg_basebackup")


def _bin_dir() -> Path | None:
    named = os.environ.get(BIN_ENV)
    on_path = shutil.which("initdb")  # often a link into the server's folder
    candidates = [Path(named)] if named else sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    if on_path and not named:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if all((folder / tool).exists() for tool in TOOLS):
            return folder
    return None


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgCluster:
    bin_dir: Path
    folder: Path
    port: int

    @staticmethod
    def unavailable() -> str | None:
        if _bin_dir() is None:
            tools = ", ".join(TOOLS)
            return f"the PostgreSQL server binaries ({tools}) are not installed; {BIN_ENV} names their folder"
        if _as_root():
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                return "running as root and there is no postgres OS user to run a private cluster as"
        return None

    @classmethod
    def create(cls) -> PgCluster:
        cluster = cls._new()
        cluster._run("initdb", "-D", str(cluster.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        return cluster

    @classmethod
    def _new(cls) -> PgCluster:
        bin_dir = _bin_dir()
        assert bin_dir is not None, cls.unavailable()
        folder = Path(tempfile.mkdtemp(prefix="mes-pg-"))  # in /tmp, not under pytest's root-only folder
        if _as_root():
            user = pwd.getpwnam("postgres")
            os.chown(folder, user.pw_uid, user.pw_gid)
        return cls(bin_dir, folder, free_port())

    def standby(self) -> PgCluster:
        """A hot standby of this running cluster (pg_basebackup, streaming from it); not started yet."""
        standby = self._new()
        standby._run(
            "pg_basebackup", "-D", str(standby.data), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
            "-R", "--wal-method=stream", "--checkpoint=fast", "--no-sync",
        )  # fmt: skip
        return standby

    def promote(self) -> None:
        """The standby becomes a primary that takes writes (what a failover does)."""
        self._run("pg_ctl", "-D", str(self.data), "-w", "promote")

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        # TCP on loopback only; the socket in the cluster's own folder (not /var/run/postgresql); no fsync:
        # a stop is a clean (fast) shutdown, not a crash, and the tests do not pay for the disk.
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")

    def stop(self) -> None:
        """`pg_ctl stop -m fast`: open connections are cut, transactions in flight rolled back."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        done = subprocess.run(self._command("pg_ctl", "-D", str(self.data), "status"), capture_output=True)
        return done.returncode == 0

    def create_database(self, name: str, template: str | None = TEMPLATE) -> str:
        """A new database (a copy of `template`, the schema at head); its URL."""
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"{copy}')  # the tests' own names
        return self.url(name)

    def destroy(self) -> None:
        if self.running():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _command(self, tool: str, *args: str) -> list[str]:
        command = [str(self.bin_dir / tool), *args]
        return ["runuser", "-u", "postgres", "--", *command] if _as_root() else command

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run(self._command(tool, *args), capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            log = self.folder / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")
