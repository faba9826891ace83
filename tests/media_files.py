"""Real image and PDF files for instruction tests (a PNG written byte by byte, a PDF drawn by reportlab), and
the small test plant with instructions on operation 10 written beside them."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from tests.helpers import DATA


def png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A valid RGB PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def pdf(pages: int = 2) -> bytes:
    """A real PDF of `pages` pages, each saying its number."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0, invariant=True)  # the same bytes every time
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica", 36)
        canvas.drawString(72, 700, f"Setup sheet page {page}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


EXTRA = """
[[users]]
badge = "B3001"
name = "Quinn Quality"
pin = "3333"
roles = ["quality"]
"""

STEPS = """
[[products.routing.instructions]]
text = "Clamp the blank against both stops."
image = "pictures/press.png"
caution = "Keep hands clear."

[[products.routing.instructions]]
text = "Set the stop as the sheet shows."
pdf = "setup.pdf"
page = 2
"""


def plant_text(steps: str = STEPS, acknowledge: bool = True) -> str:
    text = (DATA / "small_plant.toml").read_text(encoding="utf-8")
    flag = "acknowledge_instructions = true\n" if acknowledge else ""
    # The steps belong to operation 10 (Cut): insert them right after its table.
    cut = 'name = "Cut"\nworkstations = ["WS-01"]\nideal_cycle_seconds = 12.0\n'
    assert cut in text
    return text.replace(cut, cut + flag + steps, 1) + EXTRA


def write_plant(folder: Path, text: str, picture: bytes | None = None) -> Path:
    (folder / "pictures").mkdir(exist_ok=True)
    (folder / "pictures" / "press.png").write_bytes(picture or png())
    (folder / "setup.pdf").write_bytes(pdf(2))
    path = folder / "plant.toml"
    path.write_text(text, encoding="utf-8")
    return path
