"""Regenerate every generated UI file from its source, reproducibly:

    .venv/bin/python tools/generate_ui.py            # forms and compiled translations
    .venv/bin/python tools/generate_ui.py --update-ts  # also refresh the .ts sources from the code

- ui/*.ui (Qt Designer, the source of truth) -> mes_terminal/ui/forms/*_ui.py with pyside6-uic, then
  tidied by ruff so that the generated code meets the house lint rules;
- resources/translations/*.ts -> *.qm with pyside6-lrelease; with --update-ts, pyside6-lupdate first
  collects new strings from the forms and the Python code into the .ts files (translations kept).

CI runs this and fails when `git diff --exit-code` shows that a committed generated file is stale.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FORMS_SRC = ROOT / "ui"
FORMS_OUT = ROOT / "mes_terminal" / "ui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"
TRANSLATED_CODE = ROOT / "mes_terminal" / "ui"


def run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT)


def forms() -> list[Path]:
    FORMS_OUT.mkdir(parents=True, exist_ok=True)
    init = FORMS_OUT / "__init__.py"
    if not init.exists():
        init.write_text('"""Python forms generated from ui/*.ui by tools/generate_ui.py; never edit by hand."""\n')
    written = []
    for source in sorted(FORMS_SRC.glob("*.ui")):
        target = FORMS_OUT / f"{source.stem}_ui.py"
        run(BIN / "pyside6-uic", "--no-autoconnection", source, "-o", target)
        _drop_compiler_version(target)
        written.append(target)
    if written:
        run(BIN / "ruff", "check", "--fix-only", "--unsafe-fixes", "--quiet", *written)
        run(BIN / "ruff", "format", "--quiet", *written)
    return written


def _drop_compiler_version(form: Path) -> None:
    """The header names uic's version; without it the output depends only on the .ui source."""
    lines = form.read_text(encoding="utf-8").splitlines(keepends=True)
    form.write_text("".join(line for line in lines if "Qt User Interface Compiler version" not in line), "utf-8")


def update_ts() -> None:
    sources = [*sorted(FORMS_SRC.glob("*.ui")), *sorted(TRANSLATED_CODE.rglob("*.py"))]
    sources = [s for s in sources if FORMS_OUT not in s.parents]  # the .ui files stand for their forms
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        run(BIN / "pyside6-lupdate", "-no-obsolete", "-locations", "none", *sources, "-ts", ts)


def release() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        run(BIN / "pyside6-lrelease", "-silent", ts, "-qm", ts.with_suffix(".qm"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-ts", action="store_true", help="collect new strings into the .ts files first")
    args = parser.parse_args()
    forms()
    if args.update_ts:
        update_ts()
    release()


if __name__ == "__main__":
    main()
