"""The shared database failing under the terminals, for real: PostgreSQL stopped and started again, a
failover behind a multi-host URL, a network that cuts connections. Every command a terminal took is in
the database exactly once afterwards, with all of its record and nothing of it twice.

The server that is stopped is a private cluster (tests/pg_cluster.py), never the machine's shared one.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from mes_terminal.bootstrap import Application, build, terminal_service
from mes_terminal.cli import main
from mes_terminal.config import load_settings, outbox_file
from mes_terminal.db import preflight
from mes_terminal.db.engine import libpq_url, make_engine, safe_url
from mes_terminal.db.records import CommandConflict, Consumption, Count, Event, Lot, ProcessedCommand
from mes_terminal.db.records import WorkOrderOperation as Operation
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.errors import ConfigurationError
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.delivery import Queued
from mes_terminal.services.commands.outbox import Outbox
from mes_terminal.services.terminal import TerminalService
from tests.conftest import PG_ENV, create_pg_database, drop_pg_database
from tests.flaky_proxy import FlakyProxy
from tests.helpers import DATA, OPERATOR, UNREACHABLE, command, load_small_plant, run_first_job
from tests.outbox_child import NAMESPACE
from tests.pg_cluster import PgCluster

ROOT = Path(__file__).resolve().parents[2]


# --- what the database holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class Ledger:
    events: Counter[uuid.UUID]  # events of the operators' commands (counts, scans, pauses), by command id
    processed: frozenset[uuid.UUID]  # command ids the bus recorded as done
    counted: Decimal  # good parts in the counts table
    operation_good: Decimal  # good parts on the operation
    consumed: Decimal  # taken from lots, in the consumptions table
    lot_left: Decimal  # what is left of lot S-1 (0 when there is none)
    conflicts: int

    def assert_exactly_once(self, taken: Iterable[uuid.UUID], good: Decimal, consumed: Decimal = Decimal(0)) -> None:
        taken = set(taken)
        doubled = [cid for cid, n in self.events.items() if n > 1]
        assert not doubled, f"{len(doubled)} commands were recorded twice"
        assert set(self.events) >= taken, f"{len(taken - set(self.events))} commands taken were lost"
        assert set(self.events) == taken, "the database holds commands no terminal took"
        assert self.processed >= taken, "an event without its processed command"
        # No partial record: every table agrees with the events.
        assert (self.counted, self.operation_good, self.consumed) == (good, good, consumed)
        assert self.conflicts == 0


# One of these for each command of `operator_commands` (the setup's commands make none of them).
OPERATOR_EVENTS = ("CountReported", "LotConsumed", "JobPaused", "JobResumed")


def ledger(url: str) -> Ledger:
    engine = make_engine(url)  # a fresh engine: the server may have been restarted under any other
    try:
        with engine.connect() as connection:
            ids = connection.execute(select(Event.command_id).where(Event.type.in_(OPERATOR_EVENTS))).scalars()
            events = Counter(cid for cid in ids if cid is not None)
            lot = connection.execute(select(Lot.quantity).where(Lot.number == "S-1")).scalar_one_or_none()
            return Ledger(
                events=events,
                processed=frozenset(connection.execute(select(ProcessedCommand.command_id)).scalars()),
                counted=connection.execute(select(func.coalesce(func.sum(Count.good), 0))).scalar_one(),
                operation_good=connection.execute(select(func.sum(Operation.good_quantity))).scalar_one(),
                consumed=connection.execute(select(func.coalesce(func.sum(Consumption.quantity), 0))).scalar_one(),
                lot_left=lot or Decimal(0),
                conflicts=connection.execute(select(func.count()).select_from(CommandConflict)).scalar_one(),
            )
    finally:
        engine.dispose()


def prepare(url: str, clock: Clock, lot: int = 0) -> None:
    """The small plant, WO-1 operation 10 running at WS-01 (room for many counts), and lot S-1 if asked."""
    engine = make_engine(url)
    try:
        load_small_plant(engine, clock.now())
        bus = CommandBus(engine, clock)
        run_first_job(bus, clock.now(), quantity=100_000)
        if lot:
            bus.execute(command(c.ReceiveLot, clock.now(), lot="S-1", material="STEEL-2MM", quantity=Decimal(lot)))
    finally:
        engine.dispose()


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s: {what}"
        time.sleep(0.05)


# --- terminals in processes of their own ---------------------------------------------------------


class TerminalProcess:
    """tests/outbox_child.py with an outbox of its own (its own user data directory): once told to `go`,
    counts at a pace, delivering what waits every few counts as the window's refresh does, and until
    nothing waits at the end."""

    def __init__(self, url: str, data: Path, start: int, n: int) -> None:
        self.data = data
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.outbox_child", url, str(start), str(n), "0.04", "5"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(data)},
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.strip())

    def ready(self) -> bool:
        return bool(self.lines)  # it said what waited at its start

    def go(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.close()

    def taken(self, *, queued: bool = False) -> list[uuid.UUID]:
        return [
            uuid.uuid5(NAMESPACE, line.split()[1])
            for line in list(self.lines)
            if line.startswith("taken") and (not queued or line.endswith("queued"))
        ]

    def finish(self) -> str:
        self.process.wait(timeout=120)
        self._reader.join(timeout=10)
        assert self.process.returncode == 0
        return self.lines[-1]

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        self._reader.join(timeout=10)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None and not pipe.closed:
                pipe.close()


TERMINALS, COUNTS = 3, 40


@pytest.mark.slow
def test_postgresql_stopped_mid_run_and_started_again_every_command_delivered_once(
    pg_cluster: PgCluster, clock, tmp_path
) -> None:
    """`pg_ctl stop -m fast` under three terminals counting, then started again: each goes offline, keeps
    counting into its outbox, and delivers it all when the server is back; 0 lost, 0 doubled."""
    url = pg_cluster.create_database(f"stopped_{uuid.uuid4().hex[:8]}")
    prepare(url, clock)
    terminals = [TerminalProcess(url, tmp_path / f"terminal-{k}", 10_000 * k, COUNTS) for k in range(TERMINALS)]
    try:
        wait_until(lambda: all(t.ready() for t in terminals), "every terminal started")
        for t in terminals:
            t.go()
        wait_until(lambda: all(len(t.taken()) >= 5 for t in terminals), "every terminal counting online")
        pg_cluster.stop()
        try:
            wait_until(lambda: all(len(t.taken(queued=True)) >= 5 for t in terminals), "every terminal offline")
            assert all(t.process.poll() is None for t in terminals), "the stop came too late to be mid-run"
        finally:
            pg_cluster.start()
        ends = [t.finish() for t in terminals]
    finally:
        for t in terminals:
            t.kill()

    assert ends == ["left 0"] * TERMINALS
    for t in terminals:
        assert len(t.taken()) == COUNTS
        [path] = t.data.rglob(outbox_file("WS-01").name)  # the station's outbox in its own data directory
        emptied = Outbox(path)
        assert len(emptied) == 0
        emptied.close()
    taken = [cid for t in terminals for cid in t.taken()]
    ledger(url).assert_exactly_once(taken, good=Decimal(len(taken)))


# --- a network that cuts connections ---------------------------------------------------------------


def terminal(url: str, clock: Clock) -> tuple[TerminalService, Engine]:
    """The operator terminal's service stack for WS-01, as `mes-terminal terminal` builds it."""
    settings = load_settings(flags={"database_url": url, "station": "WS-01"})
    engine = make_engine(url)
    return terminal_service(Application(settings, engine, clock, CommandBus(engine, clock))), engine


