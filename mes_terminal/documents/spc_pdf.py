"""SPC charts as a PDF: a page per characteristic with its control chart drawn to scale, the limits and
how they came about, Cp/Cpk and Pp/Ppk, and the signals (rule violations apart from spec breaches).

Pure: the JSON-ready dict of services.reports.spc in (one characteristic, or a report with
`characteristics`), PDF bytes out (reportlab).
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from mes_terminal.domain.clock import site_time

CHART_WIDTH, CHART_HEIGHT = 250 * mm, 95 * mm
KINDS = {"i-mr": "I-MR", "xbar-r": "X-bar/R", "xbar-s": "X-bar/S"}
VALUE, CONTROL, SPEC, EXCLUDED = colors.HexColor("#1f6feb"), colors.red, colors.HexColor("#a40e9c"), colors.grey
BASELINE_SHADE = colors.HexColor("#eef2f6")


def render_spc_pdf(report: dict[str, Any], *, compress: bool = True) -> bytes:
    charts = report.get("characteristics", [report])
    out = io.BytesIO()
    title = (
        f"SPC {charts[0]['checklist']}/{charts[0]['item']}"
        if "characteristics" not in report
        else f"SPC report ({len(charts)} characteristics)"
    )
    pdf = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=title,
        pageCompression=1 if compress else 0,
    )
    styles = getSampleStyleSheet()
    story: list[Any] = []
    if not charts:
        story += [Paragraph("SPC report", styles["Title"]), Paragraph(_range(report), styles["Normal"])]
        story.append(Paragraph(report.get("message") or "No measurements in this range.", styles["Heading2"]))
    for number, chart in enumerate(charts):
        if number:
            story.append(PageBreak())
        story += _page(chart, report, styles)
    pdf.build(story)
    return out.getvalue()


def _page(chart: dict[str, Any], report: dict[str, Any], styles: Any) -> list[Any]:
    unit = f" [{chart['unit']}]" if chart.get("unit") else ""
    kind = KINDS.get(chart["chart"], chart["chart"])
    story: list[Any] = [
        Paragraph(f"SPC {chart['checklist']}/{chart['item']}: {chart['text']}{unit} · {kind}", styles["Title"]),
        Paragraph(_scope(chart, report), styles["Normal"]),
    ]
    if chart.get("provisional") and chart["points"]:
        story.append(
            Paragraph(
                f"<font color='#b35900'><b>Provisional limits:</b> {len(chart['points'])} of the "
                f"{chart['baseline_asked']} points of the baseline so far; they will still move.</font>",
                styles["Normal"],
            )
        )
    story += [Spacer(1, 3 * mm), chart_drawing(chart)]
    if not chart["points"]:
        return story
    story += [Spacer(1, 3 * mm), _figures(chart)]
    control = [v["text"] for v in chart.get("rule_violations", []) if v["kind"] == "control"]
    spec = [v["text"] for v in chart.get("rule_violations", []) if v["kind"] == "spec"]
    for heading, lines in (("Control violations (Nelson rules)", control), ("Spec violations", spec)):
        story += [Spacer(1, 2 * mm), Paragraph(f"{heading}: {len(lines) or 'none'}", styles["Heading4"])]
        story += [Paragraph(text, styles["Normal"]) for text in lines[:25]]
        if len(lines) > 25:
            story.append(Paragraph(f"… and {len(lines) - 25} more (in the JSON and CSV).", styles["Normal"]))
    return story


def chart_drawing(chart: dict[str, Any]) -> Drawing:
    """The individuals (or averages) chart: the baseline shaded, center line, control limits dashed, spec
    limits solid; a broken rule a red dot, a value out of spec a purple diamond, an excluded point a ring."""
    drawing = Drawing(CHART_WIDTH, CHART_HEIGHT)
    points = chart["points"]
    values = [p["value"] for p in points]
    if not values:
        drawing.add(_rect(0, 0, CHART_WIDTH, CHART_HEIGHT, stroke=colors.lightgrey, fill=None))
        text = chart.get("message") or f"No measurements of {chart['item']} in this range."
        drawing.add(String(CHART_WIDTH / 2, CHART_HEIGHT / 2, text, fontSize=14, textAnchor="middle"))
        return drawing
    limits = (chart["upper_control"], chart["lower_control"], chart["upper_spec"], chart["lower_spec"])
    levels = values + [v for v in limits if v is not None]
    low, high = min(levels), max(levels)
    margin = (high - low) * 0.1 or 1.0
    low, high = low - margin, high + margin
    left, right, bottom, top = 40.0, CHART_WIDTH - 90, 32.0, CHART_HEIGHT - 10

    def x(i: int) -> float:
        return left + (right - left) * (i / max(len(values) - 1, 1))

    def y(v: float) -> float:
        return bottom + (top - bottom) * (v - low) / (high - low)

    baseline = sum(1 for p in points if p["in_baseline"])
    if baseline:
        edge = (x(baseline - 1) + x(baseline)) / 2 if baseline < len(values) else right
        drawing.add(_rect(left, bottom, edge - left, top - bottom, stroke=None, fill=BASELINE_SHADE))
        drawing.add(String(left + 3, top - 9, f"baseline ({baseline})", fontSize=7, fillColor=colors.grey))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=colors.grey))
    drawing.add(Line(left, bottom, left, top, strokeColor=colors.grey))
    drawing.add(String(left - 4, bottom - 3, f"{low:.4g}", fontSize=7, textAnchor="end"))
    drawing.add(String(left - 4, top - 3, f"{high:.4g}", fontSize=7, textAnchor="end"))
    drawing.add(String(left, bottom - 10, "1", fontSize=7, textAnchor="middle"))
    drawing.add(String(right, bottom - 10, str(len(values)), fontSize=7, textAnchor="middle"))
    provisional = " (provisional)" if chart.get("provisional") else ""
    for name, level, colour, dash in (
        ("CL", chart["center"], colors.grey, None),
        ("UCL", chart["upper_control"], colors.orange, [4, 3]),
        ("LCL", chart["lower_control"], colors.orange, [4, 3]),
        ("USL", chart["upper_spec"], SPEC, None),
        ("LSL", chart["lower_spec"], SPEC, None),
    ):
        if level is None:
            continue
        drawing.add(Line(left, y(level), right, y(level), strokeColor=colour, strokeDashArray=dash))  # type: ignore[arg-type]  # None (solid) is reportlab's own default; the stubs omit it
        label = f"{name} {level:.4g}{provisional if name in ('UCL', 'LCL') else ''}"
        drawing.add(String(right + 3, y(level) - 3, label, fontSize=7, fillColor=colour))
    drawing.add(PolyLine([c for i, v in enumerate(values) for c in (x(i), y(v))], strokeColor=VALUE))
    for i, point in enumerate(points):
        px, py = x(i), y(point["value"])
        if point["out_of_spec"]:
            drawing.add(_diamond(px, py, 6.0))
        if point["rules"]:
            drawing.add(Circle(px, py, 3.4, fillColor=CONTROL, strokeColor=CONTROL))
        else:
            drawing.add(Circle(px, py, 1.9, fillColor=VALUE, strokeColor=VALUE))
        if point["excluded"]:
            drawing.add(Circle(px, py, 6.5, fillColor=None, strokeColor=EXCLUDED, strokeWidth=1.2))
    _legend(drawing, left, 6)
    return drawing


def _rect(x: float, y: float, width: float, height: float, *, stroke: Any, fill: Any) -> Rect:
    rect = Rect(x, y, width, height)
    rect.strokeColor, rect.fillColor = stroke, fill  # None: no line, or no fill
    return rect


def _diamond(cx: float, cy: float, r: float) -> Polygon:
    return Polygon([cx, cy + r, cx + r, cy, cx, cy - r, cx - r, cy], fillColor=None, strokeColor=SPEC, strokeWidth=1.4)


def _legend(drawing: Drawing, left: float, base: float) -> None:
    at = left
    entries: list[tuple[Any, str]] = [
        (Circle(0, 0, 1.9, fillColor=VALUE, strokeColor=VALUE), "value"),
        (Circle(0, 0, 3.4, fillColor=CONTROL, strokeColor=CONTROL), "control violation (Nelson rule)"),
        (None, "spec violation (beyond USL/LSL)"),
        (None, "excluded from the limits (Phase I)"),
    ]
    for shape, text in entries:
        cx, cy = at + 5, base + 3
        if text.startswith("spec"):
            drawing.add(_diamond(cx, cy, 5.0))
        elif text.startswith("excluded"):
            drawing.add(Circle(cx, cy, 5.0, fillColor=None, strokeColor=EXCLUDED, strokeWidth=1.2))
        elif shape is not None:
            shape.cx, shape.cy = cx, cy
            drawing.add(shape)
        drawing.add(String(at + 13, base, text, fontSize=7))
        at += 13 + len(text) * 3.6 + 14


def _range(report: dict[str, Any]) -> str:
    span = report.get("range") or {"from": None, "to": None}
    scope = report.get("scope")
    where = (
        ""
        if not scope
        else ("the whole plant · " if scope["kind"] == "plant" else f"{scope['kind']} {scope['code']} · ")
    )
    zone = report.get("timezone") or "UTC"

    def moment(bound: str | None, otherwise: str) -> str:
        # The report's range is RFC 3339 UTC; a reader of the page judges it by the site's wall clock.
        return otherwise if bound is None else site_time(datetime.fromisoformat(bound), zone, "zoned")

    return f"{where}from {moment(span['from'], 'the first value')} to {moment(span['to'], 'the last value')}"


def _scope(chart: dict[str, Any], report: dict[str, Any]) -> str:
    parts = [f"{len(chart['points'])} points", chart.get("baseline") or f"baseline: first {chart['baseline_size']}"]
    if chart["subgroup_size"] > 1:
        parts.append(f"subgroups of {chart['subgroup_size']}")
    parts.append(_range(report))
    return " · ".join(parts)


def _figures(chart: dict[str, Any]) -> Table:
    def show(value: float | None) -> str:
        return "–" if value is None else f"{value:.4g}"

    names = ("center", "lower_control", "upper_control", "lower_spec", "upper_spec", "target", "cp", "cpk", "pp", "ppk")
    rows = [
        ["Center", "LCL", "UCL", "LSL", "USL", "Target", "Cp", "Cpk", "Pp", "Ppk"],
        [show(chart.get(name)) for name in names],
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
