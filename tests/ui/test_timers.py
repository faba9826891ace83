"""The terminal's times: the run timer carries the job's run time across a stop; a short stop is told in
seconds; the words for a length of time come from one formatter."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mes_terminal.services.commands import catalog as c
from mes_terminal.ui.terminal.wording import duration, timer
from tests.helpers import OPERATOR, command

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def refresh(qtbot, window) -> None:
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()


def tap(qtbot, window, button) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        button.click()
    qtbot.waitUntil(lambda: not window.vm.busy)


@pytest.fixture
def signed_in(qtbot, bus, clock, work_order, window):
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    refresh(qtbot, window)
    return window


def test_after_resume_the_run_timer_goes_on_from_the_run_time_so_far(qtbot, bus, clock, signed_in) -> None:
    window = signed_in
    ui = window.station_screen.ui
    job = {"station": "WS-01", "work_order": "WO-1", "operation": 10}
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, **job))
    clock.advance(timedelta(minutes=10))
    bus.execute(command(c.PauseJob, clock.now(), actor=OPERATOR, reason="BREAKDOWN", **job))
    clock.advance(timedelta(minutes=5))
    refresh(qtbot, window)
    window.on_clock_tick()
    assert (ui.stateLabel.text(), ui.stateTimerLabel.text()) == ("DOWN", "00:05:00")  # the stop's own time

    tap(qtbot, window, ui.resumeButton)
    window.on_clock_tick()
    assert ui.stateLabel.text() == "RUNNING"
    assert (ui.stateTimerLabel.text(), ui.runTimeValue.text()) == ("00:10:00", "00:10:00")  # not zero
    clock.advance(timedelta(seconds=30))
    window.on_clock_tick()
    assert (ui.stateTimerLabel.text(), ui.runTimeValue.text()) == ("00:10:30", "00:10:30")


def test_a_twelve_second_stop_is_told_in_seconds(qtbot, bus, clock, signed_in) -> None:
    window = signed_in
    bus.execute(command(c.StartDowntime, clock.now(), actor=OPERATOR, station="WS-01", reason="BREAKDOWN"))
    refresh(qtbot, window)
    clock.advance(timedelta(seconds=12))
    tap(qtbot, window, window.station_screen.ui.downtimeButton)  # End downtime
    assert window.banner.text() == "Downtime ended after 12 s."


@pytest.mark.parametrize(
    ("seconds", "words", "clock_face"),
    [
        (0, "0 s", "00:00:00"),
        (12, "12 s", "00:00:12"),
        (59.9, "59 s", "00:00:59"),
        (60, "1 min", "00:01:00"),
        (402, "6 min 42 s", "00:06:42"),
        (720, "12 min", "00:12:00"),
        (2820, "47 min", "00:47:00"),
        (7500, "2 h 05 min", "02:05:00"),
        (-5, "0 s", "00:00:00"),
    ],
)
def test_lengths_of_time_in_words_and_on_the_clock(themed_app, seconds: float, words: str, clock_face: str) -> None:
    assert duration(seconds) == words
    assert timer(seconds) == clock_face
