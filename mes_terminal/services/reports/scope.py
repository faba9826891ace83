"""What a report covers: the scope asked for (plant, line or station), and what it resolves to in the
database: its stations, their site's time zone, the range, and each line's calendar.

Lines that work the same shifts share one calendar, so the database receives each calendar once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from mes_terminal.domain import time_buckets
from mes_terminal.domain.intervals import Span, intersect, seconds, total, union
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
    # By station id, when the station had released work (OEE): shift time outside it is not planned
    # production time. None: every minute of the shifts counts (the other reports).
    work: dict[int, list[Span]] | None = None
    # Planned spans already computed, by range and shift patterns (a year of shifts takes tens of ms).
    _planned: dict[tuple[Span, tuple[ShiftPattern, ...]], list[Span]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def to_json(self) -> dict[str, object]:
        return {"kind": self.scope.kind, "code": self.scope.code, "stations": [s.code for s in self.stations]}

    def station_ids(self) -> list[int]:
        return [s.id for s in self.stations]

    def occurrences(self, window: Span, line_id: int) -> list[ShiftOccurrence]:
        return occurrences(self.patterns.get(line_id, []), self.zone, window)

    def planned(self, window: Span, line_id: int) -> list[Span]:
        """The line's shifts less their breaks inside `window` (sorted, disjoint; do not change the list)."""
        key = (window, tuple(self.patterns.get(line_id, [])))
        if key not in self._planned:
            self._planned[key] = planned_spans(key[1], self.zone, window)
        return self._planned[key]


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
    shift_seconds: dict[int, Decimal]  # station id -> its shifts' time, before time without work is taken out


def calendars(covered: Coverage, window: Span, stations: tuple[q.StationInfo, ...] | None = None) -> Calendars:
    """Each station's planned production time: its line's shifts, less the time it had no released work
    (when `covered.work` is given). Stations with the same shifts and the same work share a calendar."""
    chosen = covered.stations if stations is None else stations
    shifts: dict[tuple[ShiftPattern, ...], tuple[list[Span], Decimal]] = {}
    ids: dict[tuple[tuple[ShiftPattern, ...], tuple[Span, ...] | None], int] = {}
    of_station: dict[int, int] = {}
    planned: dict[int, list[Span]] = {}
    buckets: dict[int, list[time_buckets.Bucket]] = {}
    shift_seconds: dict[int, Decimal] = {}
    for info in chosen:
        patterns = tuple(covered.patterns.get(info.line_id, []))
        if patterns not in shifts:
            spans = covered.planned(window, info.line_id)
            shifts[patterns] = (spans, seconds(total(spans)))
        work = None if covered.work is None else tuple(union(covered.work.get(info.id, ())))
        key = (patterns, work)
        if key not in ids:
            cal_id = ids[key] = len(ids)
            spans = shifts[patterns][0]
            planned[cal_id] = spans if work is None else intersect(spans, work)
            buckets[cal_id] = time_buckets.buckets(planned[cal_id], window, BUCKET_SECONDS)
        of_station[info.id] = ids[key]
        shift_seconds[info.id] = shifts[patterns][1]
    planned_seconds = {cal: seconds(total(spans)) for cal, spans in planned.items()}
    return Calendars(of_station, buckets, planned, planned_seconds, shift_seconds)
