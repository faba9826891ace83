"""`mes-terminal conflicts`: commands terminals took offline that a rule refused on delivery (docs/offline.md).

    mes-terminal conflicts [--all] [--json]                        # open ones (every one with --all)
    mes-terminal conflicts discard N --reason TEXT [--actor BADGE] # not to be done; the reason is kept
    mes-terminal conflicts apply N [--actor BADGE]                 # run the original again, then settle it

Discarding and applying are commands (`DiscardConflict`, `ApplyConflict`) by --actor (else MES_ACTOR), a
lead, supervisor or administrator: the event log says who decided what.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from mes_terminal.cli.common import EXIT_OK, application, print_json
from mes_terminal.domain.errors import InvalidInput

ACTOR_VARIABLE = "MES_ACTOR"


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    conflicts = sub.add_parser(
        "conflicts", parents=[data], help="commands taken offline that no longer applied: list, discard, apply"
    )
    conflicts.add_argument("--all", action="store_true", help="settled conflicts too")
    conflicts.add_argument("--json", action="store_true", help="one JSON object a line")
    conflicts.set_defaults(run=_cmd_list)
    actions = conflicts.add_subparsers(metavar="ACTION", required=False)
    # Before or after the action; absent after it, the value given before it stands.
    url = argparse.ArgumentParser(add_help=False)
    url.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS, help="the database")

    discard = actions.add_parser("discard", parents=[url], help="settle a conflict: its command is not to be done")
    discard.add_argument("number", type=int, metavar="N", help="the conflict's number")
    discard.add_argument("--reason", required=True, metavar="TEXT", help="why (kept with the conflict)")
    discard.add_argument("--actor", metavar="BADGE", help=f"who decides (else {ACTOR_VARIABLE})")
    discard.set_defaults(run=_cmd_discard)

    apply = actions.add_parser("apply", parents=[url], help="run a conflict's command again and settle it")
    apply.add_argument("number", type=int, metavar="N", help="the conflict's number")
    apply.add_argument("--actor", metavar="BADGE", help=f"who decides (else {ACTOR_VARIABLE})")
    apply.set_defaults(run=_cmd_apply)


def _desk(app: Any) -> Any:
    from mes_terminal.services.conflict_desk import ConflictDesk

    return ConflictDesk(app.engine, app.bus, app.clock)


def _cmd_list(args: argparse.Namespace) -> int:
    app = application(args)
    try:
        views = _desk(app).list(settled_too=args.all)
    finally:
        app.close()
    if args.json:
        for view in views:
            print_json(view.to_json())
        return EXIT_OK
    if not views:
        print("No open conflicts." if not args.all else "No conflicts.")
        return EXIT_OK
    for view in views:
        at = view.issued_at.strftime("%Y-%m-%d %H:%M:%SZ")
        print(f"#{view.number} [{view.status}] {view.type} at {view.station or '-'} by {view.actor}, taken {at}")
        print(f"    refused: {view.message}")
        if view.status != "open":
            why = f": {view.settle_reason}" if view.settle_reason else ""
            print(f"    {view.status} by {view.settled_by}{why}")
    return EXIT_OK


def _actor(args: argparse.Namespace) -> str:
    actor = args.actor or os.environ.get(ACTOR_VARIABLE)
    if not actor:
        raise InvalidInput(f"Say who decides: --actor BADGE (or set {ACTOR_VARIABLE}); it is recorded.")
    return str(actor)


def _cmd_discard(args: argparse.Namespace) -> int:
    actor = _actor(args)
    app = application(args)
    try:
        _desk(app).discard(args.number, actor, args.reason)
    finally:
        app.close()
    print(f"Conflict {args.number} discarded.")
    return EXIT_OK


def _cmd_apply(args: argparse.Namespace) -> int:
    actor = _actor(args)
    app = application(args)
    try:
        _desk(app).apply(args.number, actor)
    finally:
        app.close()
    print(f"Conflict {args.number} applied.")
    return EXIT_OK
