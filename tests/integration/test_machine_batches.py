"""A lane's machine readings delivered in one transaction: each still its own command (deduplicated by id,
its own events in order), a refused one set aside without losing the others, a batch delivered again
after a crash before the queue's acknowledgement counting nothing twice, and the event chain intact."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.orm import Session

from mes_terminal.cli import main
from mes_terminal.connectors.forwarder import Forwarder, command_of
from mes_terminal.connectors.store import LANES, NewReading, SignalStore, StoredReading
from mes_terminal.db.records import Event, MachineCount, ProcessedCommand, WorkOrderOperation
from mes_terminal.domain.clock import SystemClock
from mes_terminal.domain.errors import AuthenticationFailed, DatabaseUnavailable, MesError, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus, Outcome
from tests.helpers import OPERATOR, command
from tests.machine_helpers import load_machine_plant

MACHINE = "MACHINE"
SOURCE = "mqtt://127.0.0.1:1883"


@pytest.fixture
def bus(engine: Engine, clock) -> CommandBus:
    load_machine_plant(engine, clock.now())
    return CommandBus(engine, clock)


@pytest.fixture
def store(tmp_path: Path):
    store = SignalStore(tmp_path / "queue.sqlite")
    yield store
    store.close()


def count(station: str, value: int, at: datetime) -> NewReading:
    return NewReading(station, SOURCE, "count", str(value), at, MACHINE, "total")


def state(station: str, value: str, at: datetime) -> NewReading:
    return NewReading(station, SOURCE, "state", value, at, MACHINE)


def good(engine: Engine, station_id: int | None = None) -> Decimal:
    with Session(engine) as session:
        query = select(func.coalesce(func.sum(MachineCount.good), 0))
        if station_id is not None:
            query = query.where(MachineCount.workstation_id == station_id)
        return Decimal(session.scalar(query))


def events(engine: Engine) -> list[tuple[str, str, dict]]:
    with Session(engine) as session:
        rows = session.execute(select(Event.type, Event.station, Event.payload).order_by(Event.id)).all()
    return [(row.type, row.station, row.payload) for row in rows]


def chain_intact(database_url: str, capsys: pytest.CaptureFixture[str]) -> bool:
    code = main(["audit", "verify", "--database-url", database_url])
    capsys.readouterr()
    return code == 0


def test_a_refused_reading_in_the_middle_is_set_aside_and_the_others_commit(
    bus, engine, clock, store, database_url, capsys
) -> None:
    now = clock.now()
    # The third reading names a station that does not exist: the rules refuse it, the others apply.
    store.put(count("WS-01", 100, now), count("WS-01", 104, now + timedelta(seconds=1)))
    store.put(count("NO-SUCH", 7, now + timedelta(seconds=2)))
    store.put(count("WS-01", 109, now + timedelta(seconds=3)), state("WS-01", "down", now + timedelta(seconds=4)))
    forwarder = Forwarder(store, bus)
    assert forwarder.deliver() == 5 and len(store) == 0
    assert (forwarder.delivered, forwarder.refused) == (4, 1)
    assert good(engine) == 9
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(ProcessedCommand)) >= 4
        refused_id = command_of(_stored(count("NO-SUCH", 7, now + timedelta(seconds=2)))).command_id
        assert session.get(ProcessedCommand, refused_id) is None  # no trace, as a single refused command
    machine = [(t, p.get("good"), p.get("state")) for t, s, p in events(engine) if t.startswith("Machine")]
    assert machine == [
        ("MachineCounterStarted", None, None),
        ("MachineCountUnassigned", "4", None),
        ("MachineCountUnassigned", "5", None),
        ("MachineStateReported", None, "down"),
    ]
    assert chain_intact(database_url, capsys)


def _stored(r: NewReading) -> StoredReading:
    """The reading as the queue hands it out (its command id depends on what was read, not on `seq`)."""
    return StoredReading(0, r.station, r.source, r.kind, r.value, r.at, r.mode, None, r.badge)


def test_a_refusal_is_answered_and_audited_as_for_a_single_command(bus, engine, clock, database_url, capsys) -> None:
    now = clock.now()
    down = command(c.MachineState, now, actor=MACHINE, station="WS-01", state="down")
    wrong_pin = command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="0000")
    unknown = command(c.MachineState, now, actor=MACHINE, station="NO-SUCH", state="down")
    clock.advance(timedelta(minutes=5))
    running = command(c.MachineState, clock.now(), actor=MACHINE, station="WS-01", state="running")
    answers = bus.execute_many([down, wrong_pin, unknown, running])
    assert [type(a) for a in answers] == [Outcome, AuthenticationFailed, UnknownEntity, Outcome]
    with pytest.raises(AuthenticationFailed) as single:
        bus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="0000"))
    assert answers[1].code == single.value.code
    kinds = [t for t, _, _ in events(engine) if t in ("MachineStateReported", "SignInRefused", "DowntimeEnded")]
    # The failed sign-in's audit event in its place between the readings, then the single one's.
    assert kinds == ["MachineStateReported", "SignInRefused", "DowntimeEnded", "MachineStateReported", "SignInRefused"]
    assert chain_intact(database_url, capsys)


def test_a_batch_delivered_again_after_a_crash_counts_nothing_twice(
    bus, engine, clock, store, database_url, capsys
) -> None:
    now = clock.now()
    store.put(*(count("WS-01", 100 + 3 * i, now + timedelta(seconds=i)) for i in range(10)))
    store.put(state("WS-01", "down", now + timedelta(seconds=11)))
    # Committed, then the connector dies before the queue is told: the readings are still waiting.
    first = bus.execute_many([command_of(r) for r in store.oldest(100)])
    assert len(store) == 11 and not any(a.replayed for a in first if isinstance(a, Outcome))
    before = events(engine)
    forwarder = Forwarder(store, bus)
    assert forwarder.deliver() == 11 and len(store) == 0
    again = bus.execute_many([command_of(_stored(count("WS-01", 103, now + timedelta(seconds=1))))])
    assert isinstance(again[0], Outcome) and again[0].replayed and again[0].result == first[1].result
    assert events(engine) == before and good(engine) == 27
    assert chain_intact(database_url, capsys)


def test_a_reading_that_cannot_go_now_stops_its_lane_there_in_order(bus, engine, clock, store) -> None:
    now = clock.now()
    readings = [count("WS-01", 100 + i, now + timedelta(seconds=i)) for i in range(6)]
    store.put(*readings)
    # Another command already holds the fourth reading's id: a conflict the forwarder waits on, not a refusal.
    taken = command_of(_stored(readings[3])).command_id
    bus.execute(c.MachineState(command_id=taken, actor=MACHINE, issued_at=now, station="WS-01", state="idle"))
    forwarder = Forwarder(store, bus)
    assert forwarder.deliver() == 3  # the three before it; it and those behind it wait, in order
    assert [r.value for r in store.oldest()] == ["103", "104", "105"]
    assert (forwarder.delivered, forwarder.refused) == (3, 0)
    assert good(engine) == 2


def test_the_same_reading_twice_in_one_batch_runs_once(bus, engine, clock, store) -> None:
    now = clock.now()
    store.put(count("WS-01", 100, now), count("WS-01", 110, now + timedelta(seconds=1)))
    store.put(count("WS-01", 110, now + timedelta(seconds=1)))  # the broker delivered it again (QoS 1)
    readings = store.oldest()
    answers = bus.execute_many([command_of(r) for r in readings])
    assert [isinstance(a, Outcome) and a.replayed for a in answers] == [False, False, True]
    assert answers[2] == Outcome(answers[1].command_id, "MachineCount", answers[1].result, replayed=True)
    assert good(engine) == 10


def test_each_stations_readings_apply_in_their_order(bus, engine, clock, store) -> None:
    now = clock.now()
    readings = []
    for i in range(30):  # two stations interleaved; WS-02 has no [[machines]] entry, its readings still count
        at = now + timedelta(seconds=i)
        readings += [count("WS-01", 1000 + i * i, at), count("WS-02", 50 + 2 * i, at)]
        if i % 10 == 9:
            readings += [state("WS-01", "down" if i % 20 == 9 else "running", at)]
    store.put(*readings)
    forwarder = Forwarder(store, bus)
    commits: list[object] = []
    event.listen(engine, "commit", commits.append)
    assert forwarder.deliver(limit=25) == 25  # bounded: the rest wait for the next batch
    assert len(commits) == 1  # the 25 readings in one transaction
    while forwarder.deliver(limit=25):
        pass
    assert len(store) == 0 and forwarder.refused == 0
    got = [(s, p.get("good"), p.get("state")) for t, s, p in events(engine) if t.startswith("Machine")]
    want_ws01 = [str(2 * i - 1) for i in range(1, 30)]  # 1000 + i*i - (1000 + (i-1)^2)
    assert [g for s, g, _ in got if s == "WS-01" and g is not None] == want_ws01
    assert [g for s, g, _ in got if s == "WS-02" and g is not None] == ["2"] * 29
    assert [st for s, _, st in got if st is not None] == ["down", "running", "down"]
    with Session(engine) as session:
        stamps = session.scalars(select(Event.occurred_at).where(Event.station == "WS-01").order_by(Event.id)).all()
    assert stamps == sorted(stamps)


def test_a_sequence_of_other_commands_sees_what_came_before_it(bus, engine, clock, database_url, capsys) -> None:
    now = clock.now()
    due = now + timedelta(days=1)
    cmds = [
        command(c.CreateWorkOrder, now, number="WO-1", product="BRACKET-A", quantity=Decimal(100), due=due),
        command(c.ReleaseWorkOrder, now, number="WO-1"),
        command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"),
        command(c.StartJob, now, actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10),
        command(c.MachineCount, now, actor=MACHINE, station="WS-01", value=Decimal(5), mode="increment"),
    ]
    answers = bus.execute_many(cmds)
    assert all(isinstance(a, Outcome) for a in answers), answers
    assert answers[-1].result["work_order"] == "WO-1"  # the count went to the job the sequence started
    with Session(engine) as session:
        assert session.scalars(select(WorkOrderOperation.good_quantity).where(WorkOrderOperation.seq == 10)).one() == 5
    assert chain_intact(database_url, capsys)


def test_a_database_away_stops_the_batch_and_keeps_the_readings(tmp_path, store) -> None:
    now = datetime.now(UTC)
    store.put(count("WS-01", 100, now), count("WS-01", 104, now + timedelta(seconds=1)))
    away = CommandBus(create_engine(f"sqlite:///{tmp_path}/missing/nowhere.sqlite"), SystemClock())
    answers = away.execute_many([command_of(r) for r in store.oldest()], stop_on=(DatabaseUnavailable,))
    assert len(answers) == 1 and isinstance(answers[0], DatabaseUnavailable)
    with pytest.raises(DatabaseUnavailable):
        away.execute_many([command_of(r) for r in store.oldest()])
    assert Forwarder(store, away).deliver() == 0 and len(store) == 2


@pytest.mark.postgresql_only
def test_lanes_side_by_side_keep_the_chain_whole(engine, clock, store, database_url, capsys) -> None:
    load_machine_plant(engine, clock.now())
    bus = CommandBus(engine, SystemClock())
    now = datetime.now(UTC) - timedelta(minutes=1)
    stations = ["WS-01", "WS-02"]
    store.put(*(count(s, 10 * i, now + timedelta(milliseconds=i)) for i in range(300) for s in stations))
    errors: list[BaseException] = []

    def lane(n: int) -> None:
        try:
            forwarder = Forwarder(store, bus)
            while forwarder.deliver(limit=40, lane=n):
                pass
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    workers = [threading.Thread(target=lane, args=(n,)) for n in range(LANES)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert errors == [] and len(store) == 0
    assert good(engine) == 2 * 10 * 299
    assert chain_intact(database_url, capsys)


def test_refusals_are_mes_errors_never_tracebacks(bus, clock) -> None:
    now = clock.now()
    later = now + timedelta(hours=1)  # issued in the future: refused before the database is touched
    cmds = [
        command(c.MachineState, now, actor=MACHINE, station="WS-01", state="down"),
        command(c.MachineState, later, actor=MACHINE, station="WS-01", state="running"),
        command(c.MachineState, now, actor=MACHINE, station="WS-01", state="sleeping"),
    ]
    answers = bus.execute_many(cmds)
    assert isinstance(answers[0], Outcome)
    assert all(isinstance(a, MesError) for a in answers[1:])
