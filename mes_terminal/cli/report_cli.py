"""`mes-terminal report oee|downtime|production|scrap|spc`: reports as JSON, CSV or PDF (INTERFACES.md §3)."""

from __future__ import annotations

import argparse
import sys

from mes_terminal.cli.common import EXIT_OK, application, write_output
from mes_terminal.domain.errors import InvalidInput

KINDS = ("oee", "downtime", "production", "scrap", "spc")
BREAKDOWNS = ("station", "line", "day", "shift")


def register(sub: argparse._SubParsersAction, data: argparse.ArgumentParser) -> None:
    report = sub.add_parser(
        "report",
        parents=[data],
        help="reports: OEE, downtime Pareto, production, scrap, SPC",
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
    report.add_argument("--checklist", metavar="C", help="spc: only the items of checklist C")
    report.add_argument("--item", metavar="I", help="spc: only item I of --checklist (shown even without values)")
    report.add_argument("--baseline", type=int, metavar="N", help="spc: points setting the limits (site's default)")
    report.add_argument("--subgroup", type=int, default=1, metavar="N", help="spc: X-bar charts of subgroups of N")
    report.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from mes_terminal.services.reports import output as report_output
    from mes_terminal.services.reports.service import ReportService

    if args.kind != "oee" and (args.by or args.explain):
        raise InvalidInput("--by and --explain belong to the oee report.")
    if args.kind != "spc" and (args.checklist or args.item or args.baseline is not None or args.subgroup != 1):
        raise InvalidInput("--checklist, --item, --baseline and --subgroup belong to the spc report.")
    if args.format == "pdf" and args.out is None and sys.stdout.isatty():
        raise InvalidInput("A PDF report needs --out FILE (or standard output sent to a file).")
    if args.kind == "spc":
        return _run_spc(args)
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


def _run_spc(args: argparse.Namespace) -> int:
    from mes_terminal.services.reports.spc import check_options, spc_scope_report

    check_options(args.checklist, args.item, args.baseline, args.subgroup)
    app = application(args)
    try:
        report = spc_scope_report(
            app.engine,
            app.clock,
            station=args.report_station,
            line=args.report_line,
            start=args.start,
            end=args.end,
            checklist=args.checklist,
            item=args.item,
            baseline=args.baseline,
            subgroup=args.subgroup,
        )
    finally:
        app.close()
    write_spc(report, args.format, args.out)
    return EXIT_OK


def write_spc(report: dict, format: str, out: str | None) -> None:
    """An SPC report in its format; a chart without values says so on standard error as well."""
    import json

    from mes_terminal.services.reports import spc as spc_output

    charts = report.get("characteristics", [report])
    for sentence in {report.get("message"), *(c["message"] for c in charts)} - {None}:
        print(sentence, file=sys.stderr)
    if format == "pdf":
        from mes_terminal.documents.spc_pdf import render_spc_pdf

        write_output(out, render_spc_pdf(report))
    elif format == "csv":
        write_output(out, spc_output.to_csv(report).encode())
    else:
        write_output(out, (json.dumps(report, ensure_ascii=False) + "\n").encode())
