"""The reports the supervisor console shows: OEE by station and shift, the Paretos, SPC; and their export.

    reports = SupervisorReports(engine, clock)
    table = reports.oee_table(Scope("line", "L1"), start, end)   # a row per station, then its shifts
    why = reports.explain_oee(table.rows[1])                           # formula and inputs of every figure
    reports.export(table.report, "/tmp/oee.csv", "csv")

Everything is computed by `ReportService`, the same code as `mes-terminal report`, so a figure on the
screen and one on the command line are the same number. Only reads (exports write the file asked for).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select

from mes_terminal.db.records import ChecklistItem, ChecklistTemplate, Line, Workstation
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.report_range import parse_bound
from mes_terminal.services.queries.checklists import spc_chart
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.station_views import SpcChartView
from mes_terminal.services.reports.output import to_csv
from mes_terminal.services.reports.pdf import report_pdf
from mes_terminal.services.reports.queries import site_timezone
from mes_terminal.services.reports.scope import SCOPE_KINDS, Scope
from mes_terminal.services.reports.service import Report, ReportService

EXPORT_FORMATS = ("csv", "pdf")
OEE_FIGURES: tuple[str, ...] = (
    "planned_seconds",
    "run_seconds",
    "total_count",
    "good_count",
    "availability",
    "performance",
)
OEE_FIGURES += ("quality", "oee")
OEE_TABLE_COLUMNS = ("station", "line", "shift", "day", "from", "to", *OEE_FIGURES)


@dataclass(frozen=True)
class LineChoice:
    code: str
    name: str
    stations: tuple[str, ...]


@dataclass(frozen=True)
class OeeRow:
    """One row of the OEE table: the scope's total, a station over the range, or a station in one shift."""

    level: str  # total | station | shift
    scope: Scope  # what the row measures, for its drill-down
    start: datetime
    end: datetime
    station: str | None
    line: str | None
    shift: str | None
    day: str | None
    planned_seconds: Decimal | None
    run_seconds: Decimal | None
    total_count: Decimal
    good_count: Decimal
    availability: Decimal | None
    performance: Decimal | None
    quality: Decimal | None
    oee: Decimal | None


@dataclass(frozen=True)
class OeeTable:
    scope: Scope
    rows: tuple[OeeRow, ...]
    report: Report  # the same rows as a report, for CSV and PDF (with the total's explanation)


@dataclass(frozen=True)
class Characteristic:
    """A numeric checklist item: what SPC charts."""

    checklist: str
    item: str
    text: str
    unit: str | None


