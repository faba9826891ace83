"""Benchmark: the product's scheduler on published job-shop and flexible job-shop instances.

    python benchmarks/scheduling.py --instance FILE --format jssp|fjsp --time-limit S [--workers N] [--json]
    python benchmarks/scheduling.py --all jssp|fjsp [--names 'ft*,la0*'] --time-limit S [--workers N]
    python benchmarks/scheduling.py --plant [--seed N] --time-limit S [--workers N]

Reads the standard formats of ../shared/standards/scheduling into the same `Problem` the plant's
plan uses and solves it with `mes_terminal.scheduling.solve.schedule` (the dispatch rules first, then
CP-SAT from the best rule's plan). One instance prints one JSON object with the schedule (0-based
job, operation and machine indices, times in the instance's units) so anyone can check it; `--all`
prints a table against the best known values of `*-bounds.tsv`, with the best dispatch rule's
makespan beside it as the baseline measured in the same run. The plan is also checked by
`scheduling.check` (independent of the model) and a broken plan is reported. `--plant` generates a
realistic plant (20 stations, 300 operations, two shifts with breaks over a week in Europe/Berlin,
changeover families, due dates and priorities), prints the solver's weighted tardiness against the
best dispatch rule's as a ratio, then takes one station down for eight hours and reschedules from
the plan (5 s limit), printing how long that took and how many operations moved. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import json
import random
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

from mes_terminal.domain.errors import MesError
from mes_terminal.domain.intervals import Span
from mes_terminal.domain.shift_calendar import BreakPattern, ShiftPattern
from mes_terminal.scheduling.check import violations
from mes_terminal.scheduling.instances import read
from mes_terminal.scheduling.options import Options
from mes_terminal.scheduling.problem import Job, Operation, Problem, Station
from mes_terminal.scheduling.solve import schedule
from mes_terminal.scheduling.timeline import instant, windows

STANDARDS = Path(__file__).resolve().parents[1].parent / "shared" / "standards" / "scheduling"


def run(path: Path, fmt: str, time_limit: float, workers: int) -> dict:
    problem = read(path.read_text(encoding="utf-8"), fmt)
    began = time.monotonic()
    result = schedule(problem, Options(time_limit=time_limit, workers=workers, objectives=("makespan",)))
    seconds = time.monotonic() - began
    plan = result.plan
    broken = violations(problem, plan.operations)
    machines = len(problem.stations)
    schedule_rows = []
    for p in sorted(plan.operations, key=lambda p: tuple(int(x) for x in p.key.split("/"))):
        job, op = (int(x) for x in p.key.split("/"))
        schedule_rows.append({"job": job, "operation": op, "machine": int(p.station), "start": p.start, "end": p.end})
    return {
        "instance": path.name.removesuffix(".txt"),
        "jobs": len(problem.jobs),
        "machines": machines,
        "makespan": plan.figures.makespan,
        "lower_bound": plan.lower_bound if plan.method == "cp-sat" else None,
        "seconds": round(seconds, 3),
        "optimal": plan.optimal,
        "method": plan.method,
        "baseline_makespan": result.baseline.figures.makespan if result.baseline else None,
        "violations": broken,
        "schedule": schedule_rows,
    }


def bounds(fmt: str) -> dict[str, dict[str, str]]:
    path = STANDARDS / f"{fmt}-bounds.tsv"
    with path.open(encoding="utf-8") as handle:
        return {row["name"]: row for row in csv.DictReader(handle, delimiter="\t")}


def family(fmt: str, names: str) -> list[tuple[str, Path]]:
    base = STANDARDS / fmt
    if fmt == "jssp":
        files = [(p.name, p) for p in sorted(base.iterdir()) if p.is_file()]
    else:
        files = []
        for p in sorted(base.rglob("*.txt")):
            name = p.stem if p.parent.name == "brandimarte" else f"{p.stem}_{p.parent.name}"
            files.append((name, p))
    patterns = [n.strip() for n in names.split(",") if n.strip()]
    return [(n, p) for n, p in files if not patterns or any(fnmatch.fnmatch(n, pat) for pat in patterns)]


def table(fmt: str, names: str, time_limit: float, workers: int) -> None:
    known = bounds(fmt)
    print(f"{'instance':<14}{'best known':>11}{'makespan':>10}{'gap %':>8}{'bound':>8}{'rule':>8}{'s':>8}  checked")
    for name, path in family(fmt, names):
        row = run(path, fmt, time_limit, workers)
        ref = known.get(name, {}).get("ref_ub") or ""
        gap = f"{100 * (row['makespan'] - int(ref)) / int(ref):.1f}" if ref else "-"
        bound = row["lower_bound"] if row["lower_bound"] is not None else "-"
        status = "ok" if not row["violations"] else f"BROKEN: {row['violations'][0]}"
        print(
            f"{name:<14}{ref:>11}{row['makespan']:>10}{gap:>8}{bound!s:>8}{row['baseline_makespan']!s:>8}"
            f"{row['seconds']:>8.1f}  {status}",
            flush=True,
        )


BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # 06:00 in Berlin


def plant_problem(seed: int, down: tuple[str, int] | None = None) -> Problem:
    """20 stations in 5 stages of 4, 100 orders of 3 operations (300), two shifts with breaks, a week."""
    rng = random.Random(seed)
    horizon = 7 * 24 * 60
    weekdays = ("mon", "tue", "wed", "thu", "fri")
    shifts = [
        ShiftPattern("EARLY", weekdays, clock_time(6), clock_time(14), (BreakPattern(clock_time(10), 30),)),
        ShiftPattern("LATE", weekdays, clock_time(14), clock_time(22), (BreakPattern(clock_time(18), 30),)),
    ]
    stations = []
    for stage in range(5):
        for k in range(4):
            code = f"S{stage}{k}"
            closed = [Span(MONDAY, instant(MONDAY, down[1]))] if down and down[0] == code else []
            capacity = 2 if stage == 4 and k == 0 else 1
            stations.append(Station(code, windows(shifts, BERLIN, MONDAY, horizon, closed), capacity))
    families = ["F1", "F2", "F3", "F4", "F5"]
    matrix = {(a, b): rng.randint(15, 45) for a in families for b in families if a != b}
    jobs = []
    for j in range(100):
        family = rng.choice(families)
        stages = sorted(rng.sample(range(5), 3))
        ops = []
        for o, stage in enumerate(stages):
            eligible = rng.sample([f"S{stage}{k}" for k in range(4)], rng.randint(1, 3))
            base = rng.randint(30, 150)
            ops.append(
                Operation(
                    f"WO-{j:03d}/{(o + 1) * 10}",
                    {code: max(1, round(base * rng.uniform(0.8, 1.2))) for code in eligible},
                    interruptible=rng.random() < 0.8,
                    family=family,
                    setup=20,
                    wait_before=rng.choice((0, 0, 15, 30)) if o else 0,
                    release=rng.choice((0, 0, 0, 240, 1440)) if o == 0 else 0,
                )
            )
        due = rng.randint(1, 5) * 1440 + rng.randint(-300, 300)
        jobs.append(Job(f"WO-{j:03d}", tuple(ops), due=due, weight=1 + rng.randint(0, 3)))
    return Problem(tuple(jobs), tuple(stations), horizon, changeover=matrix)


def plant(seed: int, time_limit: float, workers: int) -> None:
    problem = plant_problem(seed)
    ops = sum(len(job.operations) for job in problem.jobs)
    print(f"plant: {len(problem.stations)} stations, {ops} operations, seed {seed}, {workers} worker(s)")
    began = time.monotonic()
    result = schedule(problem, Options(time_limit=time_limit, workers=workers))
    seconds = time.monotonic() - began
    plan, baseline = result.plan, result.baseline
    assert baseline is not None
    for rule, rule_plan in result.rules.items():
        f = rule_plan.figures
        late = f"late {f.late_jobs:>3}  makespan {f.makespan}"
        print(f"  rule {rule:<4} weighted tardiness {f.weighted_tardiness:>8}  {late}")
    f = plan.figures
    ratio = f.weighted_tardiness / baseline.figures.weighted_tardiness if baseline.figures.weighted_tardiness else 0.0
    print(
        f"  {plan.method:<9} weighted tardiness {f.weighted_tardiness:>8}  late {f.late_jobs:>3}  makespan {f.makespan}"
        f"  in {seconds:.1f} s; ratio to the best rule ({baseline.method}) {ratio:.3f}"
        f"; check: {len(violations(problem, plan.operations))} violations"
    )
    # A breakdown: the busiest station is down for the first eight hours; reschedule from the plan.
    busiest = max(f.utilisation, key=lambda code: f.utilisation[code])
    broken = replace(plant_problem(seed, down=(busiest, 8 * 60)), current=plan.operations)
    began = time.monotonic()
    again = schedule(broken, Options(time_limit=5.0, workers=workers))
    seconds = time.monotonic() - began
    g = again.plan.figures
    print(
        f"  breakdown of {busiest} for 8 h: rescheduled in {seconds:.1f} s ({again.plan.method}), weighted tardiness"
        f" {g.weighted_tardiness}, {g.changes} of {ops} operations moved;"
        f" check: {len(violations(broken, again.plan.operations))} violations"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--instance", type=Path)
    parser.add_argument("--format", choices=("jssp", "fjsp"))
    parser.add_argument("--all", choices=("jssp", "fjsp"))
    parser.add_argument("--names", default="", help="comma-separated name patterns for --all, e.g. 'ft*,la0*'")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--plant", action="store_true", help="the generated plant and a breakdown")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    try:
        if args.plant:
            plant(args.seed, args.time_limit, args.workers)
            return 0
        if args.all:
            table(args.all, args.names, args.time_limit, args.workers)
            return 0
        if args.instance is None or args.format is None:
            parser.error("give --instance FILE --format jssp|fjsp, or --all jssp|fjsp")
        row = run(args.instance, args.format, args.time_limit, args.workers)
    except (MesError, OSError) as error:
        print(error, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(row))
    else:
        figures = f"makespan {row['makespan']} (bound {row['lower_bound']}, rule {row['baseline_makespan']})"
        print(f"{row['instance']}: {figures} in {row['seconds']} s, optimal {row['optimal']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
