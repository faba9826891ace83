"""Reports over a station, a line or the plant and a range: OEE, downtime Pareto, production, scrap.

    reports = ReportService(engine, clock)
    report = reports.oee(station="WS-01", start="2026-03-02", end="2026-03-03", by="shift", explain=True)

Each returns a `Report`: a frozen summary, rows and (for OEE, on request) the explanation of every
figure. Reports only read; an unknown station or line, or a range that ends before it starts, raises a
`MesError` with one sentence. Figures cover the range up to now: time not yet lived is not planned time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine

from mes_terminal.domain.clock import Clock
from mes_terminal.domain.downtime import LossClass
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.intervals import Span
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.reports import oee as oee_report
from mes_terminal.services.reports import queries as q
from mes_terminal.services.reports import stop_totals
from mes_terminal.services.reports.scope import Coverage, resolve

KINDS = ("oee", "downtime", "production", "scrap")
SIX_PLACES = Decimal("0.000001")
# The columns that name an OEE row, by breakdown.
BY_COLUMNS = {
    "station": ("station", "line"),
    "line": ("line",),
    "day": ("day",),
    "shift": ("shift", "day", "from", "to"),
}


@dataclass(frozen=True)
class Report:
    kind: str
    title: str
    scope: dict[str, Any]
    window: Span
    until: datetime  # the end of what was measured: the range's end, or now when the range reaches ahead
    timezone: str
    summary: dict[str, Any]
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    explain: dict[str, Any] | None = None
    notes: tuple[str, ...] = ()  # sentences for the reader: what the figures left out, and why
    excluded: dict[str, Any] | None = None  # OEE: what was not planned production time (`oee.exclusions`)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "report": self.kind,
            "scope": self.scope,
            "from": self.window.start,
            "to": self.window.end,
            "until": self.until,
            "timezone": self.timezone,
            **self.summary,
            "rows": self.rows,
        }
        if self.excluded is not None:
            out["excluded"] = self.excluded
        if self.notes:
            out["notes"] = list(self.notes)
        if self.explain is not None:
            out["explain"] = self.explain
        return out


class ReportService:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self._engine = engine
        self._clock = clock

    @property
    def clock(self) -> Clock:
        return self._clock

    def site_name(self) -> str:
        """The site as its documents name it: "Werk Nord (NORD)"; "" before a plant file is loaded."""
        with read_connection(self._engine) as connection:
            return q.site_title(connection)

    def oee(
        self,
        *,
        start: str | datetime,
        end: str | datetime,
        station: str | None = None,
        line: str | None = None,
        by: str | None = None,
        explain: bool = False,
    ) -> Report:
        if by is not None and by not in oee_report.BREAKDOWNS:
            raise InvalidInput(f"--by must be one of {', '.join(oee_report.BREAKDOWNS)}, not {by[:40]!r}.")
        with read_connection(self._engine) as connection:
            covered, window, now = self._cover(connection, station, line, start, end)
            covered = oee_report.with_released_work(connection, covered, window, now)
            per_station = oee_report.measure(connection, covered, window, now)
            summary = oee_report.summary(oee_report.combined(per_station))
            # Which of the figures a machine reported (its counters, its stops) and which a person did:
            # summed by the same statements as the figures, not read again.
            summary |= oee_report.origins(per_station)
            rows = oee_report.breakdown(connection, covered, window, now, by, per_station) if by else []
            detail = oee_report.explanation(connection, covered, window, per_station) if explain else None
        excluded = oee_report.exclusions(covered, window, per_station)
        columns = BY_COLUMNS.get(by or "", ())
        report = self._report(
            "oee", "OEE", covered, window, summary, (*columns, *oee_report.summary_columns()), rows, detail
        )
        return replace(report, excluded=excluded, notes=oee_report.notes(covered, excluded, per_station))

    def downtime(
        self, *, start: str | datetime, end: str | datetime, station: str | None = None, line: str | None = None
    ) -> Report:
        """Stops per reason, largest first, with each reason's share and the running share (Pareto)."""
        with read_connection(self._engine) as connection:
            covered, window, now = self._cover(connection, station, line, start, end)
            groups = stop_totals.reason_groups(connection, covered.station_ids(), window, now)
            reasons = q.reasons(connection)
        rows = _pareto(groups, reasons)
        summary = {
            "stops": sum(r["stops"] for r in rows),
            "seconds": sum((r["seconds"] for r in rows), Decimal(0)),
            "unclassified_stops": sum(r["stops"] for r in rows if r["reason"] is None),
        }
        columns: tuple[str, ...] = ("reason", "name", "path", "category", "loss", "stops", "micro_stops", "seconds")
        columns += ("share", "cumulative_share")
        return self._report("downtime", "Downtime Pareto", covered, window, summary, columns, rows)

    def production(
        self, *, start: str | datetime, end: str | datetime, station: str | None = None, line: str | None = None
    ) -> Report:
        with read_connection(self._engine) as connection:
            covered, window, _ = self._cover(connection, station, line, start, end)
            rows = q.production_rows(connection, covered.station_ids(), window)
            exceptions = q.without_material_counts(connection, [s.code for s in covered.stations], window)
        for row in rows:  # counts or completions let through short of lot-controlled material
            row["without_material"] = exceptions.get((row["station"], f"{row['work_order']}/{row['operation']}"), 0)
        totals: dict[str, dict[str, Decimal]] = defaultdict(lambda: {"good": Decimal(0), "scrap": Decimal(0)})
        for row in rows:
            totals[row["unit"]]["good"] += row["good"]
            totals[row["unit"]]["scrap"] += row["scrap"]
        columns: tuple[str, ...] = (
            "station",
            "work_order",
            "operation",
            "operation_name",
            "product",
            "unit",
            "good",
            "scrap",
        )
        columns += ("reports", "first_report", "last_report", "without_material", "due")
        summary = {
            "reports": sum(r["reports"] for r in rows),
            "totals_by_unit": dict(totals),
            "reported_without_material": sum(exceptions.values()),
        }
        return self._report("production", "Production", covered, window, summary, columns, rows)

    def scrap(
        self, *, start: str | datetime, end: str | datetime, station: str | None = None, line: str | None = None
    ) -> Report:
        with read_connection(self._engine) as connection:
            covered, window, _ = self._cover(connection, station, line, start, end)
            rows = q.scrap_rows(connection, covered.station_ids(), window)
        by_unit: dict[str, Decimal] = defaultdict(Decimal)
        for row in rows:
            by_unit[row["unit"]] += row["scrap"]
        running: dict[str, Decimal] = defaultdict(Decimal)
        for row in rows:
            running[row["unit"]] += row["scrap"]
            row["share"] = _share(row["scrap"], by_unit[row["unit"]])
            row["cumulative_share"] = _share(running[row["unit"]], by_unit[row["unit"]])
        columns = ("reason", "name", "unit", "scrap", "reports", "share", "cumulative_share")
        summary = {"scrap_by_unit": dict(by_unit), "reports": sum(r["reports"] for r in rows)}
        return self._report("scrap", "Scrap by reason", covered, window, summary, columns, rows)

    def _cover(
        self, connection: Connection, station: str | None, line: str | None, start: str | datetime, end: str | datetime
    ) -> tuple[Coverage, Span, datetime]:
        if station and line:
            raise InvalidInput("Give either a station or a line, not both.")
        covered = resolve(connection, station, line, start, end)
        now = self._clock.now()
        # Time not yet lived is no planned time: the figures stop at now.
        until = min(covered.window.end, max(now, covered.window.start))
        return covered, Span(covered.window.start, until), now

    def _report(
        self,
        kind: str,
        title: str,
        covered: Coverage,
        window: Span,
        summary: dict[str, Any],
        columns: tuple[str, ...],
        rows: list[dict[str, Any]],
        explain: dict[str, Any] | None = None,
    ) -> Report:
        return Report(
            kind=kind,
            title=title,
            scope=covered.to_json(),
            window=covered.window,
            until=window.end,
            timezone=covered.zone.key,
            summary=summary,
            columns=tuple(columns),
            rows=rows,
            explain=explain,
        )


