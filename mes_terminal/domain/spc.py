"""Statistical process control: control limits, process capability and the Nelson rules.

Control limits come from a baseline window (values recorded while the process was known to be stable)
and are then held fixed: new values are judged against them, not against themselves. The constants are
the usual ones for subgroups of 2 to 10 (ASTM E2587, Montgomery, *Introduction to Statistical Quality
Control*, appendix VI). Statistics are floats: these are estimates, not quantities of material.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

# n: (A2, D3, D4, d2)
CONSTANTS: dict[int, tuple[float, float, float, float]] = {
    2: (1.880, 0.0, 3.267, 1.128),
    3: (1.023, 0.0, 2.574, 1.693),
    4: (0.729, 0.0, 2.282, 2.059),
    5: (0.577, 0.0, 2.114, 2.326),
    6: (0.483, 0.0, 2.004, 2.534),
    7: (0.419, 0.076, 1.924, 2.704),
    8: (0.373, 0.136, 1.864, 2.847),
    9: (0.337, 0.184, 1.816, 2.970),
    10: (0.308, 0.223, 1.777, 3.078),
}
MIN_BASELINE = 8  # fewer values than this give limits too rough to act on


class SpcError(ValueError):
    """The data cannot give the statistic asked for (too few values, a bad subgroup size)."""


@dataclass(frozen=True)
class Limits:
    """A chart's center line and control limits; `sigma` is the standard deviation of what is plotted."""

    center: float
    lower: float
    upper: float
    sigma: float


@dataclass(frozen=True)
class ChartLimits:
    """Limits of both charts of a pair: individuals and moving range, or averages and ranges."""

    kind: str  # "i-mr" or "xbar-r"
    location: Limits  # the individuals chart, or the X-bar chart
    spread: Limits  # the moving-range chart, or the R chart
    process_sigma: float  # within-subgroup sigma of single values: MR-bar / d2 or R-bar / d2
    subgroup_size: int


@dataclass(frozen=True)
class Capability:
    cp: float | None  # needs both spec limits
    cpk: float | None


def imr_limits(baseline: Sequence[float]) -> ChartLimits:
    """Individuals and moving-range limits from a baseline of single values."""
    if len(baseline) < 2:
        raise SpcError("An I-MR chart needs at least two values in its baseline.")
    center = statistics.fmean(baseline)
    ranges = moving_ranges(baseline)
    mr_bar = statistics.fmean(ranges)
    _, d3, d4, d2 = CONSTANTS[2]
    sigma = mr_bar / d2
    return ChartLimits(
        kind="i-mr",
        location=Limits(center, center - 3 * sigma, center + 3 * sigma, sigma),
        spread=Limits(mr_bar, d3 * mr_bar, d4 * mr_bar, mr_bar * 0.853 / d2),  # d3 (sd of R) for n=2: 0.853
        process_sigma=sigma,
        subgroup_size=1,
    )


def xbar_r_limits(baseline: Sequence[Sequence[float]]) -> ChartLimits:
    """Averages and ranges limits from a baseline of equal subgroups (2 to 10 values each)."""
    if len(baseline) < 2:
        raise SpcError("An X-bar/R chart needs at least two subgroups in its baseline.")
    size = len(baseline[0])
    if size not in CONSTANTS or any(len(group) != size for group in baseline):
        raise SpcError("X-bar/R subgroups must all hold the same number of values, from 2 to 10.")
    a2, d3, d4, d2 = CONSTANTS[size]
    grand = statistics.fmean(statistics.fmean(group) for group in baseline)
    r_bar = statistics.fmean(max(group) - min(group) for group in baseline)
    sigma_mean = a2 * r_bar / 3
    return ChartLimits(
        kind="xbar-r",
        location=Limits(grand, grand - a2 * r_bar, grand + a2 * r_bar, sigma_mean),
        spread=Limits(r_bar, d3 * r_bar, d4 * r_bar, (d4 - 1) * r_bar / 3),
        process_sigma=r_bar / d2,
        subgroup_size=size,
    )


def moving_ranges(values: Sequence[float]) -> list[float]:
    return [abs(b - a) for a, b in itertools.pairwise(values)]


def subgroups(values: Sequence[float], size: int) -> list[list[float]]:
    """Consecutive subgroups of `size`; an incomplete last one is left out."""
    if size not in CONSTANTS:
        raise SpcError("A subgroup holds 2 to 10 values.")
    return [list(values[i : i + size]) for i in range(0, len(values) - size + 1, size)]


def capability(mean: float, sigma: float, lower: float | None, upper: float | None) -> Capability:
    """Cp = (USL - LSL) / 6σ and Cpk = min(USL - μ, μ - LSL) / 3σ, with σ the within-subgroup sigma."""
    if sigma <= 0:
        return Capability(None, None)
    cp = (upper - lower) / (6 * sigma) if lower is not None and upper is not None else None
    sides = [(upper - mean) / (3 * sigma)] if upper is not None else []
    if lower is not None:
        sides.append((mean - lower) / (3 * sigma))
    return Capability(cp, min(sides) if sides else None)


