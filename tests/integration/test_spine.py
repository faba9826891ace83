"""The command spine: one transaction per command, idempotency, events, time and refusals."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Event, ProcessedCommand, WorkOrder
from mes_terminal.domain.clock import FixedClock
from mes_terminal.domain.errors import Conflict, InvalidInput, NotPermitted, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from tests.helpers import OPERATOR, command


def _create(clock: FixedClock, number: str = "WO-1", **extra: object) -> c.CreateWorkOrder:
    return command(
        c.CreateWorkOrder,
        clock.now(),
        number=number,
        product="BRACKET-A",
        quantity=Decimal(100),
        due=clock.now() + timedelta(days=2),
        **extra,
    )


def _count(engine: Engine, record: type) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(record)) or 0


def test_a_replayed_command_returns_the_first_result_and_changes_nothing(bus: CommandBus, plant, clock) -> None:
    create = _create(clock)
    first = bus.execute(create)
    events_after_first = _count(plant, Event)

    again = bus.execute(create)

    assert again.replayed and not first.replayed
    assert again.result == first.result
    assert _count(plant, WorkOrder) == 1
    assert _count(plant, Event) == events_after_first
    assert _count(plant, ProcessedCommand) == 1


def test_events_carry_the_action_time_actor_and_before_after_values(bus: CommandBus, plant, clock) -> None:
    bus.execute(_create(clock))
    issued = clock.now() - timedelta(hours=3)  # recorded later than it happened: an offline replay
    release = command(c.ReleaseWorkOrder, issued, number="WO-1")
    bus.execute(release)

    with Session(plant) as session:
        event = session.scalars(select(Event).where(Event.type == "WorkOrderReleased")).one()
    assert event.occurred_at == issued
    assert event.recorded_at == clock.now()
    assert event.actor == "B2001"
    assert event.command_id == release.command_id
    assert (event.entity, event.entity_id) == ("work_order", "WO-1")
    assert event.payload == {"before": {"status": "planned"}, "after": {"status": "released"}}


def test_a_refused_command_writes_nothing(bus: CommandBus, plant, clock) -> None:
    events_before = _count(plant, Event)
    with pytest.raises(NotPermitted, match="Ada Lovelace may not create work orders"):
        bus.execute(
            command(
                c.CreateWorkOrder,
                clock.now(),
                actor=OPERATOR,
                number="WO-9",
                product="BRACKET-A",
                quantity=Decimal(5),
                due=clock.now(),
            )
        )
    assert _count(plant, WorkOrder) == 0
    assert _count(plant, Event) == events_before
    assert _count(plant, ProcessedCommand) == 0


def test_a_refused_command_can_be_sent_again_once_the_cause_is_fixed(bus: CommandBus, clock) -> None:
    release = command(c.ReleaseWorkOrder, clock.now(), number="WO-1")
    with pytest.raises(UnknownEntity, match="There is no work order WO-1"):
        bus.execute(release)
    bus.execute(_create(clock))
    assert bus.execute(release).result["status"] == "released"


def test_a_command_from_the_future_is_refused(bus: CommandBus, clock) -> None:
    with pytest.raises(InvalidInput, match="lies in the future") as refused:
        bus.execute(_create(clock.__class__(clock.now() + timedelta(minutes=10))))
    assert refused.value.code == "issued_in_future"


def test_small_clock_drift_is_tolerated(bus: CommandBus, clock) -> None:
    assert bus.execute(_create(FixedClock(clock.now() + timedelta(seconds=90)))).result["status"] == "planned"


def test_a_command_id_used_for_another_type_is_a_conflict(bus: CommandBus, clock) -> None:
    create = _create(clock)
    bus.execute(create)
    reused = c.ReleaseWorkOrder(command_id=create.command_id, actor="B2001", issued_at=clock.now(), number="WO-1")
    with pytest.raises(Conflict, match="already used for a CreateWorkOrder"):
        bus.execute(reused)


def test_a_failed_sign_in_is_recorded_without_processing_the_command(bus: CommandBus, plant, clock) -> None:
    from mes_terminal.domain.errors import AuthenticationFailed

    attempt = command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="0000")
    with pytest.raises(AuthenticationFailed, match="Badge or PIN not recognised"):
        bus.execute(attempt)
    with Session(plant) as session:
        refused = session.scalars(select(Event).where(Event.type == "SignInRefused")).one()
    assert (refused.station, refused.entity_id, refused.command_id) == ("WS-01", OPERATOR, None)
    assert "0000" not in str(refused.payload)
    assert _count(plant, ProcessedCommand) == 0


@pytest.mark.postgresql_only
def test_a_connection_dropped_by_the_server_is_replaced_without_losing_the_command(
    bus: CommandBus, plant, clock
) -> None:
    from sqlalchemy import create_engine, text

    bus.execute(_create(clock, "WO-A"))  # leaves a pooled connection behind
    admin = create_engine(plant.url)
    with admin.connect() as connection:
        killed = connection.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar_one()
    admin.dispose()
    assert killed >= 1
    assert bus.execute(_create(clock, "WO-B")).result["status"] == "planned"
    assert _count(plant, WorkOrder) == 2


@pytest.mark.postgresql_only
def test_a_command_wakes_listeners_on_postgresql_when_it_commits(bus, plant, clock) -> None:
    """Live screens LISTEN on mes_events; the event log's trigger notifies once per command, at commit."""
    import psycopg

    from mes_terminal.services.commands import catalog as c
    from tests.helpers import command

    url = plant.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute("LISTEN mes_events")
        bus.execute(command(c.CallSupervisor, clock.now(), station="WS-01", message="Jam"))
        woke = list(listener.notifies(timeout=5, stop_after=1))
    assert [n.channel for n in woke] == ["mes_events"]
