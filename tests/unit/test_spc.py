"""SPC math against known answers: textbook control limits and capability, and the Nelson rules on the
patterns Nelson (1984, J. Quality Technology 16:4) draws for each test, judged point by point."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain import spc
from mes_terminal.domain.spc import Limits, Rule

UNIT = Limits(center=0.0, lower=-3.0, upper=3.0, sigma=1.0)
QUIET = [0.3, -0.4, 0.5, -0.2, 0.6]  # a stable start that breaks no rule


def first_violation(points: list[float], rule: Rule) -> int | None:
    return next((v.index for v in spc.nelson(points, UNIT) if v.rule == rule), None)


def test_xbar_r_limits_match_montgomery_hard_bake_example() -> None:
    # Montgomery, Introduction to SQC, example 6.1: 25 subgroups of 5, x-double-bar 1.5056, R-bar 0.32521,
    # X-bar chart 1.3180 .. 1.6932, R chart 0 .. 0.68749. Subgroups with that mean and range give the same limits.
    half = 0.32521 / 2
    groups = [[1.5056 - half, 1.5056, 1.5056, 1.5056, 1.5056 + half]] * 25
    limits = spc.xbar_r_limits(groups)
    assert limits.location.center == pytest.approx(1.5056)
    assert (limits.location.lower, limits.location.upper) == (
        pytest.approx(1.3180, abs=1e-4),
        pytest.approx(1.6932, abs=1e-4),
    )
    assert (limits.spread.lower, limits.spread.upper) == (0.0, pytest.approx(0.68749, abs=1e-4))
    # Capability of that process with spec 1.00 .. 2.00: sigma = R-bar / d2 = 0.1398, Cp = 1.192.
    capability = spc.capability(limits.location.center, limits.process_sigma, 1.0, 2.0)
    assert capability.cp == pytest.approx(1.192, abs=1e-3)
    assert capability.cpk == pytest.approx((2.0 - 1.5056) / (3 * 0.32521 / 2.326), abs=1e-6)  # nearer the upper limit


def test_imr_limits_use_the_average_moving_range() -> None:
    values = [10.0, 12.0, 11.0, 13.0, 12.0]  # moving ranges 2, 1, 2, 1: MR-bar 1.5
    limits = spc.imr_limits(values)
    assert limits.location.center == pytest.approx(11.6)
    assert limits.location.upper == pytest.approx(11.6 + 2.66 * 1.5, abs=1e-2)
    assert limits.location.lower == pytest.approx(11.6 - 2.66 * 1.5, abs=1e-2)
    assert limits.spread.upper == pytest.approx(3.267 * 1.5)


def test_one_sided_capability_has_a_cpk_and_no_cp() -> None:
    assert spc.capability(10.0, 1.0, None, 16.0) == spc.Capability(None, 2.0)
    assert spc.capability(10.0, 0.0, 4.0, 16.0) == spc.Capability(None, None)


@pytest.mark.parametrize(
    ("rule", "points", "index"),
    [
        (Rule.BEYOND_3_SIGMA, [*QUIET, 3.2], 5),
        (Rule.NINE_ON_ONE_SIDE, [*QUIET, -0.3, 0.2, 0.5, 0.1, 0.9, 0.4, 0.3, 0.8, 0.2, 0.6], 14),
        (Rule.SIX_TRENDING, [*QUIET, -1.0, -0.5, 0.0, 0.4, 0.9, 1.5], 10),
        (Rule.FOURTEEN_ALTERNATING, [0.5 if i % 2 else -0.5 for i in range(14)], 13),
        (Rule.TWO_OF_THREE_BEYOND_2_SIGMA, [*QUIET, 2.3, 0.1, 2.5], 7),
        (Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA, [*QUIET, 1.3, 1.5, 0.2, 1.2, 1.8], 9),
        (Rule.FIFTEEN_WITHIN_1_SIGMA, [0.2, -0.3, 0.1, -0.5, 0.4] * 3, 14),
        (Rule.EIGHT_OUTSIDE_1_SIGMA, [1.5, -1.4, 1.2, -1.6, 1.3, -1.2, 1.7, -1.1], 7),
    ],
)
def test_each_nelson_rule_fires_at_the_point_that_completes_its_pattern(rule, points, index) -> None:
    assert first_violation(points, rule) == index
    assert rule in spc.violations_at(points, index, UNIT)
    assert rule not in spc.violations_at(points, index - 1, UNIT)


def test_eight_points_beyond_1_sigma_on_one_side_only_are_a_shift_not_rule_8() -> None:
    # Nelson's test 8 is a mixture: eight in a row outside zone C with points on both sides.
    points = [1.5, 1.4, 1.2, 1.6, 1.3, 1.2, 1.7, 1.1]
    assert first_violation(points, Rule.EIGHT_OUTSIDE_1_SIGMA) is None
    assert first_violation(points, Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA) == 4


def test_points_on_the_center_line_break_a_run_on_one_side() -> None:
    points = [0.5] * 4 + [0.0] + [0.5] * 4
    assert first_violation(points, Rule.NINE_ON_ONE_SIDE) is None


def test_a_stable_sequence_breaks_no_rule_but_fifteen_hugging_the_center() -> None:
    points = [0.3, -1.2, 0.8, 1.4, -0.6, 0.1, -1.7, 0.9, -0.2, 1.1]
    assert spc.nelson(points, UNIT) == []


@given(st.lists(st.floats(min_value=-50, max_value=50, allow_nan=False), min_size=1, max_size=40))
def test_a_rule_violation_only_looks_back_never_ahead(points: list[float]) -> None:
    for index in range(len(points)):
        assert spc.violations_at(points, index, UNIT) == spc.violations_at(points[: index + 1], index, UNIT)


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=2, max_size=60))
def test_imr_limits_are_ordered_and_centered(values: list[float]) -> None:
    limits = spc.imr_limits(values)
    assert limits.location.lower <= limits.location.center <= limits.location.upper
    assert math.isclose(
        limits.location.upper - limits.location.center,
        limits.location.center - limits.location.lower,
        rel_tol=1e-9,
        abs_tol=1e-6,
    )


def test_subgroups_leave_out_an_incomplete_last_group() -> None:
    assert spc.subgroups([1, 2, 3, 4, 5, 6, 7], 3) == [[1, 2, 3], [4, 5, 6]]
    with pytest.raises(spc.SpcError):
        spc.subgroups([1, 2, 3], 26)
    with pytest.raises(spc.SpcError):
        spc.imr_limits([1.0])


# --- a chart judged: every point, Phase I limits, spec apart ------------------------------------------

# 25 lengths of a stable cut (mean 40.0, sigma about 0.05) with a 41.5 mm part as its 11th: issue #15.
STABLE = [40.0, 40.05, 39.96, 40.02, 39.98, 40.04, 39.95, 40.01, 40.03, 39.97]
WITH_OUTLIER = [*STABLE, 41.5, *STABLE, 40.0, 40.02, 39.99, 40.01]


def test_an_outlier_inside_the_baseline_is_judged_excluded_and_out_of_spec() -> None:
    chart = spc.analyse(WITH_OUTLIER, 25, upper_spec=40.2, lower_spec=39.8)
    assert chart.baseline_size == 25 and not chart.provisional
    assert chart.excluded == (10,)
    assert chart.rules_at(10) == (int(Rule.BEYOND_3_SIGMA),)
    assert chart.spec == (spc.SpecBreach(10, 41.5, "USL"),)
    # The limits are those of the other 24 values, their moving ranges not bridging the gap.
    kept = [v for i, v in enumerate(WITH_OUTLIER) if i != 10]
    assert chart.limits is not None
    assert chart.limits.location.center == pytest.approx(sum(kept) / 24)
    assert chart.limits.location.upper < 40.2


def test_fewer_points_than_the_baseline_give_provisional_limits_that_still_judge() -> None:
    chart = spc.analyse([*STABLE[:8], 41.5], 25)
    assert chart.provisional and chart.baseline_size == 9
    assert chart.excluded == (8,) and chart.rules_at(8) == (1,)
    assert spc.analyse([40.0], 25).limits is None


def test_a_subgroup_with_a_part_out_of_spec_is_a_spec_breach_not_a_control_signal() -> None:
    groups = [40.0, 40.1, 39.9, 40.05, 39.95] * 6 + [40.0, 40.1, 39.9, 40.05, 40.25]
    chart = spc.analyse(groups, 25, subgroup=5, upper_spec=40.2)
    assert chart.kind == "xbar-r"
    assert chart.spec == (spc.SpecBreach(6, 40.25, "USL"),)
    assert chart.rules_at(6) == ()


def test_xbar_s_limits_match_montgomery_piston_ring_example() -> None:
    # Montgomery, Introduction to SQC, example 6.3: 25 subgroups of 5, x-double-bar 74.001, s-bar 0.0094;
    # A3 1.427, B4 2.089, B3 0, c4 0.9400: X-bar 73.988 .. 74.014, S 0 .. 0.0196.
    assert spc.c4(5) == pytest.approx(0.9400, abs=1e-4)
    s = 0.0094 / math.sqrt(2.5)  # a subgroup of five with that standard deviation
    groups = [[74.001 - 2 * s, 74.001 - s, 74.001, 74.001 + s, 74.001 + 2 * s]] * 25
    limits = spc.xbar_s_limits(groups)
    assert limits.location.center == pytest.approx(74.001)
    assert limits.location.upper == pytest.approx(74.001 + 1.427 * 0.0094, abs=1e-5)
    assert limits.spread.upper == pytest.approx(2.089 * 0.0094, abs=1e-5) and limits.spread.lower == 0.0
    assert limits.process_sigma == pytest.approx(0.0094 / 0.9400, abs=1e-6)
    assert spc.chart_kind(5) == "xbar-r" and spc.chart_kind(9) == "xbar-s" and spc.chart_kind(1) == "i-mr"


values_lists = st.lists(st.floats(min_value=-1e3, max_value=1e3, allow_nan=False), min_size=2, max_size=50)


@given(values_lists, st.integers(min_value=2, max_value=30))
def test_every_point_beyond_3_sigma_is_flagged_baseline_or_not(values: list[float], baseline: int) -> None:
    chart = spc.analyse(values, baseline)
    if chart.limits is None or chart.limits.location.sigma <= 0:
        return
    for index, value in enumerate(values):
        if abs(value - chart.limits.location.center) > 3 * chart.limits.location.sigma:
            assert 1 in chart.rules_at(index)


@given(values_lists, st.integers(min_value=2, max_value=30))
def test_limits_are_never_computed_from_excluded_points(values: list[float], baseline: int) -> None:
    chart = spc.analyse(values, baseline)
    assert all(i < chart.baseline_size for i in chart.excluded)
    if chart.limits is None:
        return
    # The center is the mean of the kept baseline values, sigma the mean moving range of kept neighbours / d2.
    kept = [i for i in range(chart.baseline_size) if i not in chart.excluded]
    ranges = [abs(values[b] - values[a]) for a, b in itertools.pairwise(kept) if b == a + 1]
    assert chart.limits.location.center == pytest.approx(sum(values[i] for i in kept) / len(kept), abs=1e-9)
    assert chart.limits.process_sigma == pytest.approx(sum(ranges) / len(ranges) / 1.128, abs=1e-9)


@given(st.lists(st.floats(min_value=-10, max_value=10, allow_nan=False), min_size=8, max_size=40))
def test_phase_one_stops_only_when_no_kept_baseline_point_is_beyond_the_limits(values: list[float]) -> None:
    chart = spc.analyse(values, 25)
    limits = chart.limits
    if limits is None or limits.location.sigma <= 0:
        return
    kept = [i for i in range(chart.baseline_size) if i not in chart.excluded]
    beyond = [i for i in kept if not limits.location.lower <= values[i] <= limits.location.upper]
    # Either stable, or going on would keep less than half the baseline, no neighbouring pair, or sigma 0.
    if beyond:
        rest = [i for i in kept if i not in beyond]
        pairs = [(a, b) for a, b in itertools.pairwise(rest) if b == a + 1]
        assert (
            len(rest) < max(2, math.ceil(chart.baseline_size / 2))
            or not pairs
            or sum(abs(values[b] - values[a]) for a, b in pairs) / len(pairs) / 1.128 <= 0
        )


def test_phase_one_keeps_at_least_half_the_baseline() -> None:
    # A baseline of identical values with noisy ones around them would cascade down to the identical
    # ones (sigma 0) if every pass left out what its tighter limits flag.
    values = [120.0] * 9 + [120.0 + d for d in (0.03, -0.02, 0.04, -0.03, 0.01, 0.45, -0.04, 0.02, 0.03, -0.01)]
    chart = spc.analyse(values, 19)
    assert len(chart.excluded) <= 9 and 14 in chart.excluded
    assert chart.limits is not None and chart.limits.location.sigma > 0
    assert 1 in chart.rules_at(14)


def _oracle(z: list[float]) -> set[Rule]:
    """The rules as Nelson (1984) words them, on the window ending at the newest point: slow and plain."""

    def side(v: float) -> int:
        return (v > 0) - (v < 0)

    def last(n: int) -> list[float] | None:
        return z[-n:] if len(z) >= n else None

    def k_of_n(n: int, k: int, sigmas: float) -> bool:
        w = last(n)
        s = side(z[-1])
        return w is not None and abs(z[-1]) > sigmas and sum(1 for v in w if side(v) == s and abs(v) > sigmas) >= k

    steps = lambda w: [side(b - a) for a, b in itertools.pairwise(w)]  # noqa: E731
    found = set()
    if abs(z[-1]) > 3:
        found.add(Rule.BEYOND_3_SIGMA)
    if (w := last(9)) and side(w[0]) != 0 and all(side(v) == side(w[0]) for v in w):
        found.add(Rule.NINE_ON_ONE_SIDE)
    if (w := last(6)) and (all(s > 0 for s in steps(w)) or all(s < 0 for s in steps(w))):
        found.add(Rule.SIX_TRENDING)
    if (w := last(14)) and all(s != 0 for s in steps(w)) and all(a == -b for a, b in itertools.pairwise(steps(w))):
        found.add(Rule.FOURTEEN_ALTERNATING)
    if k_of_n(3, 2, 2):
        found.add(Rule.TWO_OF_THREE_BEYOND_2_SIGMA)
    if k_of_n(5, 4, 1):
        found.add(Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA)
    if (w := last(15)) and all(abs(v) < 1 for v in w):
        found.add(Rule.FIFTEEN_WITHIN_1_SIGMA)
    if (w := last(8)) and all(abs(v) > 1 for v in w) and any(v > 0 for v in w) and any(v < 0 for v in w):
        found.add(Rule.EIGHT_OUTSIDE_1_SIGMA)
    return found


@given(
    st.lists(st.one_of(st.floats(-4, 4), st.sampled_from([0.0, 1.0, -1.0, 2.0, 2.5, -2.5])), min_size=1, max_size=60)
)
def test_the_one_pass_rules_agree_with_nelsons_wording_point_by_point(points: list[float]) -> None:
    found = spc.nelson(points, UNIT)
    for index in range(len(points)):
        assert {v.rule for v in found if v.index == index} == _oracle(points[: index + 1])
