"""Stops at a station: start and end, reasons given later, splits, machine states, and what is refused."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import DowntimeEvent, Event, User
from mes_terminal.domain.clock import FixedClock
from mes_terminal.domain.errors import InvalidInput, InvalidState, MesError, NotPermitted, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.codec import decode_line, encode
from mes_terminal.services.commands.registry import COMMAND_TYPES
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.terminal import TerminalService
from tests.helpers import DATA, command

OPERATOR, SUPERVISOR, MACHINE = "B1001", "B2001", "B9001"
STATION = "M-A"


@pytest.fixture
def bus(engine: Engine, clock: FixedClock) -> CommandBus:
    load_plant(engine, read_plant_file(DATA / "oee_plant.toml"), now=clock.now())
    bus = CommandBus(engine, clock)
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station=STATION, badge=OPERATOR, pin="4711"))
    return bus


def later(clock: FixedClock, minutes: float) -> None:
    clock.advance(timedelta(minutes=minutes))


def run(bus: CommandBus, clock: FixedClock, cls: type[c.Command], actor: str = OPERATOR, **fields: object) -> dict:
    return dict(bus.execute(command(cls, clock.now(), actor=actor, **fields)).result)


def stops(engine: Engine) -> list[DowntimeEvent]:
    with Session(engine) as session:
        return list(session.scalars(select(DowntimeEvent).order_by(DowntimeEvent.started_at)))


def event_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Event)) or 0


def refused(
    bus: CommandBus, engine: Engine, clock: FixedClock, kind: type[MesError], cls: type[c.Command], **fields: object
) -> str:
    """Run a command that must be refused; returns the error's code, after checking that nothing changed."""
    before = (event_count(engine), [(s.id, s.ended_at, s.reason_id) for s in stops(engine)])
    with pytest.raises(kind) as error:
        run(bus, clock, cls, **fields)
    assert error.value.message.endswith(".") and "\n" not in error.value.message
    assert (event_count(engine), [(s.id, s.ended_at, s.reason_id) for s in stops(engine)]) == before
    return error.value.code


def test_a_stop_without_a_reason_shows_reason_needed_until_classified(bus, engine, clock) -> None:
    terminal = TerminalService(engine, bus, clock)
    started = run(bus, clock, c.StartDowntime, station=STATION, comment="smoke from the motor")
    assert started["reason_needed"] is True and started["source"] == "operator"

    shown = terminal.open_downtime(STATION)
    assert shown is not None and shown.reason_needed and shown.downtime_id == started["downtime_id"]
    assert terminal.station(STATION).state == "down"

    later(clock, 5)
    run(bus, clock, c.ClassifyDowntime, actor=SUPERVISOR, downtime_id=started["downtime_id"], reason="ELEC")
    shown = terminal.open_downtime(STATION)
    assert shown is not None and not shown.reason_needed and shown.reason == "ELEC"
    later(clock, 10)
    ended = run(bus, clock, c.EndDowntime, station=STATION)
    assert ended["ended_at"] == (clock.now()).isoformat().replace("+00:00", "Z")
    assert terminal.open_downtime(STATION) is None

    (stop,) = stops(engine)
    with Session(engine) as session:
        classifier = session.get_one(User, stop.classified_by_id)
        types = session.scalars(select(Event.type).order_by(Event.id)).all()
        classified = session.scalars(select(Event).where(Event.type == "DowntimeClassified")).one()
    assert (classifier.badge, stop.classified_at) == (SUPERVISOR, clock.now() - timedelta(minutes=10))
    assert stop.comment == "smoke from the motor"
    assert types[-3:] == ["DowntimeStarted", "DowntimeClassified", "DowntimeEnded"]
    assert classified.payload["before"] == {"reason": None} and classified.payload["after"] == {"reason": "ELEC"}


def test_the_reason_tree_marks_groups_and_inherits_category_and_loss(bus, engine, clock) -> None:
    tree = {node.code: node for node in TerminalService(engine, bus, clock).downtime_reason_tree()}
    assert tree["BREAKDOWN"].leaf is False and tree["MECH"].leaf is True
    assert (tree["JAM"].parent, tree["JAM"].category, tree["JAM"].loss) == ("MINOR", "unplanned", "performance")
    assert tree["MEETING"].category == "planned"


