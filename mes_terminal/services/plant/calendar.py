"""The plant file's planning calendar in the database: the changeover matrix, holidays and maintenance.

Part of `plant.loader.load_plant`, inside its transaction. Each of the three lists belongs to the site
as a whole and follows the file: what the file no longer lists is removed. Each list is compared as
one value per site (like a product's routing), so a change is one event naming the list before and
after, and loading the same file twice writes nothing. Maintenance times are site-local in the file
and stored in UTC; they are compared in UTC so that a local time a clock change skips compares equal
on every load.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Changeover, Holiday, HolidayLine, Line, MaintenanceWindow, Site, Workstation
from mes_terminal.domain.plant import PlantDefinition
from mes_terminal.services.plant.changes import ChangeLog, Values


def load_calendar(
    session: Session,
    plant: PlantDefinition,
    site: Site,
    lines: Mapping[str, Line],
    stations: Mapping[str, Workstation],
    changes: ChangeLog,
) -> None:
    zone = ZoneInfo(plant.site.timezone)
    _changeovers(session, plant, site, changes)
    _holidays(session, plant, site, lines, changes)
    _maintenance(session, plant, site, stations, zone, changes)
    session.flush()


def site_local_to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """A site-local wall-clock time as UTC (an hour the clock repeats is taken the first time)."""
    return local.replace(tzinfo=zone).astimezone(UTC)


def _record(changes: ChangeLog, kind: str, site: str, before: list[Values], after: list[Values]) -> bool:
    if not before and not after:
        return False  # no list, before or after: nothing to count
    return changes.record(kind, site, {"entries": before} if before else None, {"entries": after})


def _changeovers(session: Session, plant: PlantDefinition, site: Site, changes: ChangeLog) -> None:
    stored = session.scalars(select(Changeover).where(Changeover.site_id == site.id)).all()
    before = sorted(
        ({"from": c.from_family, "to": c.to_family, "minutes": c.minutes} for c in stored),
        key=lambda v: (v["from"], v["to"]),
    )
    after = sorted(
        ({"from": c.from_family, "to": c.to_family, "minutes": c.minutes} for c in plant.changeovers),
        key=lambda v: (v["from"], v["to"]),
    )
    if not _record(changes, "changeovers", site.code, before, after):
        return
    for row in stored:
        session.delete(row)
    session.flush()
    session.add_all(
        Changeover(site_id=site.id, from_family=v["from"], to_family=v["to"], minutes=v["minutes"]) for v in after
    )


def _holidays(
    session: Session, plant: PlantDefinition, site: Site, lines: Mapping[str, Line], changes: ChangeLog
) -> None:
    stored = session.scalars(select(Holiday).where(Holiday.site_id == site.id)).all()
    line_codes = dict(session.execute(select(Line.id, Line.code).where(Line.site_id == site.id)).all())
    before = sorted(
        (
            {
                "date": h.day.isoformat(),
                "name": h.name,
                "lines": sorted(line_codes.get(link.line_id, str(link.line_id)) for link in h.lines),
            }
            for h in stored
        ),
        key=lambda v: str(v["date"]),
    )
    after = sorted(
        ({"date": h.day.isoformat(), "name": h.name, "lines": sorted(h.lines)} for h in plant.holidays),
        key=lambda v: str(v["date"]),
    )
    if not _record(changes, "holidays", site.code, before, after):
        return
    for row in stored:
        session.delete(row)
    session.flush()
    for spec in plant.holidays:
        holiday = Holiday(site_id=site.id, day=spec.day, name=spec.name)
        holiday.lines = [HolidayLine(line_id=lines[code].id) for code in sorted(set(spec.lines))]
        session.add(holiday)


def _maintenance(
    session: Session,
    plant: PlantDefinition,
    site: Site,
    stations: Mapping[str, Workstation],
    zone: ZoneInfo,
    changes: ChangeLog,
) -> None:
    stored = session.execute(
        select(MaintenanceWindow, Workstation.code)
        .join(Workstation, Workstation.id == MaintenanceWindow.workstation_id)
        .join(Line, Line.id == Workstation.line_id)
        .where(Line.site_id == site.id)
    ).all()
    before = _sorted_windows(
        {"station": code, "start": _stamp(w.starts_at), "end": _stamp(w.ends_at), "reason": w.reason}
        for w, code in stored
    )
    wanted = [
        (spec, site_local_to_utc(spec.start, zone), site_local_to_utc(spec.end, zone)) for spec in plant.maintenance
    ]
    after = _sorted_windows(
        {"station": spec.station, "start": _stamp(start), "end": _stamp(end), "reason": spec.reason}
        for spec, start, end in wanted
    )
    if not _record(changes, "maintenance", site.code, before, after):
        return
    for row, _ in stored:
        session.delete(row)
    session.flush()
    session.add_all(
        MaintenanceWindow(workstation_id=stations[spec.station].id, starts_at=start, ends_at=end, reason=spec.reason)
        for spec, start, end in wanted
    )


def _sorted_windows(windows: Iterable[Values]) -> list[Values]:
    return sorted(windows, key=lambda v: (v["station"], v["start"]))


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
