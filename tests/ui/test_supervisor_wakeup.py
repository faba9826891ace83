"""PostgreSQL wakes the console: a `NOTIFY mes_events` from any connection makes the board read at once."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from mes_terminal.services.commands import catalog as c
from mes_terminal.ui.supervisor.window import SupervisorWindow
from tests.helpers import command
from tests.ui.test_supervisor_console import NEVER, order, settle, sign_in

pytestmark = [pytest.mark.postgresql_only, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def listening_console(qapp, qtbot, console_service):
    """The console with its LISTEN connection, and its poll timers pushed far out: only a notification polls."""
    window = SupervisorWindow(console_service, poll_ms=NEVER, oee_ms=NEVER, listen=True)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.shutdown()


def test_a_bare_notification_from_another_connection_makes_the_console_ask(listening_console, qtbot, plant) -> None:
    console = listening_console
    sign_in(console, qtbot)
    qtbot.waitUntil(lambda: console.vm.listening, timeout=10_000)
    settle(console, qtbot)
    # Nothing else asks (the poll timer is pushed far out): `settled` comes only from the poll it woke.
    with qtbot.waitSignal(console.vm.settled, timeout=10_000), plant.connect() as second:
        second.execute(text("NOTIFY mes_events"))
        second.commit()


def test_a_notification_wakes_the_board(listening_console, qtbot, bus, clock, plant) -> None:
    console = listening_console
    order(bus, clock, "WO-1")
    sign_in(console, qtbot)
    qtbot.waitUntil(lambda: console.vm.listening, timeout=10_000)
    assert console.board.model.rows[0].state == "offline"
    bus.execute(command(c.StartJob, clock.now(), station="WS-01", work_order="WO-1", operation=10))
    # A writer elsewhere notifies (another console, a script; the trigger of migration 0005 does it as well).
    with qtbot.waitSignal(console.vm.board_changed, timeout=10_000), plant.connect() as second:
        second.execute(text("NOTIFY mes_events"))
        second.commit()
    settle(console, qtbot)
    row = console.board.model.rows[0]
    assert (row.station, row.state, row.work_order) == ("WS-01", "running", "WO-1")


def test_a_notification_during_a_poll_is_not_lost(listening_console, qtbot, bus, clock) -> None:
    console = listening_console
    order(bus, clock, "WO-1")
    sign_in(console, qtbot)
    console.vm.poll()  # a question is open...
    bus.execute(command(c.StartJob, clock.now(), station="WS-01", work_order="WO-1", operation=10))
    console.vm.poll()  # ...when the wake-up comes: it is asked again once the first returns
    qtbot.waitUntil(lambda: console.board.model.rows[0].state == "running", timeout=10_000)
