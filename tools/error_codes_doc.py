"""Write the "Error codes" table of docs/commands.md from mes_terminal/domain/error_codes.py:

    .venv/bin/python tools/error_codes_doc.py           # rewrite the section
    .venv/bin/python tools/error_codes_doc.py --check   # exit 1 when the page is stale

The section runs from its heading to the end of the page; everything above it is left as it is.
tests/unit/test_error_codes.py fails when the committed page and the module differ.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "commands.md"
HEADING = "## Error codes"

sys.path.insert(0, str(ROOT))  # this checkout's module, not an installed copy

from mes_terminal.domain.error_codes import ALL, ErrorCode  # noqa: E402

INTRO = """\
Every refusal carries a stable `code` (the `code` of the JSON line `mes-terminal replay` prints) and a
sentence for the person who sees it. Scripts match on the code, never on the sentence: the sentence may
be reworded or translated, the code stays. A sentence's `{placeholders}` are filled with the values of
the refusal (a job is named as "WO-1 operation 10"). Where the sentence column is empty, the sentence
says more than a few values can carry and is worded where the refusal is raised.

Generated from `mes_terminal/domain/error_codes.py` by `tools/error_codes_doc.py`; do not edit by hand."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(code: ErrorCode) -> str:
    sentence = _cell(code.template) if code.template else ""
    return f"| `{code}` | {_cell(code.when)} | {sentence} |"


def section() -> str:
    """The whole section, heading to end, in the module's order (grouped by area there)."""
    rows = [_row(code) for code in ALL]
    return "\n".join([HEADING, "", INTRO, "", "| code | when | sentence |", "|---|---|---|", *rows, ""])


def page_with_section(text: str) -> str:
    """`text` (the page) with its error codes section replaced by, or appended as, the generated one."""
    at = text.find("\n" + HEADING + "\n")
    before = text[: at + 1] if at >= 0 else text.rstrip("\n") + "\n\n"
    return before + section()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when the page is stale")
    args = parser.parse_args()
    current = PAGE.read_text(encoding="utf-8")
    wanted = page_with_section(current)
    if args.check:
        if current != wanted:
            print(f"{PAGE.relative_to(ROOT)} is stale: run tools/error_codes_doc.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
