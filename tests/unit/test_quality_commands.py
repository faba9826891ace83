"""Quality commands as JSON lines: a check's value may be a number or text; a signature's PIN never leaks."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.codec import decode_line, encode
from mes_terminal.services.commands.registry import COMMAND_TYPES

COMMON = {"command_id": "3f2b8c1e-0d6a-4e0b-9a77-2f1c5d9e8b10", "issued_at": "2026-03-02T06:00:00Z", "actor": "B1001"}
CHECK = {"type": "RecordCheck", "station": "WS-01", "work_order": "WO-1", "operation": 10, "checklist": "CUT-FAI",
         "item": "LEN", **COMMON}  # fmt: skip


@pytest.mark.parametrize(("value", "kept"), [(100.7, "100.7"), (100, "100"), ("pass", "pass"), ("100,2", "100,2")])
def test_a_check_value_may_be_a_json_number_or_text(value, kept) -> None:
    command = decode_line(json.dumps({**CHECK, "value": value}), COMMAND_TYPES)
    assert isinstance(command, c.RecordCheck) and command.value == kept


@pytest.mark.parametrize("value", [True, None, [1], {"v": 1}])
def test_a_check_value_that_is_not_an_answer_is_refused(value) -> None:
    with pytest.raises(InvalidInput):
        decode_line(json.dumps({**CHECK, "value": value}), COMMAND_TYPES)


def test_nan_is_refused_before_it_reaches_the_check() -> None:
    with pytest.raises(InvalidInput, match="NaN is not a number a command accepts"):
        decode_line(json.dumps({**CHECK, "value": float("nan")}), COMMAND_TYPES)


@given(
    st.one_of(st.text(max_size=60), st.integers(), st.decimals(allow_nan=False, allow_infinity=False), st.booleans())
)
def test_any_json_value_becomes_a_record_check_or_a_plain_refusal(value) -> None:
    line = json.dumps({**CHECK, "value": str(value) if isinstance(value, Decimal) else value})
    try:
        command = decode_line(line, COMMAND_TYPES)
    except InvalidInput as refused:
        assert refused.message and "\n" not in refused.message
    else:
        assert isinstance(command.value, str)


@given(st.text(min_size=1, max_size=12).filter(lambda p: "\x00" not in p))
def test_a_signature_pin_is_never_encoded(pin: str) -> None:
    command = decode_line(
        json.dumps(
            {
                "type": "DisposeNonconformance",
                "nonconformance": "NC-00001",
                "decision": "scrap",
                "meaning": "approved",
                "pin": pin,
                **COMMON,
            }
        ),
        COMMAND_TYPES,
    )
    assert "pin" not in encode(command)