class SupervisorReports:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self._engine = engine
        self._clock = clock
        self._reports = ReportService(engine, clock)

    # --- what can be asked for -----------------------------------------------------------------

    def lines(self) -> list[LineChoice]:
        """Every line with its stations, for the scope picker."""
        with read_connection(self._engine) as connection:
            rows = connection.execute(
                select(Line.code, Line.name, Workstation.code)
                .outerjoin(Workstation, Workstation.line_id == Line.id)
                .order_by(Line.code, Workstation.code)
            ).all()
        found: dict[str, tuple[str, list[str]]] = {}
        for line, name, station in rows:
            stations = found.setdefault(line, (name, []))[1]
            if station is not None:
                stations.append(station)
        return [LineChoice(code, name, tuple(stations)) for code, (name, stations) in found.items()]

    def characteristics(self) -> list[Characteristic]:
        """The numeric items of every checklist's newest version, for the SPC picker."""
        with read_connection(self._engine) as connection:
            rows = connection.execute(
                select(
                    ChecklistTemplate.code,
                    ChecklistTemplate.version,
                    ChecklistItem.code,
                    ChecklistItem.text,
                    ChecklistItem.unit,
                )
                .join(ChecklistItem, ChecklistItem.template_id == ChecklistTemplate.id)
                .where(ChecklistItem.kind == "numeric")
                .order_by(ChecklistTemplate.code, ChecklistTemplate.version.desc(), ChecklistItem.position)
            ).all()
        newest: dict[str, int] = {}
        found = []
        for checklist, version, item, text, unit in rows:
            if newest.setdefault(checklist, version) == version:
                found.append(Characteristic(checklist, item, text, unit))
        return found

    # --- OEE -----------------------------------------------------------------------------------

    def oee_table(self, scope: Scope, start: str | datetime, end: str | datetime) -> OeeTable:
        """The scope's total, each station over the range, and each station in each shift occurrence."""
        arguments = _checked(scope)
        total = self._reports.oee(start=start, end=end, by="station", explain=True, **arguments)
        # A station's own row is its total: a second "total" row would repeat it.
        rows = (
            []
            if scope.kind == "station"
            else [_row("total", scope, total.window.start, total.window.end, total.summary)]
        )
        for station in total.rows:
            code = station["station"]
            mine = Scope("station", code)
            rows.append(_row("station", mine, total.window.start, total.window.end, station, station=code))
            shifts = self._reports.oee(start=start, end=end, station=code, by="shift")
            for shift in shifts.rows:
                rows.append(
                    _row(
                        "shift",
                        mine,
                        shift["from"],
                        shift["to"],
                        shift,
                        station=code,
                        line=station["line"],
                        shift=shift["shift"],
                        day=shift["day"],
                    )
                )
        rows = [replace(r, line=r.line or _line_of(total.rows, r.station)) for r in rows]
        report = replace(
            total,
            title="OEE by station and shift",
            columns=OEE_TABLE_COLUMNS,
            rows=[_row_json(r) for r in rows if r.level != "total"],
        )
        return OeeTable(scope, tuple(rows), report)

    def explain_oee(self, row: OeeRow) -> Report:
        """The OEE report of one row of the table with `explain`: each figure's formula and inputs."""
        return self._reports.oee(start=row.start, end=row.end, explain=True, **_checked(row.scope))

    # --- Paretos -------------------------------------------------------------------------------

    def downtime(self, scope: Scope, start: str | datetime, end: str | datetime) -> Report:
        """Stop time per reason, largest first, with each reason's share and the running share."""
        return self._reports.downtime(start=start, end=end, **_checked(scope))

    def scrap(self, scope: Scope, start: str | datetime, end: str | datetime) -> Report:
        """Scrap per reason (and unit), largest first within each unit, with shares."""
        report = self._reports.scrap(start=start, end=end, **_checked(scope))
        ordered = sorted(report.rows, key=lambda r: (r["unit"], -r["scrap"], r["reason"] or ""))
        return replace(report, rows=ordered)

    # --- SPC -----------------------------------------------------------------------------------

    def spc(
        self,
        checklist: str,
        item: str,
        *,
        station: str | None = None,
        start: str | datetime | None = None,
        end: str | datetime | None = None,
        baseline: int | None = None,
        subgroup: int = 1,
    ) -> SpcChartView:
        """One characteristic's chart, limits from its baseline, and the Nelson rules it broke.

        `start` and `end` as the reports take them (a date is local midnight at the site); None: every value."""
        if not 1 <= subgroup <= 10:
            raise InvalidInput("A subgroup holds 1 to 10 values.")
        if baseline is not None and baseline < 2:
            raise InvalidInput("The baseline needs at least 2 values.")
        with read_connection(self._engine) as connection:
            zone = ZoneInfo(site_timezone(connection) or "UTC")
            return spc_chart(
                connection,
                checklist,
                item,
                start=None if start is None else parse_bound(start, "From", zone),
                end=None if end is None else parse_bound(end, "To", zone),
                station=station,
                baseline=baseline,
                subgroup=subgroup,
            )

    # --- export --------------------------------------------------------------------------------

    def export(self, report: Report, path: str, format: str, generated_by: str = "") -> str:
        """Write `report` as CSV or PDF to `path` (the PDF with its charts, and the explanation when it has
        one; `generated_by` names the supervisor in its title block)."""
        if format not in EXPORT_FORMATS:
            raise InvalidInput(f"A report is exported as {' or '.join(EXPORT_FORMATS)}, not {format[:20]!r}.")
        if format == "csv":
            data = to_csv(report).encode("utf-8")
        else:
            data = report_pdf(self._reports, report, generated_by=generated_by)
        try:
            Path(path).write_bytes(data)
        except OSError as error:
            raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from None
        return path


def _checked(scope: Scope) -> dict[str, str | None]:
    if scope.kind not in SCOPE_KINDS or (scope.kind != "plant" and not scope.code):
        raise InvalidInput("Choose the whole plant, a line or a station.")
    return {"station": scope.station, "line": scope.line}


def _row(
    level: str,
    scope: Scope,
    start: datetime,
    end: datetime,
    figures: dict[str, Any],
    *,
    station: str | None = None,
    line: str | None = None,
    shift: str | None = None,
    day: str | None = None,
) -> OeeRow:
    return OeeRow(
        level=level,
        scope=scope,
        start=start,
        end=end,
        station=station,
        line=line,
        shift=shift,
        day=day,
        planned_seconds=figures["planned_seconds"],
        run_seconds=figures["run_seconds"],
        total_count=figures["total_count"],
        good_count=figures["good_count"],
        availability=figures["availability"],
        performance=figures["performance"],
        quality=figures["quality"],
        oee=figures["oee"],
    )


def _line_of(stations: list[dict[str, Any]], code: str | None) -> str | None:
    return next((s["line"] for s in stations if s["station"] == code), None)


def _row_json(row: OeeRow) -> dict[str, Any]:
    return {
        "station": row.station,
        "line": row.line,
        "shift": row.shift or ("all" if row.level == "station" else None),
        "day": row.day,
        "from": row.start,
        "to": row.end,
        "planned_seconds": row.planned_seconds,
        "run_seconds": row.run_seconds,
        "total_count": row.total_count,
        "good_count": row.good_count,
        "availability": row.availability,
        "performance": row.performance,
        "quality": row.quality,
        "oee": row.oee,
    }