def test_what_is_refused_changes_nothing(bus, engine, clock) -> None:
    def code(kind: type[MesError], cls: type[c.Command], **fields: object) -> str:
        return refused(bus, engine, clock, kind, cls, **fields)

    assert code(InvalidState, c.EndDowntime, station=STATION) == "downtime.not_down"
    assert code(UnknownEntity, c.StartDowntime, station=STATION, reason="NOPE") == "unknown_downtime_reason"
    assert code(InvalidState, c.StartDowntime, station=STATION, reason="BREAKDOWN") == "downtime.reason_not_leaf"
    stop = run(bus, clock, c.StartDowntime, station=STATION, reason="MECH")["downtime_id"]
    later(clock, 1)
    assert code(InvalidState, c.StartDowntime, station=STATION) == "downtime.already_down"
    assert code(InvalidState, c.ClassifyDowntime, downtime_id=stop, reason="MINOR") == "downtime.reason_not_leaf"
    assert code(UnknownEntity, c.ClassifyDowntime, downtime_id=999, reason="MECH") == "unknown_downtime"
    assert code(InvalidState, c.ClassifyDowntime, downtime_id=stop, reason="ELEC", station="M-B") == (
        "downtime.other_station"
    )
    outside = clock.now() + timedelta(minutes=5)
    assert code(InvalidState, c.SplitDowntime, downtime_id=stop, split_at=outside) == "downtime.split_outside"
    assert code(InvalidInput, c.MachineState, actor=MACHINE, station=STATION, state="smoking") == "invalid_input"


def test_a_stop_cannot_start_inside_or_before_a_recorded_one(bus, engine, clock) -> None:
    run(bus, clock, c.StartDowntime, station=STATION, reason="MECH")
    later(clock, 30)
    run(bus, clock, c.EndDowntime, station=STATION)
    earlier = clock.now() - timedelta(minutes=10)
    with pytest.raises(InvalidState) as inside:
        bus.execute(command(c.StartDowntime, earlier, actor=OPERATOR, station=STATION))
    assert inside.value.code == "downtime.already_down"
    with pytest.raises(InvalidState) as before:
        bus.execute(command(c.StartDowntime, earlier - timedelta(hours=1), actor=OPERATOR, station=STATION))
    assert before.value.code == "downtime.overlaps_later"
    with pytest.raises(InvalidState) as backwards:
        run(bus, clock, c.StartDowntime, station=STATION)
        bus.execute(command(c.EndDowntime, clock.now() - timedelta(minutes=1), actor=OPERATOR, station=STATION))
    assert backwards.value.code == "downtime.ends_before_start"


def test_split_makes_two_stops_with_their_own_reasons(bus, engine, clock) -> None:
    start = clock.now()
    stop = run(bus, clock, c.StartDowntime, station=STATION, reason="MECH")
    later(clock, 40)
    run(bus, clock, c.EndDowntime, station=STATION)
    split = run(
        bus,
        clock,
        c.SplitDowntime,
        actor=SUPERVISOR,
        downtime_id=stop["downtime_id"],
        split_at=start + timedelta(minutes=25),
        reason_after="ELEC",
    )
    first, second = stops(engine)
    assert (first.id, second.split_from_id) == (stop["downtime_id"], stop["downtime_id"])
    assert (first.started_at, first.ended_at) == (start, start + timedelta(minutes=25))
    assert (second.started_at, second.ended_at) == (start + timedelta(minutes=25), start + timedelta(minutes=40))
    assert [p["reason"] for p in split["parts"]] == ["MECH", "ELEC"]


def test_an_open_stop_splits_and_its_second_part_stays_open(bus, engine, clock) -> None:
    start = clock.now()
    stop = run(bus, clock, c.StartDowntime, station=STATION)
    later(clock, 20)
    split = run(
        bus, clock, c.SplitDowntime, downtime_id=stop["downtime_id"], split_at=start + timedelta(minutes=5),
        reason_before="JAM", reason_after="MECH",
    )  # fmt: skip
    first, second = stops(engine)
    assert first.ended_at == start + timedelta(minutes=5) and second.ended_at is None
    assert [p["reason"] for p in split["parts"]] == ["JAM", "MECH"]
    assert run(bus, clock, c.EndDowntime, station=STATION)["downtime_id"] == second.id


