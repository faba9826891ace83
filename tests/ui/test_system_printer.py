"""The system printer path: a PDF printed through QPrinter keeps its page size and readable barcodes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from mes_terminal.domain.errors import DeviceUnavailable
from mes_terminal.ui.system_printer import SystemPrinter, print_pdf
from tests.barcode_reading import Read, pdf_barcodes
from tests.unit.test_lot_labels import MADE, label_pdf
from tests.unit.test_travelers import order, pdf_of


def printed_through_qt(document: bytes, path: Path) -> bytes:
    """What a spooler would get: QPrinter writes its output to a PDF file here instead of a printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(300)
    print_pdf(printer, document, what="the test printer")
    return path.read_bytes()


def test_a_label_keeps_its_size_and_its_barcodes(qapp, tmp_path: Path) -> None:
    output = printed_through_qt(label_pdf(MADE, "4x2"), tmp_path / "out.pdf")
    info = subprocess.run(["pdfinfo", "-"], input=output, capture_output=True, check=True).stdout.decode()
    assert "Page size:       288 x 144 pts" in info  # 4 x 2 in
    assert pdf_barcodes(output) == [
        [
            Read("Code128", "]C1", "0109506000134352" + "10L-2026-0302"),
            Read("Code128", "]C1", "11260302" + "17270302" + "30250"),
        ]
    ]


def test_every_page_of_a_traveler_is_printed(qapp, tmp_path: Path) -> None:
    source = pdf_of(order(operations=8, checks=1))
    output = printed_through_qt(source, tmp_path / "out.pdf")
    assert [len(page) for page in pdf_barcodes(output, dpi=150)] == [
        len(page) for page in pdf_barcodes(source, dpi=150)
    ]


def test_an_unknown_printer_is_named_in_the_refusal(qapp) -> None:
    with pytest.raises(DeviceUnavailable, match=r"There is no printer named Nope on this computer \(printers here: "):
        SystemPrinter("Nope").send(b"%PDF-1.4", name="x")
