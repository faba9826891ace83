"""OEE from the stored raw records: the calendar, the stops and the counts of a scope and range.

Per station: calendar = its line's shifts less their breaks, and less the time the station had no
released work (planned production time, as the OEE standard defines it: a plant without orders is not
losing availability); planned = calendar - planned stops; run = planned - availability stops
(micro-stops and performance or quality stops stay in run time); ideal time = sum of ideal cycle time x
total count. The report says what it left out (`exclusions`), and flags a performance above 100 %.
A line or the plant adds its stations' inputs up, then computes the figures once (never an average of
percentages).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from mes_terminal.domain import oee
from mes_terminal.domain.downtime import LossClass, loss_class
from mes_terminal.domain.intervals import Span, clip, seconds, total, union
from mes_terminal.domain.shift_calendar import local_days
from mes_terminal.services.reports import queries as q
from mes_terminal.services.reports import stop_totals
from mes_terminal.services.reports.scope import Coverage, calendars

MS = Decimal("0.001")
BREAKDOWNS = ("station", "line", "day", "shift")
MAX_LISTED_SHIFTS = 200


@dataclass
class StationInputs:
    inputs: oee.OeeInputs = field(default_factory=oee.OeeInputs)
    # Stop time inside the calendar by loss class, for the explanation.
    stops: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    without_ideal: Decimal = Decimal(0)
    shift_seconds: Decimal = Decimal(0)  # the shifts' time, before the time without released work came off
    # Which of the inputs a machine reported: parts its counters counted, stops its states opened.
    machine_count: Decimal = Decimal(0)
    machine_stops: int = 0
    operator_stops: int = 0


def measure(
    connection: Connection, covered: Coverage, window: Span, now: datetime, stations=None
) -> dict[int, StationInputs]:
    """The OEE inputs of each station of the scope (or of `stations`) over `window`."""
    chosen = covered.stations if stations is None else stations
    result = {s.id: StationInputs() for s in chosen}
    if not chosen:
        return result
    cals = calendars(covered, window, chosen)
    reasons = q.reasons(connection)
    planned_stop: dict[int, Decimal] = defaultdict(Decimal)
    unplanned_stop: dict[int, Decimal] = defaultdict(Decimal)
    for group in stop_totals.stop_groups(connection, cals.of_station, cals.buckets, window, now):
        reason = reasons.get(group.reason_id) if group.reason_id is not None else None
        kind = loss_class(reason.category if reason else None, reason.loss if reason else None, group.micro)
        in_calendar = to_seconds(group.planned_seconds)
        if kind is LossClass.PLANNED:
            planned_stop[group.station_id] += in_calendar
        elif kind is LossClass.AVAILABILITY:
            unplanned_stop[group.station_id] += in_calendar
        tally = result[group.station_id].stops.setdefault(
            kind.value, {"stops": Decimal(0), "seconds": Decimal(0), "in_calendar_seconds": Decimal(0)}
        )
        tally["stops"] += group.stops
        result[group.station_id].machine_stops += group.machine_stops
        result[group.station_id].operator_stops += group.stops - group.machine_stops
        tally["seconds"] += to_seconds(group.seconds)
        tally["in_calendar_seconds"] += in_calendar
    counts = {c.station_id: c for c in q.count_groups(connection, [s.id for s in chosen], window)}
    all_seconds = seconds(window.length)
    for info in chosen:
        count = counts.get(info.id)
        station = result[info.id]
        station.inputs = oee.OeeInputs(
            all_seconds=all_seconds,
            calendar_seconds=cals.planned_seconds[cals.of_station[info.id]],
            planned_stop_seconds=planned_stop[info.id],
            unplanned_stop_seconds=unplanned_stop[info.id],
            ideal_seconds=count.ideal_seconds if count else Decimal(0),
            total_count=count.good + count.scrap if count else Decimal(0),
            good_count=count.good if count else Decimal(0),
        )
        station.without_ideal = count.without_ideal if count else Decimal(0)
        station.machine_count = count.machine if count else Decimal(0)
        station.shift_seconds = cals.shift_seconds[info.id]
    return result


def origins(per_station: dict[int, StationInputs]) -> dict[str, Any]:
    """Which figures came from a machine: parts its counters reported, stops its states opened."""
    return {
        "machine_count": sum((p.machine_count for p in per_station.values()), Decimal(0)).normalize(),
        "machine_stops": sum(p.machine_stops for p in per_station.values()),
        "operator_stops": sum(p.operator_stops for p in per_station.values()),
    }


def with_released_work(connection: Connection, covered: Coverage, window: Span, now: datetime) -> Coverage:
    """The coverage with each station's released work over `window`: what the OEE counts as planned."""
    return replace(covered, work=q.released_work(connection, covered.station_ids(), window, now))


