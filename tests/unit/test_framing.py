"""Cutting a serial byte stream into scans, whatever the size of each read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.devices.framing import Framer


def test_frames_end_at_the_terminator_and_the_tail_waits() -> None:
    framer = Framer(b"\r")
    assert framer.feed(b"B1001\rWO:WO-1\rLOT:") == ["B1001", "WO:WO-1"]
    assert framer.pending == b"LOT:"
    assert framer.feed(b"L-1\r") == ["LOT:L-1"]


def test_cr_lf_works_with_a_cr_or_an_lf_terminator() -> None:
    assert Framer(b"\r").feed(b"A1\r\nA2\r\n") == ["A1", "A2"]
    assert Framer(b"\n").feed(b"A1\r\nA2\r\n") == ["A1", "A2"]
    assert Framer(b"\r\n").feed(b"A1\r\nA2\r\n") == ["A1", "A2"]


def test_a_cr_lf_split_between_reads_makes_no_extra_scan() -> None:
    framer = Framer(b"\r")
    assert framer.feed(b"A1\r") == ["A1"]
    assert framer.feed(b"\n") == []
    assert framer.feed(b"A2\r") == ["A2"]


def test_blank_lines_are_skipped() -> None:
    assert Framer(b"\r").feed(b"\r\r\nA1\r\r") == ["A1"]


def test_a_utf8_character_split_between_reads_is_decoded_whole() -> None:
    framer = Framer(b"\r")
    data = "LOT:Müller-1\r".encode()
    split = data.index(b"\xc3") + 1
    assert framer.feed(data[:split]) == []
    assert framer.feed(data[split:]) == ["LOT:Müller-1"]


def test_bytes_that_are_not_utf8_become_replacement_characters() -> None:
    assert Framer(b"\r").feed(b"B1\xff001\r") == ["B1\ufffd001"]


def test_a_stream_without_terminator_is_passed_on_before_it_fills_memory() -> None:
    framer = Framer(b"\r", max_frame_bytes=10)
    assert framer.feed(b"0123456789") == []
    assert framer.feed(b"A") == ["0123456789A"]
    assert framer.pending == b""


def test_reset_forgets_an_unfinished_frame() -> None:
    framer = Framer(b"\r")
    framer.feed(b"B10")
    framer.reset()
    assert framer.feed(b"WO:WO-1\r") == ["WO:WO-1"]


def test_an_empty_terminator_is_refused() -> None:
    with pytest.raises(ValueError):
        Framer(b"")


SCANS = st.lists(
    st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x03"), min_size=1, max_size=30),
    max_size=30,
)


@given(scans=SCANS, terminator=st.sampled_from([b"\r", b"\n", b"\r\n", b"\x03"]), cuts=st.lists(st.integers(0, 2000)))
def test_any_chunking_gives_the_same_scans(scans: list[str], terminator: bytes, cuts: list[int]) -> None:
    stream = b"".join(scan.encode() + terminator for scan in scans)
    framer = Framer(terminator)
    frames: list[str] = []
    start = 0
    for cut in [*sorted(c for c in cuts if c <= len(stream)), len(stream)]:
        frames += framer.feed(stream[start:cut])
        start = max(start, cut)
    assert frames == scans
    assert framer.pending == b""
