"""A report as its PDF: the document of `output.to_document` with its charts and title block.

    pdf = report_pdf(ReportService(engine, clock), report, generated_by="Thomas Müller")

OEE: the trend of the range day by day and the downtime Pareto behind it; downtime: its Pareto; scrap:
its Pareto (per unit when there is one unit). The charts are read with the same `ReportService`, so they
show the same figures as the table.
"""

from __future__ import annotations

from typing import Any

from mes_terminal.documents.report_pdf import Chart, render_report_pdf
from mes_terminal.services.reports.output import to_document
from mes_terminal.services.reports.service import Report, ReportService

PARETO_BARS = 10  # the largest reasons; the rest stay in the table


def report_pdf(reports: ReportService, report: Report, *, generated_by: str = "", compress: bool = True) -> bytes:
    document = to_document(
        report,
        site=reports.site_name(),
        generated_by=generated_by,
        generated_at=reports.clock.now(),
        charts=charts(reports, report),
    )
    return render_report_pdf(document, compress=compress)


def charts(reports: ReportService, report: Report) -> tuple[Chart, ...]:
    scope = _scope(report)
    if report.kind == "oee":
        by_day = reports.oee(start=report.window.start, end=report.window.end, by="day", **scope)
        return (oee_trend(by_day), downtime_pareto(reports.downtime(**_range(report), **scope)))
    if report.kind == "downtime":
        return (downtime_pareto(report),)
    if report.kind == "scrap":
        return (scrap_pareto(report),)
    return ()


def oee_trend(by_day: Report) -> Chart:
    """OEE day by day in %; a day without planned production time breaks the line."""
    labels = tuple(_day_label(str(row["day"])) for row in by_day.rows)
    values = tuple(None if row["oee"] is None else float(row["oee"]) * 100 for row in by_day.rows)
    return Chart("trend", "OEE by day (%)", labels, values, unit="%")


def downtime_pareto(downtime: Report) -> Chart:
    rows = downtime.rows[:PARETO_BARS]
    return Chart(
        "pareto",
        "Downtime by reason: stop time (min) and cumulative share (%)",
        tuple(str(r["name"]) for r in rows),
        tuple(float(r["seconds"]) / 60 for r in rows),
        unit="min",
        cumulative=tuple(None if r["cumulative_share"] is None else float(r["cumulative_share"]) * 100 for r in rows),
    )


def scrap_pareto(scrap: Report) -> Chart:
    units = sorted({r["unit"] for r in scrap.rows})
    rows = scrap.rows[:PARETO_BARS]
    if len(units) > 1:  # shares are within each unit: chart the unit with most scrap
        unit = max(units, key=lambda u: scrap.summary["scrap_by_unit"].get(u, 0))
        rows = [r for r in scrap.rows if r["unit"] == unit][:PARETO_BARS]
    unit = units[0] if len(units) == 1 else (rows[0]["unit"] if rows else "")
    return Chart(
        "pareto",
        f"Scrap by reason ({unit}) and cumulative share (%)" if unit else "Scrap by reason",
        tuple(str(r["name"]) for r in rows),
        tuple(float(r["scrap"]) for r in rows),
        unit=unit,
        cumulative=tuple(None if r["cumulative_share"] is None else float(r["cumulative_share"]) * 100 for r in rows),
    )


def _scope(report: Report) -> dict[str, Any]:
    kind, code = report.scope["kind"], report.scope["code"]
    return {"station": code if kind == "station" else None, "line": code if kind == "line" else None}


def _range(report: Report) -> dict[str, Any]:
    return {"start": report.window.start, "end": report.window.end}


def _day_label(day: str) -> str:
    """ "2026-03-02" -> "02.03." (the year is in the title block)."""
    parts = day.split("-")
    return f"{parts[2]}.{parts[1]}." if len(parts) == 3 else day
