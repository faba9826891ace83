"""Drawing barcodes and fitted text on a reportlab canvas, in millimetres from the top of the page."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from mes_terminal.documents.code128 import QUIET_ZONE_MODULES, Code128Symbol, bar_runs
from mes_terminal.documents.datamatrix import DataMatrixSymbol
from mes_terminal.documents.fitting import POINTS_PER_MM, fit_text, module_mm, shrink_to_fit
from mes_terminal.documents.qr import QrSymbol

FONT, BOLD = "Helvetica", "Helvetica-Bold"
# How far below the bars the human-readable line's top sits, mm.
HRI_GAP_MM = 1.0
# Helvetica's cap height is about 0.72 of its size: a line whose top is at y has its baseline there plus this.
CAP_HEIGHT = 0.72


def mm(value: float) -> float:
    return value * POINTS_PER_MM


class PageDrawer:
    """A canvas seen with the origin at the page's top-left corner, lengths in mm."""

    def __init__(self, canvas: Canvas, page_height_mm: float) -> None:
        self.canvas = canvas
        self.page_height = page_height_mm

    def y(self, from_top_mm: float) -> float:
        """The canvas y (points, from the bottom) of a distance from the top in mm."""
        return mm(self.page_height - from_top_mm)

    def mm_x(self, from_left_mm: float) -> float:
        return mm(from_left_mm)

    def len(self, length_mm: float) -> float:
        return mm(length_mm)

    def text(
        self,
        text: str,
        x: float,
        baseline: float,
        size: float,
        width: float,
        *,
        bold: bool = False,
        shorten: bool = True,
        what: str = "text",
        align: str = "left",
    ) -> None:
        """One line of text that stays within `width` mm: shrunk, and shortened only when `shorten` is set."""
        font = BOLD if bold else FONT
        if shorten:
            text, size = fit_text(text, font, size, width)
        else:
            size = shrink_to_fit(text, font, size, width, what)
        self.canvas.setFont(font, size)
        if align == "center":
            self.canvas.drawCentredString(mm(x + width / 2), self.y(baseline), text)
        else:
            self.canvas.drawString(mm(x), self.y(baseline), text)

    def code128(
        self,
        symbol: Code128Symbol,
        x: float,
        top: float,
        width: float,
        height: float,
        *,
        max_module: float,
        hri: str | None,
        hri_size: float,
        what: str,
    ) -> float:
        """Bars centred in the box (quiet zones included) and the human-readable line under them.

        Returns the module width used, mm. Refuses a symbol that does not fit with readable bars.
        """
        module = module_mm(symbol.width_modules, width, max_module, what)
        left = x + (width - symbol.width_modules * module) / 2 + QUIET_ZONE_MODULES * module
        bottom = self.y(top + height)
        path = self.canvas.beginPath()
        for start, run in bar_runs(symbol.modules):
            path.rect(mm(left + start * module), bottom, mm(run * module), mm(height))
        self.canvas.drawPath(path, stroke=0, fill=1)
        if hri:
            size_mm = hri_size / POINTS_PER_MM
            self.text(
                hri,
                x,
                top + height + HRI_GAP_MM + size_mm * CAP_HEIGHT,
                hri_size,
                width,
                shorten=False,
                what="human-readable line",
                align="center",
            )
        return module

    def datamatrix(self, symbol: DataMatrixSymbol, x: float, top: float, size: float) -> None:
        """The symbol scaled to `size` mm square, a quiet zone of one module inside that square."""
        self.modules(symbol.rows, x, top, size, quiet=1)

    def qr_code(self, symbol: QrSymbol, x: float, top: float, size: float) -> None:
        """The symbol scaled to `size` mm square, a quiet zone of two modules inside that square (the
        label's margin around the square adds to it)."""
        self.modules(symbol.rows, x, top, size, quiet=2)

    def modules(self, rows: tuple[tuple[int, ...], ...], x: float, top: float, size: float, *, quiet: int) -> None:
        """A square grid of modules (1 dark) scaled to `size` mm, `quiet` modules of white inside it."""
        module = size / (len(rows) + 2 * quiet)
        path = self.canvas.beginPath()
        for r, row in enumerate(rows):
            c = 0
            while c < len(row):
                if row[c]:
                    run = c
                    while run < len(row) and row[run]:
                        run += 1
                    path.rect(
                        mm(x + (c + quiet) * module),
                        self.y(top + (r + quiet + 1) * module),
                        mm((run - c) * module),
                        mm(module),
                    )
                    c = run
                else:
                    c += 1
        self.canvas.drawPath(path, stroke=0, fill=1)
