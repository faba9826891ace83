"""The audit trail in words: event names, old -> new and why, from any payload an event may carry."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.ui.supervisor.audit_words import SAID_ELSEWHERE, change, details, event_name, why

CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
payloads = st.dictionaries(
    st.sampled_from(["before", "after", "reason", "comment", "message", "by", "status", "quantity"])
    | st.text(max_size=8),
    json_values,
    max_size=6,
)


def test_event_types_read_as_words() -> None:
    assert event_name("WorkOrderHeld") == "Work order held"
    assert event_name("SpcRuleViolated") == "SPC rule violated"
    assert event_name("ConsoleSignedIn") == "Console signed in"


def test_a_change_reads_old_to_new_field_by_field() -> None:
    assert change({"before": {"status": "released"}, "after": {"status": "on_hold"}}) == "status: released → on hold"
    assert change({"before": {"good": 3}, "after": {"good": 5, "scrap": 1}}) == "good: 3 → 5; scrap: → 1"
    assert change({"before": "on_hold"}) == "was on hold"
    assert change({"reason": "x"}) == ""


def test_why_joins_what_people_gave_once() -> None:
    assert why({"reason": "Jam", "comment": "Jam", "message": " Die stuck "}) == "Jam — Die stuck"
    assert why({"reason": None, "comment": 3}) == ""


@given(type_=st.from_regex(r"[A-Z][a-z]+([A-Z][a-z]+){0,4}", fullmatch=True))
def test_no_event_name_is_a_class_name(type_: str) -> None:
    assert not CLASS_NAME.search(event_name(type_))


@given(payload=payloads)
def test_any_payload_is_said_without_failing_and_each_part_once(payload: dict) -> None:
    said = details(payload)
    assert isinstance(change(payload), str) and isinstance(why(payload), str)
    shown_keys = {key.replace("_", " ") for key in payload if key not in SAID_ELSEWHERE}
    if not shown_keys:
        assert said == ""
    for key in ("before", "after", "reason", "comment", "message", "by"):  # each said in its own column
        assert not said.startswith(f"{key} ") or key in shown_keys
    for text in (v for k, v in payload.items() if k in ("reason", "comment", "message") and isinstance(v, str)):
        assert text.strip() in why(payload)
