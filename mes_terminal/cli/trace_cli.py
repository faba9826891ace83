"""`mes-terminal trace LOT` and `mes-terminal recall SUPPLIER_LOT`: genealogy for recalls, as JSON or PDF."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from mes_terminal.cli.common import EXIT_OK, application, require_pdf_file, write_output
from mes_terminal.domain.clock import site_time


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    trace = sub.add_parser("trace", parents=[data], help="the genealogy of a lot (backward by default)")
    trace.add_argument("lot")
    trace.add_argument("--forward", action="store_true", help="the lots made from it instead of those in it")
    trace.add_argument("--depth", type=int, default=50, metavar="N", help="at most N links away (default 50)")
    _output(trace)
    trace.set_defaults(run=_cmd_trace)

    recall = sub.add_parser("recall", parents=[data], help="every finished lot that contains a supplier's lot")
    recall.add_argument("supplier_lot", metavar="SUPPLIER_LOT")
    _output(recall)
    recall.set_defaults(run=_cmd_recall)


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("json", "pdf"), default="json")
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")


def _cmd_trace(args: argparse.Namespace) -> int:
    from mes_terminal.services.queries.trace import trace

    def render(result: dict[str, Any], timezone: str, generated: str) -> bytes:
        from mes_terminal.documents.trace_report import trace_pdf

        return trace_pdf(result, title=f"Genealogy of lot {args.lot}", generated=generated, timezone=timezone)

    return _run(
        args,
        lambda engine: trace(engine, args.lot, forward=args.forward, depth=args.depth),
        render,
        as_json=_root_on_top,
    )


def _root_on_top(result: dict[str, Any]) -> dict[str, Any]:
    """The JSON of INTERFACES.md §3: the root's fields at the top level, direction and depth beside them."""
    return {"direction": result["direction"], "depth": result["depth"], **result["tree"]}


def _cmd_recall(args: argparse.Namespace) -> int:
    from mes_terminal.services.queries.trace import recall

    def render(result: dict[str, Any], timezone: str, generated: str) -> bytes:
        from mes_terminal.documents.trace_report import recall_pdf

        return recall_pdf(result, generated=generated)

    return _run(args, lambda engine: recall(engine, args.supplier_lot), render)


def _run(
    args: argparse.Namespace,
    compute: Callable[[Any], dict[str, Any]],
    pdf: Callable[[dict, str, str], bytes],
    as_json: Callable[[dict[str, Any]], dict[str, Any]] = lambda result: result,
) -> int:
    require_pdf_file(args.format, args.out)
    app = application(args)
    try:
        result = compute(app.engine)
        timezone = _site_timezone(app.engine) if args.format == "pdf" else "UTC"
        generated = site_time(app.clock.now(), timezone, "zoned")
    finally:
        app.close()
    payload = (
        pdf(result, timezone, generated)
        if args.format == "pdf"
        else (json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n").encode()
    )
    write_output(args.out, payload)
    return EXIT_OK


def _site_timezone(engine: Any) -> str:
    from mes_terminal.services.queries.documents import site_timezone
    from mes_terminal.services.queries.read_only import read_connection

    with read_connection(engine) as connection:
        return site_timezone(connection)
