"""Signing in and out at a workstation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import StationSession, User
from mes_terminal.domain.errors import AuthenticationFailed, InvalidState, NotPermitted, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from tests.helpers import LEAD, OPERATOR, command


def _sign_in(bus: CommandBus, at, station: str = "WS-01", badge: str = OPERATOR, pin: str | None = "4711") -> dict:
    return dict(bus.execute(command(c.SignIn, at, actor=badge, station=station, badge=badge, pin=pin)).result)


def test_badge_and_pin_sign_an_operator_in(bus: CommandBus, clock) -> None:
    result = _sign_in(bus, clock.now())
    assert result["name"] == "Ada Lovelace"
    assert result["operators"] == ["Ada Lovelace"]
    assert result["signed_in_at"] == "2026-03-02T06:00:00Z"


def test_several_operators_share_a_station(bus: CommandBus, clock) -> None:
    _sign_in(bus, clock.now())
    result = _sign_in(bus, clock.now() + timedelta(minutes=1), badge=LEAD, pin="4444")
    assert result["operators"] == ["Ada Lovelace", "Linus Lead"]


def test_signing_in_again_keeps_the_first_session(bus: CommandBus, plant, clock) -> None:
    _sign_in(bus, clock.now())
    clock.advance(timedelta(minutes=5))
    again = _sign_in(bus, clock.now())
    assert again["signed_in_at"] == "2026-03-02T06:00:00Z"
    with Session(plant) as session:
        assert len(session.scalars(select(StationSession)).all()) == 1


def test_a_wrong_pin_or_badge_says_the_same(bus: CommandBus, clock) -> None:
    with pytest.raises(AuthenticationFailed, match=r"^Badge or PIN not recognised\.$"):
        _sign_in(bus, clock.now(), pin="1111")
    with pytest.raises(AuthenticationFailed, match=r"^Badge or PIN not recognised\.$"):
        _sign_in(bus, clock.now(), badge="B7777")


def test_a_pin_is_needed_unless_the_station_allows_badge_only(bus: CommandBus, clock) -> None:
    with pytest.raises(AuthenticationFailed, match="Enter your PIN to sign in at WS-01"):
        _sign_in(bus, clock.now(), pin=None)
    assert _sign_in(bus, clock.now(), station="WS-02", pin=None)["station"] == "WS-02"


def test_sign_out_closes_the_session(bus: CommandBus, clock) -> None:
    _sign_in(bus, clock.now())
    clock.advance(timedelta(hours=8))
    out = bus.execute(command(c.SignOut, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR))
    assert out.result["operators"] == []
    with pytest.raises(InvalidState, match="Ada Lovelace is not signed in at WS-01"):
        bus.execute(command(c.SignOut, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR))


def test_an_operator_cannot_sign_out_a_colleague_but_a_lead_can(bus: CommandBus, clock) -> None:
    _sign_in(bus, clock.now())
    _sign_in(bus, clock.now(), badge=LEAD, pin="4444")
    with pytest.raises(NotPermitted, match="Ada Lovelace may not sign out Linus Lead"):
        bus.execute(command(c.SignOut, clock.now(), actor=OPERATOR, station="WS-01", badge=LEAD))
    out = bus.execute(command(c.SignOut, clock.now(), actor=LEAD, station="WS-01", badge=OPERATOR))
    assert out.result["operators"] == ["Linus Lead"]


def test_a_deactivated_user_cannot_sign_in(bus: CommandBus, plant, clock) -> None:
    with Session(plant) as session, session.begin():
        session.scalars(select(User).where(User.badge == OPERATOR)).one().active = False
    with pytest.raises(NotPermitted, match="deactivated"):
        _sign_in(bus, clock.now())


def test_an_unknown_station_is_named(bus: CommandBus, clock) -> None:
    with pytest.raises(UnknownEntity, match="There is no workstation WS-99"):
        _sign_in(bus, clock.now(), station="WS-99")