# --- Nelson rules ---------------------------------------------------------------------------------


class Rule(IntEnum):
    BEYOND_3_SIGMA = 1
    NINE_ON_ONE_SIDE = 2
    SIX_TRENDING = 3
    FOURTEEN_ALTERNATING = 4
    TWO_OF_THREE_BEYOND_2_SIGMA = 5
    FOUR_OF_FIVE_BEYOND_1_SIGMA = 6
    FIFTEEN_WITHIN_1_SIGMA = 7
    EIGHT_OUTSIDE_1_SIGMA = 8


RULE_TEXT = {
    Rule.BEYOND_3_SIGMA: "one point more than 3 sigma from the center line",
    Rule.NINE_ON_ONE_SIDE: "nine points in a row on one side of the center line",
    Rule.SIX_TRENDING: "six points in a row steadily rising or falling",
    Rule.FOURTEEN_ALTERNATING: "fourteen points in a row alternating up and down",
    Rule.TWO_OF_THREE_BEYOND_2_SIGMA: "two of three points more than 2 sigma out on one side",
    Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA: "four of five points more than 1 sigma out on one side",
    Rule.FIFTEEN_WITHIN_1_SIGMA: "fifteen points in a row within 1 sigma of the center line",
    Rule.EIGHT_OUTSIDE_1_SIGMA: "eight points in a row more than 1 sigma out, on either side",
}


@dataclass(frozen=True)
class Violation:
    index: int  # the point that completed the pattern
    rule: Rule

    @property
    def text(self) -> str:
        return f"Nelson rule {int(self.rule)}: {RULE_TEXT[self.rule]}"


def violations_at(points: Sequence[float], index: int, limits: Limits) -> list[Rule]:
    """The rules broken by the pattern that the point at `index` completes (earlier points only before it)."""
    if limits.sigma <= 0:
        return []
    z = [(p - limits.center) / limits.sigma for p in points[: index + 1]]
    broken = [rule for rule, test in _TESTS if test(z)]
    return broken


def nelson(points: Sequence[float], limits: Limits) -> list[Violation]:
    """Every rule violation along `points`, as each new point would have been judged when it came."""
    return [Violation(i, rule) for i in range(len(points)) for rule in violations_at(points, i, limits)]


def _side(value: float) -> int:
    return (value > 0) - (value < 0)


def _rule_1(z: Sequence[float]) -> bool:
    return abs(z[-1]) > 3


def _rule_2(z: Sequence[float]) -> bool:
    window = z[-9:]
    return len(window) == 9 and _side(window[0]) != 0 and all(_side(v) == _side(window[0]) for v in window)


def _rule_3(z: Sequence[float]) -> bool:
    window = z[-6:]
    if len(window) < 6:
        return False
    steps = [b - a for a, b in itertools.pairwise(window)]
    return all(s > 0 for s in steps) or all(s < 0 for s in steps)


def _rule_4(z: Sequence[float]) -> bool:
    window = z[-14:]
    if len(window) < 14:
        return False
    steps = [_side(b - a) for a, b in itertools.pairwise(window)]
    return all(s != 0 for s in steps) and all(a == -b for a, b in itertools.pairwise(steps))


def _k_of_n_beyond(z: Sequence[float], k: int, n: int, sigmas: float) -> bool:
    window = z[-n:]
    if len(window) < n:
        return False
    side = _side(z[-1])
    # The newest point must be one of those out: a pattern is reported at the point that completes it.
    if side == 0 or abs(z[-1]) <= sigmas:
        return False
    return sum(1 for v in window if _side(v) == side and abs(v) > sigmas) >= k


def _rule_5(z: Sequence[float]) -> bool:
    return _k_of_n_beyond(z, 2, 3, 2)


def _rule_6(z: Sequence[float]) -> bool:
    return _k_of_n_beyond(z, 4, 5, 1)


def _rule_7(z: Sequence[float]) -> bool:
    window = z[-15:]
    return len(window) == 15 and all(abs(v) < 1 for v in window)


def _rule_8(z: Sequence[float]) -> bool:
    window = z[-8:]
    return len(window) == 8 and all(abs(v) > 1 for v in window)


_TESTS = (
    (Rule.BEYOND_3_SIGMA, _rule_1),
    (Rule.NINE_ON_ONE_SIDE, _rule_2),
    (Rule.SIX_TRENDING, _rule_3),
    (Rule.FOURTEEN_ALTERNATING, _rule_4),
    (Rule.TWO_OF_THREE_BEYOND_2_SIGMA, _rule_5),
    (Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA, _rule_6),
    (Rule.FIFTEEN_WITHIN_1_SIGMA, _rule_7),
    (Rule.EIGHT_OUTSIDE_1_SIGMA, _rule_8),
)
