"""What every subcommand shares: exit codes, one-sentence errors, JSON output, settings and the application."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_SCHEMA = 0, 1, 2, 3


def say(sentence: str) -> None:
    print(f"mes-terminal: {sentence}", file=sys.stderr)


def write_output(out: str | None, content: bytes) -> None:
    """A report's bytes to the file `out`, or to standard output without one."""
    if out is None:
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    try:
        Path(out).write_bytes(content)
    except OSError as error:
        from mes_terminal.domain.errors import InvalidInput

        raise InvalidInput(f"Cannot write {out}: {error.strerror or error}.") from None


def require_pdf_file(output_format: str, out: str | None) -> None:
    """A PDF goes to a named file only: on a terminal it is noise, through a pipe it is easily lost."""
    if output_format == "pdf" and not out:
        from mes_terminal.domain.errors import InvalidInput

        raise InvalidInput("A PDF is never written to a terminal or a pipe; say where: --out FILE.pdf")


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
