"""`mes-terminal backup --out FILE` and `mes-terminal restore FILE`: the whole database, and its way back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mes_terminal.cli.common import EXIT_FAILURE, EXIT_OK, application, say


def register(sub: Any, data: argparse.ArgumentParser) -> None:
    backup = sub.add_parser("backup", parents=[data], help="a verified copy of the whole database in one file")
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    backup.set_defaults(run=_cmd_backup)
    restore = sub.add_parser("restore", parents=[data], help="a backup back into an empty database, then verified")
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(run=_cmd_restore)


def _cmd_backup(args: argparse.Namespace) -> int:
    from mes_terminal.db.backup import backup

    app = application(args, require_schema=False)
    try:
        manifest = backup(app.engine, Path(args.out), now=app.clock.now())
    finally:
        app.close()
    print(
        f"backup written to {args.out}: {manifest.dialect}, schema {manifest.schema_revision}, "
        f"{manifest.events} events, chain head {manifest.chain_head}, sha256 {manifest.sha256}"
    )
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from mes_terminal.db import migrate
    from mes_terminal.db.backup import restore

    app = application(args, require_schema=False, create=True)
    try:
        restored = restore(app.engine, Path(args.file))
        head = migrate.head_revision()
    finally:
        app.close()
    manifest, chain = restored.manifest, restored.chain
    print(
        f"restored {manifest.events} events (schema {manifest.schema_revision}, written {manifest.created_at} "
        f"by MES Terminal {manifest.application})"
    )
    if manifest.schema_revision != head:
        print(f"the schema is at {manifest.schema_revision}; run 'mes-terminal db upgrade' to bring it to {head}")
    if chain.broken is not None:
        say(f"The restored event chain is broken: {chain.broken.detail}")
        return EXIT_FAILURE
    print(f"chain intact: {chain.checked} events checked; head {chain.head_hash}")
    return EXIT_OK
