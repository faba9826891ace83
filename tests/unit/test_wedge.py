"""Keyboard-wedge scans told apart from typing by keystroke timing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.devices.wedge import WedgeDetector

# 62.5 ms is exact in binary floating point, so the boundary tests below test the rule, not rounding.
GAP_MS = 62.5
GAP = GAP_MS / 1000
TERMINATORS = "\r\n\t"


def type_keys(detector: WedgeDetector, keys: str, *, start: float, gap: float) -> tuple[list[str], str]:
    """Press `keys` `gap` seconds apart from `start`; return the scans and the typing that came out."""
    scans: list[str] = []
    for i, key in enumerate(keys):
        scans += detector.feed(key, start + i * gap)
    return scans, detector.take_typed()


@pytest.mark.parametrize("terminator", list(TERMINATORS))
def test_a_fast_run_ended_by_enter_or_tab_is_a_scan_and_the_terminator_is_consumed(terminator: str) -> None:
    detector = WedgeDetector()
    scans, typed = type_keys(detector, "B1001" + terminator, start=10.0, gap=0.004)
    assert (scans, typed) == (["B1001"], "")
    assert detector.flush_due is None


def test_slow_typing_is_handed_back_once_it_cannot_be_a_scan() -> None:
    detector = WedgeDetector()
    scans, typed = type_keys(detector, "12", start=0.0, gap=0.2)
    assert (scans, typed) == ([], "1")  # "2" might still start a scan
    assert detector.flush_due == pytest.approx(0.2 + 0.035)
    detector.flush(0.3)
    assert detector.take_typed() == "2"
    assert detector.flush_due is None


def test_flush_before_the_gap_has_passed_keeps_the_keys() -> None:
    detector = WedgeDetector(max_gap_ms=GAP_MS)
    detector.feed("W", 1.0)
    detector.flush(1.0 + GAP)
    assert detector.take_typed() == ""
    assert detector.feed("O", 1.0 + GAP) == []
    detector.flush(1.0 + 2 * GAP + 0.001)
    assert detector.take_typed() == "WO"


def test_a_gap_of_exactly_max_gap_still_belongs_to_the_scan() -> None:
    detector = WedgeDetector(max_gap_ms=GAP_MS)
    assert type_keys(detector, "ABC\r", start=0.0, gap=GAP) == (["ABC"], "")
    assert type_keys(detector, "ABC\r", start=5.0, gap=GAP + 0.000001) == ([], "ABC\r")


def test_slow_typing_then_enter_is_all_typing() -> None:
    detector = WedgeDetector()
    assert type_keys(detector, "250\r", start=0.0, gap=0.15) == ([], "250\r")


def test_a_fast_run_shorter_than_the_minimum_is_typing() -> None:
    detector = WedgeDetector(min_length=3)
    assert type_keys(detector, "ab\r", start=0.0, gap=0.001) == ([], "ab\r")
    assert type_keys(detector, "\t", start=1.0, gap=0.001) == ([], "\t")
    assert type_keys(detector, "abc\r", start=2.0, gap=0.001) == (["abc"], "")


def test_a_fast_run_without_terminator_is_typing_after_the_timeout() -> None:
    detector = WedgeDetector()
    assert type_keys(detector, "pasted", start=0.0, gap=0.001) == ([], "")
    detector.flush(1.0)
    assert detector.take_typed() == "pasted"


def test_typing_then_a_scan_then_typing_keeps_their_order() -> None:
    detector = WedgeDetector()
    out: list[tuple[str, str]] = []
    keys = [("4", 0.0), ("2", 0.3)] + [(ch, 1.0 + i * 0.005) for i, ch in enumerate("LOT:L-1\r")] + [("7", 2.0)]
    for key, at in keys:
        scans = detector.feed(key, at)
        if typed := detector.take_typed():
            out.append(("typed", typed))
        out += [("scan", s) for s in scans]
    detector.flush(3.0)
    out.append(("typed", detector.take_typed()))
    assert out == [("typed", "4"), ("typed", "2"), ("scan", "LOT:L-1"), ("typed", "7")]


def test_keys_that_type_nothing_are_ignored() -> None:
    detector = WedgeDetector()
    scans: list[str] = []
    for i, key in enumerate(["", "B", "", "1", "0", "0", "1", "", "\r"]):
        scans += detector.feed(key, i * 0.003)
    assert scans == ["B1001"]


def test_several_characters_in_one_key_event_count_as_pressed_together() -> None:
    detector = WedgeDetector()
    assert detector.feed("WO:WO-1\r", 0.0) == ["WO:WO-1"]


def test_terminators_and_minimum_length_are_settings() -> None:
    detector = WedgeDetector(min_length=1, terminators="#")
    assert type_keys(detector, "7#", start=0.0, gap=0.001) == (["7"], "")
    assert type_keys(detector, "AB\r", start=1.0, gap=0.001) == ([], "")
    detector.flush(2.0)
    assert detector.take_typed() == "AB\r"


@pytest.mark.parametrize("settings", [{"max_gap_ms": 0}, {"max_gap_ms": -1}, {"min_length": 0}, {"terminators": ""}])
def test_unusable_settings_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        WedgeDetector(**settings)  # type: ignore[arg-type]


# --- properties -------------------------------------------------------------------------------------

MAX_GAP_MS = 35
MIN_LENGTH = 3
FAST_US = st.integers(min_value=0, max_value=MAX_GAP_MS * 800)  # at most 80 % of the gap
SLOW_US = st.integers(min_value=MAX_GAP_MS * 1500, max_value=2_000_000)  # at least 150 %


@dataclass(frozen=True)
class Segment:
    scan: bool  # True: a scanner's burst; False: a person typing
    text: str
    terminator: str = ""


bursts = st.builds(
    Segment,
    scan=st.just(True),
    text=st.text(st.characters(exclude_characters=TERMINATORS), min_size=MIN_LENGTH, max_size=40),
    terminator=st.sampled_from(TERMINATORS),
)
typing = st.builds(Segment, scan=st.just(False), text=st.text(min_size=1, max_size=12))


@st.composite
def sessions(draw: st.DrawFn) -> tuple[list[Segment], list[tuple[str, int]]]:
    """Segments of bursts and typing, and the keys they press with times in microseconds."""
    segments = draw(st.lists(st.one_of(bursts, typing), max_size=12))
    keys: list[tuple[str, int]] = []
    now = draw(st.integers(min_value=0, max_value=10**9))
    previous: Segment | None = None
    for segment in segments:
        for i, ch in enumerate(segment.text + segment.terminator):
            if i > 0:
                now += draw(FAST_US if segment.scan else SLOW_US)
            elif previous is not None:
                # After a scan the next key may come at once (a scanner in continuous mode); after typing
                # it must be slow, or the last typed key would rightly be taken for the start of a scan.
                now += draw(SLOW_US if not previous.scan else st.one_of(FAST_US, SLOW_US))
            keys.append((ch, now))
        previous = segment
    return segments, keys


def run(detector: WedgeDetector, keys: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """Feed the keys, then let time pass; return scans and typing in the order they came out."""
    out: list[tuple[str, str]] = []

    def emit(kind: str, text: str) -> None:
        if kind == "typed" and out and out[-1][0] == "typed":
            out[-1] = ("typed", out[-1][1] + text)
        elif text or kind == "scan":
            out.append((kind, text))

    last = 0
    for key, at_us in keys:
        scans = detector.feed(key, at_us / 1e6)
        typed = detector.take_typed()
        assert not (scans and typed), "one key gives scans or typing, never both"
        emit("typed", typed)
        for scan in scans:
            emit("scan", scan)
        last = at_us
    detector.flush(last / 1e6 + 10)
    emit("typed", detector.take_typed())
    assert detector.flush_due is None
    return out


@given(sessions())
def test_any_mix_of_bursts_and_slow_typing_gives_exactly_the_bursts_as_scans(
    session: tuple[list[Segment], list[tuple[str, int]]],
) -> None:
    segments, keys = session
    expected: list[tuple[str, str]] = []
    for segment in segments:
        if segment.scan:
            expected.append(("scan", segment.text))
        elif expected and expected[-1][0] == "typed":
            expected[-1] = ("typed", expected[-1][1] + segment.text)
        else:
            expected.append(("typed", segment.text))
    detector = WedgeDetector(max_gap_ms=MAX_GAP_MS, min_length=MIN_LENGTH)
    assert run(detector, keys) == expected


@given(st.lists(st.tuples(st.sampled_from("ab1:\r\n\t"), st.integers(min_value=0, max_value=120_000)), max_size=60))
def test_random_timings_lose_and_invent_no_key(presses: list[tuple[str, int]]) -> None:
    keys: list[tuple[str, int]] = []
    now = 0
    for key, gap_us in presses:
        now += gap_us
        keys.append((key, now))
    detector = WedgeDetector(max_gap_ms=MAX_GAP_MS, min_length=MIN_LENGTH)
    out = run(detector, keys)
    # Each scan consumed exactly one terminator, which is the key that completed it.
    rebuilt = ""
    pressed = "".join(key for key, _ in keys)
    for kind, text in out:
        rebuilt += text
        if kind == "scan":
            assert len(text) >= MIN_LENGTH
            assert not set(text) & set(TERMINATORS)
            terminator = pressed[len(rebuilt)]
            assert terminator in TERMINATORS
            rebuilt += terminator
    assert rebuilt == pressed
