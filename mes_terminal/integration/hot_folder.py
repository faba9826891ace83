"""`mes-terminal erp watch`: the hot folder. Documents dropped in the inbox are imported and moved to
inbox/processed/ or inbox/failed/ (with NAME.error.txt beside it saying why); exports are written to the
outbox on a schedule.

A file is never lost: it is moved only after its outcome is known (and recorded), by a rename within
the inbox's file system, to a name that is free; a file the database could not take (it was down) stays
in the inbox and is tried again. A file still being written is left until it has been quiet for
`settle` seconds; files starting with a dot (an ERP's partial writes) are ignored.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import DBAPIError

from mes_terminal.db.records import ErpMessage
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.error_codes import DATABASE_UNAVAILABLE, SCHEMA_NOT_AT_HEAD
from mes_terminal.domain.errors import MesError
from mes_terminal.integration.apply import Outcome
from mes_terminal.integration.export import ExportResult, export
from mes_terminal.integration.importer import SUFFIXES, import_file

log = logging.getLogger(__name__)

PROCESSED, FAILED = "processed", "failed"
# Outcomes that say nothing about the file: it stays in the inbox for the next sweep.
_TRY_AGAIN = {DATABASE_UNAVAILABLE, SCHEMA_NOT_AT_HEAD}


@dataclass(frozen=True)
class Swept:
    path: Path  # where the file is now
    outcome: Outcome


def waiting(inbox: Path, *, settle: float, wall_now: float) -> list[Path]:
    """The documents ready in the inbox, oldest name first."""
    ready = []
    for path in sorted(inbox.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.suffix.lower() not in SUFFIXES:
            continue
        try:
            if wall_now - path.stat().st_mtime < settle:
                continue
        except FileNotFoundError:
            continue
        ready.append(path)
    return ready


def sweep(
    engine: Engine,
    inbox: Path,
    *,
    now: datetime,
    settle: float = 2.0,
    column_map: Mapping[str, str] | None = None,
    wall_now: Callable[[], float] | None = None,
) -> list[Swept]:
    """Import every document waiting in `inbox` and move each where it belongs."""
    import time

    swept = []
    for path in waiting(inbox, settle=settle, wall_now=(wall_now or time.time)()):
        outcome = import_file(engine, path, now=now, column_map=column_map)
        if outcome.code in _TRY_AGAIN:
            log.warning("%s left in the inbox: %s", path.name, outcome.message)
            continue
        target = _free_name(inbox / (PROCESSED if outcome.ok else FAILED), path.name)
        if not outcome.ok:
            target.with_name(f"{target.name}.error.txt").write_text(
                f"{outcome.code}\n{outcome.message}\n", encoding="utf-8"
            )
        os.replace(path, target)
        _moved(engine, path, target)
        swept.append(Swept(target, outcome))
    return swept


def _moved(engine: Engine, before: Path, after: Path) -> None:
    """Point the file's newest message at where the file now lies, so the console can show it and retry it."""
    newest = (
        select(func.max(ErpMessage.id))
        .where(ErpMessage.direction == "in", ErpMessage.file == str(before)[-1000:])
        .scalar_subquery()
    )
    try:
        with engine.begin() as connection:
            connection.execute(update(ErpMessage).where(ErpMessage.id == newest).values(file=str(after)[-1000:]))
    except DBAPIError:  # the file is moved and its outcome recorded: only the console's link is stale
        log.warning("could not record that %s moved to %s", before, after, exc_info=True)


def _free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or name-1, name-2... when a file of that name was moved there before."""
    folder.mkdir(parents=True, exist_ok=True)
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    counter = 1
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return candidate


def watch(
    engine: Engine,
    clock: Clock,
    inbox: Path,
    outbox: Path,
    *,
    export_every: timedelta | None,
    export_format: str,
    poll: float,
    stop: threading.Event,
    report: Callable[[Swept | ExportResult | MesError], None],
    column_map: Mapping[str, str] | None = None,
    settle: float = 2.0,
    once: bool = False,
) -> None:
    """Sweep the inbox every `poll` seconds and export every `export_every` until `stop` is set (or once)."""
    inbox.mkdir(parents=True, exist_ok=True)
    next_export = clock.now()
    while True:
        try:
            for swept in sweep(engine, inbox, now=clock.now(), settle=settle, column_map=column_map):
                report(swept)
            if export_every is not None and clock.now() >= next_export:
                report(export(engine, export_format, outbox, start=None, end=clock.now(), now=clock.now()))
                next_export = clock.now() + export_every
        except MesError as error:  # an export refused, the database away: said, and tried again
            report(error)
        except OSError as error:
            report(MesError(f"The hot folder cannot be used ({error.strerror or error}); trying again."))
        if once or stop.wait(poll):
            return
