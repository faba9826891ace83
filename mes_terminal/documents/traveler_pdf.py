"""A work-order traveler as PDF: header with the order's barcode, the BOM, a block per operation.

Layout is done first (rows with heights, split into pages), drawing second, so every page knows the
page count for its footer. An operation block moves to the next page whole when it fits there; a block
longer than a page is split between its checks, and its continuation is titled again.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from mes_terminal.documents.code128 import code128
from mes_terminal.documents.datamatrix import datamatrix
from mes_terminal.documents.fitting import POINTS_PER_MM
from mes_terminal.documents.pdf_drawing import FONT, PageDrawer
from mes_terminal.documents.traveler import Traveler, TravelerCheck, TravelerMaterial, TravelerOperation
from mes_terminal.domain.errors import InvalidInput

PAGE_SIZES = {"A4": A4, "letter": LETTER}
MARGIN = 15.0
CONTENT_WIDTH = 180.0
FOOTER_Y = 12.0  # baseline, from the bottom
FIRST_PAGE_TOP = 62.0  # where the BOM starts on page 1, mm from the top
NEXT_PAGE_TOP = 28.0
BLOCK_GAP = 4.0
# A block longer than a page starts on the current page only with this much room left, mm.
MIN_START_ROOM = 60.0
PAD = 3.0
BARCODE_WIDTH = 72.0  # the operation barcode's box, quiet zones included
BARCODE_HEIGHT = 11.0
INSTRUCTIONS_SYMBOL = 12.0  # the DataMatrix that opens an operation's instructions, mm square
INSTRUCTIONS_ROW = 14.0
LINE = 4.4  # height of a 9 pt text line, mm
GREY = (0.45, 0.45, 0.45)
SIGN_OFF = ("Operator", "Date / time", "Good", "Scrap", "Signature")

Draw = Callable[[PageDrawer, float], None]


@dataclass
class Row:
    """A piece of the flow: `draw(page, top)` paints it between `top` and `top + height`."""

    height: float
    draw: Draw


@dataclass
class Block:
    """Rows that belong together: an operation (framed), or the BOM table."""

    rows: list[Row]
    framed: bool = True
    # What a block split across pages shows at the top of its continuation.
    continued: Row | None = None


@dataclass
class Placed:
    top: float
    row: Row


@dataclass
class Page:
    items: list[Placed] = field(default_factory=list)
    frames: list[tuple[float, float]] = field(default_factory=list)  # (top, bottom) of framed segments


def render_traveler_pdf(traveler: Traveler, *, page_size: str = "A4", copies: int = 1) -> bytes:
    """The traveler as PDF bytes, `copies` times in a row. Refuses a barcode that would not print readably."""
    if page_size not in PAGE_SIZES:
        raise InvalidInput(f"There is no page size {page_size!r}; use A4 or letter.")
    width_pt, height_pt = PAGE_SIZES[page_size]
    page_height = height_pt / POINTS_PER_MM
    pages = _paginate(_blocks(traveler), page_height)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width_pt, height_pt), invariant=True, pageCompression=0)
    canvas.setTitle(f"Traveler {traveler.work_order}")
    canvas.setAuthor("MES Terminal")
    for number, page in [*enumerate(pages, start=1)] * copies:
        drawer = PageDrawer(canvas, page_height)
        if number == 1:
            _first_page_header(drawer, traveler)
        else:
            _next_page_header(drawer, traveler)
        canvas.setLineWidth(0.6)
        canvas.setStrokeColorRGB(*GREY)
        for top, bottom in page.frames:
            canvas.rect(drawer.mm_x(MARGIN), drawer.y(bottom), drawer.len(CONTENT_WIDTH), drawer.len(bottom - top))
        canvas.setStrokeColorRGB(0, 0, 0)
        for placed in page.items:
            placed.row.draw(drawer, placed.top)
        _footer(drawer, traveler, number, len(pages))
        canvas.showPage()
    canvas.save()
    return out.getvalue()


# --- layout --------------------------------------------------------------------------------------


def _paginate(blocks: list[Block], page_height: float) -> list[Page]:
    bottom_limit = page_height - 20.0
    pages = [Page()]
    y = FIRST_PAGE_TOP

    def new_page() -> float:
        pages.append(Page())
        return NEXT_PAGE_TOP

    for block in blocks:
        height = sum(row.height for row in block.rows) + (2 * PAD if block.framed else 0)
        fits_a_fresh_page = height <= bottom_limit - NEXT_PAGE_TOP
        # A block that fits a page moves there whole; a longer one starts here when its head has room.
        if y + height > bottom_limit and (fits_a_fresh_page or bottom_limit - y < MIN_START_ROOM):
            y = new_page()
        segment_top = y
        y += PAD if block.framed else 0
        for index, row in enumerate(block.rows):
            # The last row (the sign-off boxes) never stands alone on a page: the row before goes with it.
            need = row.height + (block.rows[-1].height if index == len(block.rows) - 2 else 0)
            if y + need + (PAD if block.framed else 0) > bottom_limit and index > 0:
                if block.framed:
                    pages[-1].frames.append((segment_top, y + PAD))
                y = new_page()
                segment_top = y
                y += PAD if block.framed else 0
                if block.continued is not None:
                    pages[-1].items.append(Placed(y, block.continued))
                    y += block.continued.height
            pages[-1].items.append(Placed(y, row))
            y += row.height
        if block.framed:
            y += PAD
            pages[-1].frames.append((segment_top, y))
        y += BLOCK_GAP
    return pages


def _blocks(traveler: Traveler) -> list[Block]:
    blocks = [_bom_block(traveler.materials)]
    blocks += [_operation_block(traveler, operation) for operation in traveler.operations]
    return blocks


def _bom_block(materials: tuple[TravelerMaterial, ...]) -> Block:
    columns = (
        (0.0, "Component"),
        (40.0, "Description"),
        (112.0, "Per unit"),
        (138.0, "For this order"),
        (168.0, "Op."),
    )

    def heading(page: PageDrawer, top: float) -> None:
        page.text("BILL OF MATERIALS", MARGIN, top + 4.0, 9, 100, bold=True)
        for x, title in columns:
            page.canvas.setFillColorRGB(*GREY)
            page.text(title, MARGIN + x, top + 9.5, 7.5, 30)
            page.canvas.setFillColorRGB(0, 0, 0)
        page.canvas.setLineWidth(0.4)
        page.canvas.line(page.mm_x(MARGIN), page.y(top + 11.0), page.mm_x(MARGIN + CONTENT_WIDTH), page.y(top + 11.0))

    rows = [Row(12.0, heading)]
    for material in materials:
        rows.append(Row(5.2, _bom_row(material, columns)))
    if not materials:
        rows.append(Row(5.2, lambda page, top: page.text("No materials.", MARGIN, top + 4.0, 9, 60)))
    return Block(rows, framed=False, continued=Row(12.0, heading))


def _bom_row(material: TravelerMaterial, columns: tuple[tuple[float, str], ...]) -> Draw:
    values = (
        material.code,
        material.name,
        material.per_unit,
        material.total + (" (backflush)" if material.backflush else ""),
        str(material.operation),
    )
    widths = (38.0, 70.0, 24.0, 28.0, 12.0)

    def draw(page: PageDrawer, top: float) -> None:
        for (x, _), value, width in zip(columns, values, widths, strict=True):
            page.text(value, MARGIN + x, top + 4.0, 9, width)

    return draw


def _operation_block(traveler: Traveler, operation: TravelerOperation) -> Block:
    symbol = code128(operation.barcode)
    inner = CONTENT_WIDTH - 2 * PAD
    left = MARGIN + PAD
    text_width = inner - BARCODE_WIDTH - 4.0

    def head(page: PageDrawer, top: float) -> None:
        page.text(f"{operation.seq}", left, top + 6.0, 15, 14, bold=True, shorten=False, what="operation")
        page.text(operation.name, left + 15.0, top + 6.0, 14, text_width - 15.0, bold=True)
        page.text("Stations: " + (", ".join(operation.stations) or "any"), left, top + 12.0, 9, text_width)
        page.text(operation.times, left, top + 16.5, 9, text_width)
        page.code128(
            symbol,
            left + inner - BARCODE_WIDTH,
            top,
            BARCODE_WIDTH,
            BARCODE_HEIGHT,
            max_module=0.4,
            hri=operation.barcode,
            hri_size=8,
            what=f"of operation {operation.seq}",
        )

    rows = [Row(21.0, head)]
    if operation.instructions_revision is not None and operation.instructions_code:
        rows.append(Row(INSTRUCTIONS_ROW, _instructions_row(operation, left, inner)))
    if operation.instruction:
        lines = simpleSplit(operation.instruction, FONT, 9, inner * POINTS_PER_MM)
        rows += [Row(LINE, _plain_line(line, left, inner)) for line in lines]
        rows.append(Row(1.5, _nothing))
    if operation.checks:
        rows.append(Row(6.0, lambda page, top: page.text("CHECKS", left, top + 4.5, 8, 40, bold=True)))
        for check in operation.checks:
            rows += _check_rows(check, left, inner)
    rows.append(Row(16.0, _sign_off(left, inner)))
    continued = Row(7.0, _continued_title(operation, left, inner))
    return Block(rows, framed=True, continued=continued)


def _instructions_row(operation: TravelerOperation, left: float, inner: float) -> Draw:
    """The revision of the operation's work instructions, and the DataMatrix that opens them at a terminal."""
    code = operation.instructions_code
    assert code is not None
    symbol = datamatrix(code)

    def draw(page: PageDrawer, top: float) -> None:
        page.datamatrix(symbol, left, top, INSTRUCTIONS_SYMBOL)
        text_left = left + INSTRUCTIONS_SYMBOL + 3.0
        width = inner - INSTRUCTIONS_SYMBOL - 3.0
        page.text(f"Instructions rev {operation.instructions_revision}", text_left, top + 5.0, 11, width, bold=True)
        page.text("Scan at the terminal to open them: " + code, text_left, top + 10.0, 8, width)

    return draw


