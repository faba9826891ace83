"""No word cut off: the terminal's main screens at 1024x768, 1280x800 and 1920x1080, in English and German,
show every label, button, progress text and table cell whole (wrapped where it must, never elided)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mes_terminal.services.commands import catalog as c
from mes_terminal.ui.terminal.window import TerminalWindow
from tests.helpers import OPERATOR, command
from tests.ui.cut_text import cut_texts

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SIZES = [(1024, 768), (1280, 800), (1920, 1080)]
# A material whose name is long, as plants name them: it must wrap in the Materials table, not be elided.
LONG_NAMES = """
[[materials]]
code = "PAINT-RAL9005"
name = "Powder coating RAL 9005 jet black, fine texture, 25 kg carton"
unit = "kg"
lot_controlled = true
"""


def settle(qtbot, window: TerminalWindow) -> None:
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    qtbot.waitUntil(lambda: not window.vm.busy)


@pytest.fixture
def running(qtbot, bus, clock, work_order, open_window) -> TerminalWindow:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    bus.execute(
        command(
            c.ReportCount,
            clock.now(),
            actor=OPERATOR,
            station="WS-01",
            work_order="WO-1",
            operation=10,
            good=Decimal(3),
        )
    )
    return open_window()


def check_at_every_size(qtbot, window: TerminalWindow, screen: str) -> None:
    for language in ("en", "de"):
        window.languages.switch(language)
        for size in SIZES:
            window.resize(*size)
            qtbot.waitUntil(lambda size=size: window.size().width() == size[0])
            cut = cut_texts(window)
            if cut:
                window.grab().save(f"/tmp/wt-term-shots/cut-{screen}-{language}-{size[0]}.png")
            assert not cut, f"{screen} at {size[0]}x{size[1]} ({language}) cuts off: {cut}"
    window.languages.switch("en")


def test_the_sign_in_screen_shows_every_word_whole(qtbot, open_window) -> None:
    window = open_window()
    window.on_feedback("info", "Badge B1001 scanned: enter your PIN.")
    check_at_every_size(qtbot, window, "sign-in")


def test_the_running_station_its_materials_and_its_stop_show_every_word_whole(qtbot, running, bus, clock) -> None:
    window = running
    window.on_feedback("ok", "Reported 3 good and 0 scrap. Now 3 good, 0 scrap.")
    check_at_every_size(qtbot, window, "running")

    window.station_screen.ui.materialsButton.setChecked(True)
    qtbot.waitUntil(lambda: window.station_screen.materials.rowCount() > 0)
    check_at_every_size(qtbot, window, "materials")
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
    settle(qtbot, window)
    check_at_every_size(qtbot, window, "down")


def test_an_empty_station_says_there_is_no_work_in_words_that_fit(qtbot, bus, clock, open_window) -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-02", badge=OPERATOR, pin="4711"))
    window = open_window("WS-02")
    assert "no work for this station" in window.station_screen.ui.noJobLabel.text()
    check_at_every_size(qtbot, window, "empty station")


@pytest.mark.parametrize("size", SIZES)
def test_the_checklist_shows_every_word_whole(qtbot, themed_app, size) -> None:
    """The checklist over the terminal: its header, item, limits and keypad whole, in English and German."""
    from mes_terminal.ui.i18n import LanguageSwitcher
    from mes_terminal.ui.terminal.checklist_dialog import ChecklistDialog
    from tests.ui.test_checklist import length_view

    languages = LanguageSwitcher(None)
    dialog = ChecklistDialog(None, length_view())
    qtbot.addWidget(dialog)
    dialog.resize(min(900, size[0] - 40), min(700, size[1] - 60))
    dialog.show()
    try:
        for language in ("en", "de"):
            languages.switch(language)
            for position in range(len(dialog.checklist.items)):
                dialog.position = position
                dialog.redraw()
                cut = cut_texts(dialog)
                assert not cut, f"checklist item {position + 1} at {size} ({language}) cuts off: {cut}"
    finally:
        languages.switch("en")
        dialog.close()
