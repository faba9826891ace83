"""What every subcommand shares: exit codes, one-sentence errors, JSON output, settings and the application."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_SCHEMA = 0, 1, 2, 3


def say(sentence: str) -> None:
    print(f"mes-terminal: {sentence}", file=sys.stderr)


def print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, separators=(",", ":")), flush=True)


# --- settings and the database -------------------------------------------------------------------


def settings_from(args: argparse.Namespace) -> Any:
    from mes_terminal.config import load_settings

    return load_settings(
        flags={"database_url": getattr(args, "database_url", None), "station": getattr(args, "station", None)}
    )


def application(args: argparse.Namespace, require_schema: bool = True, create: bool = False) -> Any:
    from mes_terminal.bootstrap import build

    return build(settings_from(args), require_schema=require_schema, create=create)
