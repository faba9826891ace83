"""The status enums keep the stored strings, and their transition tables say what the handlers do."""

from __future__ import annotations

from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.statuses import (
    ACTIVE_OPERATION,
    DISPATCHED_ORDER,
    GONE_LOT,
    HELD_LOT,
    LOT_MOVES,
    OPEN_ORDER,
    OPERATION_MOVES,
    REFILLABLE_LOT,
    WAITING_OPERATION,
    WORK_ORDER_MOVES,
    DowntimeState,
    LotStatus,
    OperationStatus,
    WorkOrderStatus,
    can_move,
    downtime_state,
    is_terminal,
    require_transition,
    spoken,
)
from mes_terminal.domain.work_orders import check_transition

L, Op, W = LotStatus, OperationStatus, WorkOrderStatus
TABLES: list[tuple[type[StrEnum], dict]] = [
    (LotStatus, dict(LOT_MOVES)),
    (OperationStatus, dict(OPERATION_MOVES)),
    (WorkOrderStatus, dict(WORK_ORDER_MOVES)),
]
ANY_STATUS = st.sampled_from([*LotStatus, *OperationStatus, *WorkOrderStatus])


def test_the_values_are_the_strings_the_database_and_the_jsonl_output_hold() -> None:
    assert [s.value for s in LotStatus] == ["available", "on_hold", "quarantined", "consumed", "scrapped"]
    assert [s.value for s in OperationStatus] == ["pending", "ready", "running", "paused", "completed"]
    assert [s.value for s in WorkOrderStatus] == [
        "planned",
        "released",
        "in_progress",
        "on_hold",
        "completed",
        "closed",
        "cancelled",
    ]
    assert LotStatus.ON_HOLD == "on_hold" and f"{LotStatus.ON_HOLD}" == "on_hold"


@pytest.mark.parametrize(("enum", "table"), TABLES, ids=lambda v: getattr(v, "__name__", ""))
def test_every_status_has_a_row_and_moves_only_within_its_enum_and_never_to_itself(
    enum: type[StrEnum], table: dict
) -> None:
    assert set(table) == set(enum)
    for status, targets in table.items():
        assert status not in targets
        assert all(isinstance(target, enum) for target in targets)


def test_the_terminal_statuses_are_those_nothing_leaves_today() -> None:
    assert {s for s in LotStatus if is_terminal(s)} == {L.SCRAPPED}
    assert {s for s in OperationStatus if is_terminal(s)} == {Op.COMPLETED}
    assert {s for s in WorkOrderStatus if is_terminal(s)} == {W.CLOSED, W.CANCELLED}


def test_a_consumed_lot_is_empty_but_not_finished_a_return_or_a_merge_fills_it_again() -> None:
    assert can_move(L.CONSUMED, L.AVAILABLE)
    assert not can_move(L.CONSUMED, L.ON_HOLD)
    assert not can_move(L.CONSUMED, L.SCRAPPED)  # "holds nothing to scrap"


@given(ANY_STATUS, ANY_STATUS)
def test_no_transition_leaves_a_terminal_status(current: StrEnum, target: StrEnum) -> None:
    if type(current) is not type(target) or not is_terminal(current):
        return
    assert not can_move(current, target)
    with pytest.raises(InvalidState):
        require_transition(current, target, "It")


@given(
    st.sampled_from([LotStatus, OperationStatus, WorkOrderStatus]).flatmap(
        lambda enum: st.tuples(st.sampled_from(list(enum)), st.lists(st.sampled_from(list(enum)), max_size=12))
    )
)
def test_a_walk_of_allowed_moves_stops_for_good_at_a_terminal_status(walk: tuple[StrEnum, list[StrEnum]]) -> None:
    status, targets = walk
    reached_terminal = is_terminal(status)
    for target in targets:
        if can_move(status, target):
            assert not reached_terminal
            status = require_transition(status, target, "It")
            reached_terminal = is_terminal(status)
        else:
            with pytest.raises(InvalidState):
                require_transition(status, target, "It")
    assert reached_terminal == is_terminal(status)


def test_a_stored_string_is_read_as_its_member() -> None:
    assert can_move("on_hold", L.AVAILABLE)
    assert can_move("released", W.IN_PROGRESS)
    assert not can_move("completed", Op.RUNNING)
    with pytest.raises(ValueError):
        can_move("lost", L.AVAILABLE)


