"""Signing in at the terminal: wrong PINs, the lockout, signing out by badge scan, inactivity."""

from __future__ import annotations

import pytest

from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.ui.terminal.pin_throttle import PinThrottle
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def try_pin(qtbot, window, pin: str) -> None:
    screen = window.sign_in_screen
    screen.ui.pinEdit.setText(pin)
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        screen.ui.signInButton.click()


def test_three_wrong_pins_lock_the_terminal_for_a_while(qtbot, window, plant):
    window.scan_router.route("BADGE:B1001")
    for _ in range(3):
        try_pin(qtbot, window, "0000")
        assert window.banner.kind == "error"
        assert window.banner.text() == "Badge or PIN not recognised."
    screen = window.sign_in_screen
    assert screen.throttle.locked
    assert not screen.ui.signInButton.isEnabled()
    assert "Too many wrong PINs" in screen.ui.lockoutLabel.text()
    assert window.current_screen == "sign_in"
    assert window.sounds.played == ["error", "error", "error"]
    assert [e.type for e in read_events(plant)][-3:] == ["SignInRefused"] * 3


def test_the_throttle_lets_people_try_again_after_the_wait():
    now = [100.0]
    throttle = PinThrottle(attempts=3, lockout_seconds=30, now=lambda: now[0])
    for _ in range(3):
        assert not throttle.locked
        throttle.record_failure()
    assert throttle.seconds_left() == 30
    now[0] += 29.5
    assert throttle.locked
    now[0] += 1
    assert not throttle.locked


def test_scanning_a_signed_in_badge_signs_it_out_after_a_confirmation(qtbot, window, plant, monkeypatch):
    window.scan_router.route("BADGE:B1001")
    try_pin(qtbot, window, "4711")
    assert window.current_screen == "station"
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args, **kwargs: True))
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.scan_router.route("BADGE:B1001")
    assert window.current_screen == "sign_in"
    assert window.ui.operatorsLabel.text() == "Nobody signed in"
    assert [e.type for e in read_events(plant)][-1] == "SignedOut"


def test_inactivity_signs_everyone_out(qtbot, window, plant):
    window.scan_router.route("BADGE:B1001")
    try_pin(qtbot, window, "4711")
    with qtbot.waitSignal(window.vm.settled, timeout=10_000):
        window.inactivity.expired.emit()
    assert window.current_screen == "sign_in"
    assert [e.type for e in read_events(plant)][-1] == "SignedOut"
