"""`mes-terminal erp import|export`: the exchange with the ERP (B2MML V0600 / V0700 and CSV), docs/erp.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mes_terminal.cli.common import EXIT_OK, EXIT_USAGE, application, print_json


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    erp = sub.add_parser("erp", help="exchange with the ERP: work orders and lots in, production out").add_subparsers(
        metavar="ACTION", required=True
    )
    imp = erp.add_parser("import", parents=[data], help="apply B2MML (V0600/V0700) or CSV documents")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="a file, or a folder: every *.xml and *.csv in it")
    imp.add_argument("--map", metavar="FILE", help="a TOML [columns] table renaming the CSV columns")
    imp.add_argument("--json", action="store_true", help="one JSON object a line per document")
    imp.set_defaults(run=_cmd_import)

    exp = erp.add_parser("export", parents=[data], help="production performance, validated against MESA's XSDs")
    exp.add_argument(
        "--from",
        dest="start",
        metavar="T",
        help=(
            "start of the range: a date (the site's midnight), a site time or an RFC 3339 time "
            "(default: where the last export of this format ended, --since-last)"
        ),
    )
    exp.add_argument("--to", dest="end", metavar="T", help="end of the range (excluded), like --from; default now")
    exp.add_argument("--since-last", action="store_true", help="start where the last export ended (the default)")
    exp.add_argument("--format", required=True, choices=("b2mml-v0600", "b2mml-v0700", "csv"))
    exp.add_argument("--out", required=True, metavar="DIR", help="the folder the documents are written to")
    exp.add_argument("--json", action="store_true", help="what was written, as one JSON object")
    exp.set_defaults(run=_cmd_export)

    hot = erp.add_parser("watch", parents=[data], help="the hot folder: import what arrives, export on a schedule")
    hot.add_argument("--inbox", required=True, metavar="DIR", help="documents from the ERP arrive here")
    hot.add_argument("--outbox", required=True, metavar="DIR", help="exports are written here")
    hot.add_argument("--export-every", type=float, metavar="MINUTES", help="export this often (default: never)")
    hot.add_argument("--format", default="b2mml-v0600", choices=("b2mml-v0600", "b2mml-v0700", "csv"))
    hot.add_argument("--poll", type=float, default=5.0, metavar="SECONDS", help="look at the inbox this often")
    hot.add_argument("--map", metavar="FILE", help="a TOML [columns] table renaming the CSV columns")
    hot.add_argument(
        "--settle",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="leave a file until it has been unchanged this long (default 2)",
    )
    hot.add_argument("--once", action="store_true", help="sweep the inbox (and export) once, then exit")
    hot.set_defaults(run=_cmd_watch)


def _cmd_import(args: argparse.Namespace) -> int:
    from mes_terminal.integration.csv_read import read_column_map
    from mes_terminal.integration.importer import files_of, import_file

    column_map = read_column_map(Path(args.map)) if args.map else None
    files = files_of(args.paths)
    app = application(args)
    refused = 0
    try:
        for path in files:
            outcome = import_file(app.engine, path, now=app.clock.now(), column_map=column_map)
            refused += not outcome.ok
            if args.json:
                print_json(outcome.to_json())
            else:
                print(_said(outcome), flush=True)
    finally:
        app.close()
    return EXIT_USAGE if refused else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from mes_terminal.domain.errors import InvalidInput
    from mes_terminal.domain.report_range import parse_bound
    from mes_terminal.integration.export import export
    from mes_terminal.services.reports.queries import site_timezone

    if args.start and args.since_last:
        raise InvalidInput("Give --from or --since-last, not both.")
    app = application(args)
    try:
        # --from and --to read as the reports read them: a date is the site's midnight
        with app.engine.connect() as connection:
            zone = ZoneInfo(site_timezone(connection) or "UTC")
        start = parse_bound(args.start, "--from", zone) if args.start else None
        now = app.clock.now()
        end = parse_bound(args.end, "--to", zone) if args.end else now
        result = export(app.engine, args.format, Path(args.out), start=start, end=end, now=now)
    finally:
        app.close()
    if args.json:
        print_json(result.to_json())
    else:
        print(
            f"{len(result.files)} file(s) written to {args.out}: {result.operations} operation(s) of "
            f"{len(result.work_orders)} work order(s) from {result.to_json()['from']} to {result.to_json()['to']}"
        )
    return EXIT_OK


def _cmd_watch(args: argparse.Namespace) -> int:
    import signal
    import threading
    from datetime import timedelta

    from mes_terminal.domain.errors import InvalidInput, MesError
    from mes_terminal.integration.csv_read import read_column_map
    from mes_terminal.integration.export import ExportResult
    from mes_terminal.integration.hot_folder import watch

    if args.export_every is not None and args.export_every <= 0:
        raise InvalidInput("--export-every must be a number of minutes above zero.")
    if args.poll <= 0 or args.settle < 0:
        raise InvalidInput("--poll must be above zero and --settle not below zero (seconds).")
    column_map = read_column_map(Path(args.map)) if args.map else None
    stop = threading.Event()

    def report(what: Any) -> None:
        if isinstance(what, MesError):
            print(f"mes-terminal: {what.message}", file=sys.stderr, flush=True)
        elif isinstance(what, ExportResult):
            print_json({"export": what.to_json()})
        else:
            print_json({**what.outcome.to_json(), "moved_to": str(what.path)})

    app = application(args)
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        watch(
            app.engine,
            app.clock,
            Path(args.inbox),
            Path(args.outbox),
            export_every=timedelta(minutes=args.export_every) if args.export_every else None,
            export_format=args.format,
            poll=args.poll,
            stop=stop,
            report=report,
            column_map=column_map,
            settle=args.settle,
            once=args.once,
        )
    finally:
        app.close()
    return EXIT_OK


def _said(outcome: Any) -> str:
    if not outcome.ok:
        return f"{outcome.file}: refused: {outcome.message}"
    parts = [f"{o['number']} {o['action']}" for o in outcome.work_orders]
    parts += [f"lot {lot['lot']} {lot['action']}" for lot in outcome.lots]
    parts += [
        f"{n} {kind}{'' if n == 1 else 's'} {action}"
        for kind, counts in outcome.master_data.items()
        for action, n in counts.items()
        if n
    ]
    said = f"{outcome.file}: {', '.join(parts) or 'nothing to apply'}"
    return f"{said}. {outcome.message}" if outcome.message else said