def exclusions(covered: Coverage, window: Span, per_station: dict[int, StationInputs]) -> dict[str, Any]:
    """What the range held that is not planned production time: local days without any shift of the
    scope's lines, and shift time in which a station had no released work (summed over stations)."""
    lines = {tuple(covered.patterns.get(s.line_id, [])): s.line_id for s in covered.stations}  # once a calendar
    shifts = union(span for line_id in lines.values() for span in covered.planned(window, line_id))
    days = local_days(covered.zone, window)
    worked, i = 0, 0
    for day in days:  # both lists are sorted: one pass
        while i < len(shifts) and shifts[i].end <= day.start:
            i += 1
        worked += i < len(shifts) and shifts[i].start < day.end
    without_work = sum((p.shift_seconds - p.inputs.calendar_seconds for p in per_station.values()), Decimal(0))
    return {"days_without_shifts": len(days) - worked, "seconds_without_released_work": without_work}


def notes(covered: Coverage, excluded: dict[str, Any], per_station: dict[int, StationInputs]) -> tuple[str, ...]:
    """Sentences for the reader of the report: what was left out of planned time, and figures to doubt."""
    said = []
    parts = []
    if excluded["days_without_shifts"]:
        days = excluded["days_without_shifts"]
        parts.append(f"{days} day{'s' if days != 1 else ''} without shifts")
    if excluded["seconds_without_released_work"]:
        parts.append(f"{_hours(excluded['seconds_without_released_work'])} of shift time without released work")
    if parts:
        said.append(f"Excluded from planned production time: {', '.join(parts)}.")
    for info in covered.stations:
        speed = oee.compute(per_station[info.id].inputs).performance.value
        if speed is not None and speed > 1:
            said.append(f"Performance above 100 % at {info.code} ({speed * 100:.0f} %): check the ideal cycle time.")
    return tuple(said)


def _hours(value: Decimal) -> str:
    hours = value / 3600
    return f"{hours:.0f} h" if hours >= 10 else f"{hours:.1f} h".replace(".0 h", " h")


def summary(inputs: oee.OeeInputs) -> dict[str, Any]:
    """The figures in the shape of INTERFACES.md §3 (fractions 0..1, None where not defined)."""
    result = oee.compute(inputs)
    return {
        "planned_seconds": result.planned.rounded(),
        "run_seconds": result.run.rounded(),
        "total_count": inputs.total_count,
        "good_count": inputs.good_count,
        "availability": result.availability.rounded(),
        "performance": result.performance.rounded(),
        "quality": result.quality.rounded(),
        "oee": result.oee.rounded(),
        "teep": result.teep.rounded(),
    }


def summary_columns() -> tuple[str, ...]:
    return (
        "planned_seconds",
        "run_seconds",
        "total_count",
        "good_count",
        "availability",
        "performance",
        "quality",
        "oee",
        "teep",
    )


def combined(parts: dict[int, StationInputs]) -> oee.OeeInputs:
    return sum((p.inputs for p in parts.values()), oee.OeeInputs())


