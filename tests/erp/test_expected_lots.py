"""Lots the ERP announces before they arrive: kept as expected (never on the floor), ended by the arrival.

V0700 says when a lot may be used with EffectiveStartDate; V0600 with an ExpectedDate property; either
with a Status such as "Expected" or "In Transit". On SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from mes_terminal.db.records import Event, ExpectedLot, Lot
from mes_terminal.domain import error_codes as codes
from mes_terminal.domain.errors import InvalidState
from mes_terminal.services.commands import catalog as c
from tests.erp.documents import LotLine, material_information
from tests.helpers import OPERATOR, command, run_first_job


def _expected(plant: Engine) -> list[tuple[str, Decimal, datetime]]:
    with plant.connect() as connection:
        rows = connection.execute(select(ExpectedLot.number, ExpectedLot.quantity, ExpectedLot.expected_at))
        return [(r.number, r.quantity, r.expected_at) for r in rows]


def _lots(plant: Engine) -> list[str]:
    with plant.connect() as connection:
        return list(connection.scalars(select(Lot.number).where(Lot.number.like("L-EXP%"))))


def test_a_v0700_lot_usable_later_is_expected_until_it_arrives(plant, drop, imported) -> None:
    later = "2026-03-04T06:00:00Z"  # two days after the import (tests/conftest.py START)
    announced = material_information(
        [LotLine("L-EXP-1", "STEEL-2MM", "400", available=later)], version="V0700", info_id="MI-A"
    )
    outcome = imported(drop("announce.xml", announced))
    assert outcome.ok, outcome.message
    assert outcome.lots == [{"lot": "L-EXP-1", "material": "STEEL-2MM", "quantity": "400", "action": "expected"}]
    assert _expected(plant) == [("L-EXP-1", Decimal(400), datetime(2026, 3, 4, 6, tzinfo=UTC))]
    assert _lots(plant) == []  # nothing on the floor can pick or scan it
    with plant.connect() as connection:
        event = connection.execute(select(Event).where(Event.type == "LotExpected")).one()
    assert (event.entity_id, event.payload["material"], event.payload["by"]) == ("L-EXP-1", "STEEL-2MM", "ERP")

    assert imported(drop("again.xml", announced)).lots[0]["action"] == "unchanged"
    moved = material_information(
        [LotLine("L-EXP-1", "STEEL-2MM", "380", available="2026-03-05T06:00:00Z")], version="V0700", info_id="MI-B"
    )
    assert imported(drop("moved.xml", moved)).lots[0]["action"] == "expected"
    assert _expected(plant) == [("L-EXP-1", Decimal(380), datetime(2026, 3, 5, 6, tzinfo=UTC))]

    arrived = material_information([LotLine("L-EXP-1", "STEEL-2MM", "380")], info_id="MI-C")
    received = imported(drop("arrived.xml", arrived))
    assert received.lots[0]["action"] == "received"
    assert (_expected(plant), _lots(plant)) == ([], ["L-EXP-1"])


def test_a_v0600_lot_in_transit_carries_its_date_as_a_property(plant, drop, imported) -> None:
    document = material_information(
        [LotLine("L-EXP-2", "STEEL-2MM", "50", status="In Transit", available="2026-03-03T12:00:00+01:00")]
    )
    outcome = imported(drop("transit.xml", document))
    assert outcome.lots[0]["action"] == "expected", outcome.message
    assert _expected(plant) == [("L-EXP-2", Decimal(50), datetime(2026, 3, 3, 11, tzinfo=UTC))]


def test_a_start_date_already_past_is_a_lot_that_is_here(plant, drop, imported) -> None:
    document = material_information(
        [LotLine("L-EXP-3", "STEEL-2MM", "10", available="2026-03-01T00:00:00Z")], version="V0700"
    )
    assert imported(drop("past.xml", document)).lots[0]["action"] == "received"
    assert (_expected(plant), _lots(plant)) == ([], ["L-EXP-3"])


def test_an_expected_lot_without_a_date_is_refused_with_its_line(plant, drop, imported) -> None:
    document = material_information([LotLine("L-EXP-4", "STEEL-2MM", "10", status="Expected")])
    outcome = imported(drop("undated.xml", document))
    assert (outcome.ok, outcome.code) == (False, codes.ERP_MISSING)
    assert "<MaterialLot> at line" in (outcome.message or "") and "EffectiveStartDate" in (outcome.message or "")
    assert _expected(plant) == []


def test_scanning_a_lot_that_has_not_arrived_says_when_it_is_expected(plant, bus, clock, drop, imported) -> None:
    announced = material_information(
        [LotLine("L-EXP-5", "STEEL-2MM", "40", available="2026-03-04T06:00:00Z")], version="V0700"
    )
    assert imported(drop("announce.xml", announced)).ok
    run_first_job(bus, clock.now())
    scan = command(c.ConsumeLot, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10,
                   lot="L-EXP-5", quantity=Decimal(2))  # fmt: skip
    with pytest.raises(InvalidState) as refused:
        bus.execute(scan)
    assert refused.value.code == codes.LOT_NOT_ARRIVED
    assert str(refused.value) == "Lot L-EXP-5 has not arrived yet; it is expected on 2026-03-04."
