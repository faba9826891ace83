"""The plant's plan (`mes-terminal schedule`): read from the database, checked, published, followed.

On SQLite and PostgreSQL: released orders of the small test plant (one line, two stations, shift
EARLY 06:00-14:00 Berlin time with a break at 09:00), planned over that calendar; publishing stores
the plan, records an event and reorders the dispatch lists.
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select

from mes_terminal.cli import main
from mes_terminal.db.records import Event, PlannedOperation
from mes_terminal.domain.clock import FixedClock
from mes_terminal.domain.errors import NotPermitted
from mes_terminal.domain.intervals import Span
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.planning.planner import plan_json, plan_plant, publish, read_facts
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.queries.dispatch import station_dispatch
from tests.helpers import DATA, OPERATOR, SUPERVISOR, command

BERLIN = ZoneInfo("Europe/Berlin")


def release_orders(bus: CommandBus, clock: FixedClock, orders: list[tuple[str, int, int, int]]) -> None:
    """(number, quantity, due in hours, priority) each: created and released."""
    now = clock.now()
    for number, quantity, due_hours, priority in orders:
        bus.execute(
            command(
                c.CreateWorkOrder,
                now,
                number=number,
                product="BRACKET-A",
                quantity=Decimal(quantity),
                due=now + timedelta(hours=due_hours),
                priority=priority,
            )
        )
        bus.execute(command(c.ReleaseWorkOrder, now, number=number))


ORDERS = [("WO-A", 900, 30, 0), ("WO-B", 300, 6, 5), ("WO-C", 600, 50, 0)]


def test_the_plan_covers_every_open_operation_inside_the_shifts(
    plant: Engine, bus: CommandBus, clock: FixedClock
) -> None:
    release_orders(bus, clock, ORDERS)
    plan = plan_plant(plant, clock.now(), time_limit=3.0)
    assert plan.violations == ()
    assert {(line.work_order, line.operation) for line in plan.lines} == {
        (number, seq) for number, *_ in ORDERS for seq in (10, 20)
    }
    for line in plan.lines:
        start, end = line.start.astimezone(BERLIN), line.end.astimezone(BERLIN)
        assert start.weekday() < 5 and 6 <= start.hour < 14, line  # the EARLY shift, Monday to Friday
        assert not (start.hour == 9 and start.minute < 15), line  # not inside the break
        assert end.hour < 14 or (end.hour == 14 and end.minute == 0), line
    # WO-B (due in 6 hours, priority 5) is cut first at WS-01.
    first_cut = min((line for line in plan.lines if line.station == "WS-01"), key=lambda line: line.start)
    assert first_cut.work_order == "WO-B"
    assert plan.figures.weighted_tardiness_minutes <= plan.baseline.weighted_tardiness_minutes  # type: ignore[union-attr]
    shaped = plan_json(plan)
    assert set(shaped) >= {"operations", "figures", "baseline"}
    assert set(shaped["operations"][0]) == {"work_order", "operation", "station", "start", "end", "setup_minutes"}  # type: ignore[index]
    assert shaped["operations"][0]["start"].endswith("Z")  # type: ignore[index]


def test_publishing_stores_the_plan_and_the_dispatch_lists_follow_it(
    plant: Engine, bus: CommandBus, clock: FixedClock
) -> None:
    release_orders(bus, clock, ORDERS)
    plan = plan_plant(plant, clock.now(), time_limit=3.0)
    outcome = publish(bus, plan, SUPERVISOR, clock.now())
    assert outcome.result == {"operations": 6, "stations": ["WS-01", "WS-02"]}
    with plant.connect() as connection:
        assert len(connection.execute(select(PlannedOperation)).all()) == 6
        events = connection.execute(select(Event.type).where(Event.type == "SchedulePublished")).all()
        assert len(events) == 1
        for station in ("WS-01", "WS-02"):
            listed = [(d.item.work_order, d.item.operation) for d in station_dispatch(connection, station, clock.now())]
            planned = [
                (line.work_order, line.operation)
                for line in sorted(plan.lines, key=lambda line: line.start)
                if line.station == station
            ]
            assert listed == planned
    # Planning again starts from the published plan and moves nothing that need not move.
    again = plan_plant(plant, clock.now(), time_limit=3.0)
    assert again.figures.changes == 0


def test_only_planners_publish(plant: Engine, bus: CommandBus, clock: FixedClock) -> None:
    release_orders(bus, clock, ORDERS[:1])
    plan = plan_plant(plant, clock.now(), time_limit=1.0)
    with pytest.raises(NotPermitted):
        publish(bus, plan, OPERATOR, clock.now())


def test_a_plan_line_that_is_not_one_is_refused(plant: Engine, bus: CommandBus, clock: FixedClock) -> None:
    from mes_terminal.domain.errors import InvalidInput

    release_orders(bus, clock, ORDERS[:1])
    with pytest.raises(InvalidInput, match="operations\\[0\\]"):
        bus.execute(command(c.PublishSchedule, clock.now(), operations=("WO-A/10 WS-01 yesterday",)))


def test_the_command_line_prints_json_and_applies(
    capsys: pytest.CaptureFixture[str], plant: Engine, bus: CommandBus, clock: FixedClock, database_url: str
) -> None:
    release_orders(bus, clock, ORDERS)
    start = "2026-03-02T06:00:00Z"
    args = ["schedule", "--database-url", database_url, "--from", start, "--time-limit", "2"]
    assert main([*args, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert len(shown["operations"]) == 6 and shown["baseline"]["method"] in ("edd", "spt", "cr")
    assert main([*args, "--apply"]) == 2  # no actor
    assert "--actor" in capsys.readouterr().err
    assert main([*args, "--apply", "--actor", SUPERVISOR]) == 0
    out = capsys.readouterr().out
    assert "WS-01" in out and "weighted tardiness" in out and "Published: 6 operations on 2 stations." in out
    # 06:00 UTC is 07:00 in Berlin (CET): the printed plan reads the site's wall clock and names its zone.
    assert out.startswith("Plan from 2026-03-02 07:00 CET to ") and "UTC" not in out
    assert "Mon 02 07:" in out


# --- the plant file's planning calendar reaches the plan ----------------------------------------------

CALENDAR = """
[[products]]
code = "PLATE-B"
name = "Plate B"
unit = "pcs"
family = "PLATES"

