"""What the downtime handlers read and lock: stops of a station, reasons of the tree."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from mes_terminal.db.records import DowntimeEvent, DowntimeReason, Line, Site, Workstation
from mes_terminal.domain.clock import site_time
from mes_terminal.domain.error_codes import (
    DOWNTIME_ALREADY_DOWN,
    DOWNTIME_OVERLAPS_LATER,
    DOWNTIME_REASON_NOT_LEAF,
    UNKNOWN_DOWNTIME,
    UNKNOWN_DOWNTIME_REASON,
)
from mes_terminal.domain.errors import InvalidState, UnknownEntity

_child = aliased(DowntimeReason)


class Stops:
    def __init__(self, session: Session) -> None:
        self._session = session

    def leaf_reason(self, code: str) -> DowntimeReason:
        """An active reason that groups no others: only those classify a stop."""
        reason = self._session.scalars(select(DowntimeReason).where(DowntimeReason.code == code)).one_or_none()
        if reason is None or not reason.active:
            raise UnknownEntity(UNKNOWN_DOWNTIME_REASON.sentence(code=code), code=UNKNOWN_DOWNTIME_REASON)
        children = self._session.scalars(
            select(_child.code).where(_child.parent_id == reason.id, _child.active).order_by(_child.code)
        ).all()
        if children:
            raise InvalidState(
                f"{reason.name} ({code}) is a group of reasons; choose one of {', '.join(children)}.",
                code=DOWNTIME_REASON_NOT_LEAF,
            )
        return reason

    def code_of(self, reason_id: int | None) -> str | None:
        if reason_id is None:
            return None
        return self._session.scalar(select(DowntimeReason.code).where(DowntimeReason.id == reason_id))

    def open_at(self, station: Workstation) -> DowntimeEvent | None:
        """The station's open stop, locked until the transaction ends."""
        return self._session.scalars(
            select(DowntimeEvent)
            .where(DowntimeEvent.workstation_id == station.id, DowntimeEvent.ended_at.is_(None))
            .with_for_update()
        ).one_or_none()

    def for_update(self, stop_id: int) -> DowntimeEvent:
        stop = self._session.scalars(
            select(DowntimeEvent).where(DowntimeEvent.id == stop_id).with_for_update()
        ).one_or_none()
        if stop is None:
            raise UnknownEntity(UNKNOWN_DOWNTIME.sentence(stop_id=stop_id), code=UNKNOWN_DOWNTIME)
        return stop

    def station_of(self, stop: DowntimeEvent) -> Workstation:
        return self._session.get_one(Workstation, stop.workstation_id)

    def refuse_overlap(self, station: Workstation, at: datetime) -> None:
        """A new stop from `at` may not overlap one already recorded: stops of a station never overlap."""
        clash = self._session.scalars(
            select(DowntimeEvent)
            .where(
                DowntimeEvent.workstation_id == station.id,
                or_(
                    DowntimeEvent.ended_at.is_(None),
                    DowntimeEvent.ended_at > at,
                ),
            )
            .order_by(DowntimeEvent.started_at)
            .limit(1)
        ).first()
        if clash is None:
            return
        timezone = self._session.scalars(  # the refusal is worded in the site's time
            select(Site.timezone).join(Line, Line.site_id == Site.id).where(Line.id == station.line_id)
        ).one()
        since = site_time(clash.started_at, timezone, "zoned")
        if clash.ended_at is None:
            raise InvalidState(
                f"{station.code} is already down (stop {clash.id}, since {since}); end that stop first.",
                code=DOWNTIME_ALREADY_DOWN,
            )
        if clash.started_at <= at:
            raise InvalidState(
                f"{station.code} was already down at that time (stop {clash.id}, "
                f"from {since} to {site_time(clash.ended_at, timezone, 'time')}).",
                code=DOWNTIME_ALREADY_DOWN,
            )
        raise InvalidState(
            f"{station.code} has a later stop recorded (stop {clash.id} from {since}); "
            "a stop cannot start before it without overlapping it.",
            code=DOWNTIME_OVERLAPS_LATER,
        )
