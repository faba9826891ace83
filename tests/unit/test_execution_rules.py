"""Readiness and the quantity rules, as pure functions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.execution import (
    OperationFacts,
    PreviousOperation,
    Readiness,
    StartWhen,
    available,
    check_complete,
    check_count,
    expected,
    readiness,
)

QTY = StartWhen.QUANTITY_AVAILABLE
FINISHED = StartWhen.PREVIOUS_FINISHED


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


@pytest.mark.parametrize(
    ("changes", "rule", "state", "reason"),
    [
        ({}, QTY, Readiness.READY, "Ready: 30 to make."),
        ({}, FINISHED, Readiness.WAITING_PREVIOUS, "Waiting for operation 10 (Cut) to finish: 30 done."),
        (
            {"previous": PreviousOperation(10, "Cut", "completed", Decimal(98))},
            FINISHED,
            Readiness.READY,
            "Ready: 98 to make.",
        ),
        (
            {"good": Decimal(30)},
            QTY,
            Readiness.WAITING_PREVIOUS,
            "Waiting for operation 10 (Cut): all 30 parts delivered so far are done here.",
        ),
        (
            {"previous": PreviousOperation(10, "Cut", "ready", Decimal(0))},
            QTY,
            Readiness.WAITING_PREVIOUS,
            "Waiting for operation 10 (Cut): no parts available yet.",
        ),
        ({"order_status": "on_hold"}, QTY, Readiness.ORDER_ON_HOLD, "Work order WO-1 is on hold."),
        ({"order_status": "planned"}, QTY, Readiness.ORDER_NOT_RELEASED, "Work order WO-1 is not released."),
        (
            {"status": "running", "station": "WS-02"},
            QTY,
            Readiness.RUNNING_HERE,
            "Running here: 0 good, 0 scrap of 30.",
        ),
        (
            {"status": "paused", "station": "WS-09"},
            QTY,
            Readiness.RUNNING_ELSEWHERE,
            "WO-1 operation 20 (Bend) is paused at WS-09.",
        ),
        ({"status": "completed"}, QTY, Readiness.COMPLETED, "WO-1 operation 20 (Bend) is completed."),
        ({"previous": None, "seq": 10, "name": "Cut"}, FINISHED, Readiness.READY, "Ready: 100 to make."),
    ],
)
def test_readiness(changes: dict, rule: StartWhen, state: Readiness, reason: str) -> None:
    assert readiness(facts(**changes), "WS-02", rule) == (state, reason)


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
