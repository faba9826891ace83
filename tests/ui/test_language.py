"""The operator switches the terminal between English and German."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mes_terminal.ui.terminal import dispatch_model as dm
from mes_terminal.ui.terminal.scan_decisions import JobKey

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_language_button_switches_to_german_and_back(qtbot, window):
    ui = window.station_screen.ui
    assert window.ui.languageButton.text() == "DE"
    window.ui.languageButton.click()
    try:
        qtbot.waitUntil(lambda: ui.startButton.text() == "Starten")  # Qt posts the LanguageChange events
        assert window.languages.language == "de"
        assert window.ui.languageButton.text() == "EN"
        assert ui.startButton.text() == "Starten"
        assert ui.stateLabel.text() == "FREI"
        assert window.station_screen.instructions.button.text() == "Anweisungen"  # built in code, not a form
        assert window.sign_in_screen.ui.titleLabel.text() == "Anmelden"
        assert window.ui.operatorsLabel.text() == "Niemand angemeldet"
        assert window.station_screen.model.headerData(3, ui.dispatchView.horizontalHeader().orientation()) == (
            "Bereitschaft"
        )
        with qtbot.waitSignal(window.vm.feedback, timeout=10_000):  # no lot is called NONSENSE
            window.scan_router.route("NONSENSE")
        assert window.banner.text() == "Scan nicht erkannt. Kein Code, den MES Terminal kennt: NONSENSE"
    finally:
        window.ui.languageButton.click()
    qtbot.waitUntil(lambda: ui.startButton.text() == "Start")
    assert window.languages.language == "en"
    assert window.station_screen.instructions.button.text() == "Instructions"
    # The message on show is said again in the language switched to.
    assert window.banner.text() == "Scan not recognised. Not a code MES Terminal knows: NONSENSE"


def test_a_switch_of_language_moves_no_button_and_units_are_german(qtbot, bus, clock, work_order, window) -> None:
    from mes_terminal.services.commands import catalog as c
    from tests.helpers import OPERATOR, command
    from tests.ui.test_steady_layout import buttons_on_screen

    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.vm.refresh()
    window.resize(1280, 800)
    ui = window.station_screen.ui
    window.on_feedback("ok", "Started WO-1 operation 10.")
    before = buttons_on_screen(window)
    assert ui.targetValue.text() == "10 pcs"
    window.languages.switch("de")
    qtbot.waitUntil(lambda: ui.startButton.text() == "Starten")
    try:
        assert buttons_on_screen(window) == before
        assert ui.targetValue.text() == "10 Stk"
    finally:
        window.languages.switch("en")


def test_the_services_sentences_are_shown_in_german(qtbot, window, work_order):
    """Readiness reasons and refusals come from the services in English; the terminal translates them."""
    window.ui.languageButton.click()
    try:
        qtbot.waitUntil(lambda: window.languages.language == "de")
        window.scan_router.route("B1001")
        for digit in "4711":
            window.sign_in_screen.keypad.buttons[digit].click()
        with qtbot.waitSignal(window.vm.settled, timeout=10_000):
            window.sign_in_screen.ui.signInButton.click()
        model = window.station_screen.model
        assert model.index(model.row_of("WO-1", 10), dm.READINESS).data() == "Bereit: 10 zu fertigen."
        with qtbot.waitSignal(window.vm.command_refused, timeout=10_000):
            window.vm.report(JobKey("WO-1", 10), good=Decimal(1))  # not started yet
        assert window.banner.kind == "error"
        assert window.banner.text() == "WO-1 Arbeitsgang 10 (Cut) läuft nicht an WS-01."
    finally:
        window.ui.languageButton.click()
    qtbot.waitUntil(lambda: window.languages.language == "en")
    assert model.index(model.row_of("WO-1", 10), dm.READINESS).data() == "Ready: 10 to make."
