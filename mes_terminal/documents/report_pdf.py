"""A report as a PDF: a title, a few lines about scope and range, key figures, and a table.

Pure: plain strings in, PDF bytes out (reportlab). Long tables continue on further pages with their
header repeated; wide tables turn the page to landscape.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

WIDE_COLUMNS = 7


@dataclass(frozen=True)
class ReportDocument:
    title: str
    lines: tuple[str, ...]  # scope, range, time zone...
    figures: tuple[tuple[str, str], ...]  # label, value
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


def render_report_pdf(document: ReportDocument, *, compress: bool = True) -> bytes:
    """The PDF bytes of `document`. `compress=False` leaves the text readable in the bytes (for tests)."""
    size = landscape(A4) if len(document.columns) > WIDE_COLUMNS else A4
    out = io.BytesIO()
    pdf = SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=document.title,
        author="MES Terminal",
        pageCompression=1 if compress else 0,
        invariant=1,  # the same report gives the same bytes
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    story: list = [Paragraph(_escape(document.title), styles["Title"])]
    story += [Paragraph(_escape(line), styles["BodyText"]) for line in document.lines]
    if document.figures:
        story += [Spacer(1, 4 * mm), _table(("figure", "value"), document.figures, small)]
    if document.columns:
        story += [Spacer(1, 4 * mm), _table(document.columns, document.rows, small)]
    if not document.rows and document.columns:
        story.append(Paragraph("Nothing was recorded in this range.", styles["BodyText"]))
    story += [Paragraph(_escape(note), small) for note in document.notes]
    pdf.build(story)
    return out.getvalue()


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]], style) -> Table:
    data = [[Paragraph(f"<b>{_escape(c)}</b>", style) for c in columns]]
    data += [[Paragraph(_escape(cell), style) for cell in row] for row in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