def breakdown(
    connection: Connection,
    covered: Coverage,
    window: Span,
    now: datetime,
    by: str,
    per_station: dict[int, StationInputs],
) -> list[dict]:
    """Rows of the report by station, line, local day or shift occurrence."""
    if by == "station":
        return [{"station": s.code, "line": s.line_code, **summary(per_station[s.id].inputs)} for s in covered.stations]
    if by == "line":
        lines: dict[str, oee.OeeInputs] = {}
        for s in covered.stations:
            lines[s.line_code] = lines.get(s.line_code, oee.OeeInputs()) + per_station[s.id].inputs
        return [{"line": code, **summary(inputs)} for code, inputs in sorted(lines.items())]
    if by == "day":
        rows = []
        for day in local_days(covered.zone, window):
            parts = measure(connection, covered, day, now)
            rows.append({"day": day.start.astimezone(covered.zone).date().isoformat(), **summary(combined(parts))})
        return rows
    return _by_shift(connection, covered, window, now)


def _by_shift(connection: Connection, covered: Coverage, window: Span, now: datetime) -> list[dict]:
    """One row per shift occurrence: the stations of the lines that work it, over its span."""
    found: dict[tuple, list[q.StationInfo]] = defaultdict(list)
    for info in covered.stations:
        for shift in covered.occurrences(window, info.line_id):
            found[(shift.span.start, shift.code, shift.day, shift.span.end)].append(info)
    rows = []
    for (start, code, day, end), stations in sorted(found.items()):
        part = Span(max(start, window.start), min(end, window.end))
        parts = measure(connection, covered, part, now, tuple(stations))
        rows.append(
            {"shift": code, "day": day.isoformat(), "from": part.start, "to": part.end, **summary(combined(parts))}
        )
    return rows


def explanation(connection: Connection, covered: Coverage, window: Span, per_station: dict[int, StationInputs]) -> dict:
    """Every figure with its formula and inputs, and the inputs down to shifts, stops and operations."""
    inputs = combined(per_station)
    stops: dict[str, dict[str, Decimal]] = {}
    for part in per_station.values():
        for kind, tally in part.stops.items():
            into = stops.setdefault(kind, {k: Decimal(0) for k in tally})
            for key, value in tally.items():
                into[key] += value
    shifts = []
    for line_id in sorted({s.line_id for s in covered.stations}):
        line_code = next(s.line_code for s in covered.stations if s.line_id == line_id)
        for shift in covered.occurrences(window, line_id):
            shifts.append(
                {
                    "line": line_code,
                    "shift": shift.code,
                    "day": shift.day.isoformat(),
                    "start": shift.span.start,
                    "end": shift.span.end,
                    "planned_seconds": seconds(total(clip(shift.planned, window))),
                    "break_seconds": seconds(total(shift.breaks)),
                }
            )
    return {
        "figures": oee.compute(inputs).explain(),
        "inputs": {
            "all_seconds": inputs.all_seconds,
            "calendar_seconds": inputs.calendar_seconds,
            "planned_stop_seconds": inputs.planned_stop_seconds,
            "unplanned_stop_seconds": inputs.unplanned_stop_seconds,
            "ideal_seconds": inputs.ideal_seconds,
            "total_count": inputs.total_count,
            "good_count": inputs.good_count,
            "units_without_ideal_cycle": sum((p.without_ideal for p in per_station.values()), Decimal(0)),
        },
        "stops_by_loss": stops,
        "ideal_time": q.ideal_detail(connection, covered.station_ids(), window),
        "shifts": shifts[:MAX_LISTED_SHIFTS],
        "shifts_not_listed": max(len(shifts) - MAX_LISTED_SHIFTS, 0),
        "rules": [
            "calendar_seconds: the line's shifts minus their breaks, in the site's local time, inside the range, "
            "while the station had released work (from an order's release to its operation's completion, "
            "and every job run): shift time without work is not planned production time",
            "planned stops (reason category planned) come off the calendar: planned_seconds",
            "unplanned stops with loss availability, and stops without a reason yet, come off planned time: "
            "run_seconds",
            "stops shorter than the station's micro_stop_seconds, and stops with loss performance or quality, "
            "stay in run time: they show as lower performance or quality",
            "only stop time inside the calendar counts; open stops count up to now",
            "ideal_seconds: per operation, the routing's ideal cycle time x (good + scrap) reported in the range",
        ],
    }


def to_seconds(value: float) -> Decimal:
    """A float of seconds from SQL as Decimal milliseconds (the sums carry float noise below that)."""
    return Decimal(repr(value)).quantize(MS)
