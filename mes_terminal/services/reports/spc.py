"""The SPC report of one characteristic: chart data as plain JSON-ready values (for `mes-terminal spc`)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from mes_terminal.domain.clock import Clock
from mes_terminal.domain.report_range import parse_bound
from mes_terminal.services.queries.checklists import spc_chart
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.station_views import SpcChartView
from mes_terminal.services.reports.queries import site_timezone


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
    """Points, control limits from the baseline, spec limits, Cp/Cpk and the Nelson rule violations.

    Times without a zone are the site's local time; no range means every value recorded so far.
    """
    with read_connection(engine) as connection:
        zone = ZoneInfo(site_timezone(connection) or "UTC")
        since = parse_bound(start, "--from", zone) if start is not None else None
        until = parse_bound(end, "--to", zone) if end is not None else None
        view = spc_chart(
            connection, checklist, item, start=since, end=until, station=station, baseline=baseline, subgroup=subgroup
        )
    return to_json(view, since, until, clock.now())


def to_json(view: SpcChartView, start: datetime | None, end: datetime | None, now: datetime) -> dict[str, Any]:
    data = asdict(view)
    data["points"] = [
        {**point, "recorded_at": point["recorded_at"].isoformat().replace("+00:00", "Z"), "rules": list(point["rules"])}
        for point in data["points"]
    ]
    data["spread"] = list(view.spread)
    data["violations"] = list(view.violations)
    data["range"] = {"from": _iso(start), "to": _iso(end)}
    data["created_at"] = _iso(now)
    return data


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")
