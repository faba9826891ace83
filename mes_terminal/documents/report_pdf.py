"""A report as a PDF for people: a title block, key figures, charts, a table, notes and page numbers.

Pure: plain strings and numbers in, PDF bytes out (reportlab). The title block names the site, scope,
range, time zone and who generated it when, as the labels and travelers carry theirs. Columns are as wide
as their longest word at least, so no word is ever broken across lines; a table too wide for a portrait
page turns the page to landscape, and long tables continue with their header repeated. Charts are drawn
with reportlab's graphics: a trend (a line over days) and a Pareto (bars largest first with the running
share).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

MARGIN = 12 * mm
FONT, BOLD = "Helvetica", "Helvetica-Bold"
BODY_SIZE = 8
INK = colors.HexColor("#1f2328")
RULE = colors.HexColor("#8c959f")
SHADE = colors.HexColor("#eaeef2")
BAR = colors.HexColor("#0969da")
LINE_COLOUR = colors.HexColor("#cf222e")
PADDING = 6  # points: a cell's left and right padding together


@dataclass(frozen=True)
class Chart:
    """A chart of the report. `kind` "trend": values over the labels joined by a line; "pareto": bars
    (largest first) with `cumulative` (0..100) as a line on a second scale."""

    kind: str
    title: str
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    unit: str = ""
    cumulative: tuple[float | None, ...] = ()
    target: float | None = None  # trend: a dashed line (a goal) when given


@dataclass(frozen=True)
class ReportDocument:
    title: str
    lines: tuple[str, ...]  # what the reader should know beside the title block (notes on coverage)
    figures: tuple[tuple[str, str], ...]  # label, value
    columns: tuple[str, ...]  # the headings people read, with their units
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    heading: tuple[tuple[str, str], ...] = ()  # the title block: (label, value) - site, scope, range, zone...
    numeric: tuple[bool, ...] = ()  # per column: right-aligned figures
    charts: tuple[Chart, ...] = ()
    footer: str = ""  # beside the page number on every page


def render_report_pdf(document: ReportDocument, *, compress: bool = True) -> bytes:
    """The PDF bytes of `document`. `compress=False` leaves the text readable in the bytes (for tests)."""
    styles = report_styles()
    size = A4
    widths = _column_widths(document, A4[0] - 2 * MARGIN, styles["cell"])
    if widths is None:
        size = landscape(A4)
        widths = _column_widths(document, size[0] - 2 * MARGIN, styles["cell"])
    if widths is None:  # still too wide: a smaller type, every word still whole
        styles = report_styles(BODY_SIZE - 1.5)
        widths = _column_widths(document, size[0] - 2 * MARGIN, styles["cell"], squeeze=True)
    room = size[0] - 2 * MARGIN
    out = io.BytesIO()
    pdf = SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=document.title,
        author="MES Terminal",
        pageCompression=1 if compress else 0,
        invariant=1,  # the same report gives the same bytes
    )
    story: list = [title_block(document.title, document.heading, room, styles)]
    story += [Paragraph(_escape(line), styles["body"]) for line in document.lines]
    if document.figures:
        story += [Spacer(1, 3 * mm), _figures(document.figures, room, styles)]
    for chart in document.charts:
        story += [Spacer(1, 4 * mm), KeepTogether([_chart(chart, room)])]
    if document.columns:
        story += [Spacer(1, 4 * mm), _table(document, widths or [], styles)]
        if not document.rows:
            story.append(Paragraph("Nothing was recorded in this range.", styles["body"]))
    if document.notes:
        story.append(Spacer(1, 3 * mm))
        story += [Paragraph(_escape(note), styles["note"]) for note in document.notes]
    pdf.build(story, canvasmaker=numbered_pages(document.footer or document.title))
    return out.getvalue()


# --- the parts ---------------------------------------------------------------------------------------


def report_styles(size: float = BODY_SIZE) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()["BodyText"]

    def style(
        name: str, points: float, *, font: str = FONT, colour: Color = INK, right: bool = False
    ) -> ParagraphStyle:
        # splitLongWords=0: a line breaks between words only, never inside one.
        return ParagraphStyle(
            name,
            parent=base,
            fontName=font,
            fontSize=points,
            leading=points + 2 if points < 10 else points * 1.2,
            textColor=colour,
            alignment=TA_RIGHT if right else TA_LEFT,
            splitLongWords=0,
        )

    return {
        "body": style("body", 9),
        "note": style("note", 7.5),
        "cell": style("cell", size),
        "number": style("number", size, right=True),
        "head": style("head", size, font=BOLD),
        "head_number": style("head_number", size, font=BOLD, right=True),
        "title": style("title", 16, font=BOLD, colour=colors.white),
        "label": style("label", 7, colour=colors.HexColor("#57606a")),
        "value": style("value", 8.5, font=BOLD),
        "figure": style("figure", 12, font=BOLD),
    }


def title_block(
    title: str, heading: Sequence[tuple[str, str]], room: float, styles: dict[str, ParagraphStyle]
) -> Table:
    """A dark band with the title, then the facts in pairs of label and value, boxed like a label's.
    Every report-like document (reports, SPC charts) opens with it, so a reader finds the same facts."""
    pairs = list(heading)
    if len(pairs) % 2:
        pairs.append(("", ""))
    rows: list[list[Any]] = [[Paragraph(_escape(title), styles["title"]), "", "", ""]]
    for left, right in zip(pairs[::2], pairs[1::2], strict=True):
        rows.append(
            [
                Paragraph(_escape(left[0]), styles["label"]),
                Paragraph(_escape(left[1]), styles["value"]),
                Paragraph(_escape(right[0]), styles["label"]),
                Paragraph(_escape(right[1]), styles["value"]),
            ]
        )
    label = room * 0.13
    table = Table(rows, colWidths=[label, room / 2 - label, label, room / 2 - label])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), INK),
                ("BOX", (0, 0), (-1, -1), 1, INK),
                ("LINEBELOW", (0, 1), (-1, -2), 0.25, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 7),
            ]
        )
    )
    return table


def _figures(figures: Sequence[tuple[str, str]], room: float, styles: dict[str, ParagraphStyle]) -> Table:
    """The key figures as boxes of a label over a large value, up to five in a row."""
    across = min(len(figures), 5)
    cells = [
        [Paragraph(_escape(label), styles["label"]), Paragraph(_escape(value), styles["figure"])]
        for label, value in figures
    ]
    rows: list[list[Any]] = [cells[i : i + across] for i in range(0, len(cells), across)]
    rows = [row + [""] * (across - len(row)) for row in rows]
    table = Table(rows, colWidths=[room / across] * across)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _column_widths(
    document: ReportDocument, room: float, style: ParagraphStyle, *, squeeze: bool = False
) -> list[float] | None:
    """Widths that hold each column's longest word (so none is broken) and share what is left by need;
    None when even the longest words do not fit in `room` (unless `squeeze`: then the words' widths)."""
    if not document.columns:
        return []
    size = style.fontSize

    def words(text: str, font: str) -> float:
        return max((stringWidth(word, font, size) for word in text.split()), default=0.0)

    def whole(text: str, font: str) -> float:
        return stringWidth(text, font, size)

    least, wanted = [], []
    for index, heading in enumerate(document.columns):
        cells = [row[index] for row in document.rows if index < len(row)]
        least.append(max([words(heading, BOLD), *(words(c, FONT) for c in cells)]) + PADDING + 2)
        wanted.append(max([whole(heading, BOLD) * 0.6, *(whole(c, FONT) for c in cells)]) + PADDING + 2)
    if sum(least) > room and not squeeze:
        return None
    spare = max(room - sum(least), 0.0)
    extra = [max(w - m, 0.0) for w, m in zip(wanted, least, strict=True)]
    total = sum(extra)
    if total <= spare:  # everything fits on one line: the rest of the page shared out, the table full width
        left = spare - total
        return [m + e + left * (m + e) / (sum(least) + total) for m, e in zip(least, extra, strict=True)]
    return [m + spare * e / total for m, e in zip(least, extra, strict=True)]


def _table(document: ReportDocument, widths: Sequence[float], styles: dict[str, ParagraphStyle]) -> Table:
    numeric = document.numeric or tuple(False for _ in document.columns)
    head = [
        Paragraph(_escape(c), styles["head_number" if numeric[i] else "head"]) for i, c in enumerate(document.columns)
    ]
    body = [
        [Paragraph(_escape(cell), styles["number" if numeric[i] else "cell"]) for i, cell in enumerate(row)]
        for row in document.rows
    ]
    table = Table([head, *body], colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f8fa")]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING / 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING / 2),
            ]
        )
    )
    return table


