"""Frozen values for the terminal's downtime screen: the open stop and the reason tree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class DowntimeView:
    """A station's open stop; `reason_needed` until someone gives it a reason."""

    downtime_id: int
    station: str
    started_at: datetime
    reason: str | None  # code of a leaf of the reason tree
    reason_name: str | None
    source: str  # operator | machine
    machine_state: str | None
    comment: str | None

    @property
    def reason_needed(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class ReasonNode:
    """A node of the downtime reason tree, with its resolved category and loss class."""

    code: str
    name: str
    parent: str | None
    category: str  # planned | unplanned
    loss: str  # availability | performance | quality
    leaf: bool  # only leaves classify a stop
    depth: int
