"""What a lot label shows, independent of how it is printed (PDF or ZPL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mes_terminal.domain.errors import InvalidInput

# Printed where a value is not known (a received lot has no work order).
MISSING = "—"


class Symbology(StrEnum):
    GS1_128 = "gs1-128"  # element strings with FNC1, for materials with a GTIN
    CODE_128 = "code128"  # our own LOT:<number> format, for materials without one


@dataclass(frozen=True)
class LabelSymbol:
    """One linear barcode of a label: `data` is what the symbol carries.

    For GS1-128, `data` is an element string as the GS1 encoder makes it: AIs and values, a GS (ASCII
    29) after each variable-length value that another field follows, no leading FNC1. The renderer
    adds the FNC1 characters. `human_readable` is the line printed under the bars.
    """

    symbology: Symbology
    data: str
    human_readable: str


@dataclass(frozen=True)
class LotLabel:
    title: str  # the material's or product's name
    material: str  # its code
    lot: str
    quantity: str  # with its unit, formatted for people: "250 kg"
    produced: date | None
    expires: date | None
    work_order: str | None
    station: str | None
    # One symbol for each barcode place of the template that has data, in the template's order.
    barcodes: tuple[LabelSymbol, ...]
    # A GS1 element string of every field, printed as a GS1 DataMatrix when given (PDF labels).
    datamatrix: str | None = None
    # A GS1 Digital Link URI of every field, printed as a QR code when given (PDF labels); it takes the
    # template's square place, so a label carries a DataMatrix or a Digital Link QR, not both.
    digital_link: str | None = None

    def __post_init__(self) -> None:
        if not self.barcodes:
            raise InvalidInput(f"The label of lot {self.lot} has no barcode.")

    def fields(self) -> dict[str, str]:
        """The values a label template may name in its text lines: {title}, {lot}, ..."""
        return {
            "title": self.title,
            "material": self.material,
            "lot": self.lot,
            "quantity": self.quantity,
            "produced": self.produced.isoformat() if self.produced else MISSING,
            "expires": self.expires.isoformat() if self.expires else MISSING,
            "work_order": self.work_order or MISSING,
            "station": self.station or MISSING,
        }


LABEL_FIELDS = frozenset({"title", "material", "lot", "quantity", "produced", "expires", "work_order", "station"})
