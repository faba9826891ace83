"""A report as JSON, CSV or a PDF document model: the shapes scripts and people read.

JSON numbers are numbers (seconds, counts, fractions 0..1), times are RFC 3339 in UTC with Z, a
figure that is not defined is null. The PDF is for people: its times are the site's wall clock
(`domain.clock.site_time`), and its header names the zone. CSV has one header line and one line a row; with `explain` it
lists each figure with its formula and inputs instead.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from mes_terminal.documents.report_pdf import ReportDocument
from mes_terminal.domain.clock import site_time
from mes_terminal.services.reports.service import Report


def plain(value: Any) -> Any:
    """JSON-ready: Decimals as numbers (whole ones as integers), times as RFC 3339 UTC."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def to_json(report: Report) -> str:
    return json.dumps(plain(report.to_json()), ensure_ascii=False, separators=(",", ":"))


def to_csv(report: Report, explain: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if explain and report.explain is not None:
        writer.writerow(("figure", "value", "formula", "inputs", "note"))
        for name, figure in report.explain["figures"].items():
            inputs = "; ".join(f"{k}={_cell(v)}" for k, v in figure["inputs"].items())
            writer.writerow((name, _cell(figure["value"]), figure["formula"], inputs, figure.get("note", "")))
        return out.getvalue()
    columns = report.columns if report.rows else tuple(report.summary)
    rows = report.rows if report.rows else [report.summary]
    writer.writerow(columns)
    for row in rows:
        writer.writerow(tuple(_cell(row.get(c)) for c in columns))
    return out.getvalue()


def to_document(report: Report) -> ReportDocument:
    scope = report.scope
    where = "the whole plant" if scope["kind"] == "plant" else f"{scope['kind']} {scope['code']}"
    zone = report.timezone
    lines = [
        f"Scope: {where} ({len(scope['stations'])} stations)",
        f"Range: {site_time(report.window.start, zone)} to {site_time(report.window.end, zone)} (times in {zone})",
    ]
    if report.until < report.window.end:
        lines.append(f"Measured until {site_time(report.until, zone)} (now).")
    lines.extend(report.notes)
    figures = tuple(pair for key, value in report.summary.items() for pair in _flatten(key, value))
    rows = tuple(tuple(_shown(row.get(c), zone) for c in report.columns) for row in report.rows)
    notes: tuple[str, ...] = ()
    if report.explain is not None:
        notes = tuple(
            f"{name} = {figure['formula']} = {_cell(figure['value'])}"
            f" ({', '.join(f'{k} {_cell(v)}' for k, v in figure['inputs'].items())})"
            for name, figure in report.explain["figures"].items()
        ) + tuple(report.explain.get("rules", ()))
    columns = report.columns if report.rows else ()
    return ReportDocument(report.title, tuple(lines), figures, columns, rows, notes)


def _flatten(label: str, value: Any) -> list[tuple[str, str]]:
    """Nested summary values (totals by unit) as "label unit" pairs."""
    if isinstance(value, dict):
        return [pair for key, inner in value.items() for pair in _flatten(f"{label} {key}", inner)]
    return [(label, _cell(value))]


def _shown(value: Any, zone: str) -> str:
    """A cell of the PDF: a time as the site's wall clock, anything else as in the CSV."""
    return site_time(value, zone) if isinstance(value, datetime) else _cell(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    shown = plain(value)
    if isinstance(shown, float):
        return f"{shown:.6f}".rstrip("0").rstrip(".")
    return str(shown)
