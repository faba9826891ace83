"""Which AIs a lot label carries: the quantity AI holds the quantity exactly, or is left out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.gs1 import encode_element_string
from mes_terminal.domain.label_elements import MEASURE_AIS, lot_label_elements, quantity_element
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary


@pytest.mark.parametrize(
    ("quantity", "unit", "element"),
    [
        ("250", "pcs", ("30", "250")),
        ("250.000000", "PCS", ("30", "250")),
        ("12.5", "kg", ("3101", "000125")),
        ("1250", "g", ("3102", "000125")),
        ("999999", "kg", ("3100", "999999")),
        ("2.75", "m", ("3112", "000275")),
        ("0.5", "l", ("3151", "000005")),
        ("2.5", "pcs", None),  # a count that is not whole
        ("123456789", "pcs", None),  # more than eight digits
        ("1000000", "kg", None),  # more than six digits
        ("0.000001", "kg", None),  # more than five decimals
        ("3", "box", None),  # no AI for boxes
    ],
)
def test_quantity_element(quantity: str, unit: str, element: tuple[str, str] | None) -> None:
    assert quantity_element(Decimal(quantity), unit) == element


@given(
    quantity=st.decimals(min_value=0, max_value=Decimal("999999999.999999"), places=6, allow_nan=False),
    unit=st.sampled_from(sorted(MEASURE_AIS)),
)
def test_a_measure_ai_holds_the_quantity_exactly(quantity: Decimal, unit: str) -> None:
    element = quantity_element(quantity, unit)
    if element is None:
        return
    ai, value = element
    family, factor = MEASURE_AIS[unit]
    assert ai[:3] == family and len(value) == 6 and value.isdigit()
    assert Decimal(value).scaleb(-int(ai[3])) == quantity * factor


def test_the_elements_of_a_label_encode_under_gs1s_rules() -> None:
    pairs = lot_label_elements(
        gtin="09506000134352",
        lot="L-1042",
        produced=date(2026, 3, 2),
        expires=date(2027, 3, 2),
        quantity=Decimal("12.5"),
        unit="kg",
    )
    assert pairs == [("01", "09506000134352"), ("11", "260302"), ("17", "270302"), ("3101", "000125"), ("10", "L-1042")]
    assert encode_element_string(pairs, default_gs1_dictionary(), today=date(2026, 3, 2)) == (
        "0109506000134352112603021727030231010001251" + "0L-1042"
    )
