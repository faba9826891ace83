"""The console's sign-in waits after wrong PINs in a row, as the terminal's does, and asks for a new PIN
when the old one has expired."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from mes_terminal.db.records import User
from mes_terminal.domain.pins import verify_secret
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.ui.supervisor import new_pin_dialog
from mes_terminal.ui.terminal.pin_throttle import PinThrottle
from tests.helpers import DATA, SUPERVISOR
from tests.ui.test_supervisor_console import sign_in


def _try(console, qtbot, pin: str) -> None:
    console.sign_in_page.ui.badgeEdit.setText(SUPERVISOR)
    console.sign_in_page.ui.pinEdit.setText(pin)
    with qtbot.waitSignal(console.vm.sign_in_refused, timeout=10_000):
        console.sign_in_page.ui.signInButton.click()


def test_three_wrong_pins_make_the_console_wait_before_the_next_attempt(console, qtbot) -> None:
    now = [1000.0]
    console.sign_in_page.throttle = PinThrottle(3, 30, now=lambda: now[0])
    for _ in range(3):
        _try(console, qtbot, "0000")
    assert console.sign_in_page.ui.errorLabel.text() == "Too many wrong PINs. Try again in 30 s."
    console.sign_in_page.ui.badgeEdit.setText(SUPERVISOR)
    console.sign_in_page.ui.pinEdit.setText("1234")
    with qtbot.assertNotEmitted(console.sign_in_page.sign_in_requested):
        console.sign_in_page.ui.signInButton.click()
    assert "Try again in 30 s" in console.sign_in_page.ui.errorLabel.text()
    now[0] += 30
    sign_in(console, qtbot)
    assert console.ui.screens.currentWidget() is console.ui.tabs


def test_a_refusal_that_is_not_a_wrong_pin_does_not_count(console, qtbot) -> None:
    console.sign_in_page.throttle = PinThrottle(1, 30, now=lambda: 0.0)
    console.sign_in_page.ui.badgeEdit.setText("B1001")  # an operator: right PIN, wrong role
    console.sign_in_page.ui.pinEdit.setText("4711")
    with qtbot.waitSignal(console.vm.sign_in_refused, timeout=10_000):
        console.sign_in_page.ui.signInButton.click()
    assert not console.sign_in_page.throttle.locked


def test_an_expired_pin_asks_for_a_new_one_and_then_signs_in(console, qtbot, plant, clock, monkeypatch) -> None:
    policy = '\n[[pin_policies]]\nrole = "supervisor"\nexpires_days = 1\n'
    text = (DATA / "small_plant.toml").read_text(encoding="utf-8") + policy
    load_plant(plant, parse_plant(text, source="small_plant.toml"), now=clock.now())
    sign_in(console, qtbot)  # the PIN's day starts at its first use under the policy
    console.vm.sign_out()
    clock.advance(timedelta(days=1))
    monkeypatch.setattr(new_pin_dialog.NewPinDialog, "ask", classmethod(lambda cls, parent: "5678"))
    console.sign_in_page.ui.badgeEdit.setText(SUPERVISOR)
    console.sign_in_page.ui.pinEdit.setText("1234")
    with qtbot.waitSignal(console.vm.user_changed, timeout=10_000):
        console.sign_in_page.ui.signInButton.click()
    assert console.vm.user is not None and console.vm.user.badge == SUPERVISOR
    with plant.connect() as connection:
        stored = connection.execute(select(User.pin_hash).where(User.badge == SUPERVISOR)).scalar_one()
    assert verify_secret("5678", stored)
