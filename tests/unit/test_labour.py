"""Labour over concurrent jobs is shared, never double-counted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.labour import Stint, allocate

T0 = datetime(2026, 3, 2, 6, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_one_job_gets_all_the_time() -> None:
    assert allocate([Stint("A", at(0), at(60))]) == {"A": Decimal(3600)}


def test_overlapping_jobs_share_the_overlap_equally() -> None:
    result = allocate([Stint("A", at(0), at(60)), Stint("B", at(30), at(90))])
    assert result == {"A": Decimal(1800 + 900), "B": Decimal(900 + 1800)}


def test_by_quantity_the_overlap_follows_the_weights() -> None:
    result = allocate([Stint("A", at(0), at(60)), Stint("B", at(0), at(60))], {"A": Decimal(30), "B": Decimal(10)})
    assert result == {"A": Decimal(2700), "B": Decimal(900)}


def test_without_weights_for_the_active_jobs_it_falls_back_to_equal() -> None:
    result = allocate([Stint("A", at(0), at(10)), Stint("B", at(0), at(10))], {"A": Decimal(0)})
    assert result == {"A": Decimal(300), "B": Decimal(300)}


def test_the_same_job_twice_is_not_counted_twice() -> None:
    assert allocate([Stint("A", at(0), at(30)), Stint("A", at(10), at(40))]) == {"A": Decimal(2400)}


stints = st.lists(
    st.tuples(st.sampled_from("ABCD"), st.integers(0, 600), st.integers(1, 300)).map(
        lambda t: Stint(t[0], at(t[1]), at(t[1] + t[2]))
    ),
    max_size=8,
)


@given(stints, st.none() | st.dictionaries(st.sampled_from("ABCD"), st.integers(0, 50).map(Decimal)))
def test_shares_add_up_to_the_time_actually_worked(items: list[Stint], weights) -> None:
    worked = _union_seconds(items)
    total = sum(allocate(items, weights).values(), Decimal(0))
    assert abs(total - worked) < Decimal("0.000001")


def _union_seconds(items: list[Stint]) -> Decimal:
    covered, end = Decimal(0), None
    for s in sorted(items, key=lambda s: s.start):
        start = s.start if end is None or s.start > end else end
        if end is None or s.end > end:
            if s.end > start:
                covered += Decimal(str((s.end - start).total_seconds()))
            end = s.end if end is None or s.end > end else end
    return covered
