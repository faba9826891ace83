"""The audit trail as PDF: one row per event with who, when (site time and UTC), what, old -> new, why, and
the signatures with their printed name, meaning and zoned time, under a line that states the chain's state."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_STYLES = getSampleStyleSheet()
_CELL = ParagraphStyle("cell", parent=_STYLES["Normal"], fontName="Helvetica", fontSize=7, leading=8.5)
_HEAD = ParagraphStyle("head", parent=_CELL, fontName="Helvetica-Bold")
_OK = ParagraphStyle("ok", parent=_STYLES["Normal"], textColor=colors.HexColor("#1b5e20"))
_BAD = ParagraphStyle("bad", parent=_STYLES["Normal"], textColor=colors.HexColor("#b71c1c"), fontName="Helvetica-Bold")
COLUMNS = ("#", "When (site)", "UTC", "Who", "Station", "What", "Old -> new", "Why", "Signed")
_WIDTHS_MM = (12, 33, 27, 30, 15, 42, 56, 25, 33)
_GRID = TableStyle(
    [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ea")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#9aa5b1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
)


def _cell(text: str) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), _CELL)


def audit_trail_pdf(
    rows: Sequence[Mapping[str, Any]], *, title: str, period: str, chain: str, intact: bool, generated: str
) -> bytes:
    """`rows`: id, when, utc, who, station, what, changes (list), details, why, signatures (list)."""
    table_rows: list[list[Any]] = [[Paragraph(name, _HEAD) for name in COLUMNS]]
    for row in rows:
        what = row["what"] + (f"\n{row['details']}" if row["details"] else "")
        table_rows.append(
            [
                _cell(row["id"]),
                _cell(row["when"]),
                _cell(row["utc"]),
                _cell(row["who"]),
                _cell(row["station"]),
                _cell(what),
                _cell("\n".join(row["changes"])),
                _cell(row["why"]),
                _cell("\n".join(row["signatures"])),
            ]
        )
    table = Table(table_rows, colWidths=[w * mm for w in _WIDTHS_MM], repeatRows=1)
    table.setStyle(_GRID)
    story = [
        Paragraph(title, _STYLES["Title"]),
        Paragraph(escape(f"{period}. {len(rows)} events. Generated {generated}."), _STYLES["Normal"]),
        Paragraph(escape(chain), _OK if intact else _BAD),
        Spacer(1, 4 * mm),
        table,
    ]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=12 * mm,
        title=title,
    )
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return out.getvalue()


def _page_number(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7)
    canvas.drawRightString(doc.pagesize[0] - 10 * mm, 6 * mm, f"page {doc.page}")
    canvas.restoreState()
