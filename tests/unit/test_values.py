"""Parsing of quantities, times, ids and codes: clean values or a sentence naming the field."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.values import (
    parse_code,
    parse_quantity,
    parse_timestamp,
    parse_timezone,
    parse_uuid,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(5, Decimal(5)), ("0.35", Decimal("0.35")), (Decimal("12.000001"), Decimal("12.000001")), (2.5, Decimal("2.5"))],
)
def test_quantities_from_numbers_and_strings(raw: object, expected: Decimal) -> None:
    assert parse_quantity(raw, "quantity") == expected


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (-1, "may not be negative"),
        ("-0.5", "may not be negative"),
        (float("nan"), "finite"),
        (float("inf"), "finite"),
        ("NaN", "finite"),
        ("Infinity", "finite"),
        ("ten", "must be a number"),
        (True, "must be a number"),
        (None, "must be a number"),
        ([1], "must be a number"),
        ("1e20", "too large"),
        ("1000000000", "too large"),
        ("0.0000001", "more than six decimal places"),
    ],
)
def test_bad_quantities_are_named(raw: object, says: str) -> None:
    with pytest.raises(InvalidInput, match=f"^good .*{says}"):
        parse_quantity(raw, "good")


def test_zero_is_refused_where_a_positive_quantity_is_needed() -> None:
    with pytest.raises(InvalidInput, match="quantity must be more than zero"):
        parse_quantity(0, "quantity", allow_zero=False)


@given(st.one_of(st.text(), st.integers(), st.floats(), st.decimals(), st.none(), st.booleans()))
def test_any_value_gives_a_decimal_or_invalid_input(raw: object) -> None:
    try:
        value = parse_quantity(raw, "q")
    except InvalidInput:
        return
    assert isinstance(value, Decimal) and value.is_finite() and value >= 0


def test_times_with_zone_become_utc() -> None:
    assert parse_timestamp("2026-03-29T03:30:00+02:00", "t") == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert parse_timestamp("2026-03-01T06:00:00Z", "t") == datetime(2026, 3, 1, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("2026-03-01T06:00:00", "needs a time zone"),
        ("yesterday", "RFC 3339"),
        ("2026-02-30T06:00:00Z", "not a valid time"),
        (1700000000, "RFC 3339 time string"),
    ],
)
def test_bad_times_are_named(raw: object, says: str) -> None:
    with pytest.raises(InvalidInput, match=f"^issued_at .*{says}"):
        parse_timestamp(raw, "issued_at")


@given(st.text(max_size=40))
def test_any_text_gives_an_aware_time_or_invalid_input(raw: str) -> None:
    try:
        value = parse_timestamp(raw, "t")
    except InvalidInput:
        return
    assert value.tzinfo is UTC


def test_uuid_code_and_timezone() -> None:
    assert str(parse_uuid("3F2B8C1E-0D6A-4E0B-9A77-2F1C5D9E8B10", "id")) == "3f2b8c1e-0d6a-4e0b-9a77-2f1c5d9e8b10"
    with pytest.raises(InvalidInput, match="command_id must be a UUID"):
        parse_uuid("not-a-uuid", "command_id")
    assert parse_code(" WS-01 ", "station") == "WS-01"
    with pytest.raises(InvalidInput, match="station must be a code"):
        parse_code("WS 01; DROP", "station")
    assert parse_timezone("Europe/Berlin", "timezone").key == "Europe/Berlin"
    with pytest.raises(InvalidInput, match="IANA time zone"):
        parse_timezone("Mars/Olympus", "timezone")
