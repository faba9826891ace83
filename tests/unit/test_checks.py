"""Checks: which items fall due when, and what an entered value means for an item."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain import checks
from mes_terminal.domain.checks import CheckItem, CheckRecord, JobProgress
from mes_terminal.domain.errors import InvalidInput, InvalidState

T0 = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
LENGTH = CheckItem(
    "CUT-FAI",
    1,
    "LEN",
    "Length",
    "numeric",
    True,
    "first_piece",
    unit="mm",
    lower=Decimal("99.5"),
    target=Decimal("100"),
    upper=Decimal("100.5"),
)


def item(when: str, **extra) -> CheckItem:
    return CheckItem("CL", 1, when.upper(), when, "pass_fail", True, when, **extra)


def progress(*counts: tuple[int, int], started: datetime = T0, **extra) -> JobProgress:
    return JobProgress(
        started_at=started,
        counts=tuple((T0 + timedelta(minutes=m), Decimal(q)) for m, q in counts),
        **extra,
    )


def due(items, records=(), prog=None, now=T0, **extra) -> list[str]:
    return [d.item.code for d in checks.due_checks(items, records, prog or progress(), now, **extra)]


def test_a_start_check_is_due_until_recorded() -> None:
    start = item("start")
    assert due([start]) == ["START"]
    assert due([start], [CheckRecord("START", T0)]) == []


def test_a_first_piece_check_falls_due_with_the_first_count() -> None:
    first = item("first_piece")
    assert due([first]) == []
    assert due([first], prog=progress((1, 1))) == ["FIRST_PIECE"]


def test_every_n_counts_what_was_reported_since_its_last_check() -> None:
    every = item("every_n", every_n=5)
    assert due([every], prog=progress((1, 4))) == []
    assert due([every], prog=progress((1, 4), (2, 1))) == ["EVERY_N"]
    checked = [CheckRecord("EVERY_N", T0 + timedelta(minutes=2))]
    assert due([every], checked, progress((1, 4), (2, 1), (3, 4))) == []
    assert due([every], checked, progress((1, 4), (2, 1), (3, 5))) == ["EVERY_N"]


def test_every_minutes_counts_from_the_start_then_from_the_last_check() -> None:
    every = item("every_minutes", every_minutes=30)
    assert due([every], now=T0 + timedelta(minutes=29)) == []
    assert due([every], now=T0 + timedelta(minutes=30)) == ["EVERY_MINUTES"]
    checked = [CheckRecord("EVERY_MINUTES", T0 + timedelta(minutes=31))]
    assert due([every], checked, now=T0 + timedelta(minutes=60)) == []


def test_a_completion_check_is_due_when_all_is_reported_or_the_job_completes() -> None:
    final = item("completion")
    assert due([final]) == []
    assert due([final], prog=progress(ready_to_complete=True)) == ["COMPLETION"]
    assert due([final], completing=True) == ["COMPLETION"]


def test_a_shift_start_check_is_due_once_each_shift() -> None:
    shift = item("shift_start")
    second_shift = T0 + timedelta(hours=8)
    checked = [CheckRecord("SHIFT_START", T0 + timedelta(hours=1))]
    assert due([shift], checked, progress(shift_started_at=T0)) == []
    assert due([shift], checked, progress(shift_started_at=second_shift), now=second_shift) == ["SHIFT_START"]
    # Without a shift calendar it behaves like a check at start.
    assert due([shift]) == ["SHIFT_START"]


def test_the_refusal_names_the_first_required_due_check_and_counts_the_others() -> None:
    optional = CheckItem("CL", 1, "OPT", "Optional look", "pass_fail", False, "start")
    found = checks.due_checks([optional, item("start"), LENGTH], [], progress((1, 1)), T0)
    with pytest.raises(InvalidState) as refused:
        checks.refuse_if_due(found, False, "WO-1 operation 10 (Cut)")
    assert refused.value.message == (
        "WO-1 operation 10 (Cut): check start (at start) and 1 more is due; record it before you report more."
    )
    checks.refuse_if_due(found[:1], False, "WO-1")  # an optional check alone blocks nothing


@pytest.mark.parametrize(
    ("raw", "passed", "value"),
    [
        ("100", True, "100"),
        ("99.5", True, "99.5"),
        ("100.50", True, "100.5"),
        ("99.49", False, "99.49"),
        ("100,7", False, "100.7"),
        (Decimal("100.2"), True, "100.2"),
        (100, True, "100"),
    ],
)
def test_a_measurement_passes_within_its_limits_inclusive(raw, passed, value) -> None:
    outcome = checks.evaluate(LENGTH, raw)
    assert (outcome.passed, outcome.value) == (passed, value)


@pytest.mark.parametrize(
    "raw", ["", "abc", "NaN", "nan", "inf", "-Infinity", "1e400", "100.0000001", None, True, float("nan")]
)
def test_what_is_not_a_number_is_refused_with_a_sentence(raw) -> None:
    with pytest.raises(InvalidInput) as refused:
        checks.evaluate(LENGTH, raw)
    assert refused.value.message.startswith("Length")


def test_a_physically_impossible_length_is_a_typing_slip() -> None:
    assert checks.plausible_range(LENGTH) == (Decimal("89.5"), Decimal("110.5"))
    with pytest.raises(InvalidInput, match="is not a possible value"):
        checks.evaluate(LENGTH, "1005")


def test_pass_fail_choice_and_text_answers() -> None:
    assert checks.evaluate(item("start"), " FAIL ").passed is False
    with pytest.raises(InvalidInput, match="pass or fail"):
        checks.evaluate(item("start"), "maybe")
    edge = CheckItem("CL", 1, "EDGE", "Edge", "choice", True, "start", choices=("clean", "light burr"))
    assert checks.evaluate(edge, "Light Burr").value == "light burr"
    with pytest.raises(InvalidInput, match="one of: clean, light burr"):
        checks.evaluate(edge, "rough")
    note = CheckItem("CL", 1, "NOTE", "Note", "text", False, "completion")
    assert checks.evaluate(note, "  all good ").value == "all good"


def test_the_keypad_shows_limits_in_words() -> None:
    assert checks.limits_text(LENGTH) == "99.5 – 100.5 mm (target 100)"


@given(st.one_of(st.text(max_size=30), st.decimals(), st.floats(), st.integers(), st.none(), st.booleans()))
def test_any_entry_is_an_outcome_or_a_plain_refusal(raw) -> None:
    try:
        outcome = checks.evaluate(LENGTH, raw)
    except InvalidInput as refused:
        assert refused.message and "\n" not in refused.message
        return
    assert outcome.numeric is not None
    assert outcome.passed == (LENGTH.lower <= outcome.numeric <= LENGTH.upper)
    assert outcome.passed == (outcome.deviation is None)


@given(st.decimals(min_value=Decimal("89.5"), max_value=Decimal("110.5"), places=3))
def test_every_plausible_value_is_judged_against_the_limits(value: Decimal) -> None:
    outcome = checks.evaluate(LENGTH, str(value))
    assert outcome.numeric == value
    assert outcome.passed == (Decimal("99.5") <= value <= Decimal("100.5"))
