"""A lot label as ZPL II for Zebra-compatible thermal printers, at 203 or 300 dpi.

The layout is the PDF label's template, in printer dots. Barcodes are `^BC` in no-mode (`N`) with the
code sets spelled out as ZPL invocation codes: `>;` start C, `>:` start B, `>9` start A, `>5`/`>6`/`>7`
switch to C/B/A, `>8` FNC1. The printer thus makes exactly the symbol we chose, and GS1-128 gets its
FNC1 after the start and at every separator. The printer's own interpretation line is off; the
human-readable line is ours, as on the PDF. Text goes through `^FH` hex escapes, so `^`, `~` and
characters outside ASCII (as UTF-8, `^CI28`) cannot break the format. A GS1 Digital Link, when the
label carries one, is a `^BQ` QR code in the template's square place.
"""

from __future__ import annotations

from mes_terminal.documents.code128 import (
    CODE_A,
    CODE_B,
    CODE_C,
    FNC1,
    QUIET_ZONE_MODULES,
    START_A,
    START_B,
    START_C,
    Code128Symbol,
)
from mes_terminal.documents.fitting import MM_PER_INCH, POINTS_PER_MM, fit_text, module_dots, shrink_to_fit
from mes_terminal.documents.label_formats import DPIS
from mes_terminal.documents.label_pdf import label_symbols, text_width
from mes_terminal.documents.label_templates import LabelTemplate
from mes_terminal.documents.lot_label import LotLabel
from mes_terminal.documents.pdf_drawing import BOLD, CAP_HEIGHT, FONT, HRI_GAP_MM
from mes_terminal.documents.qr import qr_code
from mes_terminal.domain.errors import InvalidInput

_START = {START_A: (">9", "A"), START_B: (">:", "B"), START_C: (">;", "C")}
# Per code set: the values that switch to another set (the same value is data or FNC4 in other sets).
_SWITCH = {
    "A": {CODE_C: (">5", "C"), CODE_B: (">6", "B")},
    "B": {CODE_C: (">5", "C"), CODE_A: (">7", "A")},
    "C": {CODE_B: (">6", "B"), CODE_A: (">7", "A")},
}
# ^FH escapes: the format's own command characters, and the escape character itself.
_ESCAPED = {"^", "~", "_"}
# Printer fonts lack some typography the PDF uses; these read the same in plain ASCII.
_PLAIN = str.maketrans({"—": "-", "…": "..."})


