"""`mes-terminal audit verify` and `audit export`: the event chain checked, the audit trail for an auditor."""

from __future__ import annotations

import argparse
from typing import Any

from mes_terminal.cli.common import EXIT_FAILURE, EXIT_OK, application, print_json, require_pdf_file, write_output
from mes_terminal.domain.errors import InvalidInput


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    audit = sub.add_parser("audit", help="the audit trail").add_subparsers(metavar="ACTION", required=True)
    verify = audit.add_parser(
        "verify", parents=[data], help="check the event log's hash chain and the signatures; exit 1 on a break"
    )
    verify.add_argument(
        "--from", dest="from_id", type=int, metavar="N", help="start at event N (trusting the link before it)"
    )
    verify.add_argument("--json", action="store_true", help="as one JSON object")
    verify.set_defaults(run=_cmd_verify)

    export = audit.add_parser("export", parents=[data], help="who did what, when and why, for an auditor")
    export.add_argument("--from", dest="start", required=True, metavar="T", help="from (RFC 3339 or a site date)")
    export.add_argument("--to", dest="end", required=True, metavar="T", help="to, exclusive")
    export.add_argument("--format", choices=("csv", "pdf"), default="csv")
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output (a PDF needs it)")
    export.set_defaults(run=_cmd_export)


def _cmd_verify(args: argparse.Namespace) -> int:
    from mes_terminal.db.event_chain import verify_database

    if args.from_id is not None and args.from_id < 1:
        raise InvalidInput("--from takes an event id, 1 or more.")
    app = application(args)
    try:
        report = verify_database(app.engine, args.from_id)
    finally:
        app.close()
    if args.json:
        print_json(report.to_json())
    elif report.broken is None:
        span = f"events {report.first_id} to {report.last_id}" if report.checked else "no events"
        print(f"chain intact: {report.checked} events checked ({span}); head {report.head_hash}")
    else:
        print(f"chain BROKEN after {report.checked} events checked: {report.broken.detail}")
    return EXIT_OK if report.intact else EXIT_FAILURE


def _cmd_export(args: argparse.Namespace) -> int:
    from mes_terminal.services.reports.audit_trail import audit_csv, audit_pdf, read_trail

    require_pdf_file(args.format, args.out)
    app = application(args)
    try:
        trail = read_trail(app.engine, args.start, args.end, generated_at=app.clock.now())
    finally:
        app.close()
    content = audit_pdf(trail) if args.format == "pdf" else audit_csv(trail)
    write_output(args.out, content)
    if args.out:
        print(f"{len(trail.entries)} events written to {args.out}")
    return EXIT_OK
