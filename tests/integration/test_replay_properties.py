"""Random JSON lines through the whole replay path: every line is answered, nothing escapes."""

from __future__ import annotations

import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.registry import COMMAND_TYPES
from mes_terminal.services.commands.replay import parse_lines, replay

codes = st.sampled_from(["WO-1", "WO-2", "BRACKET-A", "STEEL-2MM", "WS-01", "WS-02", "B1001", "B2001", "B9999", "x y"])
values = st.one_of(
    codes,
    st.integers(-5, 10**6),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.text(max_size=12),
    st.sampled_from(["2026-03-02T06:00:00Z", "2026-03-02T06:00:00", "2999-01-01T00:00:00Z", "yesterday"]),
)
fields = st.sampled_from(
    ["station", "badge", "pin", "number", "product", "quantity", "due", "priority", "expected_version", "reason"]
)


# Well-formed commands, so that the random ones are mixed with some that run and change state.
VALID = {
    "SignIn": {"station": "WS-01", "badge": "B1001", "pin": "4711"},
    "SignOut": {"station": "WS-01", "badge": "B1001"},
    "CreateWorkOrder": {"number": "WO-1", "product": "BRACKET-A", "quantity": "10", "due": "2026-03-04T14:00:00Z"},
    "ReleaseWorkOrder": {"number": "WO-1"},
    "HoldWorkOrder": {"number": "WO-1", "reason": "check"},
    "CancelWorkOrder": {"number": "WO-1"},
}


@st.composite
def command_lines(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from([*sorted(COMMAND_TYPES), "Nonsense"]))
    obj = {
        "type": kind,
        "command_id": draw(st.sampled_from([str(uuid.uuid4())] * 4 + ["11111111-1111-1111-1111-111111111111", "nope"])),
        "issued_at": "2026-03-02T06:00:00Z",
        "actor": draw(st.sampled_from(["B2001", "B2001", "B1001", "B9999"])),
        **VALID.get(kind, {}),
        **draw(st.dictionaries(fields, values, max_size=1)),
    }
    line = json.dumps(obj)
    return draw(st.sampled_from([line] * 6 + [line[: len(line) // 2], line + "}", "  "])).encode() + b"\n"


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(command_lines(), min_size=1, max_size=6), st.booleans())
def test_every_line_gets_one_answer_and_nothing_escapes(bus: CommandBus, lines: list[bytes], keep_going: bool) -> None:
    """Malformed, refused, replayed, reused ids: each line is answered with ok or a code and a sentence."""
    parsed = parse_lines(lines)
    outputs = list(replay(bus, parsed, keep_going=keep_going))
    for output in outputs:
        assert output["ok"] in (True, False)
        if not output["ok"]:
            assert output["code"] and output["message"].endswith(".")
    if keep_going:
        assert [o["line"] for o in outputs] == [p.number for p in parsed]
