"""What a plant load changed: counts per kind of master data, and an event for each record it wrote.

Every record is compared with the file through its *values*: a small dict of the values a person would
recognise (codes rather than ids, Decimals in their shortest form). Equal values mean nothing to write;
different values mean an update whose event carries the changed values before and after.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mes_terminal.db.uow import EventLog

# The kinds of master data, in the order they are loaded and reported.
KINDS = (
    "site",
    "area",
    "shift",
    "line",
    "workstation",
    "pin_policy",
    "user",
    "material",
    "product",
    "routing",
    "instructions",
    "bom",
    "downtime_reason",
    "scrap_reason",
    "checklist",
    "machine",
    "changeovers",
    "holidays",
    "maintenance",
)
CHANGE_EVENT = "MasterDataChanged"
LOADED_EVENT = "PlantLoaded"

Values = dict[str, Any]  # the compared fields of one master-data entry, as stored or as the file says


@dataclass(frozen=True)
class KindCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class LoadSummary:
    """What a load did, per kind of master data (the keys of `counts` are `KINDS`)."""

    site: str
    counts: Mapping[str, KindCounts]

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated for c in self.counts.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "changed": self.changed,
            "counts": {kind: vars(counts) for kind, counts in self.counts.items()},
        }

    def describe(self) -> str:
        """One sentence for a person: what was created and updated, or that nothing changed."""
        parts = [
            f"{n} {_label(kind, n)} {verb}"
            for kind, c in self.counts.items()
            for n, verb in ((c.created, "created"), (c.updated, "updated"))
            if n
        ]
        if not parts:
            return f"Plant {self.site} is already up to date; nothing changed."
        return f"Plant {self.site} loaded: {', '.join(parts)}."


# Lists that belong to the site as a whole: one entry per site, named for what the list is.
_LIST_LABELS = {
    "changeovers": ("changeover matrix", "changeover matrices"),
    "holidays": ("holiday calendar", "holiday calendars"),
    "maintenance": ("maintenance plan", "maintenance plans"),
}


def _label(kind: str, n: int) -> str:
    if kind == "bom":
        return "bill of materials" if n == 1 else "bills of materials"
    if kind in _LIST_LABELS:
        return _LIST_LABELS[kind][n != 1]
    if kind == "instructions":
        return "operation's instructions" if n == 1 else "operations' instructions"
    name = kind.replace("_", " ")
    return name if n == 1 else name + "s"


class ChangeLog:
    """Counts what a load creates, updates and leaves, and logs an event for each write."""

    def __init__(self, events: EventLog) -> None:
        self._events = events
        self._counts = {kind: [0, 0, 0] for kind in KINDS}  # created, updated, unchanged

    def record(self, kind: str, key: str, before: Values | None, after: Values) -> bool:
        """Note the step from `before` (None: not stored yet) to `after`; True when it must be written."""
        counts = self._counts[kind]
        if before is None:
            counts[0] += 1
            self._events.add(CHANGE_EVENT, kind, key, change="created", after=after)
            return True
        changed = [k for k in after if before.get(k) != after[k]]
        if not changed:
            counts[2] += 1
            return False
        counts[1] += 1
        self._events.add(
            CHANGE_EVENT,
            kind,
            key,
            change="updated",
            before={k: before.get(k) for k in changed},
            after={k: after[k] for k in changed},
        )
        return True

    def summary(self, site: str) -> LoadSummary:
        return LoadSummary(site=site, counts={kind: KindCounts(*numbers) for kind, numbers in self._counts.items()})


def plain(value: Any) -> Any:
    """Decimals in their shortest form, so that 0.850000 from the database equals 0.85 from the file."""
    return value.normalize() if isinstance(value, Decimal) else value


def columns(record: object, names: Iterable[str]) -> Values:
    """The compared values of a record that are simply some of its columns."""
    return {name: plain(getattr(record, name)) for name in names}
