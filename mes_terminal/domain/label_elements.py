"""Which GS1 Application Identifiers a lot label carries, and with which values.

    (01) GTIN            when the material has one (else the label carries our own LOT:<number>)
    (11) production date for lots made here; a received lot's production date is the supplier's
    (17) expiry date     when the lot has one
    (10) lot number      our lot number
    (30) count           for quantities counted in pieces
    (310n) ... (316n)    for quantities measured in kg, m, m², l or m³, with n decimals

(37), the count of trade items in a logistic unit, goes with (02) on a pallet label; GS1 does not
allow it with (01), which a lot label carries. A quantity that no AI holds exactly (a unit GS1 has no
AI for, a count that is not whole, more than eight digits of count or six of measure, more than five
decimals) is printed as text only: rounded it would be wrong. The GS1 encoder checks every value
against GS1's dictionary; this module only chooses.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

# Units that count items: their quantity goes into AI (30), "variable count of items".
COUNT_UNITS = frozenset({"pcs", "pc", "piece", "pieces", "ea", "each", "unit", "units", "st", "stk", "pce"})
# Measured units -> (the AI family of the measure in that unit, the factor to that unit).
MEASURE_AIS: dict[str, tuple[str, Decimal]] = {
    "kg": ("310", Decimal(1)),
    "g": ("310", Decimal("0.001")),
    "t": ("310", Decimal(1000)),
    "m": ("311", Decimal(1)),
    "mm": ("311", Decimal("0.001")),
    "cm": ("311", Decimal("0.01")),
    "m2": ("314", Decimal(1)),
    "m²": ("314", Decimal(1)),
    "l": ("315", Decimal(1)),
    "ml": ("315", Decimal("0.001")),
    "m3": ("316", Decimal(1)),
    "m³": ("316", Decimal(1)),
}
# A measure AI holds six digits, n of them after the decimal point (n from 0 to 5); a count up to eight.
_MEASURE_DIGITS = 6
_MAX_DECIMALS = 5
_COUNT_DIGITS = 8


def gs1_date(day: date) -> str:
    """YYMMDD, as AIs 11 and 17 hold a date."""
    return day.strftime("%y%m%d")


def quantity_element(quantity: Decimal, unit: str) -> tuple[str, str] | None:
    """The (AI, value) for a lot's quantity, or None when no AI holds it exactly (it stays text only)."""
    if not quantity.is_finite() or quantity < 0:
        return None
    key = unit.strip().lower()
    if key in COUNT_UNITS:
        whole = quantity == quantity.to_integral_value()
        return ("30", str(int(quantity))) if whole and len(str(int(quantity))) <= _COUNT_DIGITS else None
    if key not in MEASURE_AIS:
        return None
    family, factor = MEASURE_AIS[key]
    value = quantity * factor
    # The fewest decimals that show the value exactly.
    decimals = next((n for n in range(_MAX_DECIMALS + 1) if value == value.quantize(Decimal(1).scaleb(-n))), None)
    if decimals is None:
        return None
    digits = str(int(value.scaleb(decimals)))
    if len(digits) > _MEASURE_DIGITS:
        return None
    return f"{family}{decimals}", digits.rjust(_MEASURE_DIGITS, "0")


def lot_label_elements(
    *,
    gtin: str,
    lot: str,
    produced: date | None,
    expires: date | None,
    quantity: Decimal,
    unit: str,
) -> list[tuple[str, str]]:
    """The label's (AI, value) pairs: fixed-length AIs first, which keeps separators to a minimum."""
    pairs: list[tuple[str, str]] = [("01", gtin)]
    if produced is not None:
        pairs.append(("11", gs1_date(produced)))
    if expires is not None:
        pairs.append(("17", gs1_date(expires)))
    measure = quantity_element(quantity, unit)
    if measure is not None and measure[0] != "30":
        pairs.append(measure)  # 310n etc. are of predefined length too
    pairs.append(("10", lot))
    if measure is not None and measure[0] == "30":
        pairs.append(measure)
    return pairs
