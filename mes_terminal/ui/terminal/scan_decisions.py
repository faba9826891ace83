"""What a scan means at this terminal, decided from what the view-model knows: no widgets, no service calls.

Each function returns intentions in order. The view-model carries out its own (`Banner`, `Select`,
`SignInByBadge`); the window renders the rest (`AskPin`, `ShowStation`, and the questions `ConfirmSignOut`
and `ConfirmStart`, whose answer goes back to the view-model). Lot scans are not decided here: they go
to the service (`TerminalViewModel.consume_scan`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mes_terminal.ui.terminal import wording
from mes_terminal.ui.widgets.banner import ERROR, INFO, OK, WARN

if TYPE_CHECKING:
    from mes_terminal.services.queries.station_views import DispatchItem, StationView


@dataclass(frozen=True)
class JobKey:
    """Which job: a work order's operation."""

    work_order: str
    operation: int


@dataclass(frozen=True)
class Banner:
    kind: str  # "ok", "warn", "error", "info"
    text: str


@dataclass(frozen=True)
class Select:
    key: JobKey


@dataclass(frozen=True)
class SignInByBadge:
    """At a badge-only station the badge alone signs in."""

    badge: str


@dataclass(frozen=True)
class AskPin:
    """The sign-in screen with the badge filled in; `adding`: someone else stays signed in meanwhile."""

    badge: str
    adding: bool


@dataclass(frozen=True)
class ShowStation:
    """The station screen, unless it shows already."""


@dataclass(frozen=True)
class ConfirmSignOut:
    """Yes signs the badge out; no makes it the operator the terminal acts for."""

    badge: str
    name: str


@dataclass(frozen=True)
class ConfirmStart:
    """Yes starts the job."""

    key: JobKey
    operation_name: str


Intention = Banner | Select | SignInByBadge | AskPin | ShowStation | ConfirmSignOut | ConfirmStart
Question = ConfirmSignOut | ConfirmStart

# Where a traveler scan offers to start the job; elsewhere it says why not (or that it runs here).
STARTABLE = ("ready", "check_due")
HERE = ("running_here", "paused_here")


def badge(badge: str, station: StationView | None) -> tuple[Intention, ...]:
    """A badge: sign out (after asking) if signed in here, else sign in, by badge alone where the station allows."""
    operators = station.operators if station is not None else ()
    name = next((operator.name for operator in operators if operator.badge == badge), None)
    if name is not None:
        return (ConfirmSignOut(badge, name),)
    if station is not None and station.badge_only:
        return (SignInByBadge(badge),)
    return AskPin(badge, adding=bool(operators)), Banner(INFO, wording.pin_needed(badge))


def operation(
    work_order: str, seq: int, dispatch: Sequence[DispatchItem], station: StationView | None, active_badge: str | None
) -> tuple[Intention, ...]:
    """A traveler's operation barcode: select the job and offer to start it when it is ready to start."""
    item = next((i for i in dispatch if (i.work_order, i.operation) == (work_order, seq)), None)
    if item is None:
        return (Banner(ERROR, wording.not_dispatched(work_order, seq)),)
    key = JobKey(work_order, seq)
    shown: tuple[Intention, ...] = (Select(key),)
    if station is not None and station.operators:
        shown += (ShowStation(),)
    if item.readiness not in STARTABLE:
        return (*shown, Banner(OK if item.readiness in HERE else WARN, wording.sentence(item.reason)))
    if active_badge is None:
        return (*shown, Banner(WARN, wording.sign_in_first()))
    return (*shown, ConfirmStart(key, item.operation_name))


def work_order(number: str, dispatch: Sequence[DispatchItem]) -> tuple[Intention, ...]:
    """A work order's barcode: select its first job here and say where it stands."""
    first = next((item for item in dispatch if item.work_order == number), None)
    if first is None:
        return (Banner(ERROR, wording.nothing_to_do(number)),)
    return Select(JobKey(first.work_order, first.operation)), Banner(INFO, wording.sentence(first.reason))


def station_sign(code: str, here: str) -> tuple[Intention, ...]:
    """A workstation sign: confirms this terminal's station, or warns that the sign names another."""
    if code == here:
        return (Banner(OK, wording.this_station(here)),)
    return (Banner(WARN, wording.other_station(here, code)),)


def unknown(reason: str) -> tuple[Intention, ...]:
    return (Banner(ERROR, wording.not_recognised(reason)),)
