"""Rules of stops: machine states, where a stop may end or be split, and which OEE loss a stop is.

A station is down at most once at a time, so its stops never overlap. Which loss a stop counts as:

- planned (its reason's category is planned): not planned production time at all;
- a micro-stop (unplanned and shorter than the station's threshold): a performance loss, its time stays
  in run time, whatever its reason says;
- otherwise its reason's loss class: availability (taken out of run time), performance or quality
  (left in run time: the loss shows in the counts). A stop without a reason yet is an availability loss
  until someone classifies it.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from mes_terminal.domain.clock import site_time
from mes_terminal.domain.error_codes import DOWNTIME_ENDS_BEFORE_START, DOWNTIME_SPLIT_OUTSIDE
from mes_terminal.domain.errors import InvalidInput, InvalidState
from mes_terminal.domain.sentences import Sentence


class MachineStatus(StrEnum):
    RUNNING = "running"
    IDLE = "idle"  # waiting (no part, no job): not a stop
    SETUP = "setup"  # being set up: not a machine stop (the operator's setup is recorded as such)
    DOWN = "down"
    STOPPED = "stopped"
    FAULTED = "faulted"

    @property
    def stops(self) -> bool:
        """Down, stopped and faulted open a stop; the others end the machine's own stop."""
        return self in (MachineStatus.DOWN, MachineStatus.STOPPED, MachineStatus.FAULTED)


class LossClass(StrEnum):
    PLANNED = "planned"
    AVAILABILITY = "availability"
    PERFORMANCE = "performance"
    QUALITY = "quality"
    MICRO = "micro"  # a short unplanned stop: performance loss


def machine_status(text: str) -> MachineStatus:
    try:
        return MachineStatus(text.lower())
    except ValueError:
        raise InvalidInput(
            Sentence("state must be running, idle, setup, down, stopped or faulted, not {value!r}.", value=text[:40])
        ) from None


def loss_class(category: str | None, loss: str | None, micro: bool) -> LossClass:
    """The loss a stop counts as (see the module's docstring); `micro` is decided by the station's threshold."""
    if category == "planned":
        return LossClass.PLANNED
    if micro:
        return LossClass.MICRO
    if loss in (LossClass.PERFORMANCE, LossClass.QUALITY):
        return LossClass(loss)
    return LossClass.AVAILABILITY


def check_end(stop_id: int, started_at: datetime, at: datetime, timezone: str = "UTC") -> None:
    if at < started_at:
        raise InvalidState(
            DOWNTIME_ENDS_BEFORE_START.sentence(
                stop_id=stop_id,
                time=_hm(started_at, timezone),
                time2=_hm(at, timezone),
            ),
            code=DOWNTIME_ENDS_BEFORE_START,
        )


def check_split(
    stop_id: int, started_at: datetime, ended_at: datetime | None, at: datetime, now: datetime, timezone: str = "UTC"
) -> None:
    """A split lies strictly inside the stop (an open stop: after its start and not after `now`)."""
    last = ended_at if ended_at is not None else now
    inside = started_at < at < last if ended_at is not None else started_at < at <= last
    if not inside:
        until = _hm(ended_at, timezone) if ended_at is not None else "now"
        raise InvalidState(
            DOWNTIME_SPLIT_OUTSIDE.sentence(
                time=_hm(at, timezone),
                stop_id=stop_id,
                time2=_hm(started_at, timezone),
                until=until,
            ),
            code=DOWNTIME_SPLIT_OUTSIDE,
        )


def _hm(moment: datetime, timezone: str) -> str:
    return site_time(moment, timezone, "zoned_seconds")
