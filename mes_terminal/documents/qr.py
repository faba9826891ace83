"""QR Code symbols as a grid of modules, for the GS1 Digital Link on a lot label.

reportlab's QR encoder (ISO/IEC 18004) does the encoding; this module only picks the error
correction and hands back the modules. A Digital Link is plain text in a QR Code (`]Q1`), no FNC1.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder

from mes_terminal.domain.errors import InvalidInput

# The largest QR Code (version 40) holds 2331 bytes at error correction level M.
MAX_BYTES_LEVEL_M = 2331


@dataclass(frozen=True)
class QrSymbol:
    data: str
    # Rows of modules, finder patterns included, quiet zone not: 1 is dark.
    rows: tuple[tuple[int, ...], ...]

    @property
    def size(self) -> int:
        return len(self.rows)


def qr_code(text: str) -> QrSymbol:
    """The smallest QR Code holding `text` (ASCII) at error correction level M (15 % of it may be damaged)."""
    if not text or not text.isascii():
        raise InvalidInput("A QR code here carries a web address: ASCII text, not empty.")
    if len(text) > MAX_BYTES_LEVEL_M:
        raise InvalidInput(f"The data is too long for a QR code ({len(text)} characters).")
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    count = code.getModuleCount()
    rows = tuple(tuple(1 if code.isDark(r, c) else 0 for c in range(count)) for r in range(count))
    return QrSymbol(data=text, rows=rows)
