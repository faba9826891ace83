"""Reading back what we print: PDF pages to images with pdftoppm, barcodes with zxing-cpp.

zxing-cpp is an independent decoder (it shares no code with our writers). It reports the AIM
symbology identifier (`]C1` for GS1-128, `]C0` plain Code 128, `]d2` GS1 DataMatrix) and the data
with FNC1 separators as GS, which is what tests assert on.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image


@dataclass(frozen=True)
class Read:
    format: str  # "Code128", "DataMatrix"
    symbology: str  # "]C1", "]C0", "]d2"
    text: str  # FNC1 separators as GS (\x1d)


def pdf_to_images(pdf: bytes, dpi: int = 300) -> list[Image.Image]:
    """Every page of a PDF as a greyscale image, rendered by poppler's pdftoppm."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: apt-get install poppler-utils (see .ci/run)")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(source), f"{folder}/page"], check=True)
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [Image.open(page).copy() for page in pages]


def read_barcodes(image: Image.Image, only: zxingcpp.BarcodeFormat | None = None) -> list[Read]:
    """Every barcode zxing finds in the image, top to bottom (`only`: of that symbology, as a scanner
    configured for it reads; without it, zxing now and then also sees a stray 1D code in the bars)."""
    if only is None:
        results = zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain)
    else:
        results = zxingcpp.read_barcodes(image, formats=only, text_mode=zxingcpp.TextMode.Plain)
    ordered = sorted(results, key=lambda r: (r.position.top_left.y, r.position.top_left.x))
    return [Read(r.format.name, r.symbology_identifier, r.text) for r in ordered]


def pdf_barcodes(pdf: bytes, dpi: int = 300) -> list[list[Read]]:
    """The barcodes of each page of a PDF."""
    return [read_barcodes(page) for page in pdf_to_images(pdf, dpi)]
