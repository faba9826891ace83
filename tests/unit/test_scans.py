"""Classifying scans: our barcode formats, bare badges, GS1 lots, and a plain reason for everything else."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.errors import ConfigurationError
from mes_terminal.domain.scans import DISPLAY_LIMIT, ScanKind, classify_scan, for_display

CODES = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._/\-]{0,63}", fullmatch=True)
REASON_STARTS = (
    "Not a code MES Terminal knows: ",
    "The scan looks cut off: ",
    "The scan contains control characters: ",
)


@pytest.mark.parametrize(
    ("raw", "kind", "parts"),
    [
        ("BADGE:B1001", ScanKind.BADGE, {"badge": "B1001"}),
        ("OP:WO-1042:20", ScanKind.OPERATION, {"work_order": "WO-1042", "operation": 20}),
        ("WO:WO-1042", ScanKind.WORK_ORDER, {"work_order": "WO-1042"}),
        ("LOT:L-7781", ScanKind.LOT, {"lot": "L-7781"}),
        ("WS:WS-01", ScanKind.STATION, {"station": "WS-01"}),
        ("LOT:2026/03.A_1", ScanKind.LOT, {"lot": "2026/03.A_1"}),
    ],
)
def test_our_formats_are_recognised_with_their_parts(raw: str, kind: ScanKind, parts: dict[str, object]) -> None:
    scan = classify_scan(raw)
    assert scan.kind is kind
    assert scan.raw == raw
    assert scan.reason is None
    assert not scan.gs1
    for name in ("badge", "work_order", "operation", "lot", "station"):
        assert getattr(scan, name) == parts.get(name)


@pytest.mark.parametrize("raw", ["badge:B1001", "Badge:B1001", "bAdGe:B1001"])
def test_prefixes_are_recognised_in_any_case_and_codes_are_kept_as_scanned(raw: str) -> None:
    scan = classify_scan(raw)
    assert (scan.kind, scan.badge) == (ScanKind.BADGE, "B1001")
    assert classify_scan("op:wo-7:10").work_order == "wo-7"


@pytest.mark.parametrize("raw", ["WO:WO-1\r", "WO:WO-1\r\n", "WO:WO-1\t", "  WO:WO-1  ", "\nWO:WO-1\n"])
def test_surrounding_spaces_and_the_scanners_suffix_are_removed(raw: str) -> None:
    scan = classify_scan(raw)
    assert (scan.kind, scan.work_order, scan.raw) == (ScanKind.WORK_ORDER, "WO-1", "WO:WO-1")


def test_operation_numbers_are_whole_numbers_from_one_up() -> None:
    assert classify_scan("OP:WO-1:0010").operation == 10
    assert classify_scan("OP:WO-1:2147483647").operation == 2147483647
    for raw in ("OP:WO-1:0", "OP:WO-1:2147483648", "OP:WO-1:-5", "OP:WO-1:1.5", "OP:WO-1:ten", "OP:WO-1:٣"):
        scan = classify_scan(raw)
        assert scan.kind is ScanKind.UNKNOWN, raw
        assert scan.reason == f"Not a code MES Terminal knows: {raw}"


def test_a_bare_badge_number_is_a_badge() -> None:
    scan = classify_scan("B1001")
    assert (scan.kind, scan.badge) == (ScanKind.BADGE, "B1001")
    for raw in ("B12", "B12345678901", "X1001", "B10a1"):
        assert classify_scan(raw).kind is ScanKind.UNKNOWN, raw


def test_the_badge_pattern_is_a_setting() -> None:
    assert classify_scan("00417", badge_pattern=r"\d{5}").badge == "00417"
    assert classify_scan("B1001", badge_pattern=re.compile(r"\d{5}")).kind is ScanKind.UNKNOWN
    # The pattern finds badges among codes; it cannot make a badge of something that is no code.
    assert classify_scan("a b", badge_pattern=r".*").kind is ScanKind.UNKNOWN


def test_a_broken_badge_pattern_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="badge pattern"):
        classify_scan("B1001", badge_pattern="B(")


@pytest.mark.parametrize(
    "raw",
    [
        "]C10109506000134352\x1d10L-42",
        "]d20109506000134352\x1d10L-42",
        "]Q30109506000134352",
        "0109506000134352",
        "010950600013435210L-42",
        "\x1d0109506000134352\x1d10L-42\x1d",
        "10L-42\x1d17261231",
    ],
)
def test_gs1_lot_labels_are_lots_kept_whole_for_the_gs1_parser(raw: str) -> None:
    scan = classify_scan(f" {raw}\r\n")
    assert (scan.kind, scan.gs1, scan.gs1_data, scan.lot) == (ScanKind.LOT, True, raw, None)
    assert "\x1d" not in scan.raw


def test_a_short_number_starting_with_01_is_not_gs1() -> None:
    assert classify_scan("01095060001343").kind is ScanKind.UNKNOWN


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("WO", "WO"), ("WO:", "WO:"), ("badge:", "badge:"), ("OP:WO-1", "OP:WO-1"), ("OP:WO-1:", "OP:WO-1:")],
)
def test_a_scan_that_ends_too_early_looks_cut_off(raw: str, shown: str) -> None:
    scan = classify_scan(raw)
    assert scan.kind is ScanKind.UNKNOWN
    assert scan.reason == f"The scan looks cut off: {shown}"


def test_an_empty_scan_looks_cut_off() -> None:
    scan = classify_scan(" \r\n")
    assert (scan.kind, scan.raw) == (ScanKind.UNKNOWN, "")
    assert scan.reason is not None
    assert scan.reason.startswith("The scan looks cut off")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("B10\x1b01", "B10<ESC>01"),
        ("WO:WO\x00-1", "WO:WO<NUL>-1"),
        ("LOT:L\x7f1", "LOT:L<DEL>1"),
        ("B1001\x85", "B1001\\x85"),
        ("B\u200b1001", "B\\u200b1001"),
    ],
)
def test_control_characters_are_named_and_shown_visibly(raw: str, shown: str) -> None:
    scan = classify_scan(raw)
    assert (scan.kind, scan.raw) == (ScanKind.UNKNOWN, shown)
    assert scan.reason == f"The scan contains control characters: {shown}"


@pytest.mark.parametrize(
    "raw", ["hello world", "https://example.com/x", "WO:a b", "LOT:L:1", "OP::10", "WO:" + "A" * 65]
)
def test_anything_else_is_not_ours(raw: str) -> None:
    scan = classify_scan(raw)
    assert scan.kind is ScanKind.UNKNOWN
    assert scan.reason is not None
    assert scan.reason.startswith("Not a code MES Terminal knows: ")


def test_what_is_shown_is_at_most_sixty_characters() -> None:
    assert for_display("A" * 60) == "A" * 60
    assert for_display("A" * 61) == "A" * 59 + "…"
    # An escape is never cut in half.
    assert for_display("A" * 57 + "\x1d") == "A" * 57 + "…"
    assert len(classify_scan("\x1b" * 1000).raw) <= DISPLAY_LIMIT


@given(st.text())
def test_any_text_is_classified_and_never_raises(raw: str) -> None:
    scan = classify_scan(raw)
    assert len(scan.raw) <= DISPLAY_LIMIT
    assert all(ch == " " or ch.isprintable() for ch in scan.raw)
    if scan.kind is ScanKind.UNKNOWN:
        assert scan.reason is not None
        assert scan.reason.startswith(REASON_STARTS)
    else:
        assert scan.reason is None


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_any_ascii_including_controls_is_classified(raw: str) -> None:
    assert classify_scan(raw).kind in ScanKind


PREFIXED = {
    "BADGE": (ScanKind.BADGE, "badge"),
    "WO": (ScanKind.WORK_ORDER, "work_order"),
    "LOT": (ScanKind.LOT, "lot"),
    "WS": (ScanKind.STATION, "station"),
}


@given(
    code=CODES,
    prefix=st.sampled_from(sorted(PREFIXED)),
    upper=st.lists(st.booleans(), min_size=5, max_size=5),
    suffix=st.sampled_from(["", "\r", "\n", "\r\n", "\t", "  "]),
)
def test_every_valid_code_comes_back_unchanged(code: str, prefix: str, upper: list[bool], suffix: str) -> None:
    cased = "".join(ch.upper() if up else ch.lower() for ch, up in zip(prefix, upper, strict=False))
    scan = classify_scan(f"{cased}:{code}{suffix}")
    kind, field = PREFIXED[prefix]
    assert scan.kind is kind
    assert getattr(scan, field) == code


@given(work_order=CODES, operation=st.integers(min_value=1, max_value=2**31 - 1))
def test_every_traveler_operation_comes_back_unchanged(work_order: str, operation: int) -> None:
    scan = classify_scan(f"OP:{work_order}:{operation}")
    assert (scan.kind, scan.work_order, scan.operation) == (ScanKind.OPERATION, work_order, operation)


@given(code=CODES, suffix=st.sampled_from(["", "\r", "\n", "\r\n", "\t"]))
def test_a_bare_code_keeps_its_code_for_the_lots_to_recognise(code: str, suffix: str) -> None:
    """`R-2612-04A` as a plain label: not ours by its form, kept whole so that a lot with that number is found."""
    scan = classify_scan(code + suffix)
    if scan.kind is ScanKind.BADGE:
        assert re.fullmatch(r"B\d{3,10}", code)
    elif scan.kind is ScanKind.UNKNOWN:
        assert scan.code == code and scan.reason is not None
    else:  # a code that happens to read as something of ours (a GS1 GTIN start)
        assert scan.kind is ScanKind.LOT and scan.gs1


def test_a_bare_prefix_says_cut_off_yet_a_lot_of_that_number_is_still_found() -> None:
    bare, cut = classify_scan("OP"), classify_scan("OP:")
    assert (bare.code, bare.reason) == ("OP", "The scan looks cut off: OP")
    assert (cut.code, cut.reason) == (None, "The scan looks cut off: OP:")


def test_a_plain_lot_number_is_kept_and_prose_is_not() -> None:
    assert classify_scan("R-2612-04A").code == "R-2612-04A"
    assert classify_scan("hello world").code is None
    assert classify_scan("LOT:R-2612-04A").code is None  # ours: a lot already


def test_an_instructions_code_names_the_operation_whose_instructions_to_open() -> None:
    scan = classify_scan("instr:WO-7:20\r\n")
    assert (scan.kind, scan.work_order, scan.operation) == (ScanKind.INSTRUCTIONS, "WO-7", 20)
    assert classify_scan("INSTR:WO-7").kind == ScanKind.UNKNOWN
    assert classify_scan("INSTR:WO-7:0").kind == ScanKind.UNKNOWN
