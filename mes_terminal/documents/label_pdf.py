"""A lot label as PDF: one page the size of the label for each copy."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from mes_terminal.documents.code128 import Code128Symbol, code128, gs1_128
from mes_terminal.documents.datamatrix import DataMatrixSymbol, gs1_datamatrix
from mes_terminal.documents.fitting import POINTS_PER_MM
from mes_terminal.documents.label_templates import LabelTemplate, SquareBox, TextLine
from mes_terminal.documents.lot_label import LabelSymbol, LotLabel, Symbology
from mes_terminal.documents.pdf_drawing import PageDrawer, mm
from mes_terminal.documents.qr import QrSymbol, qr_code
from mes_terminal.domain.error_codes import PRINT_BARCODE_TOO_LONG
from mes_terminal.domain.errors import InvalidInput

# Room kept free between a text line and a DataMatrix to its right, mm.
DATAMATRIX_GAP_MM = 2.0


def render_label_pdf(label: LotLabel, template: LabelTemplate, *, copies: int = 1) -> bytes:
    """The label as PDF bytes, `copies` identical pages. Refuses data that would not print readably."""
    symbols = label_symbols(label, template)
    if label.datamatrix and label.digital_link:
        raise InvalidInput("A label has one place for a 2D code: a GS1 DataMatrix or a Digital Link QR code, not both.")
    matrix: DataMatrixSymbol | QrSymbol | None = None
    if label.datamatrix:
        matrix = gs1_datamatrix(label.datamatrix)
    elif label.digital_link:
        matrix = qr_code(label.digital_link)
    if matrix is not None and template.datamatrix is None:
        kind = "DataMatrix" if isinstance(matrix, DataMatrixSymbol) else "QR code"
        raise InvalidInput(f"The {template.title} label has no place for a {kind}.")
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(mm(template.width), mm(template.height)), invariant=True, pageCompression=0)
    canvas.setTitle(f"Lot {label.lot}")
    canvas.setAuthor("MES Terminal")
    for _ in range(copies):
        _draw(PageDrawer(canvas, template.height), label, template, symbols, matrix)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def label_symbols(label: LotLabel, template: LabelTemplate) -> list[tuple[LabelSymbol, Code128Symbol]]:
    """Each barcode of the label with its symbol; refused when the template has fewer places."""
    if len(label.barcodes) > len(template.barcodes):
        raise InvalidInput(
            f"Lot {label.lot} needs {len(label.barcodes)} barcodes and the {template.title} label has room for "
            f"{len(template.barcodes)}.",
            code=PRINT_BARCODE_TOO_LONG,
        )
    return [(barcode, symbol_of(barcode)) for barcode in label.barcodes]


def symbol_of(barcode: LabelSymbol) -> Code128Symbol:
    if barcode.symbology is Symbology.GS1_128:
        return gs1_128(barcode.data)
    return code128(barcode.data)


def _draw(
    page: PageDrawer,
    label: LotLabel,
    template: LabelTemplate,
    symbols: list[tuple[LabelSymbol, Code128Symbol]],
    matrix: DataMatrixSymbol | QrSymbol | None,
) -> None:
    values = label.fields()
    box = template.datamatrix if matrix is not None else None
    for line in template.text:
        width = text_width(line, box)
        page.text(
            line.value.format_map(values),
            line.x,
            line.y,
            line.size,
            width,
            bold=line.bold,
            shorten=line.shorten,
            what="line",
        )
    for (barcode, symbol), place in zip(symbols, template.barcodes, strict=False):
        page.code128(
            symbol,
            place.x,
            place.y,
            place.width,
            place.height,
            max_module=place.max_module,
            hri=barcode.human_readable,
            hri_size=place.hri_size,
            what=f"for lot {label.lot}",
        )
    if isinstance(matrix, DataMatrixSymbol) and box is not None:
        page.datamatrix(matrix, box.x, box.y, box.size)
    elif isinstance(matrix, QrSymbol) and box is not None:
        page.qr_code(matrix, box.x, box.y, box.size)


def text_width(line: TextLine, datamatrix: SquareBox | None) -> float:
    """A line's width, cut short where a DataMatrix beside it would otherwise be overprinted."""
    if datamatrix is None or line.x >= datamatrix.x:
        return line.width
    size_mm = line.size / POINTS_PER_MM
    top, bottom = line.y - size_mm, line.y + size_mm * 0.25
    overlaps = top < datamatrix.y + datamatrix.size and bottom > datamatrix.y
    if overlaps and line.x + line.width > datamatrix.x - DATAMATRIX_GAP_MM:
        return max(datamatrix.x - DATAMATRIX_GAP_MM - line.x, 1.0)
    return line.width
