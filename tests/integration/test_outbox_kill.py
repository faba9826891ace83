"""A terminal process killed with SIGKILL while it sends, then started again: nothing lost, nothing doubled."""

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

from sqlalchemy import select

from mes_terminal.db.records import Event
from tests.helpers import run_first_job
from tests.outbox_child import NAMESPACE

ROOT = Path(__file__).resolve().parents[2]
KILLS = 4


def _child(url: str, outbox: Path, start: int, n: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.outbox_child", url, str(outbox), str(start), str(n)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_killed_while_sending_and_started_again_every_command_taken_counts_once(
    bus, clock, database_url, tmp_path
) -> None:
    run_first_job(bus, clock.now(), quantity=100_000)
    outbox = tmp_path / "outbox.sqlite"
    shuffle = random.Random(20)
    taken: set[int] = set()
    for run in range(KILLS):
        child = _child(database_url, outbox, 1000 * run, 1000)
        assert child.stdout is not None
        assert child.stdout.readline().startswith("left")
        for line in child.stdout:
            taken.add(int(line.split()[1]))
            if len(taken) >= 5 * (run + 1):
                break
        time.sleep(shuffle.uniform(0, 0.02))  # somewhere inside the next command: writing, sending, forgetting
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        taken.update(int(line.split()[1]) for line in child.stdout.read().splitlines())  # said before it died
        child.stdout.close()
    restarted = _child(database_url, outbox, 0, 0)
    out, _ = restarted.communicate(timeout=60)
    assert restarted.returncode == 0 and out.strip() == "left 0"

    with bus.engine.connect() as connection:
        counted = connection.execute(select(Event.command_id, Event.payload).where(Event.type == "CountReported")).all()
    ids = [row.command_id for row in counted]
    assert len(ids) == len(set(ids)), "a command was counted twice"
    expected = {uuid.uuid5(NAMESPACE, str(i)) for i in taken}
    assert expected <= set(ids), "a command taken was lost"
    # Besides those, only the ones in flight at each kill (written, perhaps sent, not yet reported taken).
    assert len(set(ids) - expected) <= KILLS
    assert sum(Decimal(str(row.payload["good"])) for row in counted) == len(ids)
