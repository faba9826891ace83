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
    micro_stop_seconds: int | None = None  # the station's threshold: a machine's shorter stop needs no reason
    # The job whose pause opened the stop, when one did (an operator's pause with a reason): its Resume ends it.
    work_order: str | None = None
    operation: int | None = None

    @property
    def reason_needed(self) -> bool:
        return self.reason is None

    def ask_for_reason(self, now: datetime) -> bool:
        """Ask now? A machine's stop is asked about only once it outlasts a micro-stop (shorter: none needed)."""
        if not self.reason_needed:
            return False
        if self.source != "machine" or not self.micro_stop_seconds:
            return True
        return (now - self.started_at).total_seconds() >= self.micro_stop_seconds


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
