"""Barcodes in a camera frame, read by zxing-cpp and handed on as a scanner would send them.

A hand scanner set to send symbology identifiers puts `]C1`, `]d2`, `]Q3` ... in front of GS1 data;
a camera is given the same habit for GS1 symbols (FNC1 separators as GS), so its scans go through the
one classifier (`domain.scans.classify_scan`) exactly as a wedge or serial scan does. Other symbols
(our own `LOT:...` in Code 128, a Digital Link in a plain QR code) come as their text alone.

zxing-cpp is optional (`pip install mes-terminal[camera]`): without it `decoder_unavailable()` says
why and the camera is not offered. No Qt here: frames arrive as 8-bit luminance rows.
"""

from __future__ import annotations

from typing import Any

# AIM identifiers of symbols that carry GS1 element strings: kept, since without one an element string
# that does not start with (01) cannot be told from other text.
GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})


def decoder_unavailable() -> str | None:
    """None when frames can be decoded here, else the sentence saying why not."""
    try:
        import zxingcpp  # noqa: F401
    except ImportError:
        return "The camera cannot read barcodes: the zxing-cpp package is not installed (mes-terminal[camera])."
    return None


def decode_luminance(data: bytes, width: int, height: int, stride: int | None = None) -> list[str]:
    """The scans in one greyscale frame (`stride` bytes per row, `width` when not given), the one nearest
    the middle first: as with a hand scanner, the code aimed at is the one read."""
    import numpy as np
    import zxingcpp

    stride = stride or width
    if width <= 0 or height <= 0 or len(data) < stride * (height - 1) + width:
        return []
    pixels = np.frombuffer(data, dtype=np.uint8, count=stride * height if len(data) >= stride * height else -1)
    rows = np.lib.stride_tricks.as_strided(pixels, shape=(height, width), strides=(stride, 1))
    results: list[Any] = zxingcpp.read_barcodes(np.ascontiguousarray(rows), text_mode=zxingcpp.TextMode.Plain)

    def off_centre(result: Any) -> float:
        p = result.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        x, y = sum(c.x for c in corners) / 4, sum(c.y for c in corners) / 4
        return (x - width / 2) ** 2 + (y - height / 2) ** 2

    ordered = sorted(results, key=off_centre)
    return [scan_text(r.symbology_identifier, r.text) for r in ordered if r.valid and r.text]


def scan_text(symbology: str, text: str) -> str:
    """What a scanner sending identifiers for GS1 symbols would send for this read."""
    return symbology + text if symbology in GS1_SYMBOLOGIES else text
