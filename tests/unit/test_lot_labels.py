"""Lot labels from the lot's facts to PDF, read back by zxing off pdftoppm's pictures.

Every assertion names the exact symbol content: the GS1 symbology identifier (]C1, ]d2), each AI and
its value, the GS that stands for a FNC1 separator, the GTIN's check digit.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from mes_terminal.documents.label_formats import SIZES
from mes_terminal.documents.label_pdf import render_label_pdf
from mes_terminal.documents.label_templates import load_template
from mes_terminal.domain.errors import InvalidInput, InvalidState
from mes_terminal.domain.gs1 import Gs1Error, is_valid_gtin, parse_element_string
from mes_terminal.paths import resources_dir
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary
from mes_terminal.services.printing.document_builders import lot_label
from mes_terminal.services.queries.documents import LotForLabel
from tests.barcode_reading import Read, pdf_barcodes

GS = "\x1d"
TEMPLATES = resources_dir() / "labels"
TODAY = date(2026, 3, 2)
# Made at 00:30 in Berlin on 2 March, which is still 1 March in UTC.
MADE = LotForLabel(
    number="L-2026-0302",
    status="available",
    quantity=Decimal("250.000000"),
    expires_on=date(2027, 3, 2),
    created_at=datetime(2026, 3, 1, 23, 30, tzinfo=UTC),
    material_code="BRACKET-A",
    material_name="Bracket A, zinc plated",
    unit="pcs",
    gtin="09506000134352",
    produced=True,
    work_order="WO-1042",
    station="WS-01",
)
RECEIVED = dataclasses.replace(
    MADE,
    number="R-17",
    quantity=Decimal("12.5"),
    unit="kg",
    material_code="STEEL-2MM",
    material_name="Steel sheet 2 mm",
    gtin="09506000134369",
    produced=False,
    work_order=None,
    station=None,
)


def label_pdf(
    lot: LotForLabel, size: str = "4x6", *, datamatrix: bool = False, digital_link: bool = False, copies: int = 1
) -> bytes:
    template = load_template(size, TEMPLATES)
    label = lot_label(
        lot,
        template,
        default_gs1_dictionary(),
        timezone="Europe/Berlin",
        today=TODAY,
        datamatrix=datamatrix,
        digital_link=digital_link,
    )
    return render_label_pdf(label, template, copies=copies)


@pytest.mark.parametrize("size", SIZES)
def test_a_made_lot_carries_gtin_lot_dates_and_count_in_two_gs1_128_symbols(size: str) -> None:
    [page] = pdf_barcodes(label_pdf(MADE, size))
    assert page == [
        # (01) is of predefined length: (10) follows without separator; the last field needs none.
        Read("Code128", "]C1", "0109506000134352" + "10L-2026-0302"),
        # (11) production date in Berlin (2 March), (17) expiry, then the variable (30) count.
        Read("Code128", "]C1", "11260302" + "17270302" + "30250"),
    ]


def test_a_separator_is_written_where_a_variable_field_is_followed() -> None:
    # One place for everything: the lot (10) is followed by the count (30), so a FNC1 (GS) ends it.
    template = dataclasses.replace(
        load_template("4x6", TEMPLATES),
        barcodes=(dataclasses.replace(load_template("4x6", TEMPLATES).barcodes[0], ais=None),),
    )
    label = lot_label(
        dataclasses.replace(MADE, number="L7", expires_on=None),
        template,
        default_gs1_dictionary(),
        timezone="Europe/Berlin",
        today=TODAY,
    )
    [page] = pdf_barcodes(render_label_pdf(label, template))
    assert page == [Read("Code128", "]C1", "0109506000134352" + "11260302" + "10L7" + GS + "30250")]


def test_a_received_lot_in_kg_has_net_weight_and_no_production_date() -> None:
    [page] = pdf_barcodes(label_pdf(RECEIVED, "4x2"))
    assert page == [
        Read("Code128", "]C1", "0109506000134369" + "10R-17"),
        # 12.5 kg as (3101) with one decimal: 000125.
        Read("Code128", "]C1", "17270302" + "3101000125"),
    ]


@pytest.mark.parametrize("size", SIZES)
def test_the_gs1_datamatrix_carries_every_field_in_one_symbol(size: str) -> None:
    [page] = pdf_barcodes(label_pdf(MADE, size, datamatrix=True))
    assert Read("DataMatrix", "]d2", "0109506000134352112603021727030210L-2026-0302" + GS + "30250") in page
    assert len(page) == 3


def test_a_material_without_gtin_gets_our_own_lot_barcode() -> None:
    lot = dataclasses.replace(RECEIVED, gtin=None)
    [page] = pdf_barcodes(label_pdf(lot, "100x50"))
    assert page == [Read("Code128", "]C0", "LOT:R-17")]


def test_copies_are_pages_each_with_the_same_barcodes() -> None:
    pages = pdf_barcodes(label_pdf(MADE, "4x2", copies=3))
    assert len(pages) == 3
    assert pages[0] == pages[1] == pages[2]


def test_a_gtin_with_a_wrong_check_digit_in_master_data_is_refused_with_the_fix() -> None:
    with pytest.raises(Gs1Error) as refused:
        label_pdf(dataclasses.replace(MADE, gtin="09506000134353"))
    assert refused.value.ai == "01"
    assert refused.value.message == (
        "The label of lot L-2026-0302 cannot be printed: The GTIN check digit in AI (01) is wrong: expected 2, "
        "found 3. Correct the GTIN of material BRACKET-A in the plant file."
    )


@pytest.mark.parametrize(
    ("number", "reason"),
    [("L 2026#1", "contains a space, which GS1 does not allow there"), ("L" * 21, "at most 20 characters")],
)
def test_a_lot_number_gs1_does_not_allow_is_refused_not_printed(number: str, reason: str) -> None:
    with pytest.raises(Gs1Error, match=reason) as refused:
        label_pdf(dataclasses.replace(MADE, number=number))
    assert refused.value.ai == "10"


def test_such_a_lot_number_prints_in_our_own_format_when_the_material_has_no_gtin() -> None:
    lot = dataclasses.replace(RECEIVED, number="R 17#A", gtin=None)
    [page] = pdf_barcodes(label_pdf(lot))
    assert page == [Read("Code128", "]C0", "LOT:R 17#A")]


def test_data_too_wide_for_the_label_says_how_much_room_it_needs() -> None:
    twenty = "Lot-2026-03-02-A1B2C"  # GS1 allows 20 characters; at readable bars they need 107 mm
    with pytest.raises(InvalidInput, match=r"needs \d+ mm with readable bars and there are 94 mm"):
        label_pdf(dataclasses.replace(MADE, number=twenty), "4x2")


def test_a_consumed_lot_gets_no_label() -> None:
    with pytest.raises(InvalidState, match="Lot L-2026-0302 is consumed"):
        label_pdf(dataclasses.replace(MADE, status="consumed"))


def test_a_datamatrix_needs_a_gtin() -> None:
    with pytest.raises(InvalidInput, match="needs a GTIN, and material STEEL-2MM has none"):
        label_pdf(dataclasses.replace(RECEIVED, gtin=None), datamatrix=True)


def test_the_pdf_is_the_label_size_and_the_same_bytes_each_time() -> None:
    first, second = label_pdf(MADE, "100x50"), label_pdf(MADE, "100x50")
    assert first == second
    assert b"/MediaBox [ 0 0 283.4646 141.7323 ]" in first


def test_what_a_scanner_reads_parses_field_by_field_under_gs1s_rules() -> None:
    [page] = pdf_barcodes(label_pdf(MADE, "4x6", datamatrix=True))
    dictionary = default_gs1_dictionary()
    matrix, first, second = page
    whole = parse_element_string(matrix.symbology + matrix.text, dictionary, today=TODAY)
    assert whole.symbology == "]d2"
    assert whole.pairs == (
        ("01", "09506000134352"),
        ("11", "260302"),
        ("17", "270302"),
        ("10", "L-2026-0302"),
        ("30", "250"),
    )
    assert is_valid_gtin(whole.gtin or "")
    assert (whole.production_date, whole.expiry_date, whole.count) == (date(2026, 3, 2), date(2027, 3, 2), 250)
    # Each GS1-128 carries its share; together they hold the same fields.
    parts = [
        parse_element_string(r.symbology + r.text, dictionary, today=TODAY, requisites=False) for r in (first, second)
    ]
    assert [p.symbology for p in parts] == ["]C1", "]C1"]
    assert sorted(pair for p in parts for pair in p.pairs) == sorted(whole.pairs)


# --- the GS1 Digital Link QR code beside the GS1-128 -----------------------------------------------------

LINK = "https://id.gs1.org/01/09506000134352/10/L-2026-0302?11=260302&17=270302&30=250"


@pytest.mark.parametrize("size", SIZES)
def test_the_digital_link_qr_code_carries_every_field_as_a_web_address(size: str) -> None:
    [page] = pdf_barcodes(label_pdf(MADE, size, digital_link=True))
    assert Read("QRCode", "]Q1", LINK) in page
    assert [read.format for read in page].count("Code128") == 2  # the GS1-128 symbols stay


def test_a_scanned_digital_link_reads_as_the_labels_gs1_128_and_datamatrix() -> None:
    from mes_terminal.domain.gs1 import parse_gs1_scan

    dictionary = default_gs1_dictionary()
    [with_qr] = pdf_barcodes(label_pdf(MADE, "4x6", digital_link=True))
    [with_matrix] = pdf_barcodes(label_pdf(MADE, "4x6", datamatrix=True))
    qr = next(read for read in with_qr if read.format == "QRCode")
    matrix = next(read for read in with_matrix if read.format == "DataMatrix")
    from_qr = parse_gs1_scan(qr.symbology + qr.text, dictionary, today=TODAY)
    from_matrix = parse_gs1_scan(matrix.symbology + matrix.text, dictionary, today=TODAY)
    assert sorted(from_qr.pairs) == sorted(from_matrix.pairs)
    assert (from_qr.gtin, from_qr.lot, from_qr.expiry_date) == ("09506000134352", "L-2026-0302", date(2027, 3, 2))


def test_one_place_for_a_2d_code_and_a_digital_link_needs_a_gtin() -> None:
    with pytest.raises(InvalidInput, match="one place for a 2D code"):
        label_pdf(MADE, datamatrix=True, digital_link=True)
    with pytest.raises(InvalidInput, match="needs a GTIN, and material STEEL-2MM has none"):
        label_pdf(dataclasses.replace(RECEIVED, gtin=None), digital_link=True)