def test_a_refused_transition_says_what_and_has_a_stable_code() -> None:
    assert require_transition(Op.PAUSED, Op.RUNNING, "WO-1 operation 10") is Op.RUNNING
    with pytest.raises(InvalidState) as refused:
        require_transition("on_hold", W.CLOSED, "Work order WO-7")
    assert refused.value.code == "work_order.invalid_transition"
    assert str(refused.value) == "Work order WO-7 is on hold; it cannot become closed."
    assert refused.value.message.template == "{subject} is {status}; it cannot become {target}."
    with pytest.raises(InvalidState) as refused:
        require_transition(L.SCRAPPED, L.AVAILABLE, "Lot L-1")
    assert refused.value.code == "lot.invalid_transition"
    with pytest.raises(InvalidState) as refused:
        require_transition(Op.COMPLETED, Op.RUNNING, "WO-1 operation 10")
    assert refused.value.code == "operation.invalid_transition"


def test_operations_run_pause_and_complete_once_started() -> None:
    assert {s for s in OperationStatus if can_move(s, Op.RUNNING)} == {Op.PENDING, Op.READY, Op.PAUSED}
    assert {s for s in OperationStatus if can_move(s, Op.COMPLETED)} == set(ACTIVE_OPERATION)
    assert {s for s in OperationStatus if can_move(s, Op.PAUSED)} == {Op.RUNNING}
    assert can_move(Op.READY, Op.PENDING)  # a cancelled order's ready operations wait again


def test_lots_are_held_only_when_available_and_released_from_any_hold() -> None:
    assert {s for s in LotStatus if can_move(s, L.ON_HOLD)} == {L.AVAILABLE}
    assert {s for s in LotStatus if can_move(s, L.SCRAPPED)} == {L.AVAILABLE, *HELD_LOT}
    assert all(can_move(s, L.AVAILABLE) and can_move(s, L.CONSUMED) for s in HELD_LOT)
    assert not can_move(L.ON_HOLD, L.QUARANTINED)  # nothing quarantines a lot yet


@pytest.mark.parametrize(
    ("action", "allowed", "code"),
    [
        ("release", {W.PLANNED, W.ON_HOLD}, "work_order.cannot_release"),
        ("hold", {W.PLANNED, W.RELEASED, W.IN_PROGRESS}, "work_order.cannot_hold"),
        ("cancel", {W.PLANNED, W.RELEASED, W.ON_HOLD}, "work_order.cannot_cancel"),
    ],
)
def test_a_supervisors_action_applies_where_the_order_table_allows_it(
    action: str, allowed: set[WorkOrderStatus], code: str
) -> None:
    for status in WorkOrderStatus:
        if status in allowed:
            check_transition(action, "WO-1", status)
        else:
            with pytest.raises(InvalidState) as refused:
                check_transition(action, "WO-1", status)
            assert refused.value.code == code


def test_an_order_completes_from_work_in_progress_and_is_closed_only_once_completed() -> None:
    assert {s for s in WorkOrderStatus if can_move(s, W.COMPLETED)} == {W.IN_PROGRESS, W.ON_HOLD}
    assert {s for s in WorkOrderStatus if can_move(s, W.CLOSED)} == {W.COMPLETED}
    assert {s for s in WorkOrderStatus if can_move(s, W.IN_PROGRESS)} == {W.RELEASED, W.ON_HOLD}


def test_the_groups_handlers_and_queries_share() -> None:
    assert HELD_LOT == (L.ON_HOLD, L.QUARANTINED)
    assert REFILLABLE_LOT == (L.AVAILABLE, L.CONSUMED)
    assert GONE_LOT == (L.CONSUMED, L.SCRAPPED)
    assert OPEN_ORDER == (W.PLANNED, W.RELEASED, W.IN_PROGRESS, W.ON_HOLD)
    assert DISPATCHED_ORDER == (W.RELEASED, W.IN_PROGRESS, W.ON_HOLD)
    assert set(WAITING_OPERATION) | set(ACTIVE_OPERATION) | {Op.COMPLETED} == set(OperationStatus)
    assert not any(is_terminal(s) for s in OPEN_ORDER)


@pytest.mark.parametrize(
    ("ongoing", "unclassified", "state"),
    [
        (True, True, DowntimeState.OPEN_UNCLASSIFIED),
        (True, False, DowntimeState.OPEN),
        (False, True, DowntimeState.ENDED_UNCLASSIFIED),
        (False, False, DowntimeState.ENDED),
    ],
)
def test_a_stops_state_comes_from_its_end_and_its_reason(
    ongoing: bool, unclassified: bool, state: DowntimeState
) -> None:
    assert downtime_state(ongoing, unclassified) is state


def test_a_status_is_spoken_with_spaces() -> None:
    assert spoken(W.IN_PROGRESS) == "in progress"
    assert spoken("on_hold") == "on hold"
