"""`mes-terminal report oee|downtime|production|scrap`: reports as JSON, CSV or PDF (INTERFACES.md §3)."""

from __future__ import annotations

import argparse
import sys

from mes_terminal.cli.common import EXIT_OK, application, write_output
from mes_terminal.domain.errors import InvalidInput

KINDS = ("oee", "downtime", "production", "scrap")
BREAKDOWNS = ("station", "line", "day", "shift")


def register(sub: argparse._SubParsersAction, data: argparse.ArgumentParser) -> None:
    report = sub.add_parser(
        "report",
        parents=[data],
        help="reports: OEE, downtime Pareto, production, scrap",
        description="A report over one station, one line or the whole plant. Times without a zone "
        "(2026-03-02 or 2026-03-02T06:00) are the site's local time.",
    )
    report.add_argument("kind", choices=KINDS)
    where = report.add_mutually_exclusive_group()
    where.add_argument("--station", dest="report_station", metavar="S", help="one workstation")
    where.add_argument("--line", dest="report_line", metavar="L", help="one line")
    report.add_argument("--from", dest="start", required=True, metavar="T", help="start of the range (included)")
    report.add_argument("--to", dest="end", required=True, metavar="T", help="end of the range (excluded)")
    report.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
    report.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    report.add_argument("--by", choices=BREAKDOWNS, help="oee: one row per station, line, local day or shift")
    report.add_argument("--explain", action="store_true", help="oee: each figure with its formula and inputs")
    report.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from mes_terminal.services.reports import output as report_output
    from mes_terminal.services.reports.service import ReportService

    if args.kind != "oee" and (args.by or args.explain):
        raise InvalidInput("--by and --explain belong to the oee report.")
    if args.format == "pdf" and args.out is None and sys.stdout.isatty():
        raise InvalidInput("A PDF report needs --out FILE (or standard output sent to a file).")
    app = application(args)
    try:
        service = ReportService(app.engine, app.clock)
        scope = {"station": args.report_station, "line": args.report_line, "start": args.start, "end": args.end}
        if args.kind == "oee":
            report = service.oee(**scope, by=args.by, explain=args.explain)
        else:
            report = getattr(service, args.kind)(**scope)
    finally:
        app.close()
    if args.format == "pdf":
        from mes_terminal.documents.report_pdf import render_report_pdf

        write_output(args.out, render_report_pdf(report_output.to_document(report)))
    elif args.format == "csv":
        write_output(args.out, report_output.to_csv(report, explain=args.explain).encode())
    else:
        write_output(args.out, (report_output.to_json(report) + "\n").encode())
    return EXIT_OK
