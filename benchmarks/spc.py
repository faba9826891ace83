"""Benchmark: judging a characteristic's whole history (Phase I limits, every point against the Nelson
rules, spec breaches, Cp/Cpk and Pp/Ppk), next to one pass of `statistics.fmean` over the same values.

    python benchmarks/spc.py [--values 50000] [--baseline 25] [--runs 7]

The terminal judges a measurement against the chart of every value recorded so far, and the console and
`report spc` chart them all, so this grows with a characteristic's age. Budget: 50,000 values < 250 ms.
A benchmark, not a test: it prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from mes_terminal.domain import spc

BUDGET_MS = 250


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=50_000)
    parser.add_argument("--baseline", type=int, default=25)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(15)
    values = [120.0 + rng.gauss(0, 0.03) for _ in range(args.values)]
    values[6] = 120.45  # an outlier inside the baseline, left out of the limits
    for start in range(args.values // 2, args.values, 997):  # shifts later on: rules 2, 5, 6 fire
        values[start : start + 12] = [v + 0.06 for v in values[start : start + 12]]

    chart = spc.analyse(values, args.baseline, lower_spec=119.8, upper_spec=120.2)
    print(
        f"{args.values} values, baseline {args.baseline}: {len(chart.violations)} rule violations, "
        f"{len(chart.spec)} spec breaches, excluded {list(chart.excluded)}"
    )
    judged = _median_ms(lambda: spc.analyse(values, args.baseline, lower_spec=119.8, upper_spec=120.2), args.runs)
    mean = _median_ms(lambda: statistics.fmean(values), args.runs)
    print(f"analyse (judge every point): {judged:8.1f} ms   budget {BUDGET_MS} ms")
    print(f"baseline: one fmean pass:    {mean:8.1f} ms   ratio {judged / mean:.0f}x")


def _median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    main()
