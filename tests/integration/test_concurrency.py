"""Two terminals acting on the same order at the same moment: the database decides, nothing is lost."""

from __future__ import annotations

import json
import multiprocessing
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import Event, JobRun, WorkOrder, WorkOrderOperation
from mes_terminal.domain.clock import SystemClock
from mes_terminal.domain.errors import MesError
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.codec import decode_line, encode
from mes_terminal.services.commands.registry import COMMAND_TYPES
from tests.helpers import command

ROUNDS = 5


def _worker(url: str, line: str, barrier: Any, results: Any) -> None:
    engine = make_engine(url)
    bus = CommandBus(engine, SystemClock())
    cmd = decode_line(line, COMMAND_TYPES)
    barrier.wait()
    try:
        outcome = bus.execute(cmd)
        results.put((cmd.type, "ok", outcome.replayed, dict(outcome.result)))
    except MesError as error:
        results.put((cmd.type, error.code, False, error.message))
    finally:
        engine.dispose()


def _race(url: str, *commands: c.Command) -> list[tuple]:
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(len(commands)), ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(url, json.dumps(encode(cmd)), barrier, results)) for cmd in commands]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return outcomes


def _order(bus: CommandBus, at, number: str) -> int:
    created = bus.execute(
        command(
            c.CreateWorkOrder, at, number=number, product="BRACKET-A", quantity=Decimal(10), due=at + timedelta(days=1)
        )
    )
    return created.result["version"]


def _status_and_events(engine, number: str) -> tuple[str, int]:
    with Session(engine) as session:
        status = session.scalars(select(WorkOrder.status).where(WorkOrder.number == number)).one()
        changes = session.scalar(
            select(func.count()).select_from(Event).where(Event.entity_id == number, Event.type != "WorkOrderCreated")
        )
    return status, changes or 0


def test_release_and_cancel_of_the_same_version_exactly_one_wins(bus: CommandBus, plant, database_url, clock) -> None:
    for round_ in range(ROUNDS):
        number = f"WO-R{round_}"
        seen = _order(bus, clock.now(), number)
        outcomes = _race(
            database_url,
            command(c.ReleaseWorkOrder, clock.now(), number=number, expected_version=seen),
            command(c.CancelWorkOrder, clock.now(), number=number, expected_version=seen),
        )
        winners = [o for o in outcomes if o[1] == "ok"]
        losers = [o for o in outcomes if o[1] != "ok"]
        assert len(winners) == 1, outcomes
        assert losers[0][1] == "conflict" and "changed by someone else meanwhile" in losers[0][3]
        status, changes = _status_and_events(plant, number)
        assert status == winners[0][3]["status"]
        assert changes == 1


def test_without_a_version_the_outcome_is_one_serial_order(bus: CommandBus, plant, database_url, clock) -> None:
    for round_ in range(ROUNDS):
        number = f"WO-S{round_}"
        _order(bus, clock.now(), number)
        outcomes = _race(
            database_url,
            command(c.ReleaseWorkOrder, clock.now(), number=number),
            command(c.CancelWorkOrder, clock.now(), number=number),
        )
        by_type = {o[0]: o for o in outcomes}
        status, changes = _status_and_events(plant, number)
        # Release first then cancel: both succeed. Cancel first: the release is refused.
        assert status == "cancelled"
        assert by_type["CancelWorkOrder"][1] == "ok"
        assert changes == sum(o[1] == "ok" for o in outcomes)
        if by_type["ReleaseWorkOrder"][1] != "ok":
            assert by_type["ReleaseWorkOrder"][1] == "work_order.cannot_release"


def test_the_same_command_delivered_twice_at_once_runs_once(bus: CommandBus, plant, database_url, clock) -> None:
    create = command(
        c.CreateWorkOrder, clock.now(), number="WO-TWICE", product="BRACKET-A", quantity=Decimal(3), due=clock.now()
    )
    outcomes = _race(database_url, create, create)
    assert [o[1] for o in outcomes] == ["ok", "ok"]
    assert sorted(o[2] for o in outcomes) == [False, True]
    assert outcomes[0][3] == outcomes[1][3]
    with Session(plant) as session:
        assert session.scalar(select(func.count()).select_from(WorkOrder)) == 1


def test_two_terminals_starting_the_same_operation_exactly_one_wins(
    bus: CommandBus, plant, database_url, clock
) -> None:
    for round_ in range(ROUNDS):
        number = f"WO-J{round_}"
        _order(bus, clock.now(), number)
        bus.execute(command(c.ReleaseWorkOrder, clock.now(), number=number))
        # A lead may start without signing in; two leads at two terminals of the same station tap Start.
        outcomes = _race(
            database_url,
            command(c.StartJob, clock.now(), actor="B4001", station="WS-01", work_order=number, operation=10),
            command(c.StartJob, clock.now(), actor="B2001", station="WS-01", work_order=number, operation=10),
        )
        codes = sorted(o[1] for o in outcomes)
        assert codes == ["job.already_running", "ok"], outcomes
        with Session(plant) as session:
            runs = session.scalar(
                select(func.count())
                .select_from(JobRun)
                .join(WorkOrderOperation)
                .join(WorkOrder)
                .where(WorkOrder.number == number)
            )
        assert runs == 1


def test_sixteen_terminals_taking_from_one_lot_never_take_more_than_it_holds(
    bus: CommandBus, plant, database_url, clock
) -> None:
    from mes_terminal.db.records import Consumption, Lot
    from tests.helpers import OPERATOR

    at = clock.now()
    _order(bus, at, "WO-LOT")
    bus.execute(command(c.ReleaseWorkOrder, at, number="WO-LOT"))
    bus.execute(command(c.SignIn, at, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    job = {"actor": OPERATOR, "station": "WS-01", "work_order": "WO-LOT", "operation": 10}
    bus.execute(command(c.StartJob, at, **job))
    bus.execute(command(c.ReceiveLot, at, lot="S-RACE", material="STEEL-2MM", quantity=Decimal(10)))

    outcomes = _race(
        database_url,
        *(command(c.ConsumeLot, clock.now(), lot="S-RACE", quantity=Decimal(1), **job) for _ in range(16)),
    )

    taken = [o for o in outcomes if o[1] == "ok"]
    refused = [o for o in outcomes if o[1] != "ok"]
    assert len(taken) == 10 and len(refused) == 6
    assert {o[1] for o in refused} <= {"lot.consumed", "lot.not_enough", "lot.empty"}
    with Session(plant) as session:
        lot = session.scalars(select(Lot).where(Lot.number == "S-RACE")).one()
        assert (lot.quantity, lot.status) == (0, "consumed")
        assert session.scalar(select(func.sum(Consumption.quantity))) == 10
