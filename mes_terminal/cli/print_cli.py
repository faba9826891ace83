"""`mes-terminal print label|traveler`: print a lot label or a work-order traveler and record it.

    mes-terminal print label --lot L-1042 --to tcp://10.1.2.3:9100 --actor B1001
    mes-terminal print label --lot L-1042 --to lot.pdf --size 4x2 --datamatrix --actor B1001
    mes-terminal print label --lot L-1042 --to tcp://10.1.2.3:9100 --digital-link --actor B1001
    mes-terminal print traveler --work-order WO-1042 --to printer:Office --actor B2001
    mes-terminal print label --lot L-1042 --to serial:/dev/ttyUSB0 --reprint --reason "label torn" --actor B4001

TARGET: FILE.pdf, pdf:FOLDER, tcp://HOST:9100, serial:PORT or printer:NAME; a label's target defaults to
the settings file's `[printer] label`. The actor (--actor, else MES_ACTOR) is recorded with the job.
Exit 0 printed, 2 bad input (unknown lot, bad GTIN, a reprint without reason...), 1 the printer failed.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import asdict
from typing import Any

from mes_terminal.cli.common import EXIT_OK, application, print_json
from mes_terminal.documents.label_formats import DEFAULT_SIZE, DPIS, SIZES
from mes_terminal.domain.errors import InvalidInput

ACTOR_VARIABLE = "MES_ACTOR"


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    common = argparse.ArgumentParser(add_help=False, parents=[data])
    common.add_argument(
        "--to", metavar="TARGET", help="FILE.pdf, pdf:FOLDER, tcp://HOST:9100, serial:PORT, printer:NAME"
    )
    common.add_argument("--copies", default="1", metavar="N", help="how many (1 to 100; default 1)")
    common.add_argument("--reprint", action="store_true", help="print again (needs --reason)")
    common.add_argument("--reason", metavar="TEXT", help="why it is printed again")
    common.add_argument("--actor", metavar="BADGE", help=f"who prints (else {ACTOR_VARIABLE})")
    common.add_argument("--station", metavar="CODE", help="where it is printed (else the settings' station)")
    common.add_argument("--json", action="store_true", help="the outcome as one JSON object")

    printing = sub.add_parser("print", help="print a lot label or a traveler").add_subparsers(
        metavar="DOCUMENT", required=True
    )
    label = printing.add_parser("label", parents=[common], help="a lot label (GS1-128 when the material has a GTIN)")
    label.add_argument("--lot", required=True, metavar="LOT")
    label.add_argument("--size", choices=SIZES, default=DEFAULT_SIZE, help=f"label size (default {DEFAULT_SIZE})")
    label.add_argument("--dpi", type=int, choices=DPIS, default=DPIS[0], help="thermal printer resolution (ZPL)")
    label.add_argument("--datamatrix", action="store_true", help="add a GS1 DataMatrix (PDF labels)")
    label.add_argument(
        "--digital-link", action="store_true", help="add a QR code of the GS1 Digital Link instead (PDF labels)"
    )
    label.set_defaults(run=_run_label)

    traveler = printing.add_parser("traveler", parents=[common], help="a work-order traveler (PDF)")
    traveler.add_argument("--work-order", required=True, metavar="WO")
    traveler.add_argument("--page-size", choices=("A4", "letter"), default="A4")
    traveler.set_defaults(run=_run_traveler)


def _run_label(args: argparse.Namespace) -> int:
    from mes_terminal.services.commands.catalog import PrintLabel

    return _print(
        args,
        "label",
        lambda common: PrintLabel(
            lot=args.lot,
            size=args.size,
            dpi=args.dpi,
            datamatrix=args.datamatrix,
            digital_link=args.digital_link,
            **common,
        ),
    )


def _run_traveler(args: argparse.Namespace) -> int:
    from mes_terminal.services.commands.catalog import PrintTraveler

    return _print(
        args, "traveler", lambda common: PrintTraveler(work_order=args.work_order, page_size=args.page_size, **common)
    )


def _print(args: argparse.Namespace, what: str, make: Any) -> int:
    import uuid

    from mes_terminal.domain.print_targets import parse_copies

    copies = parse_copies(args.copies)
    actor = args.actor or os.environ.get(ACTOR_VARIABLE)
    if not actor:
        raise InvalidInput(f"Say who prints: --actor BADGE (or set {ACTOR_VARIABLE}); every print is recorded.")
    app = application(args)
    try:
        target = args.to or (app.settings.printer.get("label") if what == "label" else None)
        if not target:
            raise InvalidInput(
                f"Say where to print the {what}: --to FILE.pdf, pdf:FOLDER, tcp://HOST:9100, serial:PORT "
                "or printer:NAME."
            )
        service = print_service(app)
        command = make(
            {
                "command_id": uuid.uuid4(),
                "actor": actor,
                "issued_at": app.clock.now(),
                "station": args.station or app.settings.station,
                "target": target,
                "copies": copies,
                "reprint": args.reprint,
                "reason": args.reason,
            }
        )
        outcome = service.print_label(command) if what == "label" else service.print_traveler(command)
    finally:
        app.close()
    if args.json:
        print_json({"ok": True, **asdict(outcome)})
    else:
        kind = "Reprinted" if outcome.reprint else "Printed"
        subject = f"lot {outcome.subject}" if what == "label" else f"the traveler of {outcome.subject}"
        copies_text = "1 copy" if outcome.copies == 1 else f"{outcome.copies} copies"
        print(f"{kind} {subject} ({copies_text}) to {outcome.sent_to}; print job {outcome.job}.")
    return EXIT_OK


def print_service(app: Any) -> Any:
    """The print service of an application, with every transport including the system printers."""
    from mes_terminal.bootstrap import print_service as build

    return build(app)