def _check_rows(check: TravelerCheck, left: float, inner: float) -> list[Row]:
    value_box = 28.0
    width = inner - 6.0 - value_box - 3.0
    text = f"{check.code}  {check.text} — {check.requirement}; {check.when}" + ("" if check.required else " (optional)")
    lines = simpleSplit(text, FONT, 9, width * POINTS_PER_MM) or [""]

    def first(page: PageDrawer, top: float) -> None:
        page.canvas.setLineWidth(0.6)
        page.canvas.rect(page.mm_x(left), page.y(top + 4.6), page.len(3.2), page.len(3.2))
        page.canvas.rect(page.mm_x(left + inner - value_box), page.y(top + 5.2), page.len(value_box), page.len(5.0))
        page.text(lines[0], left + 6.0, top + 4.2, 9, width)

    rows = [Row(6.2, first)]
    rows += [Row(LINE, _plain_line(line, left + 6.0, width)) for line in lines[1:]]
    return rows


def _sign_off(left: float, inner: float) -> Draw:
    widths = (0.26, 0.22, 0.14, 0.14, 0.24)

    def draw(page: PageDrawer, top: float) -> None:
        x = left
        page.canvas.setLineWidth(0.6)
        for title, share in zip(SIGN_OFF, widths, strict=True):
            width = inner * share
            page.canvas.rect(page.mm_x(x), page.y(top + 14.0), page.len(width), page.len(12.0))
            page.canvas.setFillColorRGB(*GREY)
            page.text(title, x + 1.2, top + 4.6, 6.5, width - 2.4)
            page.canvas.setFillColorRGB(0, 0, 0)
            x += width

    return draw


