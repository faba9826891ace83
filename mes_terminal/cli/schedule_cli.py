"""`mes-terminal schedule`: a finite-capacity plan of the open operations, printed or stored.

    mes-terminal schedule [--from T] [--horizon-days N] [--time-limit S] [--apply] [--json]

Prints the plan per station (start, end, changeover of each operation) with its figures and the best
dispatch rule's figures beside them; `--json` prints the one object of INTERFACES.md §3. `--apply`
stores it as the plan in force (one audited PublishSchedule command by --actor, else MES_ACTOR), and
the terminals' dispatch lists follow its order. A plan the independent check finds fault with is
printed with the faults and never stored.
"""

from __future__ import annotations

import argparse
import os
from itertools import groupby
from typing import Any

from mes_terminal.cli.common import EXIT_FAILURE, EXIT_OK, application, print_json, say
from mes_terminal.domain.clock import site_time
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.values import parse_timestamp

ACTOR_VARIABLE = "MES_ACTOR"


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    schedule = sub.add_parser("schedule", parents=[data], help="a finite-capacity plan of the open operations")
    schedule.add_argument("--from", dest="start", metavar="T", help="plan from this RFC 3339 time (default: now)")
    schedule.add_argument("--horizon-days", type=int, default=7, metavar="N", help="plan N days ahead (default 7)")
    schedule.add_argument("--time-limit", type=float, default=10.0, metavar="S", help="seconds to search (default 10)")
    schedule.add_argument(
        "--frozen-hours", type=float, default=0.0, metavar="H", help="keep the plan in force for the next H hours"
    )
    schedule.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    schedule.add_argument("--apply", action="store_true", help="store it as the plan in force")
    schedule.add_argument("--actor", metavar="BADGE", help=f"who publishes it with --apply (else {ACTOR_VARIABLE})")
    schedule.add_argument("--json", action="store_true", help="as one JSON object")
    schedule.set_defaults(run=_cmd_schedule)


def _cmd_schedule(args: argparse.Namespace) -> int:
    from mes_terminal.services.planning.planner import plan_json, plan_plant, publish

    if not 1 <= args.horizon_days <= 60:
        raise InvalidInput("--horizon-days takes 1 to 60 days.")
    if not 0 < args.time_limit <= 3600:
        raise InvalidInput("--time-limit takes more than 0 and up to 3600 seconds.")
    actor = args.actor or os.environ.get(ACTOR_VARIABLE)
    if args.apply and not actor:
        raise InvalidInput(f"Say who publishes the plan: --actor BADGE (or set {ACTOR_VARIABLE}); it is recorded.")
    start = parse_timestamp(args.start, "--from") if args.start else None
    app = application(args)
    try:
        now = app.clock.now()
        plan = plan_plant(
            app.engine,
            now,
            start=start,
            horizon_days=args.horizon_days,
            time_limit=args.time_limit,
            frozen_hours=args.frozen_hours,
            workers=args.workers,
        )
        if args.json:
            print_json(plan_json(plan))
        else:
            _print(plan, _site_timezone(app.engine))
        if plan.violations:
            say(f"The plan breaks a rule ({plan.violations[0]}); it was not stored.")
            return EXIT_FAILURE
        if args.apply:
            assert actor is not None  # checked above, before the database was opened
            result = publish(app.bus, plan, actor, now).result
            if not args.json:
                print(f"Published: {result['operations']} operations on {len(result['stations'])} stations.")
    finally:
        app.close()
    return EXIT_OK


def _site_timezone(engine: Any) -> str:
    from mes_terminal.services.queries.documents import site_timezone
    from mes_terminal.services.queries.read_only import read_connection

    with read_connection(engine) as connection:
        return site_timezone(connection)


def _print(plan: Any, zone: str) -> None:
    """The plan for people: every time the site's wall clock, the header naming the zone."""
    print(f"Plan from {site_time(plan.origin, zone, 'zoned')} to {site_time(plan.horizon_end, zone, 'zoned')}")
    for station, lines in groupby(plan.lines, key=lambda line: line.station):
        print(f"\n{station}  (utilisation {plan.figures.utilisation.get(station, 0.0):.0%})")
        for line in lines:
            flags = " LATE" if line.late else ""
            flags += " kept" if line.kept else ""
            setup = f" setup {line.setup_minutes} min" if line.setup_minutes else ""
            print(
                f"  {site_time(line.start, zone, 'week_time')} - {site_time(line.end, zone, 'week_time')}  "
                f"{line.work_order}/{line.operation} {line.name}{setup}{flags}"
            )
    _print_material(plan, zone)
    print()
    for label, figures in (("plan", plan.figures), ("best rule", plan.baseline)):
        if figures is None:
            continue
        finish = site_time(figures.finish, zone, "zoned") if figures.finish else "-"
        print(
            f"{label:<10} {figures.method:<7} weighted tardiness {figures.weighted_tardiness_minutes} min, "
            f"late orders {figures.late_orders}, makespan {figures.makespan_minutes} min (ends {finish})"
            + (f", changes {figures.changes}" if label == "plan" else "")
        )


def _print_material(plan: Any, zone: str) -> None:
    """Operations held back by lots on their way, substitutes taken, and what nothing on hand or expected covers."""
    if plan.material.waits:
        print("\nWaiting for material")
    for wait in plan.material.waits:
        after = "  (after the plan's end: not planned)" if wait.until >= plan.horizon_end else ""
        instead = f" in place of {wait.material}" if wait.substitute else ""
        print(
            f"  {wait.work_order}/{wait.operation} from {site_time(wait.until, zone, 'week_time')}: "
            f"lot {wait.lot} of {wait.lot_material}{instead}{after}"
        )
    if plan.material.substitutions:
        print("\nSubstitutes planned")
    for sub in plan.material.substitutions:
        print(
            f"  {sub.work_order}/{sub.operation}: {sub.quantity.normalize():f} of {sub.substitute} "
            f"in place of {sub.material}"
        )
    if plan.material.shortages:
        print("\nShort of material (nothing on hand or expected covers it)")
    for short in plan.material.shortages:
        alternatives = "".join(f" or {code}" for code in short.substitutes)
        print(
            f"  {short.work_order}/{short.operation}: {short.missing.normalize():f} of "
            f"{short.material}{alternatives} missing"
        )
