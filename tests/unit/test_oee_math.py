"""OEE arithmetic, stop loss classes and report ranges: pure rules, checked over many inputs."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain import oee
from mes_terminal.domain.downtime import LossClass, check_split, loss_class, machine_status
from mes_terminal.domain.errors import InvalidInput, InvalidState
from mes_terminal.domain.report_range import parse_range

BERLIN = ZoneInfo("Europe/Berlin")
amounts = st.decimals(0, 10**7, places=3, allow_nan=False, allow_infinity=False)


def test_the_oee_com_example_in_isolation() -> None:
    result = oee.compute(
        oee.OeeInputs(
            all_seconds=Decimal(86400),
            calendar_seconds=Decimal(480 * 60),
            planned_stop_seconds=Decimal(60 * 60),
            unplanned_stop_seconds=Decimal(47 * 60),
            ideal_seconds=Decimal(19271),
            total_count=Decimal(19271),
            good_count=Decimal(18848),
        )
    )
    assert (result.planned.value, result.run.value) == (Decimal(420 * 60), Decimal(373 * 60))
    assert [round(f.value, 4) for f in (result.availability, result.performance, result.quality, result.oee)] == [
        Decimal("0.8881"),
        Decimal("0.8611"),
        Decimal("0.9780"),
        Decimal("0.7479"),
    ]
    assert result.utilization.value == Decimal(420 * 60) / Decimal(86400)
    assert result.explain()["teep"]["formula"] == "oee x utilization"


def test_figures_without_a_divisor_have_no_value_and_say_why() -> None:
    result = oee.compute(oee.OeeInputs())
    assert [f.value for f in (result.availability, result.performance, result.quality, result.oee)] == [None] * 4
    assert result.availability.note == "no planned production time in this range"
    assert result.oee.note == "availability and performance and quality not defined"


@given(amounts, amounts, amounts, amounts, amounts, amounts)
def test_consistent_inputs_give_fractions_and_oee_is_their_product(calendar, planned, unplanned, ideal, total, good):
    planned_stop = min(planned, calendar)
    unplanned_stop = min(unplanned, calendar - planned_stop)
    good = min(good, total)
    inputs = oee.OeeInputs(calendar + 1, calendar, planned_stop, unplanned_stop, ideal, total, good)
    result = oee.compute(inputs)
    assert result.planned.value is not None and result.planned.value >= 0
    assert result.run.value is not None and 0 <= result.run.value <= result.planned.value
    for figure in (result.availability, result.quality, result.utilization):
        assert figure.value is None or 0 <= figure.value <= 1
    values = [result.availability.value, result.performance.value, result.quality.value]
    if None in values:
        assert result.oee.value is None
    else:
        assert result.oee.value == values[0] * values[1] * values[2]
    if result.performance.value is not None:  # above 1 is shown, not capped, and says what it means
        assert (result.performance.value > 1) == bool(result.performance.note)


@given(st.lists(st.tuples(amounts, amounts, amounts), min_size=1, max_size=5))
def test_a_line_adds_inputs_up_instead_of_averaging_percentages(stations) -> None:
    parts = [oee.OeeInputs(calendar_seconds=c, ideal_seconds=i, total_count=t, good_count=t) for c, i, t in stations]
    line = sum(parts, oee.OeeInputs())
    assert line.calendar_seconds == sum(p.calendar_seconds for p in parts)
    assert line.total_count == sum(p.total_count for p in parts)


@pytest.mark.parametrize(
    ("category", "loss", "micro", "expected"),
    [
        ("planned", "availability", True, LossClass.PLANNED),
        ("unplanned", "availability", True, LossClass.MICRO),
        ("unplanned", "availability", False, LossClass.AVAILABILITY),
        ("unplanned", "performance", False, LossClass.PERFORMANCE),
        ("unplanned", "quality", False, LossClass.QUALITY),
        (None, None, False, LossClass.AVAILABILITY),  # not classified yet
    ],
)
def test_which_loss_a_stop_counts_as(category, loss, micro, expected) -> None:
    assert loss_class(category, loss, micro) is expected


def test_machine_states_and_splits() -> None:
    assert machine_status("Faulted").value == "faulted"
    with pytest.raises(InvalidInput):
        machine_status("on fire")
    start, end = datetime(2026, 3, 2, 6, tzinfo=UTC), datetime(2026, 3, 2, 7, tzinfo=UTC)
    for outside in (start, end, datetime(2026, 3, 2, 8, tzinfo=UTC)):
        with pytest.raises(InvalidState):
            check_split(1, start, end, outside, end)
    check_split(1, start, None, end, end)  # an open stop splits up to now


def test_report_ranges_in_local_time_and_in_plain_sentences() -> None:
    day = parse_range("2026-03-29", "2026-03-30", BERLIN)  # the spring change: a 23-hour day
    assert (day.start, day.length.total_seconds()) == (datetime(2026, 3, 28, 23, tzinfo=UTC), 23 * 3600)
    assert parse_range("2026-03-02T06:00", "2026-03-02T07:00:00Z", BERLIN).length.total_seconds() == 7200
    with pytest.raises(InvalidInput, match=r"^The report range ends \(2026-03-01 00:00 CET\) before it starts"):
        parse_range("2026-03-02", "2026-03-01", BERLIN)
    with pytest.raises(InvalidInput, match="is empty"):
        parse_range("2026-03-02", "2026-03-02T00:00", BERLIN)
    with pytest.raises(InvalidInput, match="--from"):
        parse_range("monday", "2026-03-02", BERLIN)


@given(st.one_of(st.text(max_size=30), st.dates().map(str)), st.one_of(st.text(max_size=30), st.dates().map(str)))
def test_any_typed_range_is_a_range_or_one_sentence(start: str, end: str) -> None:
    try:
        window = parse_range(start, end, BERLIN)
    except InvalidInput as error:
        assert error.message.endswith(".") and "\n" not in error.message
    else:
        assert window.start < window.end
