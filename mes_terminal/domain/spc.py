"""Statistical process control: control limits, process capability and the Nelson rules.

Control limits come from a baseline window (the first values) and are then held fixed. Every point is
judged against them, the baseline's own included (as Minitab and the textbooks do). A baseline point
beyond the limits is left out of them and the limits recomputed until none is (Phase I, Montgomery
§6.2.1 / §6.3); fewer points than the baseline asks for give provisional limits. The constants are the
usual ones (ASTM E2587, Montgomery, *Introduction to Statistical Quality Control*, appendix VI); c4 and
the X-bar/S factors are computed from their definitions. Statistics are floats: these are estimates,
not quantities of material.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property

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
MAX_SUBGROUP = 25
MAX_EXCLUDED_SHARE = 0.5  # Phase I leaves out at most half the baseline: beyond that nothing was stable
NO_MEASUREMENTS = "No measurements of {item} in this range."  # a chart without points says so
XBAR_R_UP_TO = 8  # subgroups of up to 8 get X-bar/R, larger ones X-bar/S (Minitab's guidance; R wastes data)


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

    kind: str  # "i-mr", "xbar-r" or "xbar-s"
    location: Limits  # the individuals chart, or the X-bar chart
    spread: Limits  # the moving-range chart, or the R chart
    process_sigma: float  # within-subgroup sigma of single values: MR-bar / d2 or R-bar / d2
    subgroup_size: int


@dataclass(frozen=True)
class Capability:
    cp: float | None  # needs both spec limits
    cpk: float | None


def chart_kind(subgroup: int) -> str:
    if subgroup == 1:
        return "i-mr"
    if not 2 <= subgroup <= MAX_SUBGROUP:
        raise SpcError(f"A subgroup holds 2 to {MAX_SUBGROUP} values.")
    return "xbar-r" if subgroup <= XBAR_R_UP_TO else "xbar-s"


def imr_limits(baseline: Sequence[float]) -> ChartLimits:
    """Individuals and moving-range limits from a baseline of single values."""
    limits = _limits_of([[v] for v in baseline], range(len(baseline)), "i-mr")
    if limits is None:
        raise SpcError("An I-MR chart needs at least two values in its baseline.")
    return limits


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


def c4(n: int) -> float:
    """E[s] / sigma for samples of n: sqrt(2 / (n - 1)) * Γ(n / 2) / Γ((n - 1) / 2) (0.9400 for n = 5)."""
    return math.sqrt(2 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))


def xbar_s_limits(baseline: Sequence[Sequence[float]]) -> ChartLimits:
    """Averages and standard deviations limits from equal subgroups (2 to 25 values each): A3, B3, B4 from c4."""
    if len(baseline) < 2:
        raise SpcError("An X-bar/S chart needs at least two subgroups in its baseline.")
    size = len(baseline[0])
    if not 2 <= size <= MAX_SUBGROUP or any(len(group) != size for group in baseline):
        raise SpcError(f"X-bar/S subgroups must all hold the same number of values, from 2 to {MAX_SUBGROUP}.")
    c = c4(size)
    a3 = 3 / (c * math.sqrt(size))
    spread_of_s = 3 * math.sqrt(1 - c * c) / c
    grand = statistics.fmean(statistics.fmean(group) for group in baseline)
    s_bar = statistics.fmean(statistics.stdev(group) for group in baseline)
    return ChartLimits(
        kind="xbar-s",
        location=Limits(grand, grand - a3 * s_bar, grand + a3 * s_bar, a3 * s_bar / 3),
        spread=Limits(s_bar, max(0.0, 1 - spread_of_s) * s_bar, (1 + spread_of_s) * s_bar, spread_of_s * s_bar / 3),
        process_sigma=s_bar / c,
        subgroup_size=size,
    )


def moving_ranges(values: Sequence[float]) -> list[float]:
    return [abs(b - a) for a, b in itertools.pairwise(values)]


def subgroups(values: Sequence[float], size: int) -> list[list[float]]:
    """Consecutive subgroups of `size`; an incomplete last one is left out."""
    if not 2 <= size <= MAX_SUBGROUP:
        raise SpcError(f"A subgroup holds 2 to {MAX_SUBGROUP} values.")
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


def overall_sigma(values: Sequence[float]) -> float:
    """The sample standard deviation of every single value: the sigma of Pp and Ppk (in floats:
    `statistics.stdev` is exact and a hundred times slower, and these are estimates)."""
    if len(values) < 2:
        return 0.0
    mean = statistics.fmean(values)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))


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
    Rule.EIGHT_OUTSIDE_1_SIGMA: "eight points in a row more than 1 sigma out, on both sides",
}


@dataclass(frozen=True)
class Violation:
    index: int  # the point that completed the pattern
    rule: Rule

    @property
    def text(self) -> str:
        return f"Nelson rule {int(self.rule)}: {RULE_TEXT[self.rule]}"


LONGEST_PATTERN = 15  # rule 7's; no rule looks further back


def violations_at(points: Sequence[float], index: int, limits: Limits) -> list[Rule]:
    """The rules broken by the pattern that the point at `index` completes (earlier points only before it)."""
    start = max(0, index + 1 - LONGEST_PATTERN)
    window = points[start : index + 1]
    return [v.rule for v in nelson(window, limits) if v.index == len(window) - 1]


def nelson(points: Sequence[float], limits: Limits) -> list[Violation]:
    """Every rule violation along `points`, as each new point would have been judged when it came.

    One pass with a run counter per pattern, so that a characteristic's whole history is judged in linear
    time (the terminal does it on every measurement). Each rule is reported at the point that completes
    its pattern: a point on the center line breaks a run on one side, an equal neighbour breaks a trend.
    """
    if limits.sigma <= 0:
        return []
    z = [(p - limits.center) / limits.sigma for p in points]
    sides = [_side(v) for v in z]
    steps = [0] + [_side(b - a) for a, b in itertools.pairwise(z)]
    found: list[Violation] = []
    same_side = rising = falling = alternating = within = outside = 0
    last_above = last_below = -LONGEST_PATTERN  # the newest point more than 1 sigma out above, below
    for i, v in enumerate(z):
        side, step, size = sides[i], steps[i], abs(v)
        same_side = same_side + 1 if side and i and sides[i - 1] == side else (1 if side else 0)
        rising = rising + 1 if step > 0 else 0
        falling = falling + 1 if step < 0 else 0
        alternating = alternating + 1 if step and i > 1 and step == -steps[i - 1] else (1 if step else 0)
        within = within + 1 if size < 1 else 0
        outside = outside + 1 if size > 1 else 0
        if v > 1:
            last_above = i
        elif v < -1:
            last_below = i
        if size > 3:
            found.append(Violation(i, Rule.BEYOND_3_SIGMA))
        if same_side >= 9:
            found.append(Violation(i, Rule.NINE_ON_ONE_SIDE))
        if rising >= 5 or falling >= 5:
            found.append(Violation(i, Rule.SIX_TRENDING))
        if alternating >= 13:
            found.append(Violation(i, Rule.FOURTEEN_ALTERNATING))
        # k of n beyond on the newest point's side, the newest among them: a pattern is reported at the
        # point that completes it, not again at each later point that still holds it.
        if i >= 2 and size > 2 and sum(1 for w in z[i - 2 : i + 1] if w * side > 2) >= 2:
            found.append(Violation(i, Rule.TWO_OF_THREE_BEYOND_2_SIGMA))
        if i >= 4 and size > 1 and sum(1 for w in z[i - 4 : i + 1] if w * side > 1) >= 4:
            found.append(Violation(i, Rule.FOUR_OF_FIVE_BEYOND_1_SIGMA))
        if within >= 15:
            found.append(Violation(i, Rule.FIFTEEN_WITHIN_1_SIGMA))
        if outside >= 8 and min(last_above, last_below) > i - 8:
            found.append(Violation(i, Rule.EIGHT_OUTSIDE_1_SIGMA))
    return found


def _side(value: float) -> int:
    return (value > 0) - (value < 0)


# --- a chart judged: Phase I limits, every point against them, spec apart ---------------------------


@dataclass(frozen=True)
class SpecBreach:
    index: int  # the plotted point (a single value, or the subgroup holding the value)
    value: float  # the value beyond the limit (the worst of a subgroup)
    side: str  # "USL" or "LSL"


@dataclass(frozen=True)
class Analysis:
    """One characteristic's chart, judged: what is plotted, its limits and every signal.

    Control signals (the Nelson rules against the control limits) and spec breaches (a value beyond a
    specification limit) are apart: a process can be in control and out of spec, and the other way.
    """

    kind: str  # "i-mr", "xbar-r" or "xbar-s"
    subgroup_size: int
    points: tuple[float, ...]  # single values, or subgroup averages
    spread: tuple[float, ...]  # moving ranges (one fewer than points), subgroup ranges or deviations
    limits: ChartLimits | None  # None: fewer than two points
    baseline_size: int  # points in the baseline window (at most the points there are)
    provisional: bool  # fewer points than the baseline asks for: the limits still move
    excluded: tuple[int, ...]  # baseline points left out of the limits (Phase I), 0-based
    violations: tuple[Violation, ...]  # every point judged, the baseline's included
    spec: tuple[SpecBreach, ...]
    capability: Capability  # within sigma: Cp, Cpk
    performance: Capability  # overall sigma: Pp, Ppk

    def rules_at(self, index: int) -> tuple[int, ...]:
        return self.by_point.get(index, ())

    @cached_property
    def by_point(self) -> dict[int, tuple[int, ...]]:
        """The rules each point broke, by point: looked up once a point when a chart is drawn."""
        rules: dict[int, list[int]] = {}
        for v in self.violations:
            rules.setdefault(v.index, []).append(int(v.rule))
        return {index: tuple(found) for index, found in rules.items()}


def analyse(
    values: Sequence[float],
    baseline: int,
    *,
    subgroup: int = 1,
    lower_spec: float | None = None,
    upper_spec: float | None = None,
) -> Analysis:
    """The chart of `values` with limits from its first `baseline` points, judged point by point."""
    if baseline < 2:
        raise SpcError("A baseline needs at least two points.")
    kind = chart_kind(subgroup)
    groups = subgroups(values, subgroup) if subgroup > 1 else [[v] for v in values]
    points = [float(v) for v in values] if subgroup == 1 else [statistics.fmean(g) for g in groups]
    if kind == "i-mr":
        spread = moving_ranges(values)
    elif kind == "xbar-r":
        spread = [max(g) - min(g) for g in groups]
    else:
        spread = [statistics.stdev(g) for g in groups]
    window = min(baseline, len(points))
    limits, excluded = phase_one(groups, window, kind)
    violations = tuple(nelson(points, limits.location)) if limits else ()
    used = [v for g in groups for v in g]
    within = (
        capability(limits.location.center, limits.process_sigma, lower_spec, upper_spec)
        if limits
        else Capability(None, None)
    )
    overall = (
        capability(statistics.fmean(used), overall_sigma(used), lower_spec, upper_spec)
        if len(used) >= 2
        else Capability(None, None)
    )
    return Analysis(
        kind=kind,
        subgroup_size=subgroup,
        points=tuple(points),
        spread=tuple(spread),
        limits=limits,
        baseline_size=window,
        provisional=len(points) < baseline,
        excluded=excluded,
        violations=violations,
        spec=tuple(spec_breaches(groups, lower_spec, upper_spec)),
        capability=within,
        performance=overall,
    )


def phase_one(groups: Sequence[Sequence[float]], window: int, kind: str) -> tuple[ChartLimits | None, tuple[int, ...]]:
    """Limits from the first `window` points, leaving out every one beyond them until none is.

    A point beyond its limits (rule 1, on the averages chart or for subgroups on the spread chart) has an
    assignable cause and would widen the limits it is judged by. Pattern rules (2 to 8) name the point
    that completes a run, not a cause, so they flag but do not exclude.

    The iteration stops short where going on would leave limits that mean nothing: fewer than half the
    baseline kept (no stable process to take limits from; the signals say so) or a sigma of zero.
    """
    kept = list(range(window))
    limits = _limits_of(groups, kept, kind)
    least = max(2, math.ceil(window * (1 - MAX_EXCLUDED_SHARE)))
    while limits is not None and limits.location.sigma > 0:
        beyond = {i for i in kept if _beyond(groups[i], limits)}
        rest = [i for i in kept if i not in beyond]
        revised = _limits_of(groups, rest, kind) if beyond and len(rest) >= least else None
        if revised is None or revised.location.sigma <= 0:
            break
        kept, limits = rest, revised
    return limits, tuple(i for i in range(window) if i not in kept)


def _limits_of(groups: Sequence[Sequence[float]], kept: Sequence[int], kind: str) -> ChartLimits | None:
    if len(kept) < 2:
        return None
    if kind == "xbar-r":
        return xbar_r_limits([groups[i] for i in kept])
    if kind == "xbar-s":
        return xbar_s_limits([groups[i] for i in kept])
    # Individuals: a moving range only between neighbours that are both kept, so that an excluded value
    # counts in neither the center nor the sigma.
    ranges = [abs(groups[b][0] - groups[a][0]) for a, b in itertools.pairwise(kept) if b == a + 1]
    if not ranges:
        return None
    center = statistics.fmean(groups[i][0] for i in kept)
    mr_bar = statistics.fmean(ranges)
    _, d3, d4, d2 = CONSTANTS[2]
    sigma = mr_bar / d2
    return ChartLimits(
        kind="i-mr",
        location=Limits(center, center - 3 * sigma, center + 3 * sigma, sigma),
        spread=Limits(mr_bar, d3 * mr_bar, d4 * mr_bar, mr_bar * 0.853 / d2),
        process_sigma=sigma,
        subgroup_size=1,
    )


def _beyond(group: Sequence[float], limits: ChartLimits) -> bool:
    mean = statistics.fmean(group)
    if not limits.location.lower <= mean <= limits.location.upper:
        return True
    if limits.kind == "xbar-r":
        return max(group) - min(group) > limits.spread.upper
    if limits.kind == "xbar-s":
        return statistics.stdev(group) > limits.spread.upper
    return False


def spec_breaches(groups: Sequence[Sequence[float]], lower: float | None, upper: float | None) -> Iterator[SpecBreach]:
    """Points holding a single value beyond a spec limit: specs are for parts, not for averages."""
    for index, group in enumerate(groups):
        high, low = (group[0], group[0]) if len(group) == 1 else (max(group), min(group))
        if upper is not None and high > upper:
            yield SpecBreach(index, high, "USL")
        elif lower is not None and low < lower:
            yield SpecBreach(index, low, "LSL")
