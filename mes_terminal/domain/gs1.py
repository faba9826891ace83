"""GS1 barcodes: check digits, reading the element strings scanners send, writing the ones labels carry.

An element string is a run of (AI, value) pairs: "01" + GTIN, "10" + lot, "17" + expiry date, ... An AI
of predefined length (01, 11, 17, 310n, ...) is followed directly by the next AI; any other AI's value
ends at a FNC1 separator, which scanners transmit as ASCII GS (\\x1d). What each AI may hold comes from
GS1's own dictionary (`Gs1Dictionary`, see gs1_dictionary.py); the checks are in gs1_rules.py.

- `parse_element_string` reads what a scanner sends and refuses malformed data with a `Gs1Error` whose
  message an operator can read ("The GTIN check digit in AI (01) is wrong: expected 2, found 3.").
- `encode_element_string` writes the data for a symbol and refuses exactly what the parser would, so
  nothing is printed that cannot be read back. `human_readable` writes the "(01)...(10)..." line.
- Two-digit years follow GS1's rule: a YY is placed within 49 years before and 50 years after `today`
  (the local date unless given; pass the plant clock's date where it matters).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mes_terminal.domain.gs1_dictionary import Gs1Dictionary
from mes_terminal.domain.gs1_digital_link import (
    encode_digital_link,
    is_web_address,
    parse_digital_link,
    without_symbology,
)
from mes_terminal.domain.gs1_reading import read_bracketed, read_scanned, shown
from mes_terminal.domain.gs1_rules import (
    GS,
    Gs1Error,
    check_digit,
    check_together,
    check_value,
    definition_of,
    gs1_date,
)

__all__ = [
    "GS",
    "GTIN_LENGTH",
    "SYMBOLOGY_IDENTIFIERS",
    "ElementString",
    "Gs1Dictionary",
    "Gs1Error",
    "check_digit",
    "encode_digital_link",
    "encode_element_string",
    "format_gs1_date",
    "human_readable",
    "is_valid_gtin",
    "order_for_encoding",
    "parse_element_string",
    "parse_gs1_scan",
]

GTIN_LENGTH = 14

# AIM symbology identifiers a scanner may put in front of GS1 data, when configured to.
SYMBOLOGY_IDENTIFIERS = {
    "]C1": "GS1-128",
    "]e0": "GS1 DataBar",
    "]d2": "GS1 DataMatrix",
    "]Q3": "GS1 QR Code",
    "]J1": "GS1 DotCode",
}

# Only layout whitespace is trimmed: a GS at either end is part of the data.
_TRIM = " \t\r\n\v\f"


def is_valid_gtin(text: str) -> bool:
    """True for a GTIN-14: fourteen ASCII digits whose last one is the right check digit."""
    if len(text) != GTIN_LENGTH or not text.isascii() or not text.isdigit():
        return False
    return check_digit(text[:-1]) == int(text[-1])


@dataclass(frozen=True)
class ElementString:
    """The (AI, value) pairs of one GS1 barcode, in the order they were read, all valid.

    `read_on` is the date two-digit years were placed from; `symbology` the scanner's identifier
    ("]d2"), if it sent one; `digital_link` True when the pairs came from a GS1 Digital Link URI.
    """

    pairs: tuple[tuple[str, str], ...]
    read_on: date
    symbology: str | None = None
    digital_link: bool = False

    def get(self, ai: str) -> str | None:
        """The value of `ai`, or None when the barcode does not hold it."""
        return next((value for key, value in self.pairs if key == ai), None)

    @property
    def gtin(self) -> str | None:
        return self.get("01")

    @property
    def lot(self) -> str | None:
        return self.get("10")

    @property
    def serial(self) -> str | None:
        return self.get("21")

    @property
    def production_date(self) -> date | None:
        """AI (11). Day 00 (month only) gives the first day of the month: shelf life is never overstated."""
        value = self.get("11")
        return None if value is None else gs1_date(value, self.read_on, day_zero_is_month_end=False)

    @property
    def expiry_date(self) -> date | None:
        """AI (17). Day 00 (month only) means the end of that month."""
        value = self.get("17")
        return None if value is None else gs1_date(value, self.read_on, day_zero_is_month_end=True)

    @property
    def count(self) -> int | None:
        """The number of items: AI (30) variable count, or else AI (37) count of trade items."""
        value = self.get("30") or self.get("37")
        return None if value is None else int(value)

    @property
    def net_weight_kg(self) -> Decimal | None:
        """AI (310n): six digits with n decimals, so (3102)001250 is 12.50 kg."""
        for ai, value in self.pairs:
            if ai.startswith("310") and len(ai) == 4:
                return Decimal(value).scaleb(-int(ai[3]))
        return None


def parse_element_string(
    raw: str | bytes, dictionary: Gs1Dictionary, *, today: date | None = None, requisites: bool = True
) -> ElementString:
    """Read one GS1 barcode's data as a scanner sends it, or refuse it with a `Gs1Error`.

    Accepted: an optional symbology identifier (]C1, ]d2, ]Q3, ]e0, ]J1), FNC1 separators as GS (also a
    leading one, and a superfluous one after a predefined-length AI or at the end), or the bracketed
    human-readable form "(01)09506000134352(10)ABC" (a "(" inside a value written "\\(" there). Bytes are
    read as Latin-1, so anything outside ASCII is refused by the character-set checks.

    `requisites=False` skips the dictionary's `req=` rules, for one barcode of a label that carries its
    AIs in several; `ex=` rules and repeated AIs are always checked, as GS1's own engine does.
    """
    text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
    text = text.strip(_TRIM)
    today = today or date.today()
    symbology = None
    if text.startswith("]"):
        symbology, text = text[:3], text[3:]
        if symbology not in SYMBOLOGY_IDENTIFIERS:
            raise Gs1Error(f"The scan comes from a {shown(symbology)} symbol, which does not carry GS1 data.")
    if not text.strip(GS):
        raise Gs1Error("The barcode holds no GS1 data.")
    if text.startswith("("):
        pairs = read_bracketed(text, dictionary, today)
    else:
        pairs = read_scanned(text, dictionary, today, explain=True)
    check_together(pairs, dictionary, requisites=requisites)
    return ElementString(tuple(pairs), today, symbology)


def parse_gs1_scan(raw: str, dictionary: Gs1Dictionary, *, today: date | None = None) -> ElementString:
    """Read any scan that carries GS1 data: an element string (`parse_element_string`) or a GS1 Digital
    Link URI (`gs1_digital_link.parse_digital_link`). Both give the same pairs for the same data and
    refuse the same values with the same message."""
    text = without_symbology(raw.strip(_TRIM))
    today = today or date.today()
    if is_web_address(text):
        return ElementString(tuple(parse_digital_link(text, dictionary, today)), today, digital_link=True)
    return parse_element_string(text, dictionary, today=today)


def encode_element_string(
    pairs: Iterable[tuple[str, str]],
    dictionary: Gs1Dictionary,
    *,
    today: date | None = None,
    requisites: bool = True,
) -> str:
    """The data for a GS1 symbol: AIs in the given order, a GS after each one that needs a separator
    when another AI follows. No leading FNC1: the symbol writer adds FNC1 in first position itself.

    Everything `parse_element_string` would refuse is refused here, with the same message.
    """
    items = [(ai, value) for ai, value in pairs]
    if not all(isinstance(ai, str) and isinstance(value, str) for ai, value in items):
        raise TypeError("encode_element_string needs (AI, value) pairs of strings")
    if not items:
        raise Gs1Error("There is nothing to put in the barcode: no AI was given.")
    today = today or date.today()
    parts: list[str] = []
    for index, (ai, value) in enumerate(items):
        definition = definition_of(ai, dictionary)
        check_value(definition, value, today)
        parts.append(ai + value)
        if definition.needs_separator and index < len(items) - 1:
            parts.append(GS)
    check_together(items, dictionary, requisites=requisites)
    return "".join(parts)


def order_for_encoding(pairs: Iterable[tuple[str, str]], dictionary: Gs1Dictionary) -> list[tuple[str, str]]:
    """The pairs with predefined-length AIs (01, 11, 17, 310n, ...) first, others after, each group in
    its given order. Those need no separator, and the last AI needs none either, so this order uses the
    fewest FNC1s (one fewer than the AIs that need them) and makes the shortest symbol.
    """
    items = list(pairs)
    return sorted(items, key=lambda pair: definition_of(pair[0], dictionary).needs_separator)


def human_readable(pairs: Iterable[tuple[str, str]]) -> str:
    """The human-readable line under a GS1 symbol: "(01)09506000134352(10)ABC123"."""
    return "".join(f"({ai}){value}" for ai, value in pairs)


def format_gs1_date(day: date) -> str:
    """A date as GS1 writes it in AIs 11, 13, 15, 16 and 17: YYMMDD."""
    return day.strftime("%y%m%d")
