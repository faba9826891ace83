"""Genealogy and recall reports as PDF: the trace tree as an indented table, the recall as a list of lots."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from mes_terminal.domain.clock import site_time

_STYLES = getSampleStyleSheet()
_GRID = TableStyle(
    [
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
        ("FONT", (0, 1), (-1, -1), "Helvetica", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ea")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#9aa5b1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("REPEATROWS", (0, 0), (-1, 0)),
    ]
)
TRACE_COLUMNS = ("Lot", "Material", "Quantity", "Work order", "Operation", "Station", "Operator", "When", "Status")


def trace_pdf(trace: Mapping[str, Any], *, title: str, generated: str, timezone: str) -> bytes:
    """`trace` as returned by services.trace.trace (JSON-safe values); link times in the site's `timezone`."""
    direction = "made from it (forward)" if trace["direction"] == "forward" else "that went into it (backward)"
    rows = [
        list(TRACE_COLUMNS),
        *(row for node, level in _walk(trace["tree"], 0) for row in _trace_rows(node, level, timezone)),
    ]
    story = [
        Paragraph(title, _STYLES["Title"]),
        Paragraph(
            f"Lot {trace['tree']['lot']} and every lot {direction}. Times in {timezone}. Generated {generated}.",
            _STYLES["Normal"],
        ),
        Spacer(1, 4 * mm),
        _table(rows, (60, 40, 25, 28, 18, 20, 32, 32, 20)),
    ]
    return _build(story)


def recall_pdf(recall: Mapping[str, Any], *, generated: str) -> bytes:
    finished = recall["finished_lots"]
    rows = [["Finished lot", "Product", "On hand", "Work order", "Made at", "Status", "Contains received lot"]]
    rows += [
        [
            lot["lot"],
            f"{lot['material']} {lot['material_name']}",
            f"{lot['on_hand']} {lot['unit']}",
            lot["work_order"] or "",
            lot["station"] or "",
            lot["status"].replace("_", " "),
            ", ".join(lot["contains"]),
        ]
        for lot in finished
    ]
    story = [
        Paragraph(f"Recall: supplier lot {recall['supplier_lot']}", _STYLES["Title"]),
        Paragraph(
            f"Received as lot {', '.join(recall['received_lots'])}. {len(finished)} finished lot(s) contain it. "
            f"Generated {generated}.",
            _STYLES["Normal"],
        ),
        Spacer(1, 4 * mm),
        _table(rows, (40, 60, 28, 32, 26, 22, 60)),
    ]
    return _build(story)


def _walk(node: Mapping[str, Any], level: int) -> Iterator[tuple[Mapping[str, Any], int]]:
    yield node, level
    for child in node.get("children", ()):
        yield from _walk(child, level + 1)


def _trace_rows(node: Mapping[str, Any], level: int, timezone: str) -> list[list[str]]:
    """The node's row (the summed quantity); when several links reached it, one row per link below it."""
    marker = "\u21ba " if node.get("cycle") else ""  # a lot that is already above: the walk stops there
    links = node.get("links", ())
    where = _where(node, timezone) if len(links) <= 1 else ["", "", "", ""]
    first = [
        f"{'    ' * level}{marker}{node['lot']}",
        node["material"],
        f"{node['quantity']} {node['unit']}",
        node["work_order"] or "",
        *where,
        node["status"].replace("_", " "),
    ]
    if len(links) <= 1:
        return [first]
    indent = "    " * (level + 1)
    return [
        first,
        *(
            [f"{indent}\u00b7 link", "", f"{link['quantity']} {link['unit']}", "", *_where(link, timezone), ""]
            for link in links
        ),
    ]


def _where(link: Mapping[str, Any], timezone: str) -> list[str]:
    linked_at = link["linked_at"]
    return [
        "" if link["operation"] is None else str(link["operation"]),
        link["station"] or "",
        link["operator"] or "",
        "" if not linked_at else site_time(datetime.fromisoformat(linked_at), timezone),
    ]


def _table(rows: list[list[str]], widths_mm: tuple[int, ...]) -> Table:
    table = Table(rows, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(_GRID)
    return table


def _build(story: list[Any]) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm
    )
    doc.build(story)
    return out.getvalue()
