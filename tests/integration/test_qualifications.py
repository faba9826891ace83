"""Qualifications: an operation that needs one is worked only by people who hold it, and the dispatch
list says so before anyone taps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mes_terminal.domain.errors import NotPermitted
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.services.terminal import TerminalService
from tests.helpers import DATA, LEAD, OPERATOR, SUPERVISOR, command

WO = "WO-Q"


@pytest.fixture
def laser(plant, bus: CommandBus, clock) -> CommandBus:
    """Operation 10 (Cut) needs LASER; Linus holds it, Ada does not. WO-Q released, steel on hand."""
    text = (DATA / "small_plant.toml").read_text()
    text = text.replace('name = "Cut"\n', 'name = "Cut"\nqualification = "LASER"\n')
    text = text.replace('roles = ["lead", "operator"]\n', 'roles = ["lead", "operator"]\nqualifications = ["LASER"]\n')
    load_plant(plant, parse_plant(text), now=clock.now())
    now = clock.now()
    bus.execute(command(c.CreateWorkOrder, now, number=WO, product="BRACKET-A", quantity=Decimal(10), due=now))
    bus.execute(command(c.ReleaseWorkOrder, now, number=WO))
    bus.execute(command(c.ReceiveLot, now, lot="S-1", material="STEEL-2MM", quantity=Decimal(100)))
    return bus


def sign_in(bus: CommandBus, clock, badge: str, pin: str) -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=badge, station="WS-01", badge=badge, pin=pin))


def start(bus: CommandBus, clock, actor: str) -> None:
    bus.execute(command(c.StartJob, clock.now(), actor=actor, station="WS-01", work_order=WO, operation=10))


def test_an_unqualified_operator_sees_why_and_cannot_start(laser: CommandBus, plant, clock) -> None:
    terminal = TerminalService(plant, laser, clock)
    assert terminal.dispatch_list("WS-01")[0].readiness == "ready"  # nobody signed in: nothing to say yet
    sign_in(laser, clock, OPERATOR, "4711")
    item = terminal.dispatch_list("WS-01")[0]
    assert (item.readiness, item.reason) == (
        "not_qualified",
        "Needs the qualification LASER, which nobody signed in here holds.",
    )
    with pytest.raises(NotPermitted, match="Ada Lovelace is not qualified for LASER, which WO-Q operation 10"):
        start(laser, clock, OPERATOR)


def test_a_qualified_colleague_starts_and_the_unqualified_one_cannot_join(laser: CommandBus, plant, clock) -> None:
    sign_in(laser, clock, OPERATOR, "4711")
    sign_in(laser, clock, LEAD, "4444")
    assert TerminalService(plant, laser, clock).dispatch_list("WS-01")[0].readiness == "ready"
    start(laser, clock, LEAD)
    with pytest.raises(NotPermitted, match="not qualified for LASER"):
        laser.execute(command(c.JoinJob, clock.now(), actor=OPERATOR, station="WS-01", work_order=WO, operation=10))


def test_acting_on_behalf_needs_someone_qualified_at_the_station(laser: CommandBus, clock) -> None:
    sign_in(laser, clock, OPERATOR, "4711")
    with pytest.raises(NotPermitted, match="Nobody signed in at WS-01 is qualified for LASER"):
        start(laser, clock, SUPERVISOR)
    sign_in(laser, clock, LEAD, "4444")
    start(laser, clock, SUPERVISOR)


def test_qualifications_are_loaded_from_the_plant_file_and_changed_by_reloading(laser, plant, clock) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from mes_terminal.db.records import User, UserQualification

    def held() -> list[tuple[str, str]]:
        with Session(plant) as session:
            return [
                (b, q) for b, q in session.execute(select(User.badge, UserQualification.code).join(UserQualification))
            ]

    assert held() == [(LEAD, "LASER")]
    load_plant(plant, parse_plant((DATA / "small_plant.toml").read_text()), now=clock.now())
    assert held() == []
