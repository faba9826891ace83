"""The numeric keypad's text rule: what a sequence of key presses makes of the field."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.ui.widgets.keypad import BACK, CLEAR, POINT, SIGN, apply_key

KEYS = st.lists(st.sampled_from([*"0123456789", POINT, BACK, CLEAR, SIGN]), max_size=30)


def press(*keys: str) -> str:
    text = ""
    for key in keys:
        text = apply_key(text, key)
    return text


def test_the_sign_key_makes_a_measurement_negative_and_positive_again() -> None:
    assert press(SIGN, "0", POINT, "5") == "-0.5"
    assert press("1", "2", SIGN) == "-12"
    assert press("1", "2", SIGN, SIGN) == "12"
    assert press(SIGN, POINT, "2") == "-0.2"
    assert press(SIGN, "0", "7") == "-7"


@given(KEYS)
def test_any_presses_leave_a_number_or_an_unfinished_one(keys: list[str]) -> None:
    text = press(*keys)
    assert text.count(POINT) <= 1 and text.count("-") <= 1 and text.lstrip("-").count("-") == 0
    digits = text.lstrip("-")
    if digits and not digits.endswith(POINT):
        try:
            Decimal(text)
        except InvalidOperation as error:  # pragma: no cover - the assertion says what went wrong
            raise AssertionError(f"{keys} made {text!r}") from error
