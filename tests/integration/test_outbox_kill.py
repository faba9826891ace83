"""A terminal process killed with SIGKILL while it sends (or while it saves, offline), then started again:
nothing lost, nothing doubled. The terminal's own service stack in a subprocess, on real databases."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from mes_terminal.config import outbox_file
from mes_terminal.db.records import Event
from tests.helpers import UNREACHABLE, run_first_job
from tests.outbox_child import NAMESPACE

ROOT = Path(__file__).resolve().parents[2]
KILLS = 3


def _child(url: str, start: int, n: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.outbox_child", url, str(start), str(n)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # XDG_DATA_HOME: this test's own user data directory
    )


@pytest.mark.parametrize("while_", ["online", "offline"])
def test_killed_mid_run_and_started_again_every_command_taken_counts_once(
    bus, clock, database_url, while_: str
) -> None:
    run_first_job(bus, clock.now(), quantity=100_000)
    url = database_url if while_ == "online" else UNREACHABLE
    shuffle = random.Random(20)
    taken: set[int] = set()
    for run in range(KILLS):
        child = _child(url, 1000 * run, 1000)
        assert child.stdout is not None
        assert child.stdout.readline().startswith("left")
        for line in child.stdout:
            taken.add(int(line.split()[1]))
            if len(taken) >= 5 * (run + 1):
                break
        time.sleep(shuffle.uniform(0, 0.02))  # somewhere inside the next command: saving, sending, forgetting
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        taken.update(int(line.split()[1]) for line in child.stdout.read().splitlines())  # said before it died
        child.stdout.close()
    assert outbox_file("WS-01").exists()
    if while_ == "offline":  # all of it waits on the terminal's disk
        assert _counted(bus) == []

    restarted = _child(database_url, 0, 0)  # started again, the database answering
    out, _ = restarted.communicate(timeout=60)
    assert restarted.returncode == 0 and out.strip() == "left 0"

    counted = _counted(bus)
    ids = [row.command_id for row in counted]
    assert len(ids) == len(set(ids)), "a command was counted twice"
    expected = {uuid.uuid5(NAMESPACE, str(i)) for i in taken}
    assert expected <= set(ids), "a command taken was lost"
    # Besides those, only the ones in flight at each kill (saved, perhaps sent, not yet answered).
    assert len(set(ids) - expected) <= KILLS
    assert sum(Decimal(str(row.payload["good"])) for row in counted) == len(ids)


def _counted(bus) -> list:
    with bus.engine.connect() as connection:
        return list(
            connection.execute(select(Event.command_id, Event.payload).where(Event.type == "CountReported")).all()
        )
