"""Signing in at the terminal: wrong PINs, the lockout, signing out by badge scan, inactivity."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mes_terminal.domain.error_codes import PIN_EXPIRED
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.ui.terminal import new_pin_pad
from mes_terminal.ui.terminal.new_pin_pad import NewPinPad
from mes_terminal.ui.terminal.pin_throttle import PinThrottle
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog
from tests.helpers import DATA

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


def test_an_expired_pin_asks_for_a_new_one_on_the_keypad_and_signs_in(qtbot, window, plant, clock, monkeypatch):
    policy = '\n[[pin_policies]]\nrole = "operator"\nexpires_days = 30\n'
    text = (DATA / "small_plant.toml").read_text(encoding="utf-8") + policy
    load_plant(plant, parse_plant(text, source="small_plant.toml"), now=clock.now())
    asked = []
    monkeypatch.setattr(new_pin_pad.NewPinPad, "ask", classmethod(lambda cls, parent: asked.append(1) or "97531"))
    window.scan_router.route("BADGE:B1001")
    try_pin(qtbot, window, "4711")  # the first use under the policy starts the PIN's 30 days
    assert window.current_screen == "station"
    window.vm.sign_out("B1001")
    qtbot.waitUntil(lambda: window.current_screen == "sign_in", timeout=10_000)
    clock.advance(timedelta(days=30))
    window.scan_router.route("BADGE:B1001")
    try_pin(qtbot, window, "4711")
    qtbot.waitUntil(lambda: window.current_screen == "station", timeout=10_000)
    assert asked == [1]
    types = [e.type for e in read_events(plant)]
    assert types[-3:] == ["SignInRefused", "PinChanged", "SignedIn"]
    assert [e.payload.get("code") for e in read_events(plant) if e.type == "SignInRefused"] == [PIN_EXPIRED]


def test_the_new_pin_pad_takes_the_pin_twice_and_refuses_two_different_ones(qtbot):
    pad = NewPinPad(None)
    qtbot.addWidget(pad)
    for key in "1357":
        pad.keypad.key_pressed.emit(key)
    pad.ok_button.click()
    for key in "1358":
        pad.keypad.key_pressed.emit(key)
    pad.ok_button.click()
    assert pad.value is None and "differ" in pad.error_label.text() and pad.first.text() == ""
    for key in "1357":
        pad.keypad.key_pressed.emit(key)
    pad.ok_button.click()
    for key in "1357":
        pad.keypad.key_pressed.emit(key)
    pad.ok_button.click()
    assert pad.value == "1357"
