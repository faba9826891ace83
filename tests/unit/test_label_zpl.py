"""Lot labels as ZPL II: interpreted as a printer would (tests/zpl_preview.py) and read back by zxing."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.documents.code128 import code128, gs1_128
from mes_terminal.documents.label_formats import SIZES
from mes_terminal.documents.label_templates import load_template
from mes_terminal.documents.label_zpl import bc_field_data, render_label_zpl
from mes_terminal.documents.lot_label import LabelSymbol, LotLabel, Symbology
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.paths import resources_dir
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary
from mes_terminal.services.printing.document_builders import lot_label
from tests.barcode_reading import Read, read_barcodes
from tests.unit.test_code128 import picture
from tests.unit.test_lot_labels import MADE, TODAY
from tests.zpl_preview import bc_codewords, parse_zpl, render, unhex

GS = "\x1d"
TEMPLATES = resources_dir() / "labels"


def label(size: str = "4x6", **changes: object) -> tuple[LotLabel, object]:
    template = load_template(size, TEMPLATES)
    lot = dataclasses.replace(MADE, **changes)
    return lot_label(lot, template, default_gs1_dictionary(), timezone="Europe/Berlin", today=TODAY), template


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", SIZES)
def test_the_printed_zpl_label_reads_back_exactly(size: str, dpi: int) -> None:
    lot_label_, template = label(size)
    printed = parse_zpl(render_label_zpl(lot_label_, template, dpi=dpi))
    assert read_barcodes(render(printed, text=False)) == [
        Read("Code128", "]C1", "0109506000134352" + "10L-2026-0302"),
        Read("Code128", "]C1", "11260302" + "17270302" + "30250"),
    ]


@pytest.mark.parametrize(
    ("size", "dpi", "dots"),
    [("4x6", 203, (812, 1218)), ("4x2", 300, (1200, 600)), ("100x50", 203, (799, 400)), ("100x50", 300, (1181, 591))],
)
def test_the_label_is_the_size_of_the_stock_in_printer_dots(size: str, dpi: int, dots: tuple[int, int]) -> None:
    lot_label_, template = label(size)
    printed = parse_zpl(render_label_zpl(lot_label_, template, dpi=dpi, copies=4))
    assert (printed.width, printed.height) == dots
    assert printed.copies == 4


def test_bars_are_whole_dots_no_narrower_than_a_quarter_millimetre() -> None:
    lot_label_, template = label("4x2")
    for dpi, narrowest in ((203, 2), (300, 3)):
        printed = parse_zpl(render_label_zpl(lot_label_, template, dpi=dpi))
        assert all(module >= narrowest for _, _, module, _, _ in printed.barcodes)


def test_gs1_128_uses_start_c_then_fnc1_and_fnc1_for_each_separator() -> None:
    data = bc_field_data(gs1_128(f"10AB{GS}30250"))
    assert data.startswith(">:>8") or data.startswith(">;>8")
    assert data.count(">8") == 2


def test_text_cannot_break_out_of_its_field_and_keeps_its_letters() -> None:
    lot_label_, template = label(material_name="Träger ^XZ~JA_1")
    zpl = render_label_zpl(lot_label_, template).decode("utf-8")
    fields = re.findall(r"\^FD(.*?)\^FS", zpl)
    assert all("^" not in field and "~" not in field for field in fields)
    assert "Träger ^XZ~JA_1" in [text for *_, text in parse_zpl(zpl.encode()).texts]


@given(text=st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=30))
def test_any_code128_text_survives_zpl_invocation_codes(text: str) -> None:
    symbol = code128(text)
    codewords = bc_codewords(unhex(bc_field_data(symbol), "_"))
    assert codewords == [*symbol.codewords, symbol.check]


def test_a_greater_than_sign_is_written_as_zpl_escapes_it() -> None:
    symbol = code128("LOT:A>B")
    assert "><" in bc_field_data(symbol)
    [read] = read_barcodes(picture(symbol.modules))
    assert read.text == "LOT:A>B"


def test_own_format_labels_print_too() -> None:
    lot_label_, template = label("4x2", gtin=None)
    printed = parse_zpl(render_label_zpl(lot_label_, template, dpi=203))
    assert read_barcodes(render(printed, text=False)) == [Read("Code128", "]C0", "LOT:L-2026-0302")]


def test_datamatrix_and_unknown_resolutions_are_refused() -> None:
    lot_label_, template = label()
    with pytest.raises(InvalidInput, match="DataMatrix is printed on PDF labels"):
        render_label_zpl(dataclasses.replace(lot_label_, datamatrix="0109506000134352"), template)
    with pytest.raises(InvalidInput, match="203 or 300 dpi, not 600"):
        render_label_zpl(lot_label_, template, dpi=600)


def test_a_label_needs_no_more_barcodes_than_its_template_has_places() -> None:
    lot_label_, template = label("4x2")
    three = (*lot_label_.barcodes, LabelSymbol(Symbology.CODE_128, "LOT:X", "LOT:X"))
    with pytest.raises(InvalidInput, match="needs 3 barcodes and the 4 x 2 in label has room for 2"):
        render_label_zpl(dataclasses.replace(lot_label_, barcodes=three), template)


# --- the GS1 Digital Link QR code -----------------------------------------------------------------------


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("size", SIZES)
def test_the_digital_link_qr_code_prints_in_its_square_and_reads_back(size: str, dpi: int) -> None:
    template = load_template(size, TEMPLATES)
    lot_label_ = lot_label(
        MADE, template, default_gs1_dictionary(), timezone="Europe/Berlin", today=TODAY, digital_link=True
    )
    printed = parse_zpl(render_label_zpl(lot_label_, template, dpi=dpi))
    [(x, _, module, data)] = printed.qr_codes
    assert data == "https://id.gs1.org/01/09506000134352/10/L-2026-0302?11=260302&17=270302&30=250"
    assert module >= 2  # at least two dots a module: a thermal printer's dot does not blur a module away
    box, per_mm = template.datamatrix, dpi / 25.4
    assert box is not None and x >= box.x * per_mm - 1 and x + 37 * module <= (box.x + box.size) * per_mm + 1
    reads = read_barcodes(render(printed, text=False).resize((printed.width * 2, printed.height * 2)))
    assert Read("QRCode", "]Q1", data) in reads
