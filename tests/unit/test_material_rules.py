"""Material truth as pure rules: what a scan takes, where a BOM line stands, and the site's material check."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from mes_terminal.domain import materials as m
from mes_terminal.domain.errors import InvalidState
from mes_terminal.domain.sentences import Sentence

STEEL = m.BomNeed("STEEL-2MM", "Steel", "kg", Decimal("0.85"), (), backflush=False, consumed=Decimal(0))
WIRE = m.BomNeed("WIRE-G3SI1", "Wire", "kg", Decimal("0.012"), (), backflush=True, consumed=Decimal(0))
SCREWS = m.BomNeed(
    "SCREW-M6", "Screws", "pcs", Decimal(4), (), backflush=False, consumed=Decimal(0), lot_controlled=False
)
JOB = Sentence("{job}", job="WO-1 operation 10 (Cut)")


def lot(quantity: str) -> m.LotFacts:
    return m.LotFacts(
        "R-04A", "STEEL-2MM", "kg", "available", Decimal(quantity), None, datetime(2026, 1, 1, tzinfo=UTC)
    )


def taken(line: m.BomNeed, quantity: str) -> m.BomNeed:
    return m.BomNeed(**{**line.__dict__, "consumed": Decimal(quantity)})


def test_a_scan_takes_what_the_job_still_needs_for_its_planned_quantity() -> None:
    # 150 planned, 5.35 kg of 127.5 kg taken, 7 reported: the scan takes the 122.15 kg still to take,
    # not the 0.6 kg that the reported parts lack.
    assert m.default_quantity(taken(STEEL, "5.35"), Decimal(7), Decimal(150), lot("400")) == Decimal("122.15")


def test_a_scan_never_takes_more_than_the_lot_holds() -> None:
    assert m.default_quantity(STEEL, Decimal(0), Decimal(150), lot("4.55")) == Decimal("4.55")


def test_an_untouched_line_is_to_scan_whatever_the_stock() -> None:
    where = m.coverage(STEEL, Decimal(0), Decimal(150))
    assert (where.needed, where.taken, where.left, where.state) == (0, 0, Decimal("127.5"), m.Coverage.TO_SCAN)


@pytest.mark.parametrize(
    ("consumed", "reported", "state", "left"),
    [
        ("104.55", "150", m.Coverage.SHORT, "22.95"),
        ("127.5", "150", m.Coverage.COVERED, "0"),
        ("127.5", "100", m.Coverage.COVERED, "0"),
        ("85", "100", m.Coverage.TO_SCAN, "42.5"),
    ],
)
def test_a_line_is_short_to_scan_or_covered_by_what_was_taken(consumed, reported, state, left) -> None:
    where = m.coverage(taken(STEEL, consumed), Decimal(reported), Decimal(150))
    assert (where.state, where.left, where.needed) == (state, Decimal(left), Decimal("0.85") * Decimal(reported))


def test_floor_stock_and_backflushed_lines_are_floor_stock() -> None:
    assert m.coverage(SCREWS, Decimal(10), Decimal(150)).state == m.Coverage.FLOOR_STOCK
    assert m.coverage(WIRE, Decimal(10), Decimal(150)).state == m.Coverage.FLOOR_STOCK


def test_only_scanned_lot_controlled_lines_can_be_missing() -> None:
    missing = m.not_taken([taken(STEEL, "104.55"), WIRE, SCREWS], Decimal(150))
    assert [(x.material, x.needed, x.taken, x.quantity) for x in missing] == [
        ("STEEL-2MM", Decimal("127.5"), Decimal("104.55"), Decimal("22.95"))
    ]
    assert m.not_taken([taken(STEEL, "127.5")], Decimal(150)) == []


def test_block_refuses_naming_the_material_and_the_missing_quantity() -> None:
    missing = m.not_taken([taken(STEEL, "104.55")], Decimal(150))
    with pytest.raises(InvalidState) as refused:
        m.check_taken(JOB, missing, Decimal(150), "pcs", m.MaterialCheck.BLOCK)
    assert refused.value.code == "job.material_not_taken"
    assert refused.value.message == (
        "WO-1 operation 10 (Cut) has not taken the material for 150 pcs: STEEL-2MM 22.95 kg missing "
        "(104.55 of 127.5 kg taken). Scan the lots, then report again."
    )


def test_warn_lets_it_through_with_the_sentence_and_nothing_missing_says_nothing() -> None:
    missing = m.not_taken([STEEL], Decimal(4))
    warning = m.check_taken(JOB, missing, Decimal(4), "pcs", m.MaterialCheck.WARN)
    assert warning == (
        "Reported without material: WO-1 operation 10 (Cut) has not taken the material for 4 pcs: "
        "STEEL-2MM 3.4 kg missing (0 of 3.4 kg taken)."
    )
    assert m.check_taken(JOB, [], Decimal(4), "pcs", m.MaterialCheck.BLOCK) is None
