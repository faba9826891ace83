"""How long each station stood still, by reason, and how much of it lay in its planned calendar. SQL.

The calendar goes to the database as the buckets of `domain.time_buckets`, so the planned part of
every stop is F(end) - F(start), read in one step per stop whatever the length of the calendar.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Float, Integer, and_, case, func, literal, or_, select, text

from mes_terminal.db.base import UtcDateTime
from mes_terminal.db.records import DowntimeEvent, DowntimeReason, Workstation
from mes_terminal.domain.intervals import Span
from mes_terminal.domain.time_buckets import Bucket
from mes_terminal.services.reports.sql_dialect import (
    bucket_of,
    float_array,
    greatest,
    item,
    least,
    param_table,
    seconds_since,
)


@dataclass(frozen=True)
class StopGroup:
    """Stops of one station with one reason (None: not classified), micro-stops apart."""

    station_id: int
    reason_id: int | None
    micro: bool
    stops: int
    seconds: float  # inside the report range
    planned_seconds: float  # inside the range and the station's planned calendar
    machine_stops: int = 0  # of `stops`, those a machine's state opened (the others an operator did)


def stop_groups(
    connection: Connection,
    calendar_of: Mapping[int, int],
    calendars: Mapping[int, Sequence[Bucket]],
    window: Span,
    now: datetime,
    size: int = 3600,
) -> list[StopGroup]:
    """Stops of the stations in `calendar_of` (station id -> calendar id) overlapping `window`, grouped
    by station, reason and micro-stop, with the part of them inside each station's planned calendar.

    Open stops count up to `now`. A stop is a micro-stop when it is unplanned and, whole, shorter than
    its station's threshold.
    """
    if not calendar_of:
        return []
    layout = _Layout(connection, calendars, size)
    station_cal = param_table(
        connection,
        "station_cal",
        [("station_id", Integer), ("first", Integer)],
        [(station, layout.first[cal_id]) for station, cal_id in calendar_of.items()],
    )
    stops = _stops(window, now, station_cal, size).subquery("stops")
    query = (
        select(
            stops.c.station_id,
            stops.c.reason_id,
            stops.c.micro,
            func.count(),
            func.sum(stops.c.e - stops.c.s),
            func.sum(
                layout.planned_before(stops.c.e, "e", stops.c.at_e)
                - layout.planned_before(stops.c.s, "s", stops.c.at_s)
            ),
            func.sum(stops.c.by_machine),
        )
        .select_from(layout.source(stops))
        .group_by(stops.c.station_id, stops.c.reason_id, stops.c.micro)
    )
    _tune(connection)
    return [
        StopGroup(station, reason, bool(is_micro), count, float(seconds or 0), float(planned or 0), int(machine or 0))
        for station, reason, is_micro, count, seconds, planned, machine in connection.execute(query)
    ]


def reason_groups(connection: Connection, station_ids: Sequence[int], window: Span, now: datetime) -> list[StopGroup]:
    """The stops of `station_ids` inside `window` by reason and micro-stop (no calendar: the Pareto).

    `station_id` of each group is 0 and `planned_seconds` 0: the whole range counts.
    """
    if not station_ids:
        return []
    stops = _stops(window, now, stations=station_ids).subquery("stops")
    query = select(stops.c.reason_id, stops.c.micro, func.count(), func.sum(stops.c.e - stops.c.s)).group_by(
        stops.c.reason_id, stops.c.micro
    )
    _tune(connection)
    return [
        StopGroup(0, reason, bool(is_micro), count, float(seconds or 0), 0.0)
        for reason, is_micro, count, seconds in connection.execute(query)
    ]


def _stops(
    window: Span, now: datetime, station_cal: Any = None, size: int = 3600, stations: Sequence[int] | None = None
) -> Any:
    """Each stop (of the stations of `station_cal`, or of `stations`) overlapping the window: seconds from
    the window's start (clipped to it) and micro-stop or not.

    In two steps, each fenced with OFFSET 0: PostgreSQL otherwise inlines the expressions into every use
    (a stop's end is read seven times by its calendar lookups) and computes them again each time; fenced,
    it computes each once per stop (the statement alone, without parallel workers, over the OEE
    benchmark's year: 3.4 s to 2.2 s on a loaded machine). On SQLite the fences keep the calendar joins
    on an index.
    """
    horizon = (window.end - window.start).total_seconds()
    d = DowntimeEvent
    until = func.coalesce(d.ended_at, literal(now, UtcDateTime()))
    columns = [
        d.workstation_id.label("station_id"),
        d.reason_id,
        seconds_since(d.started_at, window.start).label("started"),
        seconds_since(until, window.start).label("ended"),
        Workstation.micro_stop_seconds.label("micro_stop_seconds"),
        or_(DowntimeReason.category.is_(None), DowntimeReason.category != "planned").label("unplanned"),
        d.source,
    ]
    if station_cal is not None:
        columns.append(station_cal.c.first)
    query = select(*columns)
    if station_cal is not None:
        query = query.join(station_cal, station_cal.c.station_id == d.workstation_id)
    if stations is not None:
        query = query.where(d.workstation_id.in_(stations))
    raw = (
        query.join(Workstation, Workstation.id == d.workstation_id)
        .outerjoin(DowntimeReason, DowntimeReason.id == d.reason_id)
        .where(d.started_at < window.end, or_(d.ended_at.is_(None), d.ended_at > window.start))
        .offset(0)
        .subquery("raw")
    )
    micro = and_(
        raw.c.micro_stop_seconds.is_not(None), raw.c.unplanned, raw.c.ended - raw.c.started < raw.c.micro_stop_seconds
    )
    s, e = greatest(raw.c.started, 0.0), least(raw.c.ended, horizon)
    columns = [raw.c.station_id, raw.c.reason_id, case((micro, 1), else_=0).label("micro"), s.label("s"), e.label("e")]
    if station_cal is not None:
        columns += [
            case((raw.c.source == "machine", 1), else_=0).label("by_machine"),
            (raw.c.first + bucket_of(s, size)).label("at_s"),  # row of the calendar holding s
            (raw.c.first + bucket_of(e, size)).label("at_e"),
        ]
    return select(*columns).offset(0)


def _tune(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # The calendar lookups make the planner's estimates wild (124,800 groups for 1,200): its JIT
        # compilation then takes longer than the query (1.2 s for 0.3 s), and it sorts on disk where a
        # hash of a few kB would do. Both settings end with this read's transaction.
        connection.execute(text("SET LOCAL jit = off"))
        connection.execute(text("SET LOCAL work_mem = '32MB'"))


class _Layout:
    """The calendars' buckets laid end to end, so that a bucket is one row number.

    PostgreSQL reads them as array parameters by subscript (no join); SQLite joins them as a table, once
    for the row of a stop's start and once for its end.
    F(t) = before[row] + sum over the row's parts of clamp(t - base[row] - a, 0, w)  (domain.time_buckets).
    """

    def __init__(self, connection: Connection, calendars: Mapping[int, Sequence[Bucket]], size: int) -> None:
        self._postgresql = connection.dialect.name == "postgresql"
        self.width = max((len(b.parts) for rows in calendars.values() for b in rows), default=0)
        self.first: dict[int, int] = {}
        rows: list[tuple[float, ...]] = []
        for cal_id, buckets in calendars.items():
            self.first[cal_id] = len(rows)
            for b in buckets:
                flat: list[float] = []
                for a, z in b.parts:
                    flat += [a, z - a]
                flat += [0.0, 0.0] * (self.width - len(b.parts))
                rows.append((b.index * float(size), b.before, *flat))
        names = ["base", "before", *(f"{k}{i}" for i in range(self.width) for k in ("a", "w"))]
        if self._postgresql:
            self._arrays = {name: float_array([r[n] for r in rows]) for n, name in enumerate(names)}
        else:
            columns = [("row", Integer), *((n, Float) for n in names)]
            table = param_table(connection, "cal", columns, [(i, *r) for i, r in enumerate(rows)])
            self._tables = {"s": table.alias("cal_s"), "e": table.alias("cal_e")}

    def planned_before(self, t: Any, which: str, row: Any) -> Any:
        """F(t) for the bucket `row` (an expression) of the stop's start ("s") or end ("e")."""

        def value(name: str) -> Any:
            if self._postgresql:
                return item(self._arrays[name], row + 1)
            return self._tables[which].c[name]

        total = value("before")
        for i in range(self.width):
            total = total + least(greatest(t - value("base") - value(f"a{i}"), 0.0), value(f"w{i}"))
        return total

    def source(self, stops: Any) -> Any:
        if self._postgresql:
            return stops
        at_s, at_e = self._tables["s"], self._tables["e"]
        return stops.join(at_s, at_s.c.row == stops.c.at_s).join(at_e, at_e.c.row == stops.c.at_e)
