"""Property: whatever operators do to a lot, in any order, no material appears or disappears.

Random sequences of takes, returns, splits, scrap, holds and releases, with quantities a person could
type (including too much). Each command either goes through or is refused with a MesError; afterwards
what the lot family holds, plus what went into the job, plus what was scrapped, is what was received.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Consumption, Lot
from mes_terminal.domain.errors import MesError
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from tests.helpers import OPERATOR, SUPERVISOR, command

RECEIVED = Decimal(50)
quantities = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(80), places=3)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("take"), quantities),
        st.tuples(st.just("return"), quantities),
        st.tuples(st.just("split"), quantities),
        st.tuples(st.just("scrap"), quantities),
        st.tuples(st.just("hold"), st.none()),
        st.tuples(st.just("release"), st.none()),
    ),
    max_size=12,
)


@pytest.fixture
def job(bus: CommandBus, clock) -> dict:
    now = clock.now()
    bus.execute(command(c.CreateWorkOrder, now, number="WO-P", product="BRACKET-A", quantity=Decimal(1000), due=now))
    bus.execute(command(c.ReleaseWorkOrder, now, number="WO-P"))
    bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    fields = {"actor": OPERATOR, "station": "WS-01", "work_order": "WO-P", "operation": 10}
    bus.execute(command(c.StartJob, now, **fields))
    bus.execute(command(c.ReportCount, now, good=Decimal(1), **fields))  # the output lot exists
    return fields


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_lot_operations_never_create_or_lose_material(bus: CommandBus, clock, job: dict, steps) -> None:
    lot = f"P-{uuid.uuid4().hex[:8]}"
    bus.execute(command(c.ReceiveLot, clock.now(), lot=lot, material="STEEL-2MM", quantity=RECEIVED))
    scrapped = Decimal(0)
    for kind, quantity in steps:
        clock.advance(timedelta(seconds=1))
        at = clock.now()
        try:
            if kind == "take":
                bus.execute(command(c.ConsumeLot, at, lot=lot, quantity=quantity, **job))
            elif kind == "return":
                bus.execute(command(c.ReturnLot, at, lot=lot, quantity=quantity, **job))
            elif kind == "split":
                bus.execute(command(c.SplitLot, at, actor=OPERATOR, lot=lot, quantity=quantity))
            elif kind == "scrap":
                bus.execute(command(c.ScrapLot, at, actor=SUPERVISOR, lot=lot, quantity=quantity, scrap_reason="BURR"))
                scrapped += quantity
            elif kind == "hold":
                bus.execute(command(c.HoldLot, at, actor=SUPERVISOR, lot=lot, reason="Check"))
            else:
                bus.execute(command(c.ReleaseLot, at, actor=SUPERVISOR, lot=lot))
        except MesError:
            pass  # refused with a sentence; nothing may have changed

    with Session(bus.engine) as session:
        family = list(session.scalars(select(Lot).where(Lot.number.like(f"{lot}%"))))
        original = next(row for row in family if row.number == lot)
        taken = session.scalar(
            select(func.coalesce(func.sum(Consumption.quantity - Consumption.returned_quantity), 0)).where(
                Consumption.lot_id == original.id
            )
        )
    assert all(row.quantity >= 0 for row in family)
    assert sum((row.quantity for row in family), Decimal(0)) + Decimal(taken) + scrapped == RECEIVED
    assert original.status in ("available", "on_hold", "consumed", "scrapped")
