"""Docstrings, comments and documents name only files and modules that exist.

A path such as `mes_terminal/db/migrate.py`, `services/queries/station.py` (under mes_terminal/),
`docs/oee.md`, `tests/unit/test_gs1.py`, a link between documents (`(materials.md)`) or a dotted module
(`mes_terminal.services.queries.board`) must lead somewhere: a moved module leaves no stale pointer.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mes_terminal"
ROOMS = "services|db|ui|domain|devices|documents|cli|connectors|integration|scheduling"

PATH = re.compile(
    r"(?<![\w/.])((?:mes_terminal|docs|tests|tools|installer|migrations|benchmarks|resources)/[\w./-]*\w)"
)
ROOM_PATH = re.compile(rf"(?<![\w/.])((?:{ROOMS})/[\w/]+\.py)\b")
DOC_LINK = re.compile(r"\]\(([\w-]+\.md)(?:#[\w-]*)?\)")
MODULE = re.compile(r"(?<![\w.])(mes_terminal(?:\.\w+)+)")
ROOM_MODULE = re.compile(rf"`((?:{ROOMS})(?:\.(?!py`)\w+)+)")  # `services.queries.board.rows` in backticks
# Not files of this repository: where a wheel puts migrations and resources, a file-name pattern, a prefix.
BUILT = ("mes_terminal/_migrations", "mes_terminal/_resources")
NOT_FILES = {"resources/labels/lot-SIZE.toml", "docs/screenshots/supervisor"}


def sources() -> list[Path]:
    found = [p for p in PACKAGE.rglob("*.py") if "forms" not in p.parts]
    found += [*ROOT.glob("docs/*.md"), ROOT / "README.md", ROOT / "installer" / "README.md", ROOT / "pyproject.toml"]
    found += [*ROOT.glob("tools/*.py"), *ROOT.glob("docs/*.py"), *ROOT.glob("benchmarks/*.py")]
    found += [*ROOT.glob("migrations/**/*.py"), *ROOT.glob("tests/**/*.py"), ROOT / "Makefile"]
    return [p for p in found if p.is_file() and p != Path(__file__).resolve()]


def exists(path: str) -> bool:
    if any(ch in path for ch in "*{}<>") or path in NOT_FILES or path.startswith(BUILT):
        return True
    return (ROOT / path).exists() or (ROOT / path.rstrip(".")).exists()


def module_exists(dotted: str) -> bool:
    """`a.b.c` names a module, or an attribute of the longest module prefix it has."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:end])
        rest = [part for part in parts[end:] if not part.startswith("__")]  # a module, a name, Class.attribute
        if base.with_suffix(".py").is_file():
            return len(rest) <= 1 or (len(rest) == 2 and rest[0][:1].isupper())
        if (base / "__init__.py").is_file():  # in a package, a lower-case name is a module that is missing
            return not rest or (len(rest) <= 2 and rest[0][:1].isupper())
    return False


def broken_names(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    broken = [f"{where}: {name}" for name in PATH.findall(text) if not exists(name)]
    broken += [f"{where}: {name}" for name in ROOM_PATH.findall(text) if not (PACKAGE / name).is_file()]
    if path.suffix == ".md":
        broken += [f"{where}: {name}" for name in DOC_LINK.findall(text) if not (path.parent / name).is_file()]
    if path.name != "pyproject.toml":  # its import contracts name packages still to come, on purpose
        broken += [f"{where}: {name}" for name in MODULE.findall(text) if not module_exists(name)]
        broken += [
            f"{where}: {name}" for name in ROOM_MODULE.findall(text) if not module_exists(f"mes_terminal.{name}")
        ]
    return broken


def test_docstrings_comments_and_documents_name_files_that_exist() -> None:
    broken = [name for path in sources() for name in broken_names(path)]
    assert broken == []


def test_the_check_finds_a_stale_name(tmp_path: Path) -> None:
    stale = tmp_path / "stale.md"
    stale.write_text(
        "See `services/quality_views.py`, docs/nowhere.md, [x](nowhere.md), mes_terminal.db.board_queries, "
        "`services.quality_views.spc_chart`.\n"
    )
    assert len(broken_names(stale)) == 5
    fine = tmp_path / "fine.md"
    fine.write_text("See `services/terminal.py`, docs/oee.md, mes_terminal.db.records.Event, `db.uow.UnitOfWork`.\n")
    assert broken_names(fine) == []
