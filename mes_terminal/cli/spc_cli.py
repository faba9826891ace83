"""`mes-terminal spc CHECKLIST ITEM`: the SPC chart of one numeric characteristic as JSON or PDF.

A command of its own beside `report`: an SPC report is about one characteristic (a checklist item), not
about a station or line over a range, so it has arguments the other reports do not.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from mes_terminal.cli.common import EXIT_OK, application, write_output
from mes_terminal.domain.errors import InvalidInput


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    spc = sub.add_parser(
        "spc",
        parents=[data],
        help="SPC chart of a characteristic: control limits, Cp/Cpk, Nelson rules",
        description="I-MR (or X-bar/R with --subgroup N) of one numeric checklist item. The control limits "
        "come from the first values (the baseline); times without a zone are the site's local time.",
    )
    spc.add_argument("checklist", help="checklist code, e.g. CUT-FAI")
    spc.add_argument("item", help="item code, e.g. LEN")
    spc.add_argument("--station", dest="spc_station", metavar="S", help="only values recorded at this station")
    spc.add_argument("--from", dest="start", metavar="T", help="first value at or after T")
    spc.add_argument("--to", dest="end", metavar="T", help="values before T")
    spc.add_argument("--baseline", type=int, metavar="N", help="values (or subgroups) setting the limits")
    spc.add_argument("--subgroup", type=int, default=1, metavar="N", help="X-bar/R with subgroups of N (2-10)")
    spc.add_argument("--format", choices=("json", "pdf"), default="json")
    spc.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    spc.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from mes_terminal.domain.spc import MIN_BASELINE, SpcError
    from mes_terminal.services.reports.spc import spc_report

    if args.baseline is not None and args.baseline < 2:
        raise InvalidInput(f"--baseline needs at least 2 (better {MIN_BASELINE} or more).")
    if args.subgroup != 1 and not 2 <= args.subgroup <= 10:
        raise InvalidInput("--subgroup is from 2 to 10 values.")
    if args.format == "pdf" and args.out is None and sys.stdout.isatty():
        raise InvalidInput("A PDF report needs --out FILE (or standard output sent to a file).")
    app = application(args)
    try:
        report = spc_report(
            app.engine,
            app.clock,
            args.checklist,
            args.item,
            start=args.start,
            end=args.end,
            station=args.spc_station,
            baseline=args.baseline,
            subgroup=args.subgroup,
        )
    except SpcError as error:
        raise InvalidInput(str(error)) from None
    finally:
        app.close()
    if args.format == "pdf":
        from mes_terminal.documents.spc_pdf import render_spc_pdf

        write_output(args.out, render_spc_pdf(report))
    else:
        write_output(args.out, (json.dumps(report, ensure_ascii=False) + "\n").encode())
    return EXIT_OK
