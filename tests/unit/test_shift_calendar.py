"""Shift calendars: planned time in real UTC spans, across midnight and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.intervals import Span, seconds, subtract, total, union
from mes_terminal.domain.shift_calendar import (
    DAYS,
    BreakPattern,
    ShiftPattern,
    local_days,
    occurrences,
    planned_spans,
)
from mes_terminal.domain.time_buckets import buckets, planned_before

BERLIN = ZoneInfo("Europe/Berlin")
NIGHT = ShiftPattern("NIGHT", ("sat",), time(22), time(6), (BreakPattern(time(2, 30), 30),))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_a_night_shift_over_the_spring_change_is_one_hour_shorter() -> None:
    window = Span(utc(2026, 3, 28, 12), utc(2026, 3, 29, 12))
    (shift,) = occurrences([NIGHT], BERLIN, window)
    assert (shift.span.start, shift.span.end) == (utc(2026, 3, 28, 21), utc(2026, 3, 29, 4))
    assert shift.span.length == timedelta(hours=7)
    # 02:30 does not exist that night: read with the winter offset, it is 03:30 summer time.
    assert shift.breaks == (Span(utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 2)),)
    assert total(planned_spans([NIGHT], BERLIN, window)) == timedelta(hours=6, minutes=30)


def test_a_night_shift_over_the_autumn_change_is_one_hour_longer() -> None:
    window = Span(utc(2026, 10, 24, 12), utc(2026, 10, 25, 12))
    (shift,) = occurrences([NIGHT], BERLIN, window)
    assert shift.span.length == timedelta(hours=9)
    assert total(planned_spans([NIGHT], BERLIN, window)) == timedelta(hours=8, minutes=30)


def test_an_ordinary_night_and_its_split_at_local_midnight() -> None:
    window = Span(utc(2026, 3, 21, 12), utc(2026, 3, 22, 12))
    assert total(planned_spans([NIGHT], BERLIN, window)) == timedelta(hours=7, minutes=30)
    days = local_days(BERLIN, window)
    assert [d.end for d in days[:-1]] == [utc(2026, 3, 21, 23)]
    assert sum((total(planned_spans([NIGHT], BERLIN, d)) for d in days), timedelta()) == timedelta(hours=7, minutes=30)


def test_local_days_are_23_and_25_hours_on_change_days() -> None:
    spring = local_days(BERLIN, Span(utc(2026, 3, 28, 23), utc(2026, 3, 30, 22)))
    assert [d.length for d in spring] == [timedelta(hours=23), timedelta(hours=24)]
    autumn = local_days(BERLIN, Span(utc(2026, 10, 24, 22), utc(2026, 10, 25, 23)))
    assert [d.length for d in autumn] == [timedelta(hours=25)]


# --- properties ----------------------------------------------------------------------------------

minutes_of_day = st.integers(0, 24 * 60 - 1).map(lambda m: time(m // 60, m % 60))


@st.composite
def patterns(draw: st.DrawFn) -> ShiftPattern:
    start = draw(minutes_of_day)
    length = draw(st.integers(30, 24 * 60))
    end_minute = (start.hour * 60 + start.minute + length) % (24 * 60)
    breaks = []
    offset = draw(st.integers(0, 60))
    for _ in range(draw(st.integers(0, 3))):
        minutes = draw(st.integers(1, 45))
        if offset + minutes > length:
            break
        at = (start.hour * 60 + start.minute + offset) % (24 * 60)
        breaks.append(BreakPattern(time(at // 60, at % 60), minutes))
        offset += minutes + draw(st.integers(0, 120))
    days = tuple(d for d in DAYS if draw(st.booleans())) or ("mon",)
    return ShiftPattern("S", days, start, time(end_minute // 60, end_minute % 60), tuple(breaks))


windows = st.builds(
    lambda start, hours: Span(start, start + timedelta(hours=hours)),
    st.datetimes(datetime(2025, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC)),
    st.integers(1, 24 * 21),
)
zones = st.sampled_from([ZoneInfo("UTC"), BERLIN, ZoneInfo("America/New_York"), ZoneInfo("Australia/Sydney")])


@given(patterns(), windows, zones)
def test_planned_time_is_never_negative_nor_longer_than_the_window(pattern, window, zone) -> None:
    planned = planned_spans([pattern], zone, window)
    assert planned == union(planned)  # sorted and disjoint
    assert all(window.start <= s.start < s.end <= window.end for s in planned)
    assert timedelta() <= total(planned) <= window.length


@given(patterns(), st.integers(0, 51), zones)
def test_whole_shifts_give_their_length_minus_their_breaks(pattern, week, zone) -> None:
    """Over whole shifts, planned time is each shift's real length minus its breaks; in UTC the nominal one."""
    window = Span(utc(2026, 1, 5) + timedelta(weeks=week), utc(2026, 1, 5) + timedelta(weeks=week + 1))
    whole = occurrences([pattern], zone, window)
    outer = Span(min(s.span.start for s in whole), max(s.span.end for s in whole)) if whole else window
    expected = sum((s.span.length - total(s.breaks) for s in whole), timedelta())
    assert total(planned_spans([pattern], zone, outer)) == expected
    if zone.key == "UTC":
        nominal = (pattern.end.hour * 60 + pattern.end.minute - pattern.start.hour * 60 - pattern.start.minute) % (
            24 * 60
        ) or 24 * 60
        assert all(s.span.length == timedelta(minutes=nominal) for s in whole)
        assert all(total(s.breaks) == timedelta(minutes=sum(b.minutes for b in pattern.breaks)) for s in whole)
    for shift in whole:  # a daylight-saving change moves a shift's length by one hour at most
        assert abs(shift.span.length - whole[0].span.length) <= timedelta(hours=1)


@given(patterns(), windows, zones, st.floats(0.0, 1.0))
def test_planned_time_adds_up_over_adjacent_windows(pattern, window, zone, cut) -> None:
    middle = window.start + (window.end - window.start) * cut
    left, right = Span(window.start, middle), Span(middle, window.end)
    both = total(planned_spans([pattern], zone, left)) + total(planned_spans([pattern], zone, right))
    assert both == total(planned_spans([pattern], zone, window))


@given(patterns(), windows, zones, st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=8))
def test_buckets_measure_any_span_like_the_set_operations(pattern, window, zone, cuts) -> None:
    """F(e) - F(s) from the buckets equals the planned time inside [s, e) computed with spans."""
    planned = planned_spans([pattern], zone, window)
    rows = buckets(planned, window)
    horizon = (window.end - window.start).total_seconds()
    for a, b in cuts:
        s, e = sorted((a * horizon, b * horizon))
        stop = Span(window.start + timedelta(seconds=s), window.start + timedelta(seconds=e))
        inside = total(planned) - total(subtract(planned, [stop]))
        measured = planned_before(rows, (stop.end - window.start).total_seconds()) - planned_before(
            rows, (stop.start - window.start).total_seconds()
        )
        assert abs(measured - float(seconds(inside))) < 1e-3


def test_a_shift_inside_the_skipped_spring_hour_plans_nothing() -> None:
    new_york = ZoneInfo("America/New_York")  # 2025-03-09: 02:00 local jumps to 03:00
    pattern = ShiftPattern("S", ("sun",), time(2, 1), time(3, 0), ())
    window = Span(utc(2025, 3, 9), utc(2025, 3, 9) + timedelta(hours=24))
    assert total(planned_spans([pattern], new_york, window)) == timedelta()