def operator_commands(clock: Clock, n: int) -> list[c.Command]:
    """A count, a scan of lot S-1 (one part each), a pause and a resume, over and over. A pause or a
    resume done twice would be refused: delivered again after a commit it never heard of, only the
    command id tells the bus that it was done."""
    where: dict[str, Any] = {"actor": OPERATOR, "station": "WS-01", "work_order": "WO-1", "operation": 10}
    cycle = (
        lambda: command(c.ReportCount, clock.now(), good=Decimal(1), **where),
        lambda: command(c.ConsumeLot, clock.now(), lot="S-1", quantity=Decimal(1), **where),
        lambda: command(c.PauseJob, clock.now(), **where),
        lambda: command(c.ResumeJob, clock.now(), **where),
    )
    return [cycle[i % 4]() for i in range(n)]


SENT = 80


@pytest.mark.slow
@pytest.mark.postgresql_only
def test_a_network_that_cuts_connections_at_random_delivers_every_command_once(
    database_url: str, clock, tmp_path
) -> None:
    """A proxy cuts every connection after a random number of bytes (in a statement, an answer, the
    greeting), and some right after a COMMIT passed (done, but the terminal never hears so): the
    terminal's commands are retried or wait in its outbox, and each lands once, whole."""
    prepare(database_url, clock, lot=1000)
    server = make_url(database_url)
    commands = operator_commands(clock, SENT)
    address = (server.host or "127.0.0.1", server.port or 5432)
    with FlakyProxy(address, seed=20, max_bytes=100_000, commit_cut=0.3) as proxy:
        service, engine = terminal(server.set(port=proxy.port).render_as_string(hide_password=False), clock)
        try:
            answers = Counter[str]()
            for i, cmd in enumerate(commands):
                answer = service.execute(cmd)  # none is refused: each applies when it comes in order
                answers["queued" if isinstance(answer, Queued) else "replayed" if answer.replayed else "done"] += 1
                if i % 10 == 9:
                    service.deliver_waiting()
            for _ in range(200):  # the refresh, until nothing waits (each round may be cut too)
                if service.deliver_waiting().left == 0:
                    break
            assert service.waiting() == 0
        finally:
            engine.dispose()
    # The faults happened (the seed fixes the draws; the threads' timing may move a few).
    assert proxy.cuts >= 20 and proxy.commit_cuts >= 5, (proxy.cuts, proxy.commit_cuts)
    assert answers["replayed"] > 0, "no commit went unheard and was answered by its command id"

    books = ledger(database_url)
    rounds = Decimal(SENT // 4)  # counts, scans, pauses and resumes: as many of each
    books.assert_exactly_once([cmd.command_id for cmd in commands], good=rounds, consumed=rounds)
    assert books.lot_left == 1000 - rounds


# --- a multi-host URL (a plant with a standby) ---------------------------------------------------


def first_host_down(url: str) -> str:
    """The same database behind libpq's multi-host URL whose first host does not answer (UNREACHABLE's)."""
    server, down = make_url(url), make_url(UNREACHABLE)
    return (
        f"postgresql://{server.username}@{down.host}:{down.port},{server.host}:{server.port}/{server.database}"
        "?target_session_attrs=read-write"
    )


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.postgresql_only
def test_a_multi_host_url_whose_first_host_is_down_works_everywhere_a_url_is_taken(
    database_url: str, clock, tmp_path, capsys, monkeypatch
) -> None:
    server = os.environ[PG_ENV]
    name = f"multi_{uuid.uuid4().hex[:8]}"
    multi = first_host_down(create_pg_database(server, name))  # empty: migrated through the multi-host URL
    try:
        assert cli(capsys, "db", "upgrade", "--database-url", multi)[0] == 0
        assert cli(capsys, "db", "check", "--database-url", multi)[0] == 0
        assert cli(capsys, "plant", "load", str(DATA / "small_plant.toml"), "--database-url", multi)[0] == 0
        preflight.check(multi, "WS-01")  # the terminal's first look, with the bare driver

        settings = load_settings(flags={"database_url": multi, "station": "WS-01"})
        app = build(settings, clock=clock)
        try:
            run_first_job(app.bus, clock.now())
            answer = terminal_service(app).execute(
                command(c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1",
                        operation=10, good=Decimal(3))
            )  # fmt: skip
            assert not isinstance(answer, Queued) and app.engine.dialect.name == "postgresql"
        finally:
            app.close()

        monkeypatch.setenv("MES_STATION", "WS-01")
        code, out = cli(capsys, "doctor", "--database-url", multi)
        lines = {line.split()[1]: line for line in out.splitlines() if line.split()[:1] in (["ok"], ["FAIL"])}
        shown = f"postgresql+psycopg://postgres@127.0.0.1:1,{make_url(server).host}:{make_url(server).port}/{name}"
        assert lines["database"].startswith(f"ok    database   {shown}?target_session_attrs=read-write answers")
        assert lines["station"].startswith("ok")
        assert cli(capsys, "config", "show", "--database-url", multi)[1].count(shown) == 1

        code, out = cli(capsys, "backup", "--out", str(tmp_path / "plant.mesbackup"), "--database-url", multi)
        assert code == 0, out  # pg_dump is given the same hosts in libpq's form
        assert ledger(libpq_url(multi)).counted == 3
    finally:
        drop_pg_database(server, name)


def test_a_host_list_with_a_port_that_is_no_number_is_refused_in_one_sentence() -> None:
    with pytest.raises(ConfigurationError, match="'db1:x' is not a host with an optional port number"):
        make_engine("postgresql://mes@db1:x,db2/mes")
    assert safe_url("postgresql://mes:secret@db1,db2:5433/mes?target_session_attrs=read-write") == (
        "postgresql+psycopg://mes:***@db1,db2:5433/mes?target_session_attrs=read-write"
    )
    assert libpq_url("postgresql+psycopg://mes:s%40cret@db1,db2:5433/mes", database="other") == (
        "postgresql://mes:s%40cret@db1,db2:5433/other"
    )


def listens_on_ipv6_loopback(port: int) -> bool:
    try:
        socket.create_connection(("::1", port), timeout=2).close()
    except OSError:
        return False
    return True


@pytest.mark.postgresql_only
def test_a_host_list_with_ipv6_hosts_reaches_the_server_past_one_that_does_not_answer(database_url: str) -> None:
    """libpq's form with IPv6 hosts in brackets, the first a port nobody answers at on ::1: the engine,
    psycopg with the URL given back, and libpq's own tools (psql, pg_dump) all reach the server listed
    second. Where the server also listens on ::1, a URL of that one bracketed host reaches it too."""
    server = make_url(os.environ[PG_ENV])
    name = f"ipv6_{uuid.uuid4().hex[:8]}"
    create_pg_database(os.environ[PG_ENV], name)
    port = server.port or 5432
    urls = [
        f"postgresql://{server.username}@[::1]:1,{server.host}:{port}/{name}?target_session_attrs=read-write",
        f"postgresql://{server.username}@[::1]:1,[::ffff:127.0.0.1]:1,{server.host}:{port}/{name}",
    ]
    if listens_on_ipv6_loopback(port):
        urls.append(f"postgresql://{server.username}@[::1]:{port}/{name}")
    try:
        for url in urls:
            engine = make_engine(url)
            try:
                with engine.connect() as connection:
                    assert connection.execute(text("SELECT current_database()")).scalar_one() == name
                    assert connection.execute(text("SELECT inet_server_port()")).scalar_one() == port
            finally:
                engine.dispose()
            with psycopg.connect(libpq_url(url), connect_timeout=5) as connection:
                assert connection.info.dbname == name and connection.info.port == port
            env = {**os.environ, "PGCONNECT_TIMEOUT": "5"}
            psql = subprocess.run(
                ["psql", "-Atc", "SELECT inet_server_port()", libpq_url(url)], capture_output=True, text=True, env=env
            )
            assert (psql.returncode, psql.stdout.strip()) == (0, str(port)), psql.stderr
            dump = subprocess.run(
                ["pg_dump", "--schema-only", "--dbname", libpq_url(url)], capture_output=True, text=True, env=env
            )
            assert dump.returncode == 0 and "PostgreSQL database dump complete" in dump.stdout, dump.stderr
    finally:
        drop_pg_database(os.environ[PG_ENV], name)


def test_a_failover_to_the_standby_looks_to_the_terminal_like_a_short_outage(pg_cluster: PgCluster, clock) -> None:
    """The standby first in the URL, the primary second: target_session_attrs=read-write passes over the
    standby. The primary stops: the terminal is offline, its counts wait. The standby is promoted: they
    are delivered there, once each."""
    name = f"failover_{uuid.uuid4().hex[:8]}"
    prepare(pg_cluster.create_database(name), clock)
    standby = pg_cluster.standby()
    try:
        standby.start()
        multi = (
            f"postgresql://postgres@127.0.0.1:{standby.port},127.0.0.1:{pg_cluster.port}/{name}"
            "?target_session_attrs=read-write"
        )
        service, engine = terminal(multi, clock)
        counts = [
            command(c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10,
                    good=Decimal(1))
            for _ in range(12)
        ]  # fmt: skip
        try:
            assert not any(isinstance(service.execute(cmd), Queued) for cmd in counts[:4])
            assert server_port(engine) == pg_cluster.port  # the primary, though listed second

            pg_cluster.stop()  # the primary is lost; the standby answers, but only to read
            assert all(isinstance(service.execute(cmd), Queued) for cmd in counts[4:8])
            assert service.deliver_waiting().reachable is False

            standby.promote()  # the failover
            for cmd in counts[8:]:
                service.execute(cmd)  # behind the waiting ones
            wait_until(lambda: service.deliver_waiting().left == 0, "everything delivered to the new primary")
            assert server_port(engine) == standby.port
        finally:
            engine.dispose()
        ledger(standby.url(name)).assert_exactly_once([cmd.command_id for cmd in counts], good=Decimal(12))
    finally:
        standby.destroy()
        if not pg_cluster.running():
            pg_cluster.start()


def server_port(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT inet_server_port()")).scalar_one())


@pytest.mark.postgresql_only
def test_a_pause_whose_commit_and_whose_look_up_were_both_cut_is_not_refused_nor_a_conflict(
    database_url: str, clock
) -> None:
    """The COMMIT of a pause passes and its connection is cut: done, unheard. Tried again, the job is
    paused already; the bus asks whether this command ran, and that connection is cut too. Not knowing,
    the terminal keeps the pause waiting (rather than tell the operator it was refused, or keep it as a
    conflict for a supervisor), and delivered again it is answered as done."""
    prepare(database_url, clock)
    server = make_url(database_url)
    pause = command(c.PauseJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10)
    with FlakyProxy((server.host or "127.0.0.1", server.port or 5432), max_bytes=None) as proxy:
        service, engine = terminal(server.set(port=proxy.port).render_as_string(hide_password=False), clock)
        try:
            proxy.cut_next(b"COMMIT")
            proxy.cut_next(b"FROM processed_commands")  # the bus's look-up of a command id
            assert isinstance(service.execute(pause), Queued)
            assert proxy.cuts_by_hand == 2
            round_ = service.deliver_waiting()
            assert (round_.sent, round_.left, round_.conflicts) == (1, 0, ())
        finally:
            engine.dispose()
    ledger(database_url).assert_exactly_once([pause.command_id], good=Decimal(0))