def _pareto(groups: list[stop_totals.StopGroup], reasons: dict[int, q.ReasonInfo]) -> list[dict[str, Any]]:
    merged: dict[int | None, dict[str, Any]] = {}
    for group in groups:
        row = merged.setdefault(group.reason_id, _reason_row(group.reason_id, reasons))
        row["stops"] += group.stops
        row["micro_stops"] += group.stops if group.micro else 0
        row["seconds"] += oee_report.to_seconds(group.seconds)
    rows = sorted(merged.values(), key=lambda r: (-r["seconds"], r["reason"] or ""))
    whole = sum((r["seconds"] for r in rows), Decimal(0))
    running = Decimal(0)
    for row in rows:
        running += row["seconds"]
        row["share"] = _share(row["seconds"], whole)
        row["cumulative_share"] = _share(running, whole)
    return rows


def _reason_row(reason_id: int | None, reasons: dict[int, q.ReasonInfo]) -> dict[str, Any]:
    reason = reasons.get(reason_id) if reason_id is not None else None
    path = []
    node = reason
    while node is not None:
        path.append(node.name)
        node = reasons.get(node.parent_id) if node.parent_id is not None else None
    return {
        "reason": reason.code if reason else None,
        "name": reason.name if reason else "Reason needed (not classified)",
        "path": " > ".join(reversed(path)) if path else "",
        "category": reason.category if reason else "unplanned",
        "loss": reason.loss if reason else LossClass.AVAILABILITY.value,  # unclassified: availability
        "stops": 0,
        "micro_stops": 0,
        "seconds": Decimal(0),
    }


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return (part / whole).quantize(SIX_PLACES) if whole > 0 else None
