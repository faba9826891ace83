"""From what the database holds to what a document shows: lot labels and travelers, formatted for people.

GS1 data is made here with the GS1 encoder and GS1's dictionary, so the pure renderers receive finished
element strings and never print a value the dictionary refuses.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from mes_terminal.documents.label_templates import LabelTemplate, assign_elements
from mes_terminal.documents.lot_label import LabelSymbol, LotLabel, Symbology
from mes_terminal.documents.traveler import Traveler, TravelerCheck, TravelerMaterial, TravelerOperation
from mes_terminal.domain.clock import site_date, site_time
from mes_terminal.domain.error_codes import PRINT_LOT_GONE, PRINT_NO_GTIN
from mes_terminal.domain.errors import InvalidInput, InvalidState
from mes_terminal.domain.gs1 import (
    Gs1Dictionary,
    Gs1Error,
    encode_digital_link,
    encode_element_string,
    human_readable,
    order_for_encoding,
)
from mes_terminal.domain.instructions import scan_code
from mes_terminal.domain.label_elements import COUNT_UNITS, lot_label_elements
from mes_terminal.domain.statuses import GONE_LOT
from mes_terminal.services.queries.documents import CheckForTraveler, LotForLabel, OrderForTraveler

# Lots in these states are gone: a label for them would describe material that is not there.
_WHEN = {
    "start": "at start",
    "first_piece": "first piece",
    "completion": "at completion",
    "shift_start": "at shift start",
}


def quantity_text(quantity: Decimal, unit: str) -> str:
    """250 pcs, 12.5 kg: no trailing zeros, no exponent."""
    return f"{quantity.normalize():f} {unit}".strip()


def lot_label(
    lot: LotForLabel,
    template: LabelTemplate,
    dictionary: Gs1Dictionary,
    *,
    timezone: str,
    today: date,
    datamatrix: bool = False,
    digital_link: bool = False,
) -> LotLabel:
    """The label of a lot: GS1 barcodes when its material has a GTIN, else our own LOT:<number>.

    `datamatrix` adds a GS1 DataMatrix of every field, `digital_link` a QR code of the same fields as a
    GS1 Digital Link URI (https://id.gs1.org/01/{GTIN}/10/{lot}?...); both need a GTIN."""
    if lot.status in GONE_LOT:
        raise InvalidState(f"Lot {lot.number} is {lot.status}; there is nothing left to label.", code=PRINT_LOT_GONE)
    produced = site_date(lot.created_at, timezone) if lot.produced else None
    link = None
    if lot.gtin:
        barcodes, element_string = _gs1_barcodes(lot, produced, template, dictionary, today)
        if digital_link:
            link = encode_digital_link(_label_pairs(lot, produced), dictionary, today=today)
    else:
        if datamatrix or digital_link:
            raise InvalidInput(
                PRINT_NO_GTIN.sentence(material=lot.material_code),
                code=PRINT_NO_GTIN,
            )
        own = f"LOT:{lot.number}"
        barcodes, element_string = (LabelSymbol(Symbology.CODE_128, own, own),), None
    return LotLabel(
        title=lot.material_name,
        material=lot.material_code,
        lot=lot.number,
        quantity=quantity_text(lot.quantity, lot.unit),
        produced=produced,
        expires=lot.expires_on,
        work_order=lot.work_order,
        station=lot.station,
        barcodes=barcodes,
        datamatrix=element_string if datamatrix else None,
        digital_link=link,
    )


def _gs1_barcodes(
    lot: LotForLabel, produced: date | None, template: LabelTemplate, dictionary: Gs1Dictionary, today: date
) -> tuple[tuple[LabelSymbol, ...], str]:
    pairs = _label_pairs(lot, produced)
    try:
        # The whole label is checked as one (a lot needs its GTIN); each symbol then carries its share.
        whole = encode_element_string(order_for_encoding(pairs, dictionary), dictionary, today=today)
        groups = [group for group in assign_elements(pairs, template.barcodes) if group]
        symbols = []
        for group in groups:
            ordered = order_for_encoding(group, dictionary)
            data = encode_element_string(ordered, dictionary, today=today, requisites=False)
            symbols.append(LabelSymbol(Symbology.GS1_128, data, human_readable(ordered)))
    except Gs1Error as error:
        advice = f" Correct the GTIN of material {lot.material_code} in the plant file." if error.ai == "01" else ""
        raise Gs1Error(
            f"The label of lot {lot.number} cannot be printed: {error.message}{advice}", ai=error.ai
        ) from None
    return tuple(symbols), whole


def _label_pairs(lot: LotForLabel, produced: date | None) -> list[tuple[str, str]]:
    assert lot.gtin is not None
    return lot_label_elements(
        gtin=lot.gtin,
        lot=lot.number,
        produced=produced,
        expires=lot.expires_on,
        quantity=lot.quantity,
        unit=lot.unit,
    )


def traveler(order: OrderForTraveler, *, timezone: str, printed_at: datetime) -> Traveler:
    return Traveler(
        work_order=order.number,
        barcode=f"WO:{order.number}",
        product=order.product_code,
        product_name=order.product_name,
        quantity=quantity_text(order.quantity, order.unit),
        due=site_time(order.due_at, timezone),
        priority=order.priority,
        status=order.status,
        printed=site_time(printed_at, timezone, "zoned"),  # the footer says which zone the times are in
        materials=tuple(
            TravelerMaterial(
                code=line.code,
                name=line.name,
                per_unit=quantity_text(line.quantity_per, line.unit),
                total=quantity_text(line.quantity_per * order.quantity, line.unit),
                operation=line.operation,
                backflush=line.backflush,
            )
            for line in order.bom
        ),
        operations=tuple(
            TravelerOperation(
                seq=operation.seq,
                name=operation.name,
                barcode=f"OP:{order.number}:{operation.seq}",
                stations=operation.stations,
                times=_times(operation.setup_minutes, operation.ideal_cycle_seconds, order.quantity, order.unit),
                instruction=operation.work_instruction,
                checks=tuple(_check(check) for check in operation.checks),
                instructions_revision=operation.instructions_revision,
                instructions_code=(
                    scan_code(order.number, operation.seq) if operation.instructions_revision is not None else None
                ),
            )
            for operation in order.operations
        ),
    )


def _times(setup_minutes: Decimal | None, cycle_seconds: Decimal | None, quantity: Decimal, unit: str) -> str:
    """'setup 15 min · 12 s per unit · ideal 65 min for 250 pcs': the ideal times a planner set."""
    parts = []
    setup = setup_minutes or Decimal(0)
    if setup:
        parts.append(f"setup {_number(setup)} min")
    if cycle_seconds:
        per = "unit" if not unit or unit.lower() in COUNT_UNITS else unit
        parts.append(f"{_number(cycle_seconds)} s per {per}")
        total = setup * 60 + cycle_seconds * quantity
        parts.append(f"ideal {_duration(total)} for {quantity_text(quantity, unit)}")
    return " · ".join(parts) or "no ideal times set"


def _duration(seconds: Decimal) -> str:
    minutes = int((seconds / 60).to_integral_value(rounding="ROUND_CEILING"))
    if minutes < 120:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _check(check: CheckForTraveler) -> TravelerCheck:
    return TravelerCheck(
        code=check.code,
        text=check.text,
        requirement=_requirement(check),
        when=_when(check),
        required=check.required,
    )


def _requirement(check: CheckForTraveler) -> str:
    unit = f" {check.unit}" if check.unit else ""
    if check.kind == "pass_fail":
        return "pass / fail"
    if check.kind == "choice":
        return "one of: " + ", ".join(c.strip() for c in (check.choices or "").split("|") if c.strip())
    if check.kind == "text":
        return "write it down"
    target = f", target {_number(check.target)}{unit}" if check.target is not None else ""
    if check.lower is not None and check.upper is not None:
        return f"{_number(check.lower)} to {_number(check.upper)}{unit}{target}"
    if check.lower is not None:
        return f"at least {_number(check.lower)}{unit}{target}"
    if check.upper is not None:
        return f"at most {_number(check.upper)}{unit}{target}"
    return f"measure in{unit}{target}" if unit else f"measure{target}"


def _when(check: CheckForTraveler) -> str:
    if check.trigger == "every_n" and check.every_n:
        return f"every {check.every_n} units"
    if check.trigger == "every_minutes" and check.every_minutes:
        return f"every {check.every_minutes} min"
    return _WHEN.get(check.trigger, check.trigger.replace("_", " "))
