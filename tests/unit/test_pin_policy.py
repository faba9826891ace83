"""The PIN policy's pure rules: the strictest of several roles, new PINs, expiry, the lock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.error_codes import PIN_NOT_DIGITS, PIN_TOO_SHORT
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.pin_policy import DEFAULT_POLICY, PinPolicy, check_new_pin, expired, locks_now, strictest

T0 = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def test_several_roles_live_under_the_strictest_of_each_limit() -> None:
    policy = strictest([PinPolicy(6, 2, 0, 5), PinPolicy(4, 5, 90, 0), PinPolicy(8, 0, 30, 3)])
    assert policy == PinPolicy(min_length=8, remember=5, expires_days=30, lock_after=3)
    assert strictest([]) == DEFAULT_POLICY


def test_a_pin_expires_on_its_day_and_never_without_a_limit() -> None:
    policy = PinPolicy(expires_days=90)
    assert not expired(T0, policy, T0 + timedelta(days=90) - timedelta(seconds=1))
    assert expired(T0, policy, T0 + timedelta(days=90))
    assert not expired(T0, DEFAULT_POLICY, T0 + timedelta(days=9000))
    assert not expired(None, policy, T0)


def test_the_lock_comes_at_the_limit_and_never_without_one() -> None:
    assert not locks_now(2, PinPolicy(lock_after=3))
    assert locks_now(3, PinPolicy(lock_after=3))
    assert not locks_now(1000, DEFAULT_POLICY)


@given(st.text(max_size=20))
def test_any_typed_pin_is_accepted_or_refused_with_a_pin_code(text: str) -> None:
    try:
        check_new_pin(text, PinPolicy(min_length=6))
    except InvalidInput as refusal:
        assert refusal.code in (PIN_NOT_DIGITS, PIN_TOO_SHORT)
    else:
        assert text.isascii() and text.isdigit() and 6 <= len(text) <= 12


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "12a456", "١٢٣٤٥٦"])
def test_short_long_or_not_digit_pins_are_refused(pin: str) -> None:
    with pytest.raises(InvalidInput):
        check_new_pin(pin, PinPolicy(min_length=6))
