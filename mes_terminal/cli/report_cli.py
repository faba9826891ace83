"""`mes-terminal report oee|downtime|production|scrap|spc`: reports as JSON, CSV or PDF (INTERFACES.md §3)."""

from __future__ import annotations

import argparse
import sys

from mes_terminal.cli.common import EXIT_OK, application, require_pdf_file, write_output
from mes_terminal.domain.errors import InvalidInput

KINDS = ("oee", "downtime", "production", "scrap", "spc")
FORMATS = ("table", "json", "csv", "pdf")
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
    report.add_argument(
        "--format",
        choices=FORMATS,
        help="table (the default on a terminal), json (the default when piped), csv, or pdf (needs --out)",
    )
    report.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    report.add_argument("--by", choices=BREAKDOWNS, help="oee: one row per station, line, local day or shift")
    report.add_argument(
        "--explain", action="store_true", help="oee: each figure with its formula and inputs (indented text in a table)"
    )
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
    args.format = chosen_format(args.format, args.out)
    require_pdf_file(args.format, args.out)
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
        if args.format == "pdf":
            from mes_terminal.services.reports.pdf import report_pdf

            write_output(args.out, report_pdf(service, report, generated_by=_who()))
        elif args.format == "table":
            write_output(
                args.out, report_output.to_text(report, site=service.site_name(), explain=args.explain).encode()
            )
    finally:
        app.close()
    if args.format == "csv":
        write_output(args.out, report_output.to_csv(report, explain=args.explain).encode())
    elif args.format == "json":
        write_output(args.out, (report_output.to_json(report) + "\n").encode())
    return EXIT_OK


def chosen_format(asked: str | None, out: str | None) -> str:
    """What was asked; else a table for a person at a terminal, JSON for a pipe or a file."""
    if asked is not None:
        return asked
    return "table" if out is None and sys.stdout.isatty() else "json"


def _who() -> str:
    """Who generated a report on the command line: the computer's user, as the title block names them."""
    import getpass

    try:
        return f"{getpass.getuser()} (mes-terminal report)"
    except (KeyError, OSError):
        return "mes-terminal report"


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

        write_output(out, render_spc_pdf(report, generated_by=_who()))
    elif format == "table":
        write_output(out, spc_text(report).encode())
    elif format == "csv":
        write_output(out, spc_output.to_csv(report).encode())
    else:
        write_output(out, (json.dumps(report, ensure_ascii=False) + "\n").encode())


def spc_text(report: dict) -> str:
    """An SPC report on a terminal: each characteristic with its limits, capability and signals."""
    from mes_terminal.services.reports.output import text_table

    charts = report.get("characteristics", [report])
    rows = []
    for chart in charts:
        rows.append(
            (
                f"{chart.get('checklist', '')}/{chart.get('item', '')}",
                str(len(chart.get("points", []))),
                _number(chart.get("center")),
                f"{_number(chart.get('lower_control'))} .. {_number(chart.get('upper_control'))}",
                _number(chart.get("cpk")),
                str(len(chart.get("rule_violations", []))),
                chart.get("message") or chart.get("baseline") or "",
            )
        )
    headings = ("Characteristic", "Points", "Centre", "Control limits", "Cpk", "Signals", "Limits")
    return "\n".join(text_table(headings, rows, (False, True, True, False, True, True, False))) + "\n"


def _number(value: object) -> str:
    return "–" if value is None else f"{float(value):.4g}"  # type: ignore[arg-type]