def render_label_zpl(label: LotLabel, template: LabelTemplate, *, dpi: int = 203, copies: int = 1) -> bytes:
    """The label as one ZPL format (`^XA` ... `^XZ`) printing `copies` labels."""
    if dpi not in DPIS:
        raise InvalidInput(f"Thermal printers here print at {' or '.join(map(str, DPIS))} dpi, not {dpi}.")
    if label.datamatrix:
        raise InvalidInput("A GS1 DataMatrix is printed on PDF labels; ZPL labels carry GS1-128 only.")
    dots = _Dots(dpi)
    lines = [
        "^XA",
        "^CI28",  # field data is UTF-8
        f"^PW{dots(template.width)}",
        f"^LL{dots(template.height)}",
        "^LH0,0",
    ]
    values = label.fields()
    for line in template.text:
        width = text_width(line, None)
        text, size = _fitted(line.value.format_map(values), line.size, width, bold=line.bold, shorten=line.shorten)
        text = text.translate(_PLAIN)
        height = dots(size / POINTS_PER_MM)
        lines.append(f"^FT{dots(line.x)},{dots(line.y)}^A0N,{height},{height}^FH_^FD{_escape(text)}^FS")
    for (barcode, symbol), place in zip(label_symbols(label, template), template.barcodes, strict=False):
        module = module_dots(symbol.width_modules, place.width, place.max_module, dpi, f"for lot {label.lot}")
        left = dots(place.x) + (dots(place.width) - symbol.width_modules * module) // 2
        lines.append(f"^BY{module}")
        lines.append(
            f"^FO{left + QUIET_ZONE_MODULES * module},{dots(place.y)}"
            f"^BCN,{dots(place.height)},N,N,N,N^FH_^FD{bc_field_data(symbol)}^FS"
        )
        size = shrink_to_fit(barcode.human_readable, FONT, place.hri_size, place.width, "human-readable line")
        size_mm = size / POINTS_PER_MM
        baseline = place.y + place.height + HRI_GAP_MM + size_mm * CAP_HEIGHT
        centre = dots(place.x + place.width / 2)
        # ^FB centres the line in a block as wide as the barcode place.
        block = dots(place.width)
        lines.append(
            f"^FO{centre - block // 2},{dots(baseline - size_mm * 0.9)}^A0N,{dots(size_mm)},{dots(size_mm)}"
            f"^FB{block},1,0,C^FH_^FD{_escape(barcode.human_readable)}^FS"
        )
    if label.digital_link:
        lines.append(_qr_code(label.digital_link, template, dots))
    lines.append(f"^PQ{copies},0,1,Y")
    lines.append("^XZ")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _qr_code(link: str, template: LabelTemplate, dots: _Dots) -> str:
    """`^BQ` of the Digital Link in the template's square place: model 2, error correction M, as large
    as whole dots per module allow with a quiet zone of two modules inside the square."""
    box = template.datamatrix
    if box is None:
        raise InvalidInput(f"The {template.title} label has no place for a QR code.")
    modules = qr_code(link).size  # the symbol the printer makes: same data, same error correction
    module = dots(box.size) // (modules + 4)
    if module < 1:
        raise InvalidInput(f"The Digital Link is too long for the QR code place of the {template.title} label.")
    module = min(module, 10)  # ^BQ magnifies 1 to 10 dots per module
    left = dots(box.x) + (dots(box.size) - modules * module) // 2
    top = dots(box.y) + (dots(box.size) - modules * module) // 2
    return f"^FO{left},{top}^BQN,2,{module}^FH_^FDMA,{_escape(link)}^FS"


def bc_field_data(symbol: Code128Symbol) -> str:
    """The `^BC` field data (no-mode) that makes the printer encode exactly `symbol.codewords`."""
    start, code_set = _START[symbol.codewords[0]]
    out = [start]
    for value in symbol.codewords[1:]:
        if value == FNC1:
            out.append(">8")
        elif value in _SWITCH[code_set]:
            invocation, code_set = _SWITCH[code_set][value]
            out.append(invocation)
        elif code_set == "C" and value < 100:
            out.append(f"{value:02d}")
        elif value < 64 or (code_set == "B" and value < 95):
            out.append(_escape_barcode_char(chr(value + 32)))
        else:
            raise InvalidInput("The barcode holds a character that ZPL cannot send.")
    return "".join(out)


def _escape_barcode_char(char: str) -> str:
    if char == ">":
        return "><"  # ZPL's own escape for ">" inside ^BC data
    return _escape(char)


def _escape(text: str) -> str:
    """Text safe inside ^FD with ^FH_: command characters and everything outside ASCII as _XX bytes."""
    out: list[str] = []
    for char in text:
        if char in _ESCAPED or not " " <= char <= "~":
            out.extend(f"_{byte:02X}" for byte in char.encode("utf-8"))
        else:
            out.append(char)
    return "".join(out)


def _fitted(text: str, size: float, width: float, *, bold: bool, shorten: bool) -> tuple[str, float]:
    font = BOLD if bold else FONT
    if shorten:
        return fit_text(text, font, size, width)
    return text, shrink_to_fit(text, font, size, width, "line")


class _Dots:
    def __init__(self, dpi: int) -> None:
        self.per_mm = dpi / MM_PER_INCH

    def __call__(self, length_mm: float) -> int:
        return round(length_mm * self.per_mm)
