"""Label templates: where each line, the barcode and the DataMatrix go on one label size.

A template is a small TOML file (resources/labels/*.toml). Lengths are millimetres from the label's
top-left corner, text sizes points; a text line's `y` is its baseline. The PDF and the ZPL renderer
read the same template, so a label looks alike from a laser printer and from a thermal printer.

    name = "4x2"
    title = "4 x 2 in"
    width = 101.6
    height = 50.8

    [[text]]
    value = "Lot {lot}"       # fields: title, material, lot, quantity, produced, expires, work_order, station
    x = 4.0
    y = 11.0
    size = 12                 # points; shrunk to fit `width` (never below 6 pt)
    width = 60.0
    bold = true
    shorten = false           # true: may be shortened with … when shrinking is not enough (names)

    [[barcode]]               # a place for a GS1-128 or Code 128 symbol, quiet zones included
    x = 4.0
    y = 19.0                  # top of the bars
    width = 93.6
    height = 18.0
    hri_size = 8              # the human-readable line under the bars, points
    max_module = 0.5          # the widest bar module worth printing, mm
    ais = ["01", "10", "17", "30", "37", "310"]   # GS1: the AIs this symbol carries (prefixes)

    [datamatrix]              # optional: where a GS1 DataMatrix goes when asked for
    x = 80.0
    y = 2.0
    size = 16.0
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mes_terminal.documents.label_formats import SIZES
from mes_terminal.documents.lot_label import LABEL_FIELDS
from mes_terminal.domain.errors import InvalidInput


@dataclass(frozen=True)
class TextLine:
    value: str
    x: float
    y: float
    size: float
    width: float
    bold: bool = False
    shorten: bool = False


@dataclass(frozen=True)
class BarcodeBox:
    x: float
    y: float
    width: float
    height: float
    hri_size: float = 8.0
    # The widest bar module worth printing; wider only costs label space.
    max_module: float = 0.5
    # GS1 labels: the AIs this symbol carries, as prefixes ("310" is 3100 to 3105); None takes those
    # no other place claims. A GS1-128 holds 48 characters, so a full label needs two symbols; a
    # label with one place leaves out what its template does not name (it stays in the text).
    ais: tuple[str, ...] | None = None

    def carries(self, ai: str) -> bool:
        return self.ais is not None and any(ai.startswith(prefix) for prefix in self.ais)


@dataclass(frozen=True)
class SquareBox:
    x: float
    y: float
    size: float


@dataclass(frozen=True)
class LabelTemplate:
    name: str
    title: str
    width: float
    height: float
    text: tuple[TextLine, ...]
    # Where barcodes go, in order; a label without GS1 data uses the first only.
    barcodes: tuple[BarcodeBox, ...]
    datamatrix: SquareBox | None = None


def load_template(size: str, directory: Path) -> LabelTemplate:
    """The template for a label size (`4x6`, `4x2`, `100x50`) from `directory`."""
    if size not in SIZES:
        raise InvalidInput(f"There is no label size {size!r}; the sizes are {', '.join(SIZES)}.")
    path = directory / f"lot-{size}.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInput(f"The label template {path} cannot be read ({error.strerror or error}).") from None
    return parse_template(text, str(path))


def parse_template(text: str, source: str = "the label template") -> LabelTemplate:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(f"{source} is not valid TOML ({error}).") from None
    reader = _Reader(source)
    width, height = reader.length(data, "width"), reader.length(data, "height")
    lines, places = data.get("text", []), data.get("barcode")
    if not isinstance(lines, list):
        raise InvalidInput(f"In {source}, 'text' must be a list of [[text]] tables.")
    if not isinstance(places, list) or not places:
        raise InvalidInput(f"{source} needs at least one [[barcode]] table.")
    template = LabelTemplate(
        name=reader.string(data, "name"),
        title=reader.string(data, "title"),
        width=width,
        height=height,
        text=tuple(reader.text_line(line, index) for index, line in enumerate(lines, start=1)),
        barcodes=tuple(reader.barcode(place, index) for index, place in enumerate(places, start=1)),
        datamatrix=reader.square(data["datamatrix"]) if "datamatrix" in data else None,
    )
    reader.check_inside(template)
    return template


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def string(self, data: dict[str, Any], key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InvalidInput(f"In {self.source}, '{key}' must be a text value.")
        return value

    def length(self, data: dict[str, Any], key: str, default: float | None = None) -> float:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1000:
            raise InvalidInput(f"In {self.source}, '{key}' must be a length in millimetres from 0 to 1000.")
        return float(value)

    def text_line(self, line: object, index: int) -> TextLine:
        if not isinstance(line, dict):
            raise InvalidInput(f"In {self.source}, text line {index} must be a table.")
        value = self.string(line, "value")
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError:
            raise InvalidInput(f"In {self.source}, text line {index} has unbalanced braces.") from None
        unknown = sorted(names - LABEL_FIELDS)
        if unknown:
            known = ", ".join(sorted(LABEL_FIELDS))
            raise InvalidInput(f"In {self.source}, text line {index} names '{unknown[0]}'; fields: {known}.")
        return TextLine(
            value=value,
            x=self.length(line, "x"),
            y=self.length(line, "y"),
            size=self.length(line, "size"),
            width=self.length(line, "width"),
            bold=self.flag(line, "bold"),
            shorten=self.flag(line, "shorten"),
        )

    def flag(self, data: dict[str, Any], key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise InvalidInput(f"In {self.source}, '{key}' must be true or false.")
        return value

    def barcode(self, box: object, index: int) -> BarcodeBox:
        if not isinstance(box, dict):
            raise InvalidInput(f"In {self.source}, barcode {index} must be a table.")
        ais = box.get("ais")
        if ais is not None and (
            not isinstance(ais, list) or not all(isinstance(a, str) and a.isdigit() and 1 <= len(a) <= 4 for a in ais)
        ):
            raise InvalidInput(f"In {self.source}, barcode {index}: 'ais' must be a list of AIs such as \"01\".")
        return BarcodeBox(
            x=self.length(box, "x"),
            y=self.length(box, "y"),
            width=self.length(box, "width"),
            height=self.length(box, "height"),
            hri_size=self.length(box, "hri_size", 8.0),
            max_module=self.length(box, "max_module", 0.5),
            ais=tuple(ais) if ais is not None else None,
        )

    def square(self, box: object) -> SquareBox:
        if not isinstance(box, dict):
            raise InvalidInput(f"In {self.source}, [datamatrix] must be a table.")
        return SquareBox(x=self.length(box, "x"), y=self.length(box, "y"), size=self.length(box, "size"))

    def check_inside(self, template: LabelTemplate) -> None:
        boxes = [(f"barcode {i}", b.x, b.y, b.width, b.height) for i, b in enumerate(template.barcodes, start=1)]
        if template.datamatrix:
            dm = template.datamatrix
            boxes.append(("the DataMatrix", dm.x, dm.y, dm.size, dm.size))
        boxes += [(f"text line {i}", t.x, t.y, t.width, 0.0) for i, t in enumerate(template.text, start=1)]
        for what, x, y, width, height in boxes:
            if x + width > template.width + 1e-6 or y + height > template.height + 1e-6:
                raise InvalidInput(f"In {self.source}, {what} reaches beyond the label.")


def assign_elements(pairs: Sequence[tuple[str, str]], places: Sequence[BarcodeBox]) -> list[list[tuple[str, str]]]:
    """For each barcode place, the (AI, value) pairs it carries, in the order of `pairs`.

    A place with `ais` takes the pairs whose AI starts with one of them (the first such place wins);
    the first place without `ais` takes what is left. Pairs no place takes are not in a linear barcode.
    """
    groups: list[list[tuple[str, str]]] = [[] for _ in places]
    taken: set[int] = set()
    for group, place in zip(groups, places, strict=True):
        for index, (ai, value) in enumerate(pairs):
            if index not in taken and place.carries(ai):
                group.append((ai, value))
                taken.add(index)
    for group, place in zip(groups, places, strict=True):
        if place.ais is None:
            group.extend(pair for index, pair in enumerate(pairs) if index not in taken)
            break
    return groups
