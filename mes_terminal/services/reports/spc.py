"""SPC reports: every measured characteristic of a scope over a range, or one characteristic, as
JSON-ready values (for `mes-terminal report spc` and `mes-terminal spc`) and CSV.

One characteristic's shape: its chart type, the limits and how they came about (baseline, provisional,
excluded points), spec limits, Cp/Cpk and Pp/Ppk, the points and every signal (`rule_violations`: a
broken Nelson rule, kind "control", or a value out of spec, kind "spec"). Point numbers are 1-based, as
on the chart; times are RFC 3339 in UTC.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine

from mes_terminal.domain import spc
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.error_codes import SPC_BAD_BASELINE, SPC_BAD_SUBGROUP, SPC_ITEM_WITHOUT_CHECKLIST
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.report_range import parse_bound
from mes_terminal.services.queries import quality as qq
from mes_terminal.services.queries.checklists import spc_chart
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.station_views import SpcChartView
from mes_terminal.services.reports import scope as report_scope
from mes_terminal.services.reports.queries import site_timezone, site_title


def spc_report(
    engine: Engine,
    clock: Clock,
    checklist: str,
    item: str,
    *,
    start: object = None,
    end: object = None,
    station: str | None = None,
    baseline: int | None = None,
    subgroup: int = 1,
) -> dict[str, Any]:
    """One characteristic's chart (`mes-terminal spc`). Times without a zone are the site's local time;
    no range means every value recorded so far."""
    check_chart_options(baseline, subgroup)
    with read_connection(engine) as connection:
        zone = ZoneInfo(site_timezone(connection) or "UTC")
        since = parse_bound(start, "--from", zone) if start is not None else None
        until = parse_bound(end, "--to", zone) if end is not None else None
        view = spc_chart(
            connection, checklist, item, start=since, end=until, station=station, baseline=baseline, subgroup=subgroup
        )
        site = site_title(connection)
    return {
        **chart_json(view),
        "site": site,
        "range": {"from": _iso(since), "to": _iso(until)},
        "timezone": zone.key,
        "created_at": _iso(clock.now()),
    }


def spc_scope_report(
    engine: Engine,
    clock: Clock,
    *,
    station: str | None,
    line: str | None,
    start: object,
    end: object,
    checklist: str | None = None,
    item: str | None = None,
    baseline: int | None = None,
    subgroup: int = 1,
) -> dict[str, Any]:
    """Every characteristic measured in the scope over [start, end) (`mes-terminal report spc`), or the
    one asked for (shown, without data, with the sentence that says so)."""
    check_options(checklist, item, baseline, subgroup)
    with read_connection(engine) as connection:
        coverage = report_scope.resolve(connection, station, line, str(start), str(end))
        window = coverage.window
        # The whole plant: every value, also from a station made inactive since.
        codes = None if coverage.scope.kind == "plant" else [s.code for s in coverage.stations]
        found = (
            [(checklist, item)]
            if checklist is not None and item is not None
            else qq.measured_characteristics(connection, window.start, window.end, codes, checklist)
        )
        charts = [_chart(connection, c, i, window.start, window.end, codes, baseline, subgroup) for c, i in found]
        site = site_title(connection)
    characteristics = [chart_json(view) for view in charts if view is not None]
    return {
        "kind": "spc",
        "site": site,
        "scope": coverage.to_json(),
        "range": {"from": _iso(window.start), "to": _iso(window.end)},
        "timezone": coverage.zone.key,
        "created_at": _iso(clock.now()),
        "characteristics": characteristics,
        "message": None if characteristics else "No measurements in this range.",
    }


def check_options(checklist: str | None, item: str | None, baseline: int | None, subgroup: int) -> None:
    """What the arguments alone can refuse, before any database is opened."""
    if item is not None and checklist is None:
        raise InvalidInput(SPC_ITEM_WITHOUT_CHECKLIST.sentence(item=item), code=SPC_ITEM_WITHOUT_CHECKLIST)
    check_chart_options(baseline, subgroup)


def check_chart_options(baseline: int | None, subgroup: int) -> None:
    if baseline is not None and baseline < 2:
        raise InvalidInput(SPC_BAD_BASELINE.sentence(minimum=spc.MIN_BASELINE, size=baseline), code=SPC_BAD_BASELINE)
    if subgroup != 1 and not 2 <= subgroup <= spc.MAX_SUBGROUP:
        raise InvalidInput(SPC_BAD_SUBGROUP.sentence(size=subgroup), code=SPC_BAD_SUBGROUP)


def _chart(
    connection: Connection,
    checklist: str,
    item: str,
    start: datetime,
    end: datetime,
    stations: list[str] | None,
    baseline: int | None,
    subgroup: int,
) -> SpcChartView | None:
    try:
        return spc_chart(
            connection, checklist, item, start=start, end=end, stations=stations, baseline=baseline, subgroup=subgroup
        )
    except InvalidInput:
        # Values of an item that the newest version of its checklist no longer has, or made non-numeric:
        # nothing to chart against (asked for by name, it is refused before this).
        return None


def chart_json(view: SpcChartView) -> dict[str, Any]:
    """One characteristic's chart as plain values (see the module's docstring)."""
    data = asdict(view)
    data["points"] = [
        {
            "point": index + 1,
            **point,
            "recorded_at": _iso(point["recorded_at"]),
            "rules": list(point["rules"]),
        }
        for index, point in enumerate(data["points"])
    ]
    data["spread"] = list(view.spread)
    data["violations"] = list(view.violations)
    data["spec_violations"] = list(view.spec_violations)
    del data["signals"], data["excluded"]
    data["excluded_points"] = [i + 1 for i in view.excluded]
    data["baseline"] = view.baseline_text
    data["rule_violations"] = [
        {
            "point": s.index + 1,
            "time": _iso(s.recorded_at),
            "kind": s.kind,
            "rule": s.rule,
            "limit": s.limit,
            "value": s.value,
            "text": s.text,
        }
        for s in view.signals
    ]
    data["message"] = view.empty_text
    return data


CSV_COLUMNS = (
    "checklist",
    "item",
    "chart",
    "point",
    "time",
    "work_order",
    "station",
    "value",
    "in_baseline",
    "excluded",
    "rules",
    "out_of_spec",
    "center",
    "lcl",
    "ucl",
    "lsl",
    "usl",
    "provisional",
    "cp",
    "cpk",
    "pp",
    "ppk",
    "message",
)


def to_csv(report: dict[str, Any]) -> str:
    """One line a point (a characteristic without points: one line with its message); rules as "1;5"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for chart in report.get("characteristics", [report]):
        fixed = {
            "checklist": chart["checklist"],
            "item": chart["item"],
            "chart": chart["chart"],
            "center": chart["center"],
            "lcl": chart["lower_control"],
            "ucl": chart["upper_control"],
            "lsl": chart["lower_spec"],
            "usl": chart["upper_spec"],
            "provisional": chart["provisional"],
            "cp": chart["cp"],
            "cpk": chart["cpk"],
            "pp": chart["pp"],
            "ppk": chart["ppk"],
            "message": chart["message"],
        }
        rows = [
            {
                **fixed,
                "point": p["point"],
                "time": p["recorded_at"],
                "work_order": p["work_order"],
                "station": p["station"],
                "value": p["value"],
                "in_baseline": p["in_baseline"],
                "excluded": p["excluded"],
                "rules": ";".join(str(r) for r in p["rules"]),
                "out_of_spec": p["out_of_spec"],
            }
            for p in chart["points"]
        ] or [fixed]
        for row in rows:
            writer.writerow(tuple(_cell(row.get(c)) for c in CSV_COLUMNS))
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")