[[products.routing]]
operation = 10
name = "Cut"
workstations = ["WS-01"]
ideal_cycle_seconds = 12.0
setup_minutes = 10

[[changeovers]]
from = "BRACKETS"
to = "PLATES"
minutes = 40

[[changeovers]]
from = "PLATES"
to = "BRACKETS"
minutes = 25

[[holidays]]
date = 2026-03-03
name = "Works outing"

[[maintenance]]
station = "WS-01"
start = 2026-03-02T08:00:00
end = 2026-03-02T10:00:00
reason = "Lens cleaning"
"""


def calendar_plant(engine: Engine, clock: FixedClock) -> None:
    text = (DATA / "small_plant.toml").read_text(encoding="utf-8")
    text = text.replace('name = "Bracket A"\n', 'name = "Bracket A"\nfamily = "BRACKETS"\n', 1)
    text = text.replace("badge_only = true\n", "badge_only = true\ncapacity = 2\n", 1)
    text = text.replace("ideal_cycle_seconds = 20.0\n", "ideal_cycle_seconds = 20.0\ntransfer_minutes = 30\n", 1)
    load_plant(engine, parse_plant(text + CALENDAR, source="calendar.toml"), now=clock.now())


def test_the_plant_files_calendar_is_read_for_the_plan(engine: Engine, clock: FixedClock) -> None:
    calendar_plant(engine, clock)
    facts = read_facts(engine)
    assert {s.code: s.capacity for s in facts.stations} == {"WS-01": 1, "WS-02": 2}
    assert dict(facts.changeovers) == {("BRACKETS", "PLATES"): 40, ("PLATES", "BRACKETS"): 25}
    assert list(facts.holidays.values()) == [(date(2026, 3, 3),)]
    assert facts.maintenance == {
        "WS-01": (Span(datetime(2026, 3, 2, 7, tzinfo=UTC), datetime(2026, 3, 2, 9, tzinfo=UTC)),)
    }


def test_the_plan_keeps_holidays_maintenance_transfers_capacity_and_changeovers(
    engine: Engine, clock: FixedClock
) -> None:
    calendar_plant(engine, clock)
    bus = CommandBus(engine, clock)
    release_orders(bus, clock, [("WO-A", 900, 30, 0), ("WO-B", 900, 30, 0), ("WO-C", 600, 40, 0)])
    now = clock.now()
    bus.execute(command(c.CreateWorkOrder, now, number="WO-P", product="PLATE-B", quantity=Decimal(600), due=now))
    bus.execute(command(c.ReleaseWorkOrder, now, number="WO-P"))

    plan = plan_plant(engine, clock.now(), time_limit=5.0)

    assert plan.violations == ()
    service = (datetime(2026, 3, 2, 7, tzinfo=UTC), datetime(2026, 3, 2, 9, tzinfo=UTC))
    outing = (datetime(2026, 3, 2, 23, tzinfo=UTC), datetime(2026, 3, 3, 23, tzinfo=UTC))  # Berlin's Tuesday
    for line in plan.lines:
        # Nothing starts or ends inside the closed time (work paused over it is checked by `violations`).
        for start, end in (outing, service if line.station == "WS-01" else outing):
            assert not (start < line.start < end or start < line.end < end), line
    by_key = {(line.work_order, line.operation): line for line in plan.lines}
    for number in ("WO-A", "WO-B", "WO-C"):
        assert by_key[(number, 20)].start >= by_key[(number, 10)].end + timedelta(minutes=30)
    bends = sorted((line for line in plan.lines if line.station == "WS-02"), key=lambda line: line.start)
    assert any(a.end > b.start for a, b in itertools.pairwise(bends))  # capacity 2: side by side
    cuts = sorted((line for line in plan.lines if line.station == "WS-01"), key=lambda line: line.start)
    matrix = {("BRACKETS", "PLATES"): 40, ("PLATES", "BRACKETS"): 25}
    family = {True: "PLATES", False: "BRACKETS"}
    changes = [(family[a.work_order == "WO-P"], family[b.work_order == "WO-P"]) for a, b in itertools.pairwise(cuts)]
    assert [b.setup_minutes for b in cuts[1:]] == [matrix.get(change, 0) for change in changes]
    assert any(change in matrix for change in changes)
    assert max(line.end for line in plan.lines) > outing[1]  # the work went on after the holiday
