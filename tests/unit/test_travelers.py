"""Work-order travelers: from the order's facts to PDF pages whose every barcode reads back exactly."""

from __future__ import annotations

import dataclasses
import subprocess
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from mes_terminal.documents.traveler_pdf import render_traveler_pdf
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.scans import ScanKind, classify_scan
from mes_terminal.services.printing.document_builders import traveler
from mes_terminal.services.queries.documents import (
    BomLineForTraveler,
    CheckForTraveler,
    OperationForTraveler,
    OrderForTraveler,
)
from tests.barcode_reading import Read, pdf_barcodes

LENGTH = CheckForTraveler(
    code="LEN", text="Length", kind="numeric", unit="mm", lower=Decimal("99.5"), target=Decimal("100.0"),
    upper=Decimal("100.5"), choices=None, required=True, trigger="first_piece", every_n=None, every_minutes=None,
)  # fmt: skip
VISUAL = dataclasses.replace(
    LENGTH, code="VIS", text="No burrs", kind="pass_fail", unit=None, lower=None, target=None, upper=None,
    trigger="every_n", every_n=50,
)  # fmt: skip


def order(operations: int = 2, checks: int = 1, number: str = "WO-1042") -> OrderForTraveler:
    return OrderForTraveler(
        number=number,
        status="released",
        quantity=Decimal("250"),
        due_at=datetime(2026, 3, 9, 13, 0, tzinfo=UTC),
        priority=5,
        product_code="BRACKET-A",
        product_name="Bracket A",
        unit="pcs",
        bom=(BomLineForTraveler("STEEL-2MM", "Steel sheet 2 mm", "kg", Decimal("0.35"), 10, False),),
        operations=tuple(
            OperationForTraveler(
                seq=10 * (i + 1),
                name=f"Step {i + 1}",
                stations=("WS-01", "WS-02"),
                ideal_cycle_seconds=Decimal("12.0"),
                setup_minutes=Decimal("15"),
                work_instruction="Deburr every edge before the part leaves the station." if i % 2 else None,
                checklist="CUT-FAI",
                checks=tuple(LENGTH if j % 2 == 0 else VISUAL for j in range(checks)),
            )
            for i in range(operations)
        ),
    )


def pdf_of(facts: OrderForTraveler, **options: object) -> bytes:
    printed = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    return render_traveler_pdf(traveler(facts, timezone="Europe/Berlin", printed_at=printed), **options)


def text_of(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_twenty_operations_each_with_its_own_barcode_that_a_terminal_understands() -> None:
    pages = pdf_barcodes(pdf_of(order(operations=20, checks=2)), dpi=200)
    assert len(pages) > 1
    assert pages[0][0] == Read("Code128", "]C0", "WO:WO-1042")
    found = [read.text for page in pages for read in page if read.text.startswith("OP:")]
    assert found == [f"OP:WO-1042:{10 * i}" for i in range(1, 21)]
    assert all(read.symbology == "]C0" for page in pages for read in page)
    scan = classify_scan(found[6])
    assert (scan.kind, scan.work_order, scan.operation) == (ScanKind.OPERATION, "WO-1042", 70)


def test_the_header_bom_times_and_checks_are_written_for_people() -> None:
    text = text_of(pdf_of(order(operations=2, checks=2)))
    for expected in (
        "WO-1042",
        "2026-03-09 14:00",  # due, in the plant's time zone
        "250 pcs",
        "STEEL-2MM",
        "87.5 kg",  # 0.35 kg per unit for 250
        "setup 15 min · 12 s per unit · ideal 65 min for 250 pcs",
        "LEN Length — 99.5 to 100.5 mm, target 100 mm; first piece",
        "VIS No burrs — pass / fail; every 50 units",
        "Operator",
        "Signature",
        "page 1 of 1 · printed 2026-03-02 07:00",
    ):
        assert expected in " ".join(text.split()), expected


def test_an_operation_longer_than_a_page_continues_on_the_next_with_its_title() -> None:
    pdf = pdf_of(order(operations=1, checks=60))
    text = text_of(pdf)
    assert "10 Step 1 (continued)" in " ".join(text.split())
    pages = text.count("\f")
    assert f"page {pages} of {pages}" in text


def test_copies_repeat_the_whole_traveler() -> None:
    once, twice = pdf_barcodes(pdf_of(order()), dpi=150), pdf_barcodes(pdf_of(order(), copies=2), dpi=150)
    assert twice == once + once


def test_letter_paper_is_supported_and_other_sizes_refused() -> None:
    assert b"/MediaBox [ 0 0 612 792 ]" in pdf_of(order(), page_size="letter")
    with pytest.raises(InvalidInput, match="use A4 or letter"):
        pdf_of(order(), page_size="A3")


def test_a_work_order_number_too_long_for_a_readable_barcode_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"needs \d+ mm with readable bars"):
        pdf_of(order(number="WO-" + "7" * 20 + "-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghij"))
