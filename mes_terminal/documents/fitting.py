"""Fitting things into their space: bar widths that a scanner reads, text that stays inside its box.

A barcode is never squeezed below the narrowest bar a scanner reads reliably: when it does not fit,
the refusal says how much room it needs. Text is first shrunk a little, then shortened with an ellipsis.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from mes_terminal.domain.error_codes import PRINT_BARCODE_TOO_LONG, PRINT_TEXT_TOO_LONG
from mes_terminal.domain.errors import InvalidInput

MM_PER_INCH = 25.4
POINTS_PER_MM = 72 / MM_PER_INCH
# The narrowest bar module we print: GS1's smallest X-dimension for GS1-128 outside retail (0.25 mm),
# which 203 and 300 dpi thermal printers can make with whole dots (2 and 3 dots).
MIN_MODULE_MM = 0.25
MIN_TEXT_POINTS = 6.0
ELLIPSIS = "…"


def module_mm(width_modules: int, room_mm: float, max_module_mm: float, what: str) -> float:
    """The bar module width (mm) that fits `width_modules` into `room_mm`, at most `max_module_mm`."""
    module = min(max_module_mm, room_mm / width_modules)
    if module < MIN_MODULE_MM:
        raise _too_wide(width_modules * MIN_MODULE_MM, room_mm, what)
    return module


def module_dots(width_modules: int, room_mm: float, max_module_mm: float, dpi: int, what: str) -> int:
    """The bar module width in whole printer dots, as wide as fits but no narrower than the minimum."""
    dots_per_mm = dpi / MM_PER_INCH
    dots = int(min(max_module_mm, room_mm / width_modules) * dots_per_mm)
    smallest = -(-MIN_MODULE_MM * dots_per_mm // 1)  # whole dots at or above the minimum
    if dots < smallest:
        raise _too_wide(width_modules * smallest / dots_per_mm, room_mm, what)
    return dots


def _too_wide(needed_mm: float, room_mm: float, what: str) -> InvalidInput:
    return InvalidInput(
        f"The barcode {what} needs {needed_mm:.0f} mm with readable bars and there are {room_mm:.0f} mm for it; "
        "shorten the data or use a wider label.",
        code=PRINT_BARCODE_TOO_LONG,
    )


def fit_text(text: str, font: str, size: float, width_mm: float) -> tuple[str, float]:
    """`text` and a font size at which it fits `width_mm`: shrunk to 80 % at most, then shortened."""
    room = width_mm * POINTS_PER_MM
    natural = stringWidth(text, font, size)
    if natural <= room:
        return text, size
    smaller = max(size * 0.8, min(size, MIN_TEXT_POINTS), size * room / natural)
    if stringWidth(text, font, smaller) <= room:
        return text, smaller
    cut = text
    while cut and stringWidth(cut + ELLIPSIS, font, smaller) > room:
        cut = cut[:-1]
    return (cut.rstrip() + ELLIPSIS if cut else ""), smaller


def shrink_to_fit(text: str, font: str, size: float, width_mm: float, what: str) -> float:
    """A font size at which `text` fits whole; refused when even the smallest readable size is too wide.

    For text that may not be shortened: the human-readable line of a barcode, a lot number.
    """
    room = width_mm * POINTS_PER_MM
    natural = stringWidth(text, font, size)
    if natural <= room:
        return size
    fitted = size * room / natural
    if fitted < MIN_TEXT_POINTS:
        raise InvalidInput(
            PRINT_TEXT_TOO_LONG.sentence(what=what, text=repr(text)),
            code=PRINT_TEXT_TOO_LONG,
        )
    return fitted
