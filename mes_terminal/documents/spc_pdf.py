"""An SPC report as a PDF: the control chart drawn to scale, the limits, Cp/Cpk and the rule violations.

Pure: the report's JSON-ready dict in (services.spc_report), PDF bytes out (reportlab).
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

CHART_WIDTH, CHART_HEIGHT = 250 * mm, 95 * mm


def render_spc_pdf(report: dict[str, Any], *, compress: bool = True) -> bytes:
    out = io.BytesIO()
    pdf = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"SPC {report['checklist']}/{report['item']}",
        pageCompression=1 if compress else 0,
    )
    styles = getSampleStyleSheet()
    unit = f" [{report['unit']}]" if report.get("unit") else ""
    kind = "X-bar/R" if report["chart"] == "xbar-r" else "I-MR"
    story: list[Any] = [
        Paragraph(f"SPC {report['checklist']}/{report['item']}: {report['text']}{unit} · {kind}", styles["Title"]),
        Paragraph(_scope(report), styles["Normal"]),
        Spacer(1, 4 * mm),
        chart_drawing(report),
        Spacer(1, 4 * mm),
        _figures(report),
    ]
    if report["violations"]:
        story += [Spacer(1, 3 * mm), Paragraph("Rule violations", styles["Heading3"])]
        story += [Paragraph(text, styles["Normal"]) for text in report["violations"]]
    pdf.build(story)
    return out.getvalue()


def chart_drawing(report: dict[str, Any]) -> Drawing:
    """The individuals (or averages) chart: values, center line, control limits dashed, spec limits red."""
    drawing = Drawing(CHART_WIDTH, CHART_HEIGHT)
    values = [p["value"] for p in report["points"]]
    levels = values + [
        v for v in (report["upper_control"], report["lower_control"], report["upper_spec"], report["lower_spec"]) if v
    ]
    if not values:
        drawing.add(String(10, CHART_HEIGHT / 2, "No values in this range.", fontSize=12))
        return drawing
    low, high = min(levels), max(levels)
    margin = (high - low) * 0.1 or 1.0
    low, high = low - margin, high + margin
    left, right, bottom, top = 40.0, CHART_WIDTH - 50, 20.0, CHART_HEIGHT - 10

    def x(i: int) -> float:
        return left + (right - left) * (i / max(len(values) - 1, 1))

    def y(v: float) -> float:
        return bottom + (top - bottom) * (v - low) / (high - low)

    drawing.add(Line(left, bottom, right, bottom, strokeColor=colors.grey))
    drawing.add(Line(left, bottom, left, top, strokeColor=colors.grey))
    for name, level, colour, dash in (
        ("CL", report["center"], colors.grey, None),
        ("UCL", report["upper_control"], colors.orange, [4, 3]),
        ("LCL", report["lower_control"], colors.orange, [4, 3]),
        ("USL", report["upper_spec"], colors.red, None),
        ("LSL", report["lower_spec"], colors.red, None),
    ):
        if level is None:
            continue
        drawing.add(Line(left, y(level), right, y(level), strokeColor=colour, strokeDashArray=dash))  # type: ignore[arg-type]  # None (solid) is reportlab's own default; the stubs omit it
        drawing.add(String(right + 3, y(level) - 3, f"{name} {level:.4g}", fontSize=7, fillColor=colour))
    drawing.add(PolyLine([c for i, v in enumerate(values) for c in (x(i), y(v))], strokeColor=colors.blue))
    for i, point in enumerate(report["points"]):
        colour = colors.red if point["rules"] else colors.blue
        drawing.add(
            Circle(x(i), y(point["value"]), 2.2 if not point["rules"] else 3.5, fillColor=colour, strokeColor=colour)
        )
    return drawing


def _scope(report: dict[str, Any]) -> str:
    span = report["range"]
    parts = [f"{len(report['points'])} points", f"baseline: first {report['baseline_size']}"]
    if report["subgroup_size"] > 1:
        parts.append(f"subgroups of {report['subgroup_size']}")
    parts.append(f"from {span['from'] or 'the first value'} to {span['to'] or 'the last value'}")
    return " · ".join(parts)


def _figures(report: dict[str, Any]) -> Table:
    def show(value: float | None) -> str:
        return "–" if value is None else f"{value:.4g}"

    rows = [
        ["Center", "LCL", "UCL", "LSL", "USL", "Target", "Cp", "Cpk"],
        [
            show(report["center"]),
            show(report["lower_control"]),
            show(report["upper_control"]),
            show(report["lower_spec"]),
            show(report["upper_spec"]),
            show(report["target"]),
            show(report["cp"]),
            show(report["cpk"]),
        ],
    ]
    table = Table(rows)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table