def test_machine_states_open_and_end_unclassified_stops(bus, engine, clock) -> None:
    opened = run(bus, clock, c.MachineState, actor=MACHINE, station=STATION, state="stopped")
    assert opened["down"] and opened["reason_needed"]
    later(clock, 1)
    faulted = run(bus, clock, c.MachineState, actor=MACHINE, station=STATION, state="faulted")
    assert faulted["downtime_id"] == opened["downtime_id"]  # still the same stop
    later(clock, 3)
    assert run(bus, clock, c.MachineState, actor=MACHINE, station=STATION, state="running")["down"] is False
    (stop,) = stops(engine)
    assert (stop.source, stop.machine_state, stop.reason_id) == ("machine", "faulted", None)
    assert stop.ended_at - stop.started_at == timedelta(minutes=4)


def test_a_machine_does_not_end_an_operators_stop(bus, engine, clock) -> None:
    run(bus, clock, c.StartDowntime, station=STATION, reason="MECH")
    later(clock, 2)
    assert run(bus, clock, c.MachineState, actor=MACHINE, station=STATION, state="running")["down"] is True
    assert stops(engine)[0].ended_at is None


def test_pausing_with_a_reason_classifies_the_machines_open_stop(bus, engine, clock) -> None:
    bus.execute(
        command(c.CreateWorkOrder, clock.now(), actor=SUPERVISOR, number="WO-1", product="WIDGET",
                quantity=Decimal(10), due=clock.now() + timedelta(days=1))
    )  # fmt: skip
    bus.execute(command(c.ReleaseWorkOrder, clock.now(), actor=SUPERVISOR, number="WO-1"))
    job = {"station": STATION, "work_order": "WO-1", "operation": 10}
    run(bus, clock, c.StartJob, **job)
    later(clock, 5)
    stopped = run(bus, clock, c.MachineState, actor=MACHINE, station=STATION, state="stopped")
    later(clock, 1)
    paused = run(bus, clock, c.PauseJob, **job, reason="JAM", comment="  feeder blocked ")
    assert paused["downtime_id"] == stopped["downtime_id"]
    (stop,) = stops(engine)
    assert stop.reason_id is not None and stop.classified_at == clock.now()
    assert stop.comment == "feeder blocked"  # the machine's stop had none: the operator's comment is kept
    with pytest.raises(InvalidState) as group:
        run(bus, clock, c.PauseJob, **job, reason="MINOR")
    assert group.value.code == "downtime.reason_not_leaf"


def test_operators_act_where_signed_in_and_supervisors_anywhere(bus, engine, clock) -> None:
    with pytest.raises(NotPermitted) as elsewhere:
        run(bus, clock, c.StartDowntime, station="M-B")
    assert elsewhere.value.code == "not_signed_in"
    stop = run(bus, clock, c.StartDowntime, actor=SUPERVISOR, station="M-B")
    assert (
        run(bus, clock, c.ClassifyDowntime, actor=SUPERVISOR, downtime_id=stop["downtime_id"], reason="MECH")["reason"]
        == "MECH"
    )


def test_the_same_command_twice_changes_nothing(bus, engine, clock) -> None:
    start = command(c.StartDowntime, clock.now(), actor=OPERATOR, station=STATION, reason="MECH")
    first, again = bus.execute(start), bus.execute(start)
    assert again.replayed and again.result == first.result
    assert len(stops(engine)) == 1


# --- the JSON-lines form -------------------------------------------------------------------------

DOWNTIME_TYPES = ["StartDowntime", "EndDowntime", "ClassifyDowntime", "SplitDowntime", "MachineState"]
field_values = st.one_of(
    st.sampled_from(["M-A", "MECH", "BREAKDOWN", "running", "faulted", "2026-03-02T06:00:00Z", "x y", ""]),
    st.integers(-3, 10),
    st.none(),
    st.booleans(),
    st.text(max_size=8),
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(DOWNTIME_TYPES),
    st.dictionaries(
        st.sampled_from(["station", "reason", "comment", "downtime_id", "split_at", "reason_before", "state"]),
        field_values,
        max_size=4,
    ),
)
def test_downtime_lines_run_or_are_refused_in_one_sentence(bus, type_, fields) -> None:
    line = json.dumps(
        {"type": type_, "command_id": str(uuid.uuid4()), "issued_at": "2026-03-02T06:00:00Z", "actor": SUPERVISOR}
        | fields
    )
    try:
        decoded = decode_line(line, COMMAND_TYPES)
        assert decode_line(json.dumps(encode(decoded)), COMMAND_TYPES) == decoded
        bus.execute(decoded)
    except MesError as error:
        assert error.message.endswith(".") and "\n" not in error.message
