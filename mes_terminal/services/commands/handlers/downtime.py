"""Stops of a station: start, end, classify, split, and the states machines report.

A station is down at most once at a time, and its stops never overlap. A stop may start without a
reason (a machine's always does): it shows "reason needed" until someone classifies it. Who classified
it and when is kept on the stop, and every change is an event with the reason before and after.
"""

from __future__ import annotations

from datetime import datetime

from mes_terminal.db.records import DowntimeEvent, DowntimeReason, Workstation
from mes_terminal.db.repositories.shared import Person
from mes_terminal.db.repositories.stops import Stops
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain import downtime as rules
from mes_terminal.domain.error_codes import DOWNTIME_NOT_DOWN, DOWNTIME_OTHER_STATION, NOT_SIGNED_IN
from mes_terminal.domain.errors import InvalidState, NotPermitted
from mes_terminal.domain.machine_signals import is_micro_stop
from mes_terminal.domain.roles import DOWNTIME_EDITORS, SHOP_FLOOR, require_role
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.results import DowntimeResult, DowntimeSplitResult, MachineStateResult


def start_downtime(cmd: c.StartDowntime, uow: UnitOfWork) -> DowntimeResult:
    station = uow.workstations.by_code(cmd.station)
    person = _person_at(cmd, uow, station, "record downtime")
    stops = Stops(uow.session)
    reason = stops.leaf_reason(cmd.reason) if cmd.reason else None
    stop = open_stop(
        uow, stops, station, cmd.issued_at, reason=reason, source="operator", person=person, comment=cmd.comment
    )
    return stop_result(stop, station.code, reason.code if reason else None)


def end_downtime(cmd: c.EndDowntime, uow: UnitOfWork) -> DowntimeResult:
    station = uow.workstations.by_code(cmd.station)
    _person_at(cmd, uow, station, "end downtime")
    stops = Stops(uow.session)
    stop = stops.open_at(station)
    if stop is None:
        raise InvalidState(DOWNTIME_NOT_DOWN.sentence(station=station.code), code=DOWNTIME_NOT_DOWN)
    _close(uow, stops, station, stop, cmd.issued_at)
    return stop_result(stop, station.code, stops.code_of(stop.reason_id))


def classify_downtime(cmd: c.ClassifyDowntime, uow: UnitOfWork) -> DowntimeResult:
    stops = Stops(uow.session)
    stop = stops.for_update(cmd.downtime_id)
    station = _station_of(cmd, stops, stop)
    person = _person_at(cmd, uow, station, "classify downtime")
    reason = stops.leaf_reason(cmd.reason)
    if stop.reason_id != reason.id:  # the same reason again changes nothing
        _classify(uow, stops, stop, station, reason, person, cmd.issued_at)
    return stop_result(stop, station.code, reason.code)


def split_downtime(cmd: c.SplitDowntime, uow: UnitOfWork) -> DowntimeSplitResult:
    stops = Stops(uow.session)
    stop = stops.for_update(cmd.downtime_id)
    station = _station_of(cmd, stops, stop)
    person = _person_at(cmd, uow, station, "split downtime")
    zone = uow.jobs.site_rules(station).timezone
    rules.check_split(stop.id, stop.started_at, stop.ended_at, cmd.split_at, cmd.issued_at, zone)
    before = stops.leaf_reason(cmd.reason_before) if cmd.reason_before else None
    after = stops.leaf_reason(cmd.reason_after) if cmd.reason_after else None

    second = DowntimeEvent(
        workstation_id=stop.workstation_id,
        started_at=cmd.split_at,
        ended_at=stop.ended_at,
        reason_id=stop.reason_id,
        source=stop.source,
        comment=stop.comment,
        operation_id=stop.operation_id,
        opened_by_id=stop.opened_by_id,
        classified_by_id=stop.classified_by_id,
        classified_at=stop.classified_at,
        split_from_id=stop.id,
        machine_state=stop.machine_state,
    )
    stop.ended_at = cmd.split_at
    uow.session.flush()  # close the first part before the second, perhaps still open, part exists
    uow.session.add(second)
    uow.session.flush()
    uow.events.add(
        "DowntimeSplit",
        "downtime",
        stop.id,
        station=station.code,
        at=cmd.split_at,
        new_downtime_id=second.id,
        by=person.name,
    )
    if before is not None and stop.reason_id != before.id:
        _classify(uow, stops, stop, station, before, person, cmd.issued_at)
    if after is not None and second.reason_id != after.id:
        _classify(uow, stops, second, station, after, person, cmd.issued_at)
    return {
        "downtime_id": stop.id,
        "new_downtime_id": second.id,
        "station": station.code,
        "parts": [
            stop_result(stop, station.code, stops.code_of(stop.reason_id)),
            stop_result(second, station.code, stops.code_of(second.reason_id)),
        ],
    }


def machine_state(cmd: c.MachineState, uow: UnitOfWork) -> MachineStateResult:
    """A machine (through its connector's account) says it runs, idles, is set up, or is down.

    A stop (down, stopped, faulted) opens an unclassified downtime unless the station is down already;
    any other state ends a stop that the machine opened (an operator's stop is the operator's to end).
    A machine's stop shorter than the station's `micro_stop_seconds` ends as a micro-stop: counted as a
    performance loss, no reason asked.
    """
    station = uow.workstations.by_code(cmd.station)
    state = rules.machine_status(cmd.state)
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, "report machine states")
    stops = Stops(uow.session)
    current = stops.open_at(station)
    micro = False
    if not state.stops:
        if current is not None and current.source == "machine":
            micro = is_micro_stop(current.started_at, cmd.issued_at, station.micro_stop_seconds)
            _close(uow, stops, station, current, cmd.issued_at, micro=micro)
            current = None
    elif current is None:
        current = open_stop(uow, stops, station, cmd.issued_at, source="machine", person=person, machine=state)
    elif current.source == "machine":
        current.machine_state = state.value  # stopped -> faulted: still the same stop
    uow.events.add(
        "MachineStateReported",
        "workstation",
        station.code,
        state=state.value,
        downtime_id=current.id if current is not None else None,
        **({"micro_stop": True} if micro else {}),
    )
    return {
        "station": station.code,
        "state": state.value,
        "down": current is not None,
        "downtime_id": current.id if current is not None else None,
        "reason_needed": current is not None and current.reason_id is None,
        "micro_stop": micro,
    }


