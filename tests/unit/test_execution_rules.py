"""The quantity rules, as pure functions (readiness: test_readiness.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.execution import (
    OperationFacts,
    PreviousOperation,
    available,
    check_complete,
    check_count,
    expected,
)


def facts(**changes: object) -> OperationFacts:
    base = {
        "work_order": "WO-1",
        "order_status": "released",
        "order_quantity": Decimal(100),
        "seq": 20,
        "name": "Bend",
        "status": "pending",
        "good": Decimal(0),
        "scrap": Decimal(0),
        "station": None,
        "previous": PreviousOperation(10, "Cut", "running", Decimal(30)),
    }
    return OperationFacts(**{**base, **changes})


def test_expected_is_the_order_quantity_until_the_previous_operation_finishes() -> None:
    assert expected(facts()) == Decimal(100)
    assert expected(facts(previous=PreviousOperation(10, "Cut", "completed", Decimal(97)))) == Decimal(97)


def test_overrun_allowance() -> None:
    check_count(facts(good=Decimal(30)), Decimal(1), Decimal(0), overrun_percent=Decimal(10))  # 31 <= 33
    with pytest.raises(InvalidState, match="only 33 may be reported"):
        check_count(facts(good=Decimal(30)), Decimal(4), Decimal(0), overrun_percent=Decimal(10))


def test_short_close() -> None:
    with pytest.raises(InvalidState) as refused:
        check_complete(facts(good=Decimal(30)), short_close=False)
    assert refused.value.code == "job.short"
    check_complete(facts(good=Decimal(30)), short_close=True)


@given(
    st.integers(0, 200).map(Decimal),
    st.integers(0, 200).map(Decimal),
    st.integers(0, 50).map(Decimal),
    st.integers(0, 50).map(Decimal),
    st.integers(0, 20).map(Decimal),
)
def test_a_count_is_accepted_only_within_the_allowance(done, prev_good, good, scrap, overrun) -> None:
    f = facts(good=done, previous=PreviousOperation(10, "Cut", "running", prev_good))
    allowed = available(f) * (1 + overrun / 100)
    try:
        check_count(f, good, scrap, overrun)
    except InvalidState:
        assert good + scrap == 0 or done + good + scrap > allowed
    else:
        assert good + scrap > 0 and done + good + scrap <= allowed
