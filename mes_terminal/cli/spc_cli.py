"""`mes-terminal spc CHECKLIST ITEM`: the SPC chart of one numeric characteristic as JSON, CSV or PDF.

A shortcut beside `report spc` (every characteristic of a station or line over a range): one item, its
range optional (every value recorded so far), the same chart and the same shape per characteristic.
"""

from __future__ import annotations

import argparse
from typing import Any

from mes_terminal.cli.common import EXIT_OK, application, require_pdf_file
from mes_terminal.domain.errors import InvalidInput


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    spc = sub.add_parser(
        "spc",
        parents=[data],
        help="SPC chart of a characteristic: control limits, Cp/Cpk, Nelson rules",
        description="I-MR (or X-bar/R, X-bar/S with --subgroup N) of one numeric checklist item. The control "
        "limits come from the first values (the baseline), a baseline point beyond them left out; every point "
        "is judged. Times without a zone are the site's local time.",
    )
    spc.add_argument("checklist", help="checklist code, e.g. CUT-FAI")
    spc.add_argument("item", help="item code, e.g. LEN")
    spc.add_argument("--station", dest="spc_station", metavar="S", help="only values recorded at this station")
    spc.add_argument("--from", dest="start", metavar="T", help="first value at or after T")
    spc.add_argument("--to", dest="end", metavar="T", help="values before T")
    spc.add_argument("--baseline", type=int, metavar="N", help="values (or subgroups) setting the limits")
    spc.add_argument(
        "--subgroup",
        type=int,
        default=1,
        metavar="N",
        help="X-bar/R (N up to 8) or X-bar/S (9-25) with subgroups of N",
    )
    spc.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
    spc.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    spc.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from mes_terminal.cli.report_cli import write_spc
    from mes_terminal.domain.spc import SpcError
    from mes_terminal.services.reports.spc import check_chart_options, spc_report

    check_chart_options(args.baseline, args.subgroup)
    require_pdf_file(args.format, args.out)
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
    write_spc(report, args.format, args.out)
    return EXIT_OK