# --- charts ------------------------------------------------------------------------------------------


def _chart(chart: Chart, room: float) -> Drawing:
    height = 62 * mm
    drawing = Drawing(room, height)
    drawing.add(String(0, height - 10, chart.title, fontName=BOLD, fontSize=10, fillColor=INK))
    left, right, bottom, top = 34.0, 34.0 if chart.kind == "pareto" else 10.0, 28.0, height - 20
    plot_w, plot_h = room - left - right, top - bottom
    values = [v for v in chart.values if v is not None]
    if not chart.labels or not values:
        drawing.add(String(left, bottom + plot_h / 2, "Nothing to chart in this range.", fontName=FONT, fontSize=9))
        return drawing
    ceiling = 100.0 if chart.unit == "%" else _nice(max(values))
    ceiling = max(ceiling, max(values))
    # axes and grid: five steps on the left scale
    for step in range(6):
        y = bottom + plot_h * step / 5
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=SHADE if step else RULE, strokeWidth=0.5))
        label = _tick(ceiling * step / 5, chart.unit)
        drawing.add(String(left - 3, y - 3, label, fontName=FONT, fontSize=7, textAnchor="end", fillColor=INK))
    count = len(chart.labels)
    slot = plot_w / count
    every = max(1, round(count / max(plot_w / 46, 1)))  # labels never overlap: one in `every`
    for index, name in enumerate(chart.labels):
        if index % every == 0:
            x = left + slot * (index + 0.5)
            for row, text in enumerate(_label_lines(name, slot * every - 4)):
                drawing.add(String(x, bottom - 10 - 8 * row, text, fontName=FONT, fontSize=7, textAnchor="middle"))
    if chart.kind == "pareto":
        _pareto(drawing, chart, left, bottom, slot, plot_h, ceiling)
        for step in range(6):  # the right scale: the running share in %
            y = bottom + plot_h * step / 5
            drawing.add(String(left + plot_w + 3, y - 3, f"{step * 20} %", fontName=FONT, fontSize=7))
    else:
        _trend(drawing, chart, left, bottom, slot, plot_h, ceiling, plot_w)
    unit = chart.unit if chart.unit != "%" else "%"
    drawing.add(String(2, bottom + plot_h + 4, unit, fontName=FONT, fontSize=7, fillColor=INK))
    return drawing


