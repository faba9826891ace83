"""The terminal's last reading of its station, kept on its own disk so that it can start offline.

Every successful refresh keeps what the terminal showed (the station with its running jobs and the
operators signed in, the dispatch list, the open stop, the scrap reasons, the downtime reason tree and
the Materials panels of the jobs last looked at)
as plain JSON beside the outbox (docs/offline.md). When the shared database cannot be reached at start,
the terminal opens from it instead of refusing. The file is replaced atomically (written beside, synced,
renamed): a power cut leaves the previous reading or the new one, never half of one. It is a
convenience, not a record: a file that cannot be written or read is logged and treated as absent; the
commands themselves are kept by the outbox.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
import types
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from mes_terminal.db.jsonable import jsonable
from mes_terminal.services.queries.downtime_views import DowntimeView, ReasonNode
from mes_terminal.services.queries.station_views import DispatchItem, MaterialLineView, ReasonView, StationView

log = logging.getLogger(__name__)

FORMAT = 1  # the file's layout; another number is not read (treated as no snapshot)
# The same reading is written again at most this often, so that its time stays near the truth without a
# disk write every refresh.
REWRITE_SAME_AFTER = timedelta(minutes=1)
MATERIALS_KEPT = 20  # jobs whose Materials panel is kept (the dispatch list's first ones, in practice)


@dataclass(frozen=True)
class Snapshot:
    """What the terminal last read of its station, and when."""

    taken_at: datetime  # when the station was read (UTC)
    station: StationView
    dispatch: tuple[DispatchItem, ...]
    downtime: DowntimeView | None
    scrap_reasons: tuple[ReasonView, ...] = ()
    downtime_tree: tuple[ReasonNode, ...] = ()


class SnapshotFile:
    """One station's snapshot file. Thread-safe; building it touches no disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._parts: dict[str, Any] | None = None  # what the file holds, as written last
        self._written_at: datetime | None = None

    def keep_station(
        self, station: StationView, dispatch: list[DispatchItem], downtime: DowntimeView | None, now: datetime
    ) -> None:
        """Keep a reading of the station (taken at `now`)."""
        self._keep(
            {"station": _encode(station), "dispatch": _encode(tuple(dispatch)), "downtime": _encode(downtime)}, now
        )

    def keep_reasons(self, scrap_reasons: list[ReasonView], downtime_tree: list[ReasonNode], now: datetime) -> None:
        self._keep(
            {"scrap_reasons": _encode(tuple(scrap_reasons)), "downtime_tree": _encode(tuple(downtime_tree))}, now
        )

    def keep_materials(self, work_order: str, operation: int, lines: list[MaterialLineView], now: datetime) -> None:
        """Keep a job's Materials panel; those of the last `MATERIALS_KEPT` jobs read are kept."""
        with self._lock:
            kept = dict((self._parts if self._parts is not None else self._on_disk()).get("materials", {}))
        kept.pop(_job(work_order, operation), None)  # the newest last: the oldest are dropped first
        kept[_job(work_order, operation)] = _encode(tuple(lines))
        while len(kept) > MATERIALS_KEPT:
            kept.pop(next(iter(kept)))
        self._keep({"materials": kept}, now)

    def materials(self, station: str, work_order: str, operation: int) -> list[MaterialLineView] | None:
        """A job's Materials panel as last read, or None when it was not kept."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data["station"]["code"] != station:
                return None
            lines = data.get("materials", {}).get(_job(work_order, operation))
            return None if lines is None else list(_decode(tuple[MaterialLineView, ...], lines))
        except (OSError, KeyError, TypeError, ValueError, ArithmeticError, AttributeError) as error:
            log.warning("the station snapshot %s cannot be read: %s", self.path, error)
            return None

    def read(self, station: str) -> Snapshot | None:
        """The snapshot of `station`, or None when there is none (or it cannot be read: logged)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("the station snapshot %s cannot be read: %s", self.path, error)
            return None
        try:
            if data.get("format") != FORMAT or data["station"]["code"] != station:
                return None
            return _decode(Snapshot, {"scrap_reasons": [], "downtime_tree": [], **data})
        except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError) as error:
            log.warning("the station snapshot %s cannot be read: %s", self.path, error)
            return None

    def _keep(self, parts: dict[str, Any], now: datetime) -> None:
        with self._lock:
            if self._parts is None:
                self._parts = self._on_disk()
            merged = {**self._parts, **parts}
            recent = self._written_at is not None and now - self._written_at < REWRITE_SAME_AFTER
            if merged == self._parts and recent:
                return
            whole = {"format": FORMAT, **merged, "taken_at": jsonable(now.astimezone(UTC))}
            try:
                _write_atomically(self.path, json.dumps(whole, separators=(",", ":")))
            except OSError as error:  # a full disk must not stop the terminal: the outbox keeps the work
                log.warning("the station snapshot %s cannot be written: %s", self.path, error)
                return
            self._parts, self._written_at = merged, now

    def _on_disk(self) -> dict[str, Any]:
        """The parts already in the file (the reasons are read less often than the station)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        return {key: value for key, value in data.items() if key not in ("format", "taken_at")}


def _job(work_order: str, operation: int) -> str:
    return f"{work_order}/{operation}"


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".new")
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def _encode(value: Any) -> Any:
    """Frozen views to plain JSON values: dataclasses as objects, sets sorted, the rest by `jsonable`."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, frozenset | set):
        return sorted((_encode(item) for item in value), key=json.dumps)
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    return jsonable(value)


def _decode(kind: Any, value: Any) -> Any:
    """The JSON value `value` back as `kind` (a type hint of the views), checked as it goes."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = get_args(kind)
        if value is None and type(None) in options:
            return None
        (real,) = [option for option in options if option is not type(None)]
        return _decode(real, value)
    if origin is tuple:
        arguments = get_args(kind)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(_decode(arguments[0], item) for item in _list(value))
        return tuple(_decode(argument, item) for argument, item in zip(arguments, _list(value), strict=True))
    if origin is frozenset:
        return frozenset(_decode(get_args(kind)[0], item) for item in _list(value))
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        if not isinstance(value, dict):
            raise TypeError(f"{kind.__name__} is not an object")
        hints = get_type_hints(kind)
        known = {field.name for field in dataclasses.fields(kind) if field.init}
        return kind(**{name: _decode(hints[name], item) for name, item in value.items() if name in known})
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is Decimal:
        return Decimal(value)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind in (str, int, bool) and type(value) is kind:
        return value
    raise TypeError(f"{value!r} is not a {kind}")


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"{value!r} is not a list")
    return value
