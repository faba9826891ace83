"""Code 128 and GS1-128 symbols as codewords and modules, ready for any renderer (PDF bars, ZPL ^BC).

The code sets are chosen here, by the rules of ISO/IEC 15417 Annex E (set C for runs of digits, set B
for the rest: we carry printable ASCII only), with FNC1 in the right places for GS1-128, the check
character, the modules (bars and spaces, one character per module) and the limits of the symbology, each
refused with a sentence. python-barcode supplies only the bar patterns of the 107 symbol characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from barcode.charsets import code128 as charset

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
    return _symbol(text, gs1=False, codewords=_codewords(list(text), gs1=False))


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
    tokens: list[str | int] = [FNC1 if ch == GS else ch for ch in element_string]
    return _symbol(element_string, gs1=True, codewords=_codewords(tokens, gs1=True))


def _symbol(data: str, *, gs1: bool, codewords: tuple[int, ...]) -> Code128Symbol:
    check = (codewords[0] + sum(i * value for i, value in enumerate(codewords[1:], start=1))) % 103
    modules = "".join(charset.CODES[value] for value in (*codewords, check)) + _STOP_MODULES
    return Code128Symbol(data=data, gs1=gs1, codewords=codewords, check=check, modules=modules)


def _codewords(tokens: Sequence[str | int], *, gs1: bool) -> tuple[int, ...]:
    """Start, data and code-set switches for printable characters and FNC1 (an int token).

    Set C packs two digits into one codeword; it is worth a switch for four or more digits at the start
    or the end of the data and six or more in between (an odd run leaves its first digit in set B).
    """
    digits = _digit_runs(tokens)
    run = digits[0]
    in_c = run >= 4 or run == len(tokens) == 2
    codewords = [START_C if in_c else START_B]
    if gs1:
        codewords.append(FNC1)
    i = 0
    while i < len(tokens):
        token, run = tokens[i], digits[i]
        if isinstance(token, int):  # FNC1 is the same value in every code set
            codewords.append(token)
            i += 1
        elif in_c and run >= 2:
            codewords.append(int(token + str(tokens[i + 1])))
            i += 2
        elif in_c:
            codewords.append(CODE_B)
            in_c = False
        elif run >= 4 and (i + run == len(tokens) or run >= 6) and run % 2 == 0:
            codewords.append(CODE_C)
            in_c = True
        else:
            codewords.append(ord(token) - 32)
            i += 1
    return tuple(codewords)


def _digit_runs(tokens: Sequence[str | int]) -> list[int]:
    """For each position, how many digits follow from there on (itself included)."""
    runs = [0] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        runs[i] = runs[i + 1] + 1 if isinstance(token, str) and token.isdigit() else 0
    return runs


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
