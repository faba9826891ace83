"""The terminal with its outbox: the header says online / offline (N waiting) / sending (N left), what was
taken offline reaches the database once when it answers, a command that no longer applies is left for a
supervisor, and a terminal offline too long says so loudly. Real window, real databases."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import CommandConflict
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.delivery import OutboxDelivery
from mes_terminal.services.commands.outbox import Outbox
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.services.terminal import TerminalService
from mes_terminal.ui.terminal import view_model
from mes_terminal.ui.terminal.scan_decisions import JobKey
from tests.helpers import OPERATOR, UNREACHABLE, command
from tests.small_disk import small_disk
from tests.ui.cut_text import cut_texts

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def outbox_file(tmp_path: Path) -> Path:
    return tmp_path / "outbox" / "WS-01.sqlite"


@pytest.fixture
def service(plant: Engine, bus: CommandBus, clock, outbox_file: Path) -> TerminalService:
    """The terminal's service as bootstrap builds it: its commands go through the station's outbox."""
    return TerminalService(plant, bus, clock, delivery=OutboxDelivery(Outbox(outbox_file), bus, clock))


@pytest.fixture
def running(bus, clock, work_order) -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order=work_order, operation=10))


@pytest.fixture
def unreachable(clock, outbox_file):
    """The same terminal's service, its database gone: the same outbox file, a server nobody answers at."""
    engine = make_engine(UNREACHABLE)
    bus = CommandBus(engine, clock)
    yield TerminalService(engine, bus, clock, delivery=OutboxDelivery(Outbox(outbox_file), bus, clock))
    engine.dispose()


def counts(engine: Engine) -> list:
    return [e for e in read_events(engine) if e.type == "CountReported"]


def report_offline(qtbot, window, unreachable, *goods: int) -> None:
    online, window.vm.service = window.vm.service, unreachable
    try:
        for good in goods:
            with qtbot.waitSignal(window.vm.settled, timeout=20_000):
                window.vm.report(JobKey("WO-1", 10), Decimal(good))
    finally:
        window.vm.service = online


def test_counts_taken_offline_wait_in_the_header_and_are_sent_once_when_back(
    qtbot, running, open_window, unreachable, plant, monkeypatch
) -> None:
    window = open_window()
    label = window.ui.connectionLabel
    assert label.text() == "Online"

    report_offline(qtbot, window, unreachable, 2, 3, 4)
    assert label.text() == "Offline (3 waiting)"
    assert label.property("online") == "false"
    assert window.banner.kind == "warn"
    assert window.banner.text().startswith("Saved here, not checked yet (3 waiting): Report 4 good")
    assert "(3 waiting)" in window.banner.text() and "a supervisor decides" in window.banner.text()
    assert counts(plant) == []

    monkeypatch.setattr(view_model, "DELIVERY_BATCH", 1)  # one a call, so each step shows in the header
    shown: list[str] = []
    window.vm.outbox_changed.connect(lambda *_: shown.append(label.text()))
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()  # the timer: the database answers again
    qtbot.waitUntil(lambda: window.vm.waiting == 0 and not window.vm.busy, timeout=20_000)
    assert shown == ["Sending (2 left)", "Sending (1 left)", "Online"]
    assert label.text() == "Online" and label.property("online") == "true"
    assert [Decimal(e.payload["good"]) for e in counts(plant)] == [2, 3, 4]
    assert window.station_screen.ui.goodValue.text() == "9"


def test_a_command_that_no_longer_applies_is_left_to_a_supervisor_and_the_operator_told(
    qtbot, running, open_window, unreachable, plant, bus, clock
) -> None:
    window = open_window()
    report_offline(qtbot, window, unreachable, 5)
    # Meanwhile the job is completed from another terminal.
    bus.execute(
        command(
            c.CompleteJob,
            clock.now(),
            actor=OPERATOR,
            station="WS-01",
            work_order="WO-1",
            operation=10,
            short_close=True,
        )
    )
    with qtbot.waitSignal(window.vm.conflicts_kept, timeout=20_000):
        window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert window.banner.kind == "warn"
    assert window.banner.text() == (
        "Actions saved here no longer applied when sent (1). Nothing is lost: a supervisor will decide."
    )
    assert window.ui.connectionLabel.text() == "Online"
    with plant.connect() as connection:
        assert connection.execute(select(func.count()).select_from(CommandConflict)).scalar_one() == 1
    assert counts(plant) == []


