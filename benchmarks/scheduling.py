"""Benchmark: the product's scheduler on published job-shop and flexible job-shop instances.

    python benchmarks/scheduling.py --instance FILE --format jssp|fjsp --time-limit S [--workers N] [--json]
    python benchmarks/scheduling.py --all jssp|fjsp [--names 'ft*,la0*'] --time-limit S [--workers N]

Reads the standard formats of ../shared/standards/scheduling into the same `Problem` the plant's
plan uses and solves it with `mes_terminal.scheduling.solve.schedule` (the dispatch rules first, then
CP-SAT from the best rule's plan). One instance prints one JSON object with the schedule (0-based
job, operation and machine indices, times in the instance's units) so anyone can check it; `--all`
prints a table against the best known values of `*-bounds.tsv`, with the best dispatch rule's
makespan beside it as the baseline measured in the same run. The plan is also checked by
`scheduling.check` (independent of the model) and a broken plan is reported. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import json
import sys
import time
from pathlib import Path

from mes_terminal.domain.errors import MesError
from mes_terminal.scheduling.check import violations
from mes_terminal.scheduling.instances import read
from mes_terminal.scheduling.model import Options
from mes_terminal.scheduling.solve import schedule

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--instance", type=Path)
    parser.add_argument("--format", choices=("jssp", "fjsp"))
    parser.add_argument("--all", choices=("jssp", "fjsp"))
    parser.add_argument("--names", default="", help="comma-separated name patterns for --all, e.g. 'ft*,la0*'")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
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