def _continued_title(operation: TravelerOperation, left: float, inner: float) -> Draw:
    def draw(page: PageDrawer, top: float) -> None:
        page.text(f"{operation.seq}  {operation.name} (continued)", left, top + 4.5, 10, inner, bold=True)

    return draw


def _plain_line(text: str, x: float, width: float) -> Draw:
    return lambda page, top: page.text(text, x, top + 3.3, 9, width)


def _nothing(page: PageDrawer, top: float) -> None:
    return None


# --- page furniture ------------------------------------------------------------------------------


def _first_page_header(page: PageDrawer, traveler: Traveler) -> None:
    page.canvas.setFillColorRGB(*GREY)
    page.text("WORK ORDER TRAVELER", MARGIN, 18.0, 8, 80, bold=True)
    page.canvas.setFillColorRGB(0, 0, 0)
    page.text(traveler.work_order, MARGIN, 28.0, 22, 92, bold=True, shorten=False, what="work order number")
    page.text(f"{traveler.product}  {traveler.product_name}", MARGIN, 35.0, 12, 92)
    facts = (
        ("Quantity", traveler.quantity),
        ("Due", traveler.due),
        ("Priority", str(traveler.priority)),
        ("Status", traveler.status.replace("_", " ")),
    )
    x = MARGIN
    for (title, value), width in zip(facts, (42.0, 50.0, 22.0, 40.0), strict=True):
        page.canvas.setFillColorRGB(*GREY)
        page.text(title, x, 43.0, 7.5, width - 2)
        page.canvas.setFillColorRGB(0, 0, 0)
        page.text(value, x, 48.5, 11, width - 2, bold=True)
        x += width
    page.code128(
        code128(traveler.barcode),
        MARGIN + CONTENT_WIDTH - 80.0,
        14.0,
        80.0,
        16.0,
        max_module=0.45,
        hri=traveler.barcode,
        hri_size=8,
        what="of the work order",
    )
    page.canvas.setLineWidth(0.8)
    page.canvas.line(page.mm_x(MARGIN), page.y(54.0), page.mm_x(MARGIN + CONTENT_WIDTH), page.y(54.0))


def _next_page_header(page: PageDrawer, traveler: Traveler) -> None:
    page.text(f"{traveler.work_order}   {traveler.product}  {traveler.product_name}", MARGIN, 18.0, 10, 150, bold=True)
    page.canvas.setLineWidth(0.8)
    page.canvas.line(page.mm_x(MARGIN), page.y(21.5), page.mm_x(MARGIN + CONTENT_WIDTH), page.y(21.5))


def _footer(page: PageDrawer, traveler: Traveler, number: int, total: int) -> None:
    page.canvas.setFillColorRGB(*GREY)
    text = f"{traveler.work_order} · traveler · page {number} of {total} · printed {traveler.printed}"
    page.text(text, MARGIN, page.page_height - FOOTER_Y, 8, CONTENT_WIDTH)
    page.canvas.setFillColorRGB(0, 0, 0)
