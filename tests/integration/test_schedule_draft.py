"""The console's draft plan without the console (services/planning/draft.py), on SQLite and PostgreSQL:
a stopped station planned around, running work kept, and a draft that breaks a rule not published."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mes_terminal.domain.error_codes import SCHEDULE_MOVE_REFUSED, SCHEDULE_PLAN_FAULT
from mes_terminal.domain.errors import InvalidState
from mes_terminal.scheduling.timeline import instant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.planning import draft as d
from mes_terminal.services.planning.planner import plan_plant, publish
from tests.helpers import SUPERVISOR, command, run_first_job


def release(bus, clock, number: str, quantity: int, due_hours: int) -> None:
    now = clock.now()
    due = now + timedelta(hours=due_hours)
    bus.execute(
        command(c.CreateWorkOrder, now, number=number, product="BRACKET-A", quantity=Decimal(quantity), due=due)
    )
    bus.execute(command(c.ReleaseWorkOrder, now, number=number))


def test_work_running_on_a_stopped_station_goes_on_after_it_is_up_again(plant, bus, clock) -> None:
    run_first_job(bus, clock.now(), quantity=100)  # WO-1/10 running at WS-01: 20 minutes left
    release(bus, clock, "WO-2", 100, 24)
    bus.execute(command(c.StartDowntime, clock.now(), station="WS-01", reason="BREAKDOWN"))
    draft = d.open_draft(plant, clock.now())
    assert [stop.station for stop in draft.stops] == ["WS-01"]
    assert draft.stops[0].reason == "Breakdown"
    until = clock.now() + timedelta(hours=2)
    planned = d.reschedule(plant, draft, clock.now(), down_until={"WS-01": until}, time_limit=2.0)
    at = {p.key: p for p in planned.operations}
    running = at["WO-1/10"]
    assert running.station == "WS-01" and instant(planned.origin, running.end) >= until + timedelta(minutes=20)
    assert at["WO-2/10"].start >= running.end and at["WO-2/10"].station == "WS-01"
    assert planned.faults() == []
    # Running work stays where it is: moving it is refused.
    with pytest.raises(InvalidState) as refused:
        d.move(planned, "WO-1/10", "WS-01", clock.now() + timedelta(hours=3))
    assert refused.value.code == SCHEDULE_MOVE_REFUSED and "was to stay at WS-01" in refused.value.message
    # Once the moment has passed, a reschedule plans the station as usual again.
    clock.advance(timedelta(hours=3))
    again = d.reschedule(plant, planned, clock.now(), time_limit=2.0)
    assert again.down_until == {}


def test_a_draft_that_leaves_work_unplanned_is_not_published(plant, bus, clock) -> None:
    release(bus, clock, "WO-1", 100, 24)
    publish(bus, plan_plant(plant, clock.now(), time_limit=2.0), SUPERVISOR, clock.now())
    release(bus, clock, "WO-2", 100, 24)  # released after the plan was published
    draft = d.open_draft(plant, clock.now())
    assert not draft.changed and draft.unplanned() == 2
    with pytest.raises(InvalidState) as refused:
        d.publishable(draft)
    assert refused.value.code == SCHEDULE_PLAN_FAULT
    assert refused.value.message == (
        "The plan breaks a rule (WO-2/10 is not planned); nothing was changed. Reschedule first."
    )
    planned = d.reschedule(plant, draft, clock.now(), time_limit=2.0)
    assert planned.unplanned() == 0 and len(d.publishable(planned)) == 4


def test_any_drop_is_either_refused_with_a_sentence_or_keeps_every_rule(plant, bus, clock) -> None:
    """Drops are outside input: wherever an operation lands, the draft after it breaks no rule the draft
    before it kept, or the drop is refused with one sentence and the draft is unchanged."""
    for number, due in (("WO-1", 8), ("WO-2", 30), ("WO-3", 50)):
        release(bus, clock, number, 300, due)
    draft = d.reschedule(plant, d.open_draft(plant, clock.now()), clock.now(), time_limit=2.0)
    keys = sorted(p.key for p in draft.operations)
    assert draft.faults() == []

    @settings(max_examples=150, deadline=None)
    @given(
        key=st.sampled_from(keys),
        station=st.sampled_from(["WS-01", "WS-02", "WS-09"]),
        shift=st.integers(min_value=-24 * 60, max_value=4 * 24 * 60),
    )
    def drop(key: str, station: str, shift: int) -> None:
        placed = next(p for p in draft.operations if p.key == key)
        start = instant(draft.origin, placed.start + shift)
        try:
            moved = d.move(draft, key, station, start)
        except InvalidState as error:
            assert error.code == SCHEDULE_MOVE_REFUSED
            assert error.message.startswith(f"{key} cannot go there: ") and "\n" not in error.message
            return
        assert moved.faults() == []
        assert next(p for p in moved.operations if p.key == key).station == station
        assert d.publishable(moved)

    drop()
