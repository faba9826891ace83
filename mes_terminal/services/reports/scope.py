"""What a report covers: the scope asked for (plant, line or station), and what it resolves to in the
database: its stations, their site's time zone, the range, and each line's calendar.

Lines that work the same shifts share one calendar, so the database receives each calendar once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from mes_terminal.domain import time_buckets
from mes_terminal.domain.intervals import Span, seconds, total
from mes_terminal.domain.report_range import parse_range
from mes_terminal.domain.shift_calendar import ShiftOccurrence, ShiftPattern, occurrences, patterns_from, planned_spans
from mes_terminal.services.reports import queries as q

BUCKET_SECONDS = 3600
SCOPE_KINDS = ("plant", "line", "station")


@dataclass(frozen=True)
class Scope:
    """The scope of a report as asked: the whole plant, one line or one station (by its code)."""

    kind: str  # plant | line | station
    code: str | None = None

    @classmethod
    def of(cls, station: str | None, line: str | None) -> Scope:
        return cls("station", station) if station else cls("line", line) if line else cls("plant")

    @property
    def station(self) -> str | None:
        return self.code if self.kind == "station" else None

    @property
    def line(self) -> str | None:
        return self.code if self.kind == "line" else None


@dataclass(frozen=True)
class Coverage:
    """What a scope resolves to over a range: its stations, their time zone and each line's shifts."""

    scope: Scope
    stations: tuple[q.StationInfo, ...]
    zone: ZoneInfo
    window: Span  # as asked
    patterns: dict[int, list[ShiftPattern]]  # by line id

    def to_json(self) -> dict[str, object]:
        return {"kind": self.scope.kind, "code": self.scope.code, "stations": [s.code for s in self.stations]}

    def station_ids(self) -> list[int]:
        return [s.id for s in self.stations]

    def occurrences(self, window: Span, line_id: int) -> list[ShiftOccurrence]:
        return occurrences(self.patterns.get(line_id, []), self.zone, window)

    def planned(self, window: Span, line_id: int) -> list[Span]:
        return planned_spans(self.patterns.get(line_id, []), self.zone, window)


def resolve(
    connection: Connection, station: str | None, line: str | None, start: str | datetime, end: str | datetime
) -> Coverage:
    """What the scope covers over the range; an unknown station or line, or a bad range, is one sentence."""
    stations = q.stations(connection, station, line)
    zone_name = stations[0].timezone if stations else (q.site_timezone(connection) or "UTC")
    zone = ZoneInfo(zone_name)
    window = parse_range(start, end, zone)
    line_ids = sorted({s.line_id for s in stations})
    shifts = q.line_shifts(connection, line_ids) if line_ids else {}
    patterns = {lid: patterns_from(rows) for lid, rows in shifts.items()}
    return Coverage(Scope.of(station, line), tuple(stations), zone, window, patterns)


@dataclass(frozen=True)
class Calendars:
    """The calendar buckets sent to the database, and each station's calendar and planned spans."""

    of_station: dict[int, int]  # station id -> calendar id
    buckets: dict[int, list[time_buckets.Bucket]]  # calendar id -> buckets
    planned: dict[int, list[Span]]  # calendar id -> planned spans
    planned_seconds: dict[int, Decimal]  # calendar id -> their total


def calendars(covered: Coverage, window: Span, stations: tuple[q.StationInfo, ...] | None = None) -> Calendars:
    chosen = covered.stations if stations is None else stations
    ids: dict[tuple[ShiftPattern, ...], int] = {}
    of_station: dict[int, int] = {}
    planned: dict[int, list[Span]] = {}
    buckets: dict[int, list[time_buckets.Bucket]] = {}
    for info in chosen:
        key = tuple(covered.patterns.get(info.line_id, []))
        if key not in ids:
            cal_id = ids[key] = len(ids)
            planned[cal_id] = covered.planned(window, info.line_id)
            buckets[cal_id] = time_buckets.buckets(planned[cal_id], window, BUCKET_SECONDS)
        of_station[info.id] = ids[key]
    return Calendars(of_station, buckets, planned, {cal: seconds(total(spans)) for cal, spans in planned.items()})
