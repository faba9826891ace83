"""Report headings and values for people: one owner, units in the headings, one decimal for percentages."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.services.reports.columns import COLUMNS, PERCENT, SECONDS, column, duration, heading, shown


def test_headings_carry_their_units() -> None:
    assert heading("planned_seconds") == "Planned time (h:mm:ss)"
    assert heading("availability") == "Availability (%)"
    assert heading("cumulative_share") == "Cumulative share (%)"
    assert heading("made_in") == "Made in"  # a key without a name reads as its words, never as snake_case


def test_no_heading_is_a_key() -> None:
    for key, named in COLUMNS.items():
        assert "_" not in named.heading, key


@given(st.decimals(min_value=0, max_value=2, places=6, allow_nan=False, allow_infinity=False))
def test_every_percentage_has_one_decimal(fraction: Decimal) -> None:
    for key in (k for k, c in COLUMNS.items() if c.kind == PERCENT):
        assert re.fullmatch(r"\d+\.\d", shown(key, fraction)), key


@given(st.integers(min_value=0, max_value=10 * 24 * 3600))
def test_seconds_read_as_hours_minutes_seconds(seconds: int) -> None:
    text = duration(seconds)
    hours, minutes, secs = (int(part) for part in text.split(":"))
    assert hours * 3600 + minutes * 60 + secs == seconds and minutes < 60 and secs < 60
    assert shown("seconds", Decimal(seconds)) == text and column("seconds").kind == SECONDS


def test_nothing_reads_as_a_dash() -> None:
    assert shown("oee", None) == "–" and shown("station", "") == "–"
