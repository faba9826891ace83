"""`mes-terminal erp import PATH...`: every file (or every *.xml / *.csv of a folder) read and applied.

A file is one document and one transaction; a refused file does not stop the others. B2MML is applied
while it is read (its requests a batch at a time), so memory does not grow with the document; a fault
found late in the file still refuses it whole. Each outcome is
also recorded (erp_messages), so the console can list what came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from mes_terminal.domain.errors import InvalidInput, MesError
from mes_terminal.integration.apply import Outcome, apply_document, refuse
from mes_terminal.integration.b2mml_read import B2mmlStream, read_b2mml
from mes_terminal.integration.csv_read import read_csv
from mes_terminal.integration.model import ErpDocument, Unreadable
from mes_terminal.integration.safe_xml import DEFAULT_LIMIT

SUFFIXES = (".xml", ".csv")


def files_of(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and the *.xml / *.csv files of the folders named (sorted, not recursive)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise InvalidInput(f"{raw} is neither a file nor a folder.")
    return found


def read_document(
    path: Path, *, column_map: Mapping[str, str] | None = None, limit: int = DEFAULT_LIMIT
) -> ErpDocument:
    """The document in `path`: CSV by its suffix, otherwise XML; `InvalidInput` when it cannot be read."""
    if path.suffix.lower() == ".csv":
        return read_csv(path, column_map, limit=limit)
    return read_b2mml(path, limit=limit)


def kind_by_name(path: Path) -> str:
    return "csv_work_orders" if path.suffix.lower() == ".csv" else "b2mml"


def import_file(
    engine: Engine,
    path: Path,
    *,
    now: datetime,
    column_map: Mapping[str, str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Outcome:
    if path.suffix.lower() != ".csv":
        return _import_b2mml(engine, path, now=now, limit=limit)
    try:
        document = read_document(path, column_map=column_map, limit=limit)
    except MesError as error:
        return refuse(engine, str(path), kind_by_name(path), error, now=now)
    except OSError as error:
        return refuse(
            engine,
            str(path),
            kind_by_name(path),
            InvalidInput(f"Cannot read {path.name}: {error.strerror or error}."),
            now=now,
        )
    document.file = str(path)
    return apply_document(engine, document, now=now)


def _import_b2mml(engine: Engine, path: Path, *, now: datetime, limit: int) -> Outcome:
    """Read and apply at once: the requests go to the database a batch at a time, as the file is read."""
    stream = B2mmlStream(path, limit=limit)
    stream.document.file = str(path)
    with closing(stream.requests()) as requests:
        try:
            return apply_document(engine, stream.document, now=now, requests=requests)
        except Unreadable as failure:  # the transaction rolled back: refused as a file that cannot be read
            return refuse(engine, str(path), kind_by_name(path), failure.error, now=now)


def import_paths(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    now: datetime,
    column_map: Mapping[str, str] | None = None,
) -> Iterator[Outcome]:
    for path in files_of(paths):
        yield import_file(engine, path, now=now, column_map=column_map)
