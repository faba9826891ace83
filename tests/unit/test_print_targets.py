"""TARGET and copies as people type them: every form understood, anything else one plain sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.print_targets import (
    MAX_COPIES,
    DocumentFormat,
    PrintTarget,
    TargetKind,
    parse_copies,
    parse_print_target,
)


@pytest.mark.parametrize(
    ("text", "target", "fmt"),
    [
        ("lot.pdf", PrintTarget(TargetKind.FILE, "lot.pdf"), DocumentFormat.PDF),
        (" /tmp/Labels/Lot 7.PDF ", PrintTarget(TargetKind.FILE, "/tmp/Labels/Lot 7.PDF"), DocumentFormat.PDF),
        (r"C:\labels\lot.pdf", PrintTarget(TargetKind.FILE, r"C:\labels\lot.pdf"), DocumentFormat.PDF),
        ("pdf:/srv/labels", PrintTarget(TargetKind.FOLDER, "/srv/labels"), DocumentFormat.PDF),
        ("tcp://10.1.2.3", PrintTarget(TargetKind.TCP, "10.1.2.3", 9100), DocumentFormat.ZPL),
        (
            "TCP://zebra-7.plant.local:6101",
            PrintTarget(TargetKind.TCP, "zebra-7.plant.local", 6101),
            DocumentFormat.ZPL,
        ),
        ("tcp://[::1]:9100", PrintTarget(TargetKind.TCP, "::1", 9100), DocumentFormat.ZPL),
        ("serial:/dev/ttyUSB0", PrintTarget(TargetKind.SERIAL, "/dev/ttyUSB0"), DocumentFormat.ZPL),
        ("serial:COM3", PrintTarget(TargetKind.SERIAL, "COM3"), DocumentFormat.ZPL),
        (
            "serial:socket://127.0.0.1:4001",
            PrintTarget(TargetKind.SERIAL, "socket://127.0.0.1:4001"),
            DocumentFormat.ZPL,
        ),
        ("printer:Office Laser", PrintTarget(TargetKind.PRINTER, "Office Laser"), DocumentFormat.PDF),
    ],
)
def test_every_target_form(text: str, target: PrintTarget, fmt: DocumentFormat) -> None:
    parsed = parse_print_target(text)
    assert parsed == target
    assert parsed.format is fmt
    assert parse_print_target(parsed.text) == parsed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "must be FILE.pdf"),
        ("lot.txt", "must be FILE.pdf"),
        (".pdf", "must be FILE.pdf"),
        ("tcp:10.1.2.3", "tcp://HOST:9100"),
        ("tcp://10.1.2.3:70000", "from 1 to 65535"),
        ("tcp://bad host:9100", "not a host name"),
        ("serial:", "serial port"),
        ("serial:http://x", "unknown scheme"),
        ("printer:", "printer name"),
        ("lot\x00.pdf", "control characters"),
    ],
)
def test_bad_targets_are_refused_in_one_sentence(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_print_target(text)


@given(st.text(max_size=60))
def test_any_text_is_a_target_or_a_plain_refusal(text: str) -> None:
    try:
        target = parse_print_target(text)
    except InvalidInput as refusal:
        assert refusal.message.endswith(".")
        assert "\n" not in refusal.message
    else:
        assert parse_print_target(target.text) == target


@given(
    host=st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,10}){0,3}", fullmatch=True).filter(
        lambda h: not h.endswith("-")
    ),
    port=st.integers(1, 65535),
)
def test_tcp_targets_round_trip(host: str, port: int) -> None:
    target = parse_print_target(f"tcp://{host}:{port}")
    assert (target.where, target.port) == (host, port)
    assert parse_print_target(target.text) == target


@pytest.mark.parametrize(("value", "copies"), [("1", 1), (" 12 ", 12), (MAX_COPIES, MAX_COPIES), (3, 3)])
def test_copies(value: object, copies: int) -> None:
    assert parse_copies(value) == copies


@given(st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none(), st.floats()))
def test_copies_are_a_whole_number_from_one_to_a_hundred_or_refused(value: object) -> None:
    try:
        copies = parse_copies(value)
    except InvalidInput as refusal:
        assert "from 1 to 100" in refusal.message
    else:
        assert 1 <= copies <= MAX_COPIES
        assert not isinstance(value, bool)