def _pareto(drawing: Drawing, chart: Chart, left: float, bottom: float, slot: float, plot_h: float, top: float):
    points: list[float] = []
    for index, value in enumerate(chart.values):
        if value is None:
            continue
        x = left + slot * index + slot * 0.15
        height = plot_h * value / top if top else 0
        drawing.add(_box(x, bottom, slot * 0.7, height, BAR))
    for index, share in enumerate(chart.cumulative):
        if share is not None:
            points += [left + slot * (index + 0.5), bottom + plot_h * min(share, 100.0) / 100]
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=LINE_COLOUR, strokeWidth=1.5))
    for x, y in zip(points[::2], points[1::2], strict=True):
        drawing.add(_box(x - 1.8, y - 1.8, 3.6, 3.6, LINE_COLOUR))


def _trend(
    drawing: Drawing, chart: Chart, left: float, bottom: float, slot: float, plot_h: float, top: float, plot_w: float
):
    segment: list[float] = []
    for index, value in enumerate(chart.values):
        if value is None:  # a day without planned time: the line breaks there
            if len(segment) >= 4:
                drawing.add(PolyLine(segment, strokeColor=BAR, strokeWidth=1.5))
            segment = []
            continue
        x, y = left + slot * (index + 0.5), bottom + plot_h * value / top
        segment += [x, y]
        drawing.add(_box(x - 2, y - 2, 4, 4, BAR))
        drawing.add(String(x, y + 4, _tick(value, chart.unit, exact=True), fontName=FONT, fontSize=6.5,
                           textAnchor="middle", fillColor=INK))  # fmt: skip
    if len(segment) >= 4:
        drawing.add(PolyLine(segment, strokeColor=BAR, strokeWidth=1.5))
    if chart.target is not None:
        y = bottom + plot_h * chart.target / top
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=LINE_COLOUR, strokeWidth=0.8, strokeDashArray=[3, 2]))


def _box(x: float, y: float, width: float, height: float, colour: Color) -> Rect:
    """A filled rectangle without an outline."""
    box = Rect(x, y, width, height)
    box.fillColor = colour
    box.strokeColor = None
    return box


def _nice(value: float) -> float:
    """A round ceiling for a scale: 1, 2 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** len(str(int(value)))
    for step in (0.1, 0.2, 0.5, 1.0):
        if value <= power * step:
            return power * step
    return float(power)


def _tick(value: float, unit: str, exact: bool = False) -> str:
    if unit == "%":
        return f"{value:.1f}" if exact else f"{value:.0f}"
    return f"{value:.1f}".rstrip("0").rstrip(".") if value < 10 else f"{value:.0f}"


def _label_lines(text: str, width: float, lines: int = 2) -> list[str]:
    """An axis label in up to `lines` lines broken between words; what does not fit ends in an ellipsis."""
    words, out = text.split(), list[str]()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and stringWidth(f"{line} {words[0]}", FONT, 7) <= width:
            line += " " + words.pop(0)
        out.append(line)
    if words or any(stringWidth(line, FONT, 7) > width for line in out):
        out[-1] = _fit(out[-1] + ("…" if words else ""), width)
    return out


def _fit(text: str, width: float) -> str:
    """`text` shortened with an ellipsis to `width` points (a chart's axis label; the table has it whole)."""
    if stringWidth(text, FONT, 7) <= width:
        return text
    while text and stringWidth(text + "…", FONT, 7) > width:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


def numbered_pages(footer: str) -> Any:
    """A canvas maker for SimpleDocTemplate.build: "Page n of m" and `footer` at the foot of every page."""
    return lambda *args, **kwargs: _NumberedCanvas(*args, footer=footer, **kwargs)


class _NumberedCanvas(Canvas):
    """Writes "Page n of m" and the footer on every page once the pages are counted."""

    def __init__(self, *args, footer: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = footer

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own recipe for "page n of m"

    def save(self) -> None:
        count = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            width = self.__dict__["_pagesize"][0]
            self.setFont(FONT, 7.5)
            self.setFillColor(RULE)
            self.drawString(MARGIN, MARGIN - 2, self._footer)
            self.drawRightString(width - MARGIN, MARGIN - 2, f"Page {self.getPageNumber()} of {count}")
            super().showPage()
        super().save()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