def test_offline_longer_than_the_limit_says_so_loudly(qtbot, running, open_window, unreachable, clock) -> None:
    window = open_window(offline_alarm_minutes=15)
    report_offline(qtbot, window, unreachable, 1)
    clock.advance(timedelta(minutes=14))
    window.on_clock_tick()
    assert window.ui.connectionLabel.text() == "Offline (1 waiting)"
    clock.advance(timedelta(minutes=2))
    with qtbot.waitSignal(window.vm.offline_alarm_changed):
        window.on_clock_tick()
    assert window.ui.connectionLabel.text() == "OFFLINE 16 min (1 waiting)"
    assert window.ui.connectionLabel.property("online") == "alarm"
    qtbot.wait(20)  # the header laid out again in the alarm's bold font
    assert cut_texts(window.ui.header) == []
    assert window.banner.kind == "error"
    assert window.banner.text().startswith("This terminal has not reached the database for 16 minutes.")
    assert "(1 waiting)" in window.banner.text()
    clock.advance(timedelta(minutes=5))
    window.on_clock_tick()
    assert window.ui.connectionLabel.text() == "OFFLINE 21 min (1 waiting)"

    with qtbot.waitSignal(window.vm.offline_alarm_changed):  # the database answers: the alarm ends
        window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: not window.vm.busy and window.vm.waiting == 0)
    assert window.ui.connectionLabel.text() == "Online"


def test_a_terminal_started_with_commands_waiting_sends_them_first(
    qtbot, running, open_window, unreachable, plant, outbox_file
) -> None:
    """Taken before the terminal stopped (or lost power): sent at the next start, before anything else."""
    unreachable.execute(
        command(
            c.ReportCount,
            unreachable._clock.now(),
            actor=OPERATOR,
            station="WS-01",
            work_order="WO-1",
            operation=10,
            good=Decimal(6),
        )
    )
    window = open_window()
    qtbot.waitUntil(lambda: not window.vm.busy and window.vm.waiting == 0)
    assert [Decimal(e.payload["good"]) for e in counts(plant)] == [6]
    assert window.ui.connectionLabel.text() == "Online"
    assert window.station_screen.ui.goodValue.text() == "6"


def test_a_damaged_outbox_is_said_at_start_and_no_new_work_is_taken(
    qtbot, running, open_window, outbox_file, plant
) -> None:
    outbox_file.parent.mkdir(parents=True, exist_ok=True)
    outbox_file.write_bytes(b"not a database " * 500)
    window = open_window()
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert window.banner.kind == "error"
    assert window.banner.text().startswith(f"This terminal's outbox file {outbox_file} cannot be used")
    assert "takes no new work so that nothing is lost" in window.banner.text()

    with qtbot.waitSignal(window.vm.command_refused, timeout=10_000):
        window.vm.report(JobKey("WO-1", 10), Decimal(3))
    assert window.banner.kind == "error" and "outbox file" in window.banner.text()
    assert counts(plant) == []  # not sent: it could not be kept first
    assert outbox_file.read_bytes() == b"not a database " * 500


def test_a_full_disk_is_said_in_its_own_sentence_and_work_is_taken_again_once_there_is_room(
    qtbot, running, open_window, outbox_file, plant, tmp_path
) -> None:
    with small_disk(outbox_file.parent) as disk:
        window = open_window()
        disk.fill()
        with qtbot.waitSignal(window.vm.command_refused, timeout=10_000):
            window.vm.report(JobKey("WO-1", 10), Decimal(3))
        assert window.banner.kind == "error"
        assert window.banner.text().startswith(f"This terminal's disk is full: its outbox file {outbox_file}")
        assert "takes no new work until there is room" in window.banner.text()
        assert window.ui.connectionLabel.text() == "Online"  # the database answers: only this terminal's disk is full
        assert counts(plant) == []

        disk.free()
        with qtbot.waitSignal(window.vm.command_succeeded, timeout=10_000):
            window.vm.report(JobKey("WO-1", 10), Decimal(2))
        qtbot.waitUntil(lambda: not window.vm.busy)
        assert window.banner.text().startswith("Reported 2 good and 0 scrap.")
        assert [Decimal(e.payload["good"]) for e in counts(plant)] == [2]
