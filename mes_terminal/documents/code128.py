"""Code 128 and GS1-128 symbols as codewords and modules, ready for any renderer (PDF bars, ZPL ^BC).

python-barcode chooses the code sets (A, B, C) and their switches; this module adds what a label needs
on top: FNC1 in the right places for GS1-128, the check character, the modules (bars and spaces, one
character per module) and the limits of the symbology, each refused with a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from barcode.charsets import code128 as charset
from barcode.codex import Code128, Gs1_128

from mes_terminal.domain.errors import InvalidInput

GS = "\x1d"
# Code 128 values of the special symbol characters (the same value in every code set).
FNC1 = 102
CODE_C, CODE_B, CODE_A = 99, 100, 101
START_A, START_B, START_C = 103, 104, 105
# GS1 General Specifications 5.4.1: at most 48 data characters in one GS1-128 symbol.
GS1_128_MAX_DATA = 48
# The quiet zone on either side of a Code 128 symbol is at least ten modules.
QUIET_ZONE_MODULES = 10
_STOP_MODULES = charset.STOP + "11"  # python-barcode keeps the final two-module bar apart
_PRINTABLE = frozenset(chr(c) for c in range(32, 127))


@dataclass(frozen=True)
class Code128Symbol:
    """One symbol: its codewords (start, data, switches, FNC1; no check character) and its modules.

    `modules` has one character per module, "1" for a bar and "0" for a space, from the start
    character to the end of the stop pattern, without quiet zones.
    """

    data: str
    gs1: bool
    codewords: tuple[int, ...]
    check: int
    modules: str

    @property
    def width_modules(self) -> int:
        """Width including the quiet zones on both sides."""
        return len(self.modules) + 2 * QUIET_ZONE_MODULES


def code128(text: str) -> Code128Symbol:
    """A plain Code 128 symbol of printable ASCII text (our own formats: LOT:, WO:, OP:)."""
    if not text:
        raise InvalidInput("A barcode needs at least one character.")
    bad = sorted({ch for ch in text if ch not in _PRINTABLE})
    if bad:
        raise InvalidInput(f"Code 128 cannot carry the character {bad[0]!r} in {text!r}.")
    return _symbol(text, gs1=False, encoder=Code128(text))


def gs1_128(element_string: str) -> Code128Symbol:
    """A GS1-128 symbol of an element string whose variable-length fields end with GS (ASCII 29).

    The string comes from the GS1 encoder (already checked against the AI dictionary); every GS
    becomes an FNC1 separator and one FNC1 follows the start character, which is what makes a scanner
    report the symbol as GS1 (`]C1`).
    """
    if not element_string:
        raise InvalidInput("A GS1-128 barcode needs at least one element string.")
    if element_string.startswith(GS) or element_string.endswith(GS):
        raise InvalidInput("A GS1 element string neither starts nor ends with a separator.")
    if len(element_string) > GS1_128_MAX_DATA:
        raise InvalidInput(
            f"The GS1-128 data has {len(element_string)} characters and the symbology allows "
            f"{GS1_128_MAX_DATA}; print fewer fields or a shorter lot number."
        )
    bad = sorted({ch for ch in element_string if ch not in _PRINTABLE and ch != GS})
    if bad:
        raise InvalidInput(f"GS1-128 cannot carry the character {bad[0]!r}.")
    fnc1_text = element_string.replace(GS, Gs1_128.FNC1_CHAR)
    return _symbol(element_string, gs1=True, encoder=Gs1_128(fnc1_text))


def _symbol(data: str, *, gs1: bool, encoder: Code128) -> Code128Symbol:
    # `encoded` runs the code-set choice once; an encoder object is used for one symbol only, since
    # python-barcode keeps the current code set in the object.
    codewords = tuple(encoder.encoded)
    check = (codewords[0] + sum(i * value for i, value in enumerate(codewords[1:], start=1))) % 103
    modules = "".join(charset.CODES[value] for value in (*codewords, check)) + _STOP_MODULES
    return Code128Symbol(data=data, gs1=gs1, codewords=codewords, check=check, modules=modules)


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """The bars as (first module, width in modules): what a renderer draws as filled rectangles."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, module in enumerate(modules + "0"):
        if module == "1" and start is None:
            start = index
        elif module == "0" and start is not None:
            runs.append((start, index - start))
            start = None
    return runs
