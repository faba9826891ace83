"""Label templates: the shipped sizes load, and a broken template says what is wrong with it."""

from __future__ import annotations

import pytest

from mes_terminal.documents.label_formats import SIZES
from mes_terminal.documents.label_templates import BarcodeBox, assign_elements, load_template, parse_template
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.paths import resources_dir

TEMPLATES = resources_dir() / "labels"
MINIMAL = """
name = "t"
title = "test"
width = 100
height = 50
[[text]]
value = "Lot {lot}"
x = 2
y = 10
size = 10
width = 60
[[barcode]]
x = 2
y = 20
width = 96
height = 15
"""


@pytest.mark.parametrize("size", SIZES)
def test_every_shipped_size_loads_with_two_barcode_places_and_a_datamatrix(size: str) -> None:
    template = load_template(size, TEMPLATES)
    assert template.name == size
    assert len(template.barcodes) == 2
    assert template.datamatrix is not None


def test_an_unknown_size_names_the_sizes() -> None:
    with pytest.raises(InvalidInput, match="the sizes are 4x6, 4x2, 100x50"):
        load_template("A6", TEMPLATES)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("Lot {lot}", "Lot {batch}"), "names 'batch'"),
        (("Lot {lot}", "Lot {lot"), "unbalanced braces"),
        (("width = 96", "width = 160"), "barcode 1 reaches beyond the label"),
        (("height = 15", "height = -1"), "a length in millimetres"),
        (("[[barcode]]", "[[code]]"), r"needs at least one \[\[barcode\]\]"),
        (("name = ", "named = "), "'name' must be a text value"),
    ],
)
def test_a_broken_template_is_refused_with_the_reason(change: tuple[str, str], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_template(MINIMAL.replace(*change), "lot-t.toml")


def test_elements_go_to_the_place_that_names_them_and_the_rest_to_the_open_place() -> None:
    first, rest = BarcodeBox(0, 0, 10, 10, ais=("01", "10")), BarcodeBox(0, 20, 10, 10)
    pairs = [("01", "09506000134352"), ("11", "260302"), ("3101", "000125"), ("10", "L-1")]
    assert assign_elements(pairs, [first, rest]) == [
        [("01", "09506000134352"), ("10", "L-1")],
        [("11", "260302"), ("3101", "000125")],
    ]
    only_some = BarcodeBox(0, 0, 10, 10, ais=("01", "31"))
    assert assign_elements(pairs, [only_some]) == [[("01", "09506000134352"), ("3101", "000125")]]
