"""`mes-terminal scan [TEXT...] [--json]`: what the terminal would do with a scan, for setting up scanners.

Without TEXT, one scan per line of standard input, read as the scanner sent it (a GS byte stays a GS
byte). Exit 0 when every scan is one the terminal can act on, 2 when any is not.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from mes_terminal.cli.common import EXIT_OK, EXIT_USAGE, print_json


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    scan = sub.add_parser(
        "scan",
        help="explain what the terminal would do with a scan (no database needed)",
        description="Explain scans: badges, travelers, lot labels, GS1 barcodes and GS1 Digital Links. "
        "Without TEXT, reads one scan per line from standard input.",
    )
    scan.add_argument("text", nargs="*", metavar="TEXT", help="a scan; without any, lines from standard input")
    scan.add_argument("--json", action="store_true", help="one JSON object per scan")
    scan.add_argument("--badge-pattern", metavar="REGEX", help="the plant's badge pattern (default ^B\\d{3,10}$)")
    scan.set_defaults(run=_cmd_scan)


def _cmd_scan(args: argparse.Namespace) -> int:
    from mes_terminal.domain.scan_explanation import explain_scan
    from mes_terminal.domain.scans import DEFAULT_BADGE_PATTERN, compile_badge_pattern
    from mes_terminal.services.gs1_dictionary import default_gs1_dictionary

    pattern = compile_badge_pattern(args.badge_pattern or DEFAULT_BADGE_PATTERN)
    dictionary = default_gs1_dictionary()
    today = date.today()
    usable = True
    for raw in args.text or _lines():
        answer = explain_scan(raw, dictionary, today=today, badge_pattern=pattern)
        usable = usable and answer["ok"]
        if args.json:
            print_json(answer)
        else:
            print(_readable(answer), flush=True)
    return EXIT_OK if usable else EXIT_USAGE


def _lines() -> Any:
    """Standard input one line at a time, as soon as each arrives; blank lines are not scans."""
    for line in sys.stdin.buffer:
        text = line.decode("utf-8", errors="replace").rstrip("\r\n")
        if text.strip(" \t"):
            yield text


def _readable(answer: dict[str, Any]) -> str:
    from mes_terminal.domain.scans import for_display

    lines = [f"scan:        {for_display(answer['raw'], 200)}", f"kind:        {answer['kind']}"]
    for field in ("badge", "work_order", "operation", "gtin", "lot"):
        if answer[field] is not None:
            lines.append(f"{field + ':':<12} {answer[field]}")
    if answer["gs1"] is not None:
        lines.append(f"{'gs1:':<12} " + "".join(f"({ai}){value}" for ai, value in answer["gs1"]))
    lines.append(("" if answer["ok"] else "NOT USABLE: ") + answer["message"])
    return "\n".join(lines) + "\n"
