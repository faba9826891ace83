"""A terminal process killed with SIGKILL while it works, and started again: nothing lost, nothing doubled,
nothing half-written. The terminal's own service stack in processes of its own, on real databases.

Each run is one terminal process (tests/outbox_child.py, forked from a server that imported everything
once): it delivers what waits in its outbox, then reports counts until it is killed at a random point:
while it starts and delivers, while it saves a count to the outbox, while the database commits it,
before it crosses it off. Online (the database answers) or offline (the count waits on disk). The
quick test kills 3 times per mode; the slow one (`-m slow`, .ci/run) 100 times, mixed, seeded.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from mes_terminal.config import outbox_file
from mes_terminal.db.event_chain import verify_database
from mes_terminal.db.records import Count, Event, ProcessedCommand, WorkOrderOperation
from tests.helpers import UNREACHABLE, run_first_job
from tests.outbox_child import NAMESPACE

ROOT = Path(__file__).resolve().parents[2]
PER_RUN = 1000  # count ids a run may use: run r counts r*PER_RUN, r*PER_RUN+1, ...


class Terminals:
    """Terminal processes forked on request by one `python -m tests.outbox_child serve`."""

    def __init__(self, home: Path) -> None:
        own = {"XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}  # not the user's
        self._server = subprocess.Popen(
            [sys.executable, "-m", "tests.outbox_child", "serve"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, **own, "PYTHONPATH": str(ROOT)},
        )

    def start(self, url: str, start: int, n: int, out: Path) -> int:
        # This test's own user directories (tests/conftest.py), as set now: the server was started before.
        env = {name: os.environ[name] for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}
        reply = self._ask({"run": [url, start, n], "out": str(out), "env": env})
        return int(reply.removeprefix("pid "))

    def wait(self, pid: int) -> int:
        return int(self._ask({"wait": pid}).split()[2])

    def close(self) -> None:
        assert self._server.stdin is not None and self._server.stdout is not None
        self._server.stdin.close()
        self._server.wait(timeout=30)
        self._server.stdout.close()

    def _ask(self, request: dict) -> str:
        assert self._server.stdin is not None and self._server.stdout is not None
        self._server.stdin.write(json.dumps(request) + "\n")
        self._server.stdin.flush()
        return self._server.stdout.readline().strip()


@pytest.fixture(scope="module")
def terminals(tmp_path_factory: pytest.TempPathFactory):
    server = Terminals(tmp_path_factory.mktemp("terminals"))
    yield server
    server.close()


@dataclass
class Kills:
    """What the runs said and where each kill fell, read from the outbox file and the database after it."""

    taken: set[int] = field(default_factory=set)  # counts a terminal said were done or kept
    waited: set[uuid.UUID] = field(default_factory=set)  # every command seen waiting in the outbox after a kill
    phases: Counter[str] = field(default_factory=Counter)
    # Seconds a count took in the runs so far, online [False] and offline [True]; a first guess to start from.
    pace: tuple[list[float], list[float]] = field(default_factory=lambda: ([0.05], [0.02]))


def said(out: Path) -> list[str]:
    """The whole lines a terminal wrote so far (the last one may be half-written when it is read)."""
    text = out.read_text() if out.exists() else ""
    return text.splitlines()[: text.count("\n")]


def kill_one_run(terminals: Terminals, engine: Engine, url: str, run: int, out: Path, rng: random.Random, kills: Kills):
    """Start a terminal, kill it at a random point, and note what it said and where the kill fell."""
    pid = terminals.start(url, PER_RUN * run, PER_RUN, out)
    lines = rng.randint(0, 2)  # after this many lines said ("left", then "taken"; 0: while it starts)...
    arrived: list[float] = []
    deadline = time.monotonic() + 60
    while len(arrived) < lines:
        assert time.monotonic() < deadline, f"run {run} said nothing in 60 s: {said(out)}"
        arrived += [time.monotonic()] * (len(said(out)) - len(arrived))
        time.sleep(0.0005)
    # ...and somewhere within the next command: anywhere in it, or near its end (where the database commits
    # and the outbox crosses it off, a few ms of a command's tens), scaled by how long commands take here.
    pace = kills.pace[url == UNREACHABLE]
    within = rng.uniform(0, 1.1) if rng.random() < 0.5 else rng.uniform(0.75, 1.05)
    time.sleep(within * statistics.median(pace))
    os.kill(pid, signal.SIGKILL)
    status = terminals.wait(pid)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"run {run} ended itself: {said(out)}"
    pace.extend(later - earlier for earlier, later in itertools.pairwise(arrived))  # "left" to "taken": one count

    lines_said = said(out)
    taken = [int(line.split()[1]) for line in lines_said if line.startswith("taken")]
    kills.taken.update(taken)
    waiting = waiting_ids()
    kills.waited |= waiting
    if not lines_said:
        kills.phases["starting, delivering what waited"] += 1
        return
    next_one = uuid.uuid5(NAMESPACE, str(PER_RUN * run + len(taken)))
    in_outbox, in_database = next_one in waiting, next_one in processed_ids(engine)
    kills.phases[
        {
            (False, False): "saving",
            (True, False): "saved, sending",
            (True, True): "committed, not yet crossed off",
            (False, True): "crossed off, not yet said",
        }[in_outbox, in_database]
    ] += 1


def waiting_ids() -> set[uuid.UUID]:
    path = outbox_file("WS-01")
    if not path.exists():
        return set()
    with closing(sqlite3.connect(path)) as db:  # as an administrator reads it (docs/offline.md)
        return {uuid.UUID(row[0]) for row in db.execute("SELECT command_id FROM outbox")}


def processed_ids(engine: Engine) -> set[uuid.UUID]:
    with engine.connect() as connection:
        rows = connection.execute(select(ProcessedCommand.command_id).where(ProcessedCommand.type == "ReportCount"))
        return set(rows.scalars())


def restart_online(terminals: Terminals, url: str, out: Path) -> None:
    pid = terminals.start(url, 0, 0, out)
    assert terminals.wait(pid) == 0, said(out)
    assert said(out) == ["left 0"]


def last_event(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.max(Event.id))).scalar_one()


def assert_whole(engine: Engine, kills: Kills, runs: int, since: int) -> None:
    """Every count taken is in the database once and whole; what may be there besides: one in flight a kill.
    `since`: the last event before the runs (the plant's events before it come from no command)."""
    with engine.connect() as connection:
        commands = list(
            connection.execute(
                select(ProcessedCommand.command_id).where(ProcessedCommand.type == "ReportCount")
            ).scalars()
        )
        events = connection.execute(select(Event.command_id, Event.type).where(Event.command_id.in_(commands))).all()
        orphans = connection.execute(
            select(func.count())
            .select_from(Event)
            .where(Event.id > since)
            .where(~select(ProcessedCommand.command_id).where(ProcessedCommand.command_id == Event.command_id).exists())
        ).scalar_one()
        rows, good = connection.execute(select(func.count(), func.coalesce(func.sum(Count.good), 0))).one()
        booked = connection.execute(
            select(WorkOrderOperation.good_quantity).where(WorkOrderOperation.seq == 10)
        ).scalar_one()
    assert len(commands) == len(set(commands)), "a count was done twice"
    expected = {uuid.uuid5(NAMESPACE, str(i)) for i in kills.taken}
    assert expected <= set(commands), "a count a terminal took was lost"
    assert kills.waited <= set(commands), "a count that waited in the outbox was lost"
    assert len(set(commands) - expected) <= runs  # besides, at most the one in flight at each kill
    # No half-written command: each has its CountReported event and its count row; no event lacks its command.
    reported = Counter(command_id for command_id, type_ in events if type_ == "CountReported")
    assert set(reported.values()) <= {1} and set(reported) == set(commands)
    assert orphans == 0
    assert rows == len(commands) and Decimal(good) == booked == len(commands)
    assert verify_database(engine).broken is None  # the audit chain unbroken


@pytest.mark.parametrize("while_", ["online", "offline"])
def test_killed_three_times_and_started_again_every_command_taken_counts_once(
    terminals, bus, clock, database_url, tmp_path, while_: str
) -> None:
    run_first_job(bus, clock.now(), quantity=100_000)
    since = last_event(bus.engine)
    url = database_url if while_ == "online" else UNREACHABLE
    rng, kills = random.Random(20), Kills()
    for run in range(3):
        kill_one_run(terminals, bus.engine, url, run, tmp_path / f"run-{run}.out", rng, kills)
    if while_ == "offline":  # all of it waits on the terminal's disk
        assert processed_ids(bus.engine) == set()
    restart_online(terminals, database_url, tmp_path / "restart.out")
    assert_whole(bus.engine, kills, 3, since)


@pytest.mark.slow
def test_killed_a_hundred_times_at_random_points_online_and_offline_nothing_lost_doubled_or_half_written(
    terminals, bus, clock, database_url, tmp_path
) -> None:
    run_first_job(bus, clock.now(), quantity=100_000)
    since = last_event(bus.engine)
    rng, kills = random.Random(2026), Kills()
    for run in range(100):
        url = database_url if rng.random() < 0.6 else UNREACHABLE
        kill_one_run(terminals, bus.engine, url, run, tmp_path / f"run-{run}.out", rng, kills)
    restart_online(terminals, database_url, tmp_path / "restart.out")
    assert_whole(bus.engine, kills, 100, since)
    online, offline = (statistics.median(pace) for pace in kills.pace)
    print(f"kills: {dict(kills.phases)}; a count took {online * 1000:.0f} ms online, {offline * 1000:.0f} ms offline")
    # Where a kill falls depends on this machine's timing; most fall in one of these, some in the others.
    assert len(kills.phases.keys() & {"starting, delivering what waited", "saving", "saved, sending"}) >= 2
