"""Code 128 and GS1-128 symbols: what zxing reads off the modules is exactly the data, FNC1s included."""

from __future__ import annotations

import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from mes_terminal.documents.code128 import (
    FNC1,
    GS1_128_MAX_DATA,
    QUIET_ZONE_MODULES,
    START_B,
    START_C,
    bar_runs,
    code128,
    gs1_128,
)
from mes_terminal.domain.errors import InvalidInput
from tests.barcode_reading import read_barcodes

GS = "\x1d"


def picture(modules: str, module_px: int = 3, height: int = 60) -> Image.Image:
    """The symbol as a printer with `module_px` dots per module would make it, quiet zones included."""
    width = (len(modules) + 2 * QUIET_ZONE_MODULES) * module_px
    image = Image.new("L", (width, height + 20), 255)
    for start, run in bar_runs(modules):
        left = (QUIET_ZONE_MODULES + start) * module_px
        image.paste(0, (left, 10, left + run * module_px, 10 + height))
    return image


def test_gs1_128_starts_with_fnc1_and_reads_as_gs1_with_separators() -> None:
    data = f"010950600013435210L-2026-0302{GS}30250"
    symbol = gs1_128(data)
    assert symbol.codewords[:2] == (START_C, FNC1)
    [read] = read_barcodes(picture(symbol.modules))
    assert read.symbology == "]C1"
    assert read.text == "010950600013435210L-2026-0302\x1d30250"


def test_the_check_character_is_the_weighted_sum_mod_103() -> None:
    symbol = code128("LOT:L-7781")
    weighted = symbol.codewords[0] + sum(i * v for i, v in enumerate(symbol.codewords[1:], start=1))
    assert symbol.check == weighted % 103
    [read] = read_barcodes(picture(symbol.modules))
    assert (read.symbology, read.text) == ("]C0", "LOT:L-7781")


def test_each_separator_becomes_one_fnc1() -> None:
    symbol = gs1_128(f"10ABC{GS}21XYZ{GS}30250")
    assert symbol.codewords.count(FNC1) == 3  # after the start, and two separators


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "at least one"),
        (f"{GS}10ABC", "neither starts nor ends"),
        (f"10ABC{GS}", "neither starts nor ends"),
        ("10" + "1" * GS1_128_MAX_DATA, "allows 48"),
        ("10ABCÄ", "cannot carry"),
    ],
)
def test_gs1_128_refuses_what_it_cannot_carry(data: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        gs1_128(data)


def test_plain_code128_refuses_control_and_non_ascii_characters() -> None:
    with pytest.raises(InvalidInput, match="cannot carry"):
        code128("LOT:L\x1d1")
    with pytest.raises(InvalidInput, match="cannot carry"):
        code128("LOT:Lö")


_GS1_CHARS = st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./_%&'()*+,:;<=>?!\"")


@given(fields=st.lists(st.text(_GS1_CHARS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_any_gs1_data_reads_back_exactly(fields: list[str]) -> None:
    data = GS.join(fields)[:GS1_128_MAX_DATA].strip(GS)
    if not data:
        return
    [read] = read_barcodes(picture(gs1_128(data).modules, module_px=2), only=zxingcpp.BarcodeFormat.Code128)
    assert read.symbology == "]C1"
    assert read.text == data


@given(text=st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=40))
def test_any_printable_text_reads_back_exactly(text: str) -> None:
    [read] = read_barcodes(picture(code128(text).modules, module_px=2), only=zxingcpp.BarcodeFormat.Code128)
    assert read.text == text


@pytest.mark.parametrize("text", ["99", "990", "9999", "A99", "1234A", "A123456B", "LOT:L-99"])
def test_digits_that_spell_a_code_set_switch_are_still_data(text: str) -> None:
    [read] = read_barcodes(picture(code128(text).modules, module_px=2), only=zxingcpp.BarcodeFormat.Code128)
    assert read.text == text


def test_set_c_packs_long_runs_of_digits_and_leaves_short_ones_in_set_b() -> None:
    assert code128("A123456B").codewords == (START_B, 33, 99, 12, 34, 56, 100, 34)
    assert code128("A1234B").codewords == (START_B, 33, 17, 18, 19, 20, 34)
    assert code128("12345").codewords == (START_C, 12, 34, 100, 21)
