"""GS1 DataMatrix: FNC1 first and at each separator, read back by zxing as ]d2 with the exact data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from mes_terminal.documents.datamatrix import FNC1_CODEWORD, gs1_codewords, gs1_datamatrix
from mes_terminal.domain.errors import InvalidInput
from tests.barcode_reading import read_barcodes

GS = "\x1d"


def picture(rows: tuple[tuple[int, ...], ...], module_px: int = 6) -> Image.Image:
    quiet = 3
    size = (len(rows[0]) + 2 * quiet) * module_px, (len(rows) + 2 * quiet) * module_px
    image = Image.new("L", size, 255)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                x, y = (c + quiet) * module_px, (r + quiet) * module_px
                image.paste(0, (x, y, x + module_px, y + module_px))
    return image


def test_codewords_are_ascii_encodation_with_fnc1_first_and_for_each_separator() -> None:
    assert gs1_codewords(f"0109{GS}10A") == [FNC1_CODEWORD, 131, 139, FNC1_CODEWORD, 140, ord("A") + 1]


def test_a_lot_label_datamatrix_reads_back_as_gs1() -> None:
    data = f"01095060001343521126030217270302{'10L-2026-0302'}{GS}30250"
    [read] = read_barcodes(picture(gs1_datamatrix(data).rows))
    assert (read.format, read.symbology, read.text) == ("DataMatrix", "]d2", data)


def test_refuses_characters_outside_ascii_and_data_beyond_the_largest_symbol() -> None:
    with pytest.raises(InvalidInput, match="cannot carry"):
        gs1_datamatrix("10Lö")
    with pytest.raises(InvalidInput, match="too long"):
        gs1_datamatrix("10" + "A" * 1600)


@given(
    fields=st.lists(st.text(st.sampled_from("0123456789ABCXYZ-./"), min_size=1, max_size=20), min_size=1, max_size=4)
)
def test_any_gs1_data_reads_back_exactly(fields: list[str]) -> None:
    data = GS.join(fields)
    [read] = read_barcodes(picture(gs1_datamatrix(data).rows, module_px=4))
    assert (read.symbology, read.text) == ("]d2", data)
