"""The terminal's outbox: every command kept on disk before it is sent, delivered in order and once, and
a command a rule refuses on delivery kept as a conflict, on real SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import CommandConflict, Event, ProcessedCommand
from mes_terminal.domain.error_codes import OUTBOX_DAMAGED, OUTBOX_SIGN_IN_OFFLINE
from mes_terminal.domain.errors import DatabaseUnavailable, InvalidState, OutboxUnusable
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus, Outcome
from mes_terminal.services.commands.delivery import OutboxDelivery, Queued
from mes_terminal.services.commands.outbox import Outbox
from tests.helpers import OPERATOR, UNREACHABLE, command, run_first_job


@pytest.fixture
def running(bus: CommandBus, clock) -> CommandBus:
    """WO-1 operation 10 running at WS-01, the operator signed in."""
    run_first_job(bus, clock.now())
    return bus


@pytest.fixture
def offline(clock):
    engine = make_engine(UNREACHABLE)
    yield CommandBus(engine, clock)
    engine.dispose()


def count(clock, good: int = 1) -> c.ReportCount:
    return command(
        c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10, good=Decimal(good)
    )


def job(cls: type[c.Command], clock, **extra) -> c.Command:
    return command(cls, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10, **extra)


def processed(engine: Engine, command_id: uuid.UUID) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(Event).where(Event.command_id == command_id)
        ).scalar_one()


def good_reported(engine: Engine) -> int:
    with engine.connect() as connection:
        rows = connection.execute(select(Event.payload).where(Event.type == "CountReported")).scalars().all()
    return sum(int(Decimal(str(row["good"]))) for row in rows)


def test_online_a_command_is_executed_at_once_and_leaves_nothing_behind(running, clock, tmp_path) -> None:
    delivery = OutboxDelivery(Outbox(tmp_path / "outbox.sqlite"), running, clock)
    answer = delivery.send(count(clock, 3))
    assert isinstance(answer, Outcome)
    assert delivery.waiting() == 0
    assert good_reported(running.engine) == 3


def test_the_outbox_file_is_durable_wal_with_full_sync(tmp_path, clock, offline) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite")
    OutboxDelivery(outbox, offline, clock).send(count(clock))
    with outbox._open() as db:  # the connection the outbox writes with
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_offline_commands_wait_on_disk_and_are_delivered_in_order_once_when_back(
    bus: CommandBus, clock, tmp_path, offline
) -> None:
    """Started, counted twice and paused while the database was away: each command needs the one before."""
    bus.execute(
        command(
            c.CreateWorkOrder, clock.now(), number="WO-1", product="BRACKET-A", quantity=Decimal(10), due=clock.now()
        )
    )
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), number="WO-1"))
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    path = tmp_path / "outbox.sqlite"
    away = OutboxDelivery(Outbox(path), offline, clock)
    sent = [job(c.StartJob, clock), count(clock, 2), count(clock, 3), job(c.PauseJob, clock)]
    answers = [away.send(cmd) for cmd in sent]
    assert [a.waiting for a in answers if isinstance(a, Queued)] == [1, 2, 3, 4]
    assert away.deliver().reachable is False
    away.outbox.close()

    back = OutboxDelivery(Outbox(path), bus, clock)  # the terminal started again, the database answers
    round_ = back.deliver()
    assert (round_.sent, round_.left, round_.reachable, round_.conflicts) == (4, 0, True, ())
    assert all(processed(bus.engine, cmd.command_id) >= 1 for cmd in sent)
    assert good_reported(bus.engine) == 5
    assert back.deliver().sent == 0  # nothing delivered twice


def test_a_command_taken_while_others_wait_waits_behind_them(running, clock, tmp_path, offline) -> None:
    path = tmp_path / "outbox.sqlite"
    OutboxDelivery(Outbox(path), offline, clock).send(count(clock, 1))
    back = OutboxDelivery(Outbox(path), running, clock)
    answer = back.send(count(clock, 2))
    assert isinstance(answer, Queued) and answer.waiting == 2
    assert good_reported(running.engine) == 0
    assert back.deliver(limit=1).left == 1
    assert back.deliver().left == 0
    assert good_reported(running.engine) == 3


def test_a_command_delivered_again_after_a_crash_is_executed_once(running, clock, tmp_path) -> None:
    """The database committed it, the terminal died before forgetting it: the bus answers the second time."""
    outbox = Outbox(tmp_path / "outbox.sqlite")
    cmd = count(clock, 4)
    outbox.put(cmd)
    running.execute(cmd)
    round_ = OutboxDelivery(outbox, running, clock).deliver()
    assert (round_.sent, round_.left, round_.conflicts) == (1, 0, ())
    assert good_reported(running.engine) == 4


def test_a_waiting_command_a_rule_refuses_becomes_a_conflict_kept_whole(running, clock, tmp_path, offline) -> None:
    path = tmp_path / "outbox.sqlite"
    late = count(clock, 2)
    OutboxDelivery(Outbox(path), offline, clock).send(late)
    running.execute(job(c.CompleteJob, clock, short_close=True))  # completed meanwhile from elsewhere
    round_ = OutboxDelivery(Outbox(path), running, clock).deliver()
    assert (round_.sent, round_.left) == (1, 0)
    [kept] = round_.conflicts
    assert kept.command == late
    with running.engine.connect() as connection:
        row = connection.execute(select(CommandConflict)).one()
    assert (row.id, row.command_id, row.type, row.station, row.status) == (
        kept.number,
        late.command_id,
        "ReportCount",
        "WS-01",
        "open",
    )
    assert row.command["good"] == "2" and row.command["work_order"] == "WO-1"
    assert row.code == kept.refusal.code and row.message == kept.refusal.message

    # Delivered again (the terminal died before forgetting it): still one conflict.
    again = Outbox(path)
    again.put(late)
    assert OutboxDelivery(again, running, clock).deliver().conflicts[0].number == kept.number
    with running.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(CommandConflict)).scalar_one() == 1


def test_a_refusal_while_the_operator_waits_is_theirs_to_see_and_nothing_is_kept(running, clock, tmp_path) -> None:
    delivery = OutboxDelivery(Outbox(tmp_path / "outbox.sqlite"), running, clock)
    with pytest.raises(InvalidState):
        delivery.send(job(c.ResumeJob, clock))  # it is running, not paused
    assert delivery.waiting() == 0
    with running.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(CommandConflict)).scalar_one() == 0


def test_a_sign_in_with_a_pin_is_never_written_to_disk(clock, tmp_path, offline) -> None:
    path = tmp_path / "outbox.sqlite"
    delivery = OutboxDelivery(Outbox(path), offline, clock)
    with pytest.raises(DatabaseUnavailable) as refused:
        delivery.send(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    assert refused.value.code == OUTBOX_SIGN_IN_OFFLINE
    assert delivery.waiting() == 0
    delivery.outbox.close()
    assert b"4711" not in b"".join(p.read_bytes() for p in tmp_path.iterdir())


def _garbage(data: bytes) -> bytes:
    return b"\x00garbage" * 600


def _a_page_overwritten(data: bytes) -> bytes:  # bit rot, a bad sector: the B-tree of the entries broken
    return data[: 2 * 4096 + 100] + b"\xff" * 500 + data[2 * 4096 + 600 :]


def _cut_short(data: bytes) -> bytes:  # a copy that stopped halfway
    return data[: len(data) // 2]


@pytest.mark.parametrize("damage", [_garbage, _a_page_overwritten, _cut_short])
def test_a_damaged_outbox_says_so_in_one_sentence_takes_no_work_and_keeps_the_file(
    running, clock, tmp_path, offline, damage
) -> None:
    path = tmp_path / "outbox.sqlite"
    outbox = Outbox(path)
    OutboxDelivery(outbox, running, clock).send(count(clock))  # created and used
    for _ in range(60):  # and some waiting: a file of a few pages
        OutboxDelivery(outbox, offline, clock).send(count(clock))
    outbox.close()
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)
    delivery = OutboxDelivery(Outbox(path), running, clock)
    for attempt in (lambda: delivery.send(count(clock, 7)), delivery.deliver, lambda: delivery.send(count(clock, 7))):
        with pytest.raises(OutboxUnusable) as refused:  # and it stays refused
            attempt()
        assert refused.value.code == OUTBOX_DAMAGED
        assert str(path) in refused.value.message and "takes no new work" in refused.value.message
        assert "\n" not in refused.value.message  # what SQLite's check lists is logged, not put in the banner
    assert good_reported(running.engine) == 1  # the count taken after the damage was not sent
    assert path.read_bytes() == damaged  # the file is left for an administrator, not overwritten


def test_an_outbox_entry_changed_by_hand_is_refused_not_skipped(running, clock, tmp_path, offline) -> None:
    path = tmp_path / "outbox.sqlite"
    outbox = Outbox(path)
    OutboxDelivery(outbox, offline, clock).send(count(clock))
    outbox.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE outbox SET line = ?", (json.dumps({"type": "ReportCount"}),))
    with pytest.raises(OutboxUnusable):
        OutboxDelivery(Outbox(path), running, clock).deliver()


@pytest.mark.postgresql_only
def test_a_postgresql_outage_on_the_same_engine_queues_then_delivers_once(
    running, clock, tmp_path, database_url
) -> None:
    """The server refuses connections and drops the open ones (pg_terminate_backend); then lets them in."""
    name = make_url(database_url).database
    admin = make_engine(make_url(database_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    delivery = OutboxDelivery(Outbox(tmp_path / "outbox.sqlite"), running, clock)
    sent = [count(clock, 1), count(clock, 2)]
    try:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
        answers = [delivery.send(cmd) for cmd in sent]
        assert [type(a) for a in answers] == [Queued, Queued]
        assert delivery.deliver().reachable is False
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()
    round_ = delivery.deliver()
    assert (round_.sent, round_.left) == (2, 0)
    assert good_reported(running.engine) == 3
    with running.engine.connect() as connection:
        ids = connection.execute(select(ProcessedCommand.command_id)).scalars().all()
    assert all(ids.count(cmd.command_id) == 1 for cmd in sent)


def test_a_second_terminal_process_on_the_same_outbox_is_refused(clock, tmp_path, offline) -> None:
    """Two senders of one outbox would mix up its order: the second process takes no work."""
    path = tmp_path / "outbox.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        delivery = OutboxDelivery(Outbox(path), offline, clock)
        with pytest.raises(OutboxUnusable) as refused:
            delivery.send(count(clock))
        assert "another MES Terminal on this computer is using it" in refused.value.message
    finally:
        holder.kill()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    # Once it is gone, the file is this terminal's: what the other one kept is still there.
    after = Outbox(path)
    assert len(after) == 1


ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time, uuid
from datetime import UTC, datetime
from pathlib import Path
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.outbox import Outbox
outbox = Outbox(Path(sys.argv[1]))
outbox.put(c.EndDowntime(command_id=uuid.uuid4(), actor="B1001", issued_at=datetime.now(UTC), station="WS-01"))
print("holding", flush=True)
time.sleep(60)
"""
