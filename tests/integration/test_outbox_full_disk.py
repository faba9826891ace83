"""The terminal's outbox on a full disk (a small tmpfs as the user data directory, filled to the last byte):
it says so in one sentence, takes no new work instead of losing it, keeps what waits, and once there is
room again takes work and delivers it, each command once. Real SQLite outbox, real databases."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from mes_terminal.config import outbox_file
from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import Event
from mes_terminal.domain.error_codes import OUTBOX_DISK_FULL
from mes_terminal.domain.errors import OutboxFull
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus, Outcome
from mes_terminal.services.commands.delivery import OutboxDelivery, Queued
from mes_terminal.services.commands.outbox import Outbox
from tests.helpers import OPERATOR, UNREACHABLE, command, run_first_job
from tests.small_disk import SmallDisk, small_disk


@pytest.fixture
def running(bus: CommandBus, clock) -> CommandBus:
    run_first_job(bus, clock.now(), quantity=1000)
    return bus


@pytest.fixture
def offline(clock):
    engine = make_engine(UNREACHABLE)
    yield CommandBus(engine, clock)
    engine.dispose()


@pytest.fixture
def disk(tmp_path: Path):
    """The user data directory (XDG_DATA_HOME, tests/conftest.py) on a disk of its own, 1 MiB."""
    with small_disk(tmp_path / "data") as mounted:
        yield mounted


def count(clock) -> c.ReportCount:
    return command(
        c.ReportCount, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10, good=Decimal(1)
    )


def counted(bus: CommandBus) -> list:
    """The command ids of the counts in the database, one per CountReported event."""
    with bus.engine.connect() as connection:
        query = select(Event.command_id).where(Event.type == "CountReported").order_by(Event.id)
        return list(connection.execute(query).scalars())


def test_a_full_disk_says_so_takes_no_new_work_keeps_what_waits_and_works_again_when_freed(
    running, offline, clock, disk: SmallDisk
) -> None:
    path = outbox_file("WS-01")
    outbox = Outbox(path)
    away, here = OutboxDelivery(outbox, offline, clock), OutboxDelivery(outbox, running, clock)
    waiting = [count(clock) for _ in range(3)]
    assert all(isinstance(away.send(cmd), Queued) for cmd in waiting)  # taken while the database was away

    disk.fill()
    assert disk.room() == 0
    for delivery in (away, here, here):  # offline and online alike, and again: refused while it lasts
        with pytest.raises(OutboxFull) as refused:
            delivery.send(count(clock))
        assert refused.value.code == OUTBOX_DISK_FULL
        assert refused.value.message == (
            f"This terminal's disk is full: its outbox file {path} cannot keep this action. The terminal takes "
            "no new work until there is room, so that nothing is lost; call an administrator to free space "
            "(docs/offline.md)."
        )
    assert [w.command.command_id for w in outbox.oldest()] == [cmd.command_id for cmd in waiting]  # kept, in order
    assert counted(running) == []  # the refused ones were not sent either: not kept first, not sent

    disk.free()
    last = count(clock)
    assert here.send(last) == Queued(last, 4)  # behind the three that wait
    round_ = here.deliver()
    assert (round_.sent, round_.left, round_.conflicts) == (4, 0, ())
    assert counted(running) == [cmd.command_id for cmd in [*waiting, last]]  # each once, in the order taken


def test_a_terminal_started_on_a_full_disk_says_so_and_delivers_once_there_is_room(
    running, offline, clock, disk: SmallDisk
) -> None:
    path = outbox_file("WS-01")
    taken = Outbox(path)
    kept = [count(clock) for _ in range(2)]
    for cmd in kept:
        OutboxDelivery(taken, offline, clock).send(cmd)
    taken.close()  # the terminal stopped (or lost power)...
    disk.fill()  # ...and the disk filled meanwhile

    started = OutboxDelivery(Outbox(path), running, clock)
    with pytest.raises(OutboxFull):
        started.deliver()  # what the terminal does first at start
    with pytest.raises(OutboxFull):
        started.send(count(clock))
    assert counted(running) == []

    disk.free()
    round_ = started.deliver()
    assert (round_.sent, round_.left) == (2, 0)
    assert counted(running) == [cmd.command_id for cmd in kept]


def test_a_disk_that_fills_while_the_database_commits_keeps_the_answer_and_the_command_once(
    running, clock, disk: SmallDisk
) -> None:
    """The database committed the command, then the outbox cannot cross it off (a delete needs room in
    SQLite's log): the operator's answer stands, and the command, sent again later, is not done twice."""

    class FillingBus(CommandBus):
        def execute(self, cmd):  # the disk fills while the command is at the database
            outcome = super().execute(cmd)
            disk.fill()
            return outcome

    outbox = Outbox(outbox_file("WS-01"))
    first = count(clock)
    answer = OutboxDelivery(outbox, FillingBus(running.engine, clock), clock).send(first)
    assert isinstance(answer, Outcome) and not answer.replayed
    assert len(outbox) == 1  # still there: not crossed off
    delivery = OutboxDelivery(outbox, running, clock)
    with pytest.raises(OutboxFull):
        delivery.send(count(clock))

    disk.free()
    round_ = delivery.deliver()
    assert (round_.sent, round_.left, round_.conflicts) == (1, 0, ())
    assert counted(running) == [first.command_id]  # once
