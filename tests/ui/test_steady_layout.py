"""Nothing moves under a gloved finger: a message coming or going leaves every button where it was.

The feedback banner floats over a strip kept for it under the header; every screen's buttons keep their
place (mapped to the window) with no banner, a one-line banner and a two-line banner, at 1280x800 and
1024x768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication

from mes_terminal.services.commands import catalog as c
from mes_terminal.ui.terminal.window import TerminalWindow
from mes_terminal.ui.widgets.banner import ERROR, OK
from tests.helpers import OPERATOR, command

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

ONE_LINE = "Started WO-1 operation 10."
WORDS = [
    "Lot",
    "R-2612-04A",
    "is",
    "on",
    "hold:",
    "it",
    "cannot",
    "be",
    "taken",
    "into",
    "WO-1",
    "operation",
    "10.",
    "Scan",
    "another",
    "lot",
    "of",
    "steel.",
]
LONGER = (
    "Lot R-2612-04A is on hold until quality releases it: it cannot be taken into WO-1 operation 10. "
    "Scan another lot of Steel sheet 2 mm, or call quality to look at the lot that is on hold."
)
SIZES = [(1280, 800), (1024, 768)]


def buttons_on_screen(window: TerminalWindow) -> dict[str, QRect]:
    """Every visible button of the window, by name, at its place in the window's coordinates."""
    QApplication.processEvents()
    places = {}
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.window() is window:
            top_left = button.mapTo(window, button.rect().topLeft())
            places[f"{button.parent().objectName()}/{button.objectName() or button.text()}"] = QRect(
                top_left, button.size()
            )
    return places


def two_lines(window: TerminalWindow) -> str:
    """A message just long enough to wrap onto a second line of the banner at the window's width."""
    banner = window.banner
    banner.show_message(OK, ONE_LINE)
    one_line = banner.heightForWidth(banner.width())
    words: list[str] = []
    for word in WORDS * 4:
        words.append(word)
        banner.setText(" ".join(words))
        if banner.heightForWidth(banner.width()) > one_line:
            break
    return " ".join(words + WORDS[:3])


def assert_steady(qtbot, window: TerminalWindow) -> None:
    window.banner.clear_message()
    before = buttons_on_screen(window)
    assert len(before) >= 2
    strip = window.ui.bannerStrip
    one_line = 0
    for kind, text in ((OK, ONE_LINE), (ERROR, two_lines(window))):
        window.on_feedback(kind, text)
        qtbot.waitUntil(window.banner.isVisible)
        assert buttons_on_screen(window) == before, f"a {kind} banner moved buttons"
        needed = window.banner.heightForWidth(window.banner.width())
        assert needed > one_line, "the second message takes two lines"
        one_line = needed
        # The message lies in its strip, over no button.
        banner = QRect(window.banner.mapTo(window, window.banner.rect().topLeft()), window.banner.size())
        assert strip.geometry().contains(banner), text
        assert window.banner.heightForWidth(window.banner.width()) <= strip.height(), "the text fits in the strip"
        assert not any(banner.intersects(place) for place in before.values())
    # A message longer still reaches down over the screen for a while; it moves nothing either.
    window.on_feedback(ERROR, LONGER)
    assert buttons_on_screen(window) == before
    window.banner.clear_message()
    assert buttons_on_screen(window) == before


@pytest.fixture
def running(qtbot, bus, clock, work_order, open_window) -> TerminalWindow:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    return open_window()


@pytest.mark.parametrize("size", SIZES)
def test_the_sign_in_keypad_stays_put_when_a_message_comes_and_goes(qtbot, open_window, size) -> None:
    window = open_window()
    window.resize(*size)
    assert window.current_screen == "sign_in"
    assert_steady(qtbot, window)
    # The lockout line under the PIN field, filled and emptied, moves nothing either.
    before = buttons_on_screen(window)
    window.sign_in_screen.ui.lockoutLabel.setText("Too many wrong PINs. Try again in 30 s.")
    assert buttons_on_screen(window) == before


@pytest.mark.parametrize("size", SIZES)
def test_the_station_buttons_stay_put_while_running_down_and_on_materials(qtbot, running, bus, clock, size) -> None:
    window = running
    window.resize(*size)
    qtbot.waitUntil(lambda: window.current_screen == "station")
    assert_steady(qtbot, window)

    window.station_screen.ui.materialsButton.setChecked(True)
    qtbot.waitUntil(lambda: not window.vm.busy)
    assert_steady(qtbot, window)
    window.station_screen.ui.materialsButton.setChecked(False)

    bus.execute(
        command(
            c.PauseJob,
            clock.now(),
            actor=OPERATOR,
            station="WS-01",
            work_order="WO-1",
            operation=10,
            reason="BREAKDOWN",
        )
    )
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    assert window.vm.station is not None and window.vm.station.state == "down"
    assert_steady(qtbot, window)
