"""JSON lines to commands: every well-formed command round-trips, every malformed one is named."""

from __future__ import annotations

import contextlib
import json
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.codec import decode_line, encode
from mes_terminal.services.commands.registry import COMMAND_TYPES

ID = "3f2b8c1e-0d6a-4e0b-9a77-2f1c5d9e8b10"
COMMON = {"command_id": ID, "issued_at": "2026-03-02T06:00:00Z", "actor": "B2001"}


def _line(**fields: object) -> str:
    return json.dumps({**COMMON, **fields})


def test_a_create_work_order_line() -> None:
    cmd = decode_line(
        _line(
            type="CreateWorkOrder", number="WO-1", product="BRACKET-A", quantity="250", due="2026-03-05T14:00:00+01:00"
        ),
        COMMAND_TYPES,
    )
    assert cmd == c.CreateWorkOrder(
        command_id=uuid.UUID(ID),
        actor="B2001",
        issued_at=datetime(2026, 3, 2, 6, tzinfo=UTC),
        number="WO-1",
        product="BRACKET-A",
        quantity=Decimal(250),
        due=datetime(2026, 3, 5, 13, tzinfo=UTC),
    )


def test_json_numbers_keep_their_decimal_digits() -> None:
    line = _line(type="CreateWorkOrder", number="WO-1", product="P", quantity=1, due="2026-03-05T14:00:00Z")
    line = line.replace('"quantity": 1', '"quantity": 0.1')
    assert decode_line(line, COMMAND_TYPES).quantity == Decimal("0.1")


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"command_id": "x"}', "has no 'type'"),
        (_line(type="LaunchRocket"), "Unknown command type 'LaunchRocket'; known types are: AcknowledgeAndon, "),
        (_line(type="ReleaseWorkOrder"), "ReleaseWorkOrder needs the field 'number'"),
        (_line(type="ReleaseWorkOrder", number="WO-1", colour="red"), "ReleaseWorkOrder has no field 'colour'"),
        (_line(type="ReleaseWorkOrder", number="WO-1", command_id="abc"), "command_id must be a UUID"),
        (_line(type="ReleaseWorkOrder", number="WO-1", issued_at="2026-03-02 06:00"), "needs a time zone"),
        (
            _line(type="CreateWorkOrder", number="W", product="P", quantity=-3, due="2026-03-05T14:00:00Z"),
            "quantity may not be negative",
        ),
        (
            _line(type="CreateWorkOrder", number="W", product="P", quantity=0, due="2026-03-05T14:00:00Z"),
            "quantity must be more than zero",
        ),
        ('{"type":"CreateWorkOrder","quantity":NaN}', "NaN is not a number"),
        (
            _line(type="CreateWorkOrder", number="W", product="P", quantity="lots", due="2026-03-05T14:00:00Z"),
            "quantity must be a number",
        ),
        (
            _line(
                type="CreateWorkOrder", number="W", product="P", quantity=1, due="2026-03-05T14:00:00Z", priority=1.5
            ),
            "priority must be a whole number",
        ),
        (_line(type="HoldWorkOrder", number="WO 1"), "number must be a code"),
        ('{"a":' + "1" * 5000 + "}", "number too long"),
        ("[" * 60000, "nested too deeply"),
    ],
)
def test_malformed_lines_are_refused_with_a_sentence(line: str, says: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        decode_line(line, COMMAND_TYPES)
    assert says in refused.value.message


def test_invalid_utf8_is_refused() -> None:
    with pytest.raises(InvalidInput, match="not valid UTF-8"):
        decode_line(b'{"type": "\xff"}', COMMAND_TYPES)


def test_encoding_leaves_the_pin_out() -> None:
    sign_in = decode_line(_line(type="SignIn", station="WS-01", badge="B1001", pin="4711"), COMMAND_TYPES)
    assert "pin" not in encode(sign_in)
    assert sign_in.pin == "4711"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(
    [
        "type",
        "command_id",
        "issued_at",
        "actor",
        "station",
        "badge",
        "pin",
        "number",
        "product",
        "quantity",
        "due",
        "priority",
        "expected_version",
        "reason",
        "extra",
    ]
)


@settings(max_examples=400)
@given(
    st.dictionaries(field_names, json_values | st.sampled_from([ID, "2026-03-02T06:00:00Z", "WO-1", "B1001", "1.5"])),
    st.sampled_from(sorted(COMMAND_TYPES)),
)
def test_random_objects_give_a_command_or_invalid_input(obj: dict, kind: str) -> None:
    obj.setdefault("type", kind)
    try:
        cmd = decode_line(json.dumps(obj), COMMAND_TYPES)
    except InvalidInput as refused:
        assert refused.message.endswith(".")
        return
    assert isinstance(cmd, c.Command)
    secrets = {name: getattr(cmd, name) for name in cmd.secret_fields if getattr(cmd, name) is not None}
    assert decode_line(json.dumps(encode(cmd) | secrets), COMMAND_TYPES) == cmd  # nothing lost on the way


@given(st.binary(max_size=200))
def test_random_bytes_never_escape_as_anything_but_invalid_input(raw: bytes) -> None:
    with contextlib.suppress(InvalidInput):
        decode_line(raw, COMMAND_TYPES)


@pytest.mark.parametrize("entry", ["scanned", "keyed"])
def test_a_consumption_says_how_its_lot_number_was_entered(entry: str) -> None:
    fields = {"type": "ConsumeLot", "station": "WS-01", "work_order": "WO-1", "operation": 10, "lot": "R-1"}
    assert decode_line(_line(**fields, entry=entry), COMMAND_TYPES).entry == entry
    assert decode_line(_line(**fields), COMMAND_TYPES).entry is None  # older lines keep working


@given(st.text(max_size=20).filter(lambda text: text not in ("scanned", "keyed")))
def test_any_other_entry_is_refused_with_a_sentence(entry: str) -> None:
    fields = {"type": "ConsumeLot", "station": "WS-01", "work_order": "WO-1", "operation": 10, "lot": "R-1"}
    with pytest.raises(InvalidInput, match='entry must be "scanned" or "keyed"'):
        decode_line(_line(**fields, entry=entry), COMMAND_TYPES)


step_keys = st.sampled_from(["text", "caution", "media_sha256", "page", "image"])
steps_values = st.lists(
    st.dictionaries(step_keys, json_values | st.sampled_from(["a" * 64, "Clamp it.", 2])) | json_values, max_size=4
)


@settings(max_examples=300)
@given(steps_values, json_values | st.booleans())
def test_revised_steps_give_a_command_or_invalid_input(steps: object, acknowledge: object) -> None:
    obj = {**COMMON, "type": "ReviseInstructions", "product": "BRACKET-A", "operation": 10, "steps": steps}
    obj["acknowledge"] = acknowledge
    try:
        cmd = decode_line(json.dumps(obj), COMMAND_TYPES)
    except InvalidInput as refused:
        assert refused.message.endswith(".")
        return
    assert isinstance(cmd, c.ReviseInstructions) and all(isinstance(s, c.RevisedStep) for s in cmd.steps)
    assert decode_line(json.dumps(encode(cmd)), COMMAND_TYPES) == cmd  # nothing lost on the way


def test_a_revised_step_names_its_bad_field() -> None:
    line = _line(type="ReviseInstructions", product="BRACKET-A", operation=10, steps=[{"text": "A"}, {"page": "x"}])
    with pytest.raises(InvalidInput, match=r"steps\[1\]\.page must be a whole number"):
        decode_line(line, COMMAND_TYPES)
    with pytest.raises(InvalidInput, match=r"steps\[0\] has no field 'image'"):
        decode_line(
            _line(type="ReviseInstructions", product="P", operation=1, steps=[{"image": "a.png"}]), COMMAND_TYPES
        )
