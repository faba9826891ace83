"""What the dispatch list says is what Start does: for each situation, a row's blocking reason is the
refusal StartJob gives (same code), and a row with only advice starts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mes_terminal.domain.errors import MesError
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.terminal import TerminalService
from tests.helpers import DATA, LEAD, OPERATOR, SUPERVISOR, command

WO = "WO-R"
PINS = {OPERATOR: "4711", LEAD: "4444"}

# Cut runs at both stations, needs LASER (Linus holds it, Ada does not) and a guard check at its start.
GUARD_CHECK = """
[[checklists]]
code = "GUARD"
name = "Guard"
version = 1

[[checklists.items]]
code = "GUARD"
text = "Guard closed"
kind = "pass_fail"
when = "start"
"""


@pytest.fixture
def rich(plant, bus: CommandBus, clock) -> CommandBus:
    text = (DATA / "small_plant.toml").read_text()
    text = text.replace(
        'name = "Cut"\nworkstations = ["WS-01"]\n',
        'name = "Cut"\nworkstations = ["WS-01", "WS-02"]\nqualification = "LASER"\nchecklist = "GUARD"\n',
    )
    text = text.replace('roles = ["lead", "operator"]\n', 'roles = ["lead", "operator"]\nqualifications = ["LASER"]\n')
    load_plant(plant, parse_plant(text + GUARD_CHECK), now=clock.now())
    now = clock.now()
    bus.execute(command(c.CreateWorkOrder, now, number=WO, product="BRACKET-A", quantity=Decimal(10), due=now))
    bus.execute(command(c.ReleaseWorkOrder, now, number=WO))
    bus.execute(command(c.ReceiveLot, now, lot="S-1", material="STEEL-2MM", quantity=Decimal(100)))
    return bus


class Floor:
    """Commands of the situations, in few words."""

    def __init__(self, bus: CommandBus, clock) -> None:
        self.bus, self.clock = bus, clock

    def sign_in(self, badge: str, station: str) -> None:
        pin = None if station == "WS-02" else PINS[badge]  # WS-02 takes the badge alone
        self.bus.execute(command(c.SignIn, self.clock.now(), actor=badge, station=station, badge=badge, pin=pin))

    def job(self, cls: type[c.Command], actor: str, station: str, operation: int = 10, **fields) -> dict:
        cmd = command(cls, self.clock.now(), actor=actor, station=station, work_order=WO, operation=operation, **fields)
        return dict(self.bus.execute(cmd).result)

    def run(self, commands: list[tuple]) -> None:
        for what, *args in commands:
            if what == "sign_in":
                self.sign_in(*args)
            elif what == "start":
                self.job(c.StartJob, *args)
            elif what == "pause":
                self.job(c.PauseJob, *args)
            elif what == "hold_order":
                self.bus.execute(command(c.HoldWorkOrder, self.clock.now(), number=WO))
            elif what == "hold_steel":
                self.bus.execute(command(c.HoldLot, self.clock.now(), lot="S-1", reason="Rust"))
            elif what == "hold_output":  # five good parts make the order's output lot, which quality holds
                lot = self.job(c.ReportCount, LEAD, "WS-01", good=Decimal(5))["output_lot"]
                self.bus.execute(command(c.HoldLot, self.clock.now(), lot=lot, reason="Suspect burr"))


# (situation, commands, station and operation of the row, who taps Start, readiness, reasons in order)
SITUATIONS: list[tuple[str, list[tuple], str, int, str, str, list[tuple[str, bool]]]] = [
    (
        "a check due at start is advice",
        [("sign_in", LEAD, "WS-01")],
        "WS-01",
        10,
        LEAD,
        "check_due",
        [("check_due", False)],
    ),
    (
        "unqualified operator",
        [("sign_in", OPERATOR, "WS-01")],
        "WS-01",
        10,
        OPERATOR,
        "not_qualified",
        [("not_qualified", True), ("check_due", False)],
    ),
    (
        "on behalf of an unqualified operator",
        [("sign_in", OPERATOR, "WS-01")],
        "WS-01",
        10,
        SUPERVISOR,
        "not_qualified",
        [("not_qualified", True), ("check_due", False)],
    ),
    (
        "material short is advice",
        [("sign_in", LEAD, "WS-01"), ("hold_steel",)],
        "WS-01",
        10,
        LEAD,
        "material_short",
        [("material_short", False), ("check_due", False)],
    ),
    (
        "order on hold, and unqualified",
        [("sign_in", OPERATOR, "WS-01"), ("hold_order",)],
        "WS-01",
        10,
        OPERATOR,
        "order_on_hold",
        [("order_on_hold", True), ("not_qualified", True), ("check_due", False)],
    ),
    (
        "waiting for the previous operation",
        [("sign_in", OPERATOR, "WS-02")],
        "WS-02",
        20,
        OPERATOR,
        "waiting_previous",
        [("waiting_previous", True)],
    ),
    (
        "running here",
        [("sign_in", LEAD, "WS-01"), ("start", LEAD, "WS-01")],
        "WS-01",
        10,
        LEAD,
        "running_here",
        [("running_here", True)],
    ),
    (
        "paused here",
        [("sign_in", LEAD, "WS-01"), ("start", LEAD, "WS-01"), ("pause", LEAD, "WS-01")],
        "WS-01",
        10,
        LEAD,
        "paused_here",
        [("paused_here", True)],
    ),
    (
        "running at the other station",
        [("sign_in", LEAD, "WS-01"), ("start", LEAD, "WS-01"), ("sign_in", OPERATOR, "WS-02")],
        "WS-02",
        10,
        OPERATOR,
        "running_elsewhere",
        [("running_elsewhere", True)],
    ),
    (
        "the order's lot on hold is advice",
        [("sign_in", LEAD, "WS-01"), ("start", LEAD, "WS-01"), ("hold_output",), ("sign_in", OPERATOR, "WS-02")],
        "WS-02",
        20,
        OPERATOR,
        "ready",
        [("lot_on_hold", False)],
    ),
]

START_CODES = {"running_here": "job.already_running", "paused_here": "job.paused"}


@pytest.mark.parametrize(
    ("commands", "station", "operation", "actor", "state", "reasons"),
    [pytest.param(*situation[1:], id=situation[0]) for situation in SITUATIONS],
)
def test_the_dispatch_list_says_what_start_does(
    rich: CommandBus,
    plant,
    clock,
    commands: list[tuple],
    station: str,
    operation: int,
    actor: str,
    state: str,
    reasons: list[tuple[str, bool]],
) -> None:
    floor = Floor(rich, clock)
    floor.run(commands)
    rows = TerminalService(plant, rich, clock).dispatch_list(station)
    row = next(r for r in rows if (r.work_order, r.operation) == (WO, operation))
    assert (row.readiness, [(r.code, r.blocking) for r in row.reasons]) == (state, reasons)
    blocking = [r for r in row.reasons if r.blocking]
    if not blocking:
        assert floor.job(c.StartJob, actor, station, operation)["status"] == "running"
        return
    assert row.reason == blocking[0].sentence  # the row says the reason Start will give
    with pytest.raises(MesError) as refused:
        floor.job(c.StartJob, actor, station, operation)
    assert refused.value.code == START_CODES.get(blocking[0].code, f"job.{blocking[0].code}")


def test_the_dispatch_row_names_every_reason_in_words(rich: CommandBus, plant, clock) -> None:
    floor = Floor(rich, clock)
    floor.run([("sign_in", OPERATOR, "WS-01"), ("hold_order",), ("hold_steel",)])
    row = TerminalService(plant, rich, clock).dispatch_list("WS-01")[0]
    assert (row.readiness, row.reason) == ("order_on_hold", "Work order WO-R is on hold.")
    assert [r.sentence for r in row.reasons] == [
        "Work order WO-R is on hold.",
        "Needs the qualification LASER, which nobody signed in here holds.",
        "Material short: STEEL-2MM needs 3.5 kg, 0 kg usable on hand.",
        "Check due at start: Guard closed.",
    ]