# --- shared with PauseJob --------------------------------------------------------------------------


def leaf_reason(uow: UnitOfWork, code: str) -> DowntimeReason:
    """The reason a pause or stop names; it must be a leaf of the tree."""
    return Stops(uow.session).leaf_reason(code)


def stop_for_pause(
    uow: UnitOfWork,
    station: Workstation,
    person: Person,
    operation_id: int,
    reason: DowntimeReason,
    at: datetime,
    *,
    comment: str | None = None,
) -> int | None:
    """A pause with a reason opens a stop, or classifies the station's open stop that has none yet.

    The comment goes on the stop it opens, or on the one it classifies when that has none yet.
    Returns the stop's id, or None when the station was already down for a reason of its own.
    """
    stops = Stops(uow.session)
    current = stops.open_at(station)
    comment = (comment or "").strip() or None
    if current is None:
        stop = open_stop(
            uow,
            stops,
            station,
            at,
            reason=reason,
            source="operator",
            person=person,
            operation_id=operation_id,
            comment=comment,
        )
        return stop.id
    if current.reason_id is None:
        _classify(uow, stops, current, station, reason, person, at)
        if current.comment is None:
            current.comment = comment
        return current.id
    return None


def open_stop(
    uow: UnitOfWork,
    stops: Stops,
    station: Workstation,
    at: datetime,
    *,
    source: str,
    person: Person,
    reason: DowntimeReason | None = None,
    operation_id: int | None = None,
    comment: str | None = None,
    machine: rules.MachineStatus | None = None,
) -> DowntimeEvent:
    stops.refuse_overlap(station, at)
    stop = DowntimeEvent(
        workstation_id=station.id,
        started_at=at,
        reason_id=reason.id if reason else None,
        source=source,
        comment=comment,
        operation_id=operation_id,
        opened_by_id=person.id,
        classified_by_id=person.id if reason else None,
        classified_at=at if reason else None,
        machine_state=machine.value if machine else None,
    )
    uow.session.add(stop)
    uow.session.flush()  # the partial unique index refuses a second open stop of the station here
    uow.events.add(
        "DowntimeStarted",
        "workstation",
        station.code,
        downtime_id=stop.id,
        reason=reason.code if reason else None,
        source=source,
        reason_needed=reason is None,
    )
    return stop


def stop_result(stop: DowntimeEvent, station: str, reason: str | None) -> DowntimeResult:
    return {
        "downtime_id": stop.id,
        "station": station,
        "started_at": stop.started_at,
        "ended_at": stop.ended_at,
        "reason": reason,
        "source": stop.source,
        "reason_needed": reason is None,
    }


# --- steps ---------------------------------------------------------------------------------------


def _close(
    uow: UnitOfWork, stops: Stops, station: Workstation, stop: DowntimeEvent, at: datetime, *, micro: bool = False
) -> None:
    # The site's zone is read only to word a refusal: closing a stop stays one lock and one update.
    zone = uow.jobs.site_rules(station).timezone if at < stop.started_at else "UTC"
    rules.check_end(stop.id, stop.started_at, at, zone)
    stop.ended_at = at
    uow.events.add(
        "DowntimeEnded",
        "workstation",
        station.code,
        downtime_id=stop.id,
        seconds=(at - stop.started_at).total_seconds(),
        reason=stops.code_of(stop.reason_id),
        reason_needed=stop.reason_id is None and not micro,
        **({"micro_stop": True} if micro else {}),
    )


def _classify(
    uow: UnitOfWork,
    stops: Stops,
    stop: DowntimeEvent,
    station: Workstation,
    reason: DowntimeReason,
    person: Person,
    at: datetime,
) -> None:
    before = stops.code_of(stop.reason_id)
    stop.reason_id, stop.classified_by_id, stop.classified_at = reason.id, person.id, at
    uow.events.add(
        "DowntimeClassified",
        "downtime",
        stop.id,
        station=station.code,
        by=person.name,
        before={"reason": before},
        after={"reason": reason.code},
    )


def _station_of(cmd: c.Command, stops: Stops, stop: DowntimeEvent) -> Workstation:
    station = stops.station_of(stop)
    if cmd.station is not None and cmd.station != station.code:
        raise InvalidState(
            DOWNTIME_OTHER_STATION.sentence(id=stop.id, station=station.code, station2=cmd.station),
            code=DOWNTIME_OTHER_STATION,
        )
    return station


def _person_at(cmd: c.Command, uow: UnitOfWork, station: Workstation, action: str) -> Person:
    """The acting person: signed in at the station, or a lead, supervisor or admin acting from anywhere."""
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, action)
    if uow.users.open_session(station, person) is None:
        try:
            require_role(person.name, person.roles, DOWNTIME_EDITORS, f"{action} at {station.code} from elsewhere")
        except NotPermitted:
            raise NotPermitted(
                NOT_SIGNED_IN.sentence(person=person.name, station=station.code),
                code=NOT_SIGNED_IN,
            ) from None
    return person
