"""GS1 DataMatrix (ECC 200) symbols as a grid of modules.

ppf-datamatrix does the error correction and module placement; it has no FNC1, so this module makes
the data codewords itself (ASCII encodation, ISO/IEC 16022 5.2.3): FNC1 (232) first, which marks the
symbol as GS1 (`]d2`), then digit pairs as 130 + nn, other ASCII characters as their code + 1, and
FNC1 again for each GS separator. ASCII encodation is the one every GS1 DataMatrix reader handles.
"""

from __future__ import annotations

from dataclasses import dataclass

from ppf.datamatrix import DataMatrix

from mes_terminal.domain.errors import InvalidInput

GS = "\x1d"
FNC1_CODEWORD = 232
# The largest square ECC 200 symbol (144 x 144) holds 1558 data codewords.
MAX_DATA_CODEWORDS = 1558


@dataclass(frozen=True)
class DataMatrixSymbol:
    data: str
    # Rows of modules, finder pattern included, quiet zone not: 1 is dark.
    rows: tuple[tuple[int, ...], ...]

    @property
    def size(self) -> int:
        return len(self.rows)


def datamatrix(data: str) -> DataMatrixSymbol:
    """A plain ECC 200 DataMatrix of ASCII `data` (our own codes, e.g. `INSTR:WO-1:10`), not GS1."""
    if not data or not data.isascii():
        raise InvalidInput("A DataMatrix of our own holds ASCII text only.")
    try:
        matrix = DataMatrix(data, codecs=["ascii"]).matrix
    except ValueError:
        raise InvalidInput(f"The data is too long for a DataMatrix ({len(data)} characters).") from None
    return DataMatrixSymbol(data=data, rows=tuple(tuple(row) for row in matrix))


def gs1_datamatrix(element_string: str) -> DataMatrixSymbol:
    """A GS1 DataMatrix of an element string whose variable-length fields end with GS."""
    codewords = gs1_codewords(element_string)
    if len(codewords) > MAX_DATA_CODEWORDS:
        raise InvalidInput(f"The data is too long for a DataMatrix ({len(codewords)} codewords).")
    try:
        matrix = DataMatrix(_Codewords(codewords), codecs=["ascii"]).matrix
    except ValueError:
        raise InvalidInput(f"The data is too long for a DataMatrix ({len(codewords)} codewords).") from None
    return DataMatrixSymbol(data=element_string, rows=tuple(tuple(row) for row in matrix))


def gs1_codewords(element_string: str) -> list[int]:
    """The data codewords in ASCII encodation, FNC1 first and for every GS."""
    if not element_string:
        raise InvalidInput("A GS1 DataMatrix needs at least one element string.")
    out = [FNC1_CODEWORD]
    i = 0
    while i < len(element_string):
        pair = element_string[i : i + 2]
        if len(pair) == 2 and pair.isascii() and pair.isdigit():
            out.append(130 + int(pair))
            i += 2
            continue
        char = element_string[i]
        if char == GS:
            out.append(FNC1_CODEWORD)
        elif " " <= char <= "~":
            out.append(ord(char) + 1)
        else:
            raise InvalidInput(f"A GS1 DataMatrix cannot carry the character {char!r}.")
        i += 1
    return out


class _Codewords:
    """Hands ppf-datamatrix finished codewords: it asks its message to `encode` itself per codec."""

    def __init__(self, codewords: list[int]) -> None:
        self._bytes = bytes(codewords)

    def encode(self, codec: str) -> bytes:
        return self._bytes
