"""The operator switches the terminal between English and German."""

from __future__ import annotations

import pytest

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
        assert window.sign_in_screen.ui.titleLabel.text() == "Anmelden"
        assert window.ui.operatorsLabel.text() == "Niemand angemeldet"
        assert window.station_screen.model.headerData(3, ui.dispatchView.horizontalHeader().orientation()) == (
            "Bereitschaft"
        )
        window.scan_router.route("NONSENSE")
        assert window.banner.text().startswith("Scan nicht erkannt.")
    finally:
        window.ui.languageButton.click()
    qtbot.waitUntil(lambda: ui.startButton.text() == "Start")
    assert window.languages.language == "en"
