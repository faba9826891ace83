"""Reading machine signals: payloads into states and counts, counters into counts, stops into micro-stops."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.machine_signals import (
    MACHINE_STATES,
    CounterEvent,
    SignalSpec,
    counter_step,
    is_micro_stop,
    read_payload,
)

ARRIVED = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
STATE = SignalSpec(kind="state", address="plant/WS-A/state")
MAPPED = SignalSpec(kind="state", address="n", map={"1": "running", "0": "down"})
TOTAL = SignalSpec(kind="count", address="plant/WS-A/count", mode="total")
JSON_STATE = SignalSpec(kind="state", address="j", field="state")


def test_a_plain_word_is_a_state_at_its_arrival() -> None:
    reading = read_payload(b" Running\n", STATE, ARRIVED)
    assert (reading.value, reading.at, reading.signal_time) == ("running", ARRIVED, False)


def test_a_number_is_looked_up_in_the_map_whatever_its_spelling() -> None:
    assert [read_payload(raw, MAPPED, ARRIVED).value for raw in (b"1", b"0", 1, 0.0, "1.0")] == [
        "running",
        "down",
        "running",
        "down",
        "running",
    ]


def test_the_signals_own_time_wins_over_arrival() -> None:
    payload = json.dumps({"state": "down", "ts": "2026-03-02T07:59:58.250+01:00"}).encode()
    reading = read_payload(payload, JSON_STATE, ARRIVED)
    assert reading.value == "down" and reading.signal_time
    assert reading.at == datetime(2026, 3, 2, 6, 59, 58, 250000, tzinfo=UTC)


def test_a_count_in_json_reads_its_field() -> None:
    spec = SignalSpec(kind="count", address="j", mode="total", field="parts")
    assert read_payload(b'{"parts": 1234, "ts": 1772438400}', spec, ARRIVED).value == Decimal(1234)


@pytest.mark.parametrize(
    ("payload", "spec", "problem"),
    [
        (b"smoking", STATE, "is not one of"),
        (b"7", MAPPED, "is not one of"),
        (b'{"state": "down"', JSON_STATE, "not valid JSON"),
        (b'{"mode": "down"}', JSON_STATE, "no member 'state'"),
        (b'{"state": "down", "ts": "yesterday"}', JSON_STATE, "is not a time"),
        (b"-3", TOTAL, "is not a count"),
        (b"NaN", TOTAL, "is not a count"),
        (b"\xff", TOTAL, "not UTF-8"),
    ],
)
def test_what_cannot_be_read_is_refused_naming_the_signal(payload: bytes, spec: SignalSpec, problem: str) -> None:
    with pytest.raises(InvalidInput) as error:
        read_payload(payload, spec, ARRIVED)
    assert error.value.code == "machine.payload_invalid"
    assert spec.address in error.value.message and problem in error.value.message


@given(st.one_of(st.binary(max_size=64), st.text(max_size=64).map(str.encode)))
def test_any_payload_is_a_reading_or_a_typed_refusal(payload: bytes) -> None:
    for spec in (STATE, MAPPED, TOTAL, JSON_STATE):
        try:
            reading = read_payload(payload, spec, ARRIVED)
        except InvalidInput as error:
            assert error.code == "machine.payload_invalid" and error.message.endswith(".")
        else:
            assert reading.value in MACHINE_STATES if spec.kind == "state" else reading.value >= 0


@given(
    st.dictionaries(st.sampled_from(["state", "ts", "x"]), st.one_of(st.text(max_size=30), st.integers(), st.floats()))
)
def test_any_json_object_is_a_reading_or_a_typed_refusal(document: dict) -> None:
    try:
        reading = read_payload(json.dumps(document).encode(), JSON_STATE, ARRIVED)
    except InvalidInput as error:
        assert error.code == "machine.payload_invalid"
    else:
        assert reading.value in MACHINE_STATES and reading.at.tzinfo is not None


def test_the_first_value_is_a_baseline_and_later_ones_count_the_difference() -> None:
    assert counter_step(None, Decimal(1000)) == (counter_step(None, Decimal(1000)))
    first = counter_step(None, Decimal(1000))
    assert (first.event, first.counted) == (CounterEvent.BASELINE, 0)
    step = counter_step(first.last, Decimal(1007))
    assert (step.event, step.counted, step.last) == (CounterEvent.COUNTED, 7, 1007)


def test_a_smaller_value_is_a_wrap_near_the_modulus_and_a_reset_otherwise() -> None:
    assert counter_step(Decimal(65530), Decimal(4), 65536)[:2] == (CounterEvent.WRAPPED, 10)
    assert counter_step(Decimal(500), Decimal(3), 65536)[:2] == (CounterEvent.RESET, 3)
    assert counter_step(Decimal(65530), Decimal(4))[:2] == (CounterEvent.RESET, 4)


@given(
    st.lists(st.integers(min_value=0, max_value=2**16 - 1), min_size=1, max_size=50),
    st.sampled_from([None, 2**16]),
)
def test_a_counter_never_counts_negative_and_counts_exactly_what_it_grew(values: list[int], wrap: int | None) -> None:
    last: Decimal | None = None
    total = Decimal(0)
    for value in values:
        step = counter_step(last, Decimal(value), wrap)
        assert step.counted >= 0 and step.last == value
        total += step.counted
        last = step.last
    if all(b >= a for a, b in itertools.pairwise(values)):  # a counter that only grew
        assert total == values[-1] - values[0]


def test_a_stop_shorter_than_the_threshold_is_a_micro_stop() -> None:
    assert is_micro_stop(ARRIVED, ARRIVED + timedelta(seconds=59), 60)
    assert not is_micro_stop(ARRIVED, ARRIVED + timedelta(seconds=60), 60)
    assert not is_micro_stop(ARRIVED, ARRIVED + timedelta(seconds=1), None)


def test_a_machines_stop_asks_for_a_reason_only_once_it_outlasts_a_micro_stop() -> None:
    from mes_terminal.services.queries.downtime_views import DowntimeView

    stop = DowntimeView(1, "WS-A", ARRIVED, None, None, "machine", "down", None, micro_stop_seconds=60)
    assert not stop.ask_for_reason(ARRIVED + timedelta(seconds=59))
    assert stop.ask_for_reason(ARRIVED + timedelta(seconds=60))
    operators = DowntimeView(2, "WS-A", ARRIVED, None, None, "operator", None, None, micro_stop_seconds=60)
    assert operators.ask_for_reason(ARRIVED)  # a person's stop: at once
