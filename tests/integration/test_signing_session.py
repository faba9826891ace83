"""Signing in a session (21 CFR 11.200(a)(1)): the first signature takes badge and PIN, later ones the PIN
alone while the signer keeps signing, both again after the site's idle limit."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from mes_terminal.db.records import Event
from mes_terminal.domain.error_codes import SIGNATURE_BOTH_COMPONENTS
from mes_terminal.domain.errors import AuthenticationFailed
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant
from tests.helpers import DATA, command

QUALITY = "B3001"


def _load(engine: Engine, clock, idle: int | None = None) -> None:
    text = (DATA / "quality_plant.toml").read_text(encoding="utf-8")
    if idle is not None:
        text = text.replace(
            "two_person_signatures = true", f"two_person_signatures = true\nsignature_idle_minutes = {idle}"
        )
    load_plant(engine, parse_plant(text, source="quality_plant.toml"), now=clock.now())


@pytest.fixture
def plant(engine: Engine, clock) -> Engine:
    _load(engine, clock)
    return engine


def _raise(bus: CommandBus, at, n: int, *, pin_only: bool, pin: str = "3333") -> dict:
    lot = f"S-{n}"
    bus.execute(command(c.ReceiveLot, at, lot=lot, material="STEEL-2MM", quantity=Decimal(50)))
    return dict(
        bus.execute(
            command(
                c.RaiseNonconformance,
                at,
                actor=QUALITY,
                pin=pin,
                pin_only=pin_only,
                meaning="reported",
                lot=lot,
                defect_code="RUST",
                description="Rust on the top sheets",
            )
        ).result
    )


def _components(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        payloads = connection.execute(select(Event.payload).where(Event.type == "RecordSigned").order_by(Event.id))
        return [p["components"] for (p,) in payloads]


def test_the_first_signature_of_a_session_needs_the_badge_too(bus: CommandBus, plant, clock) -> None:
    with pytest.raises(AuthenticationFailed) as refusal:
        _raise(bus, clock.now(), 1, pin_only=True)
    assert refusal.value.code == SIGNATURE_BOTH_COMPONENTS
    with plant.connect() as connection:
        refused = connection.execute(select(Event.payload).where(Event.type == "RaiseNonconformanceRefused")).all()
    assert [p["code"] for (p,) in refused] == [SIGNATURE_BOTH_COMPONENTS]


def test_later_signatures_in_the_session_take_the_pin_alone(bus: CommandBus, plant, clock) -> None:
    _raise(bus, clock.now(), 1, pin_only=False)
    clock.advance(timedelta(minutes=10))
    assert _raise(bus, clock.now(), 2, pin_only=True)["signed_by"] == "Rosalind Franklin"
    clock.advance(timedelta(minutes=14))  # 14 minutes after the last signature: the session goes on
    _raise(bus, clock.now(), 3, pin_only=True)
    assert _components(plant) == ["badge_and_pin", "pin", "pin"]


def test_after_the_idle_limit_both_components_are_needed_again(bus: CommandBus, plant, clock) -> None:
    _raise(bus, clock.now(), 1, pin_only=False)
    clock.advance(timedelta(minutes=15, seconds=1))
    with pytest.raises(AuthenticationFailed) as refusal:
        _raise(bus, clock.now(), 2, pin_only=True)
    assert refusal.value.code == SIGNATURE_BOTH_COMPONENTS
    _raise(bus, clock.now(), 3, pin_only=False)
    _raise(bus, clock.now(), 4, pin_only=True)


def test_the_pin_alone_is_still_checked(bus: CommandBus, plant, clock) -> None:
    _raise(bus, clock.now(), 1, pin_only=False)
    with pytest.raises(AuthenticationFailed, match="Badge or PIN not recognised"):
        _raise(bus, clock.now(), 2, pin_only=True, pin="0000")


def test_another_person_s_session_does_not_count(bus: CommandBus, plant, clock) -> None:
    _raise(bus, clock.now(), 1, pin_only=False)
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-2", material="STEEL-2MM", quantity=Decimal(5)))
    with pytest.raises(AuthenticationFailed) as refusal:
        bus.execute(
            command(
                c.RaiseNonconformance,
                clock.now(),
                actor="B3002",
                pin="3344",
                pin_only=True,
                meaning="reported",
                lot="S-2",
                defect_code="RUST",
                description="Rust",
            )
        )
    assert refusal.value.code == SIGNATURE_BOTH_COMPONENTS


def test_an_idle_limit_of_zero_asks_for_both_every_time(engine: Engine, clock) -> None:
    _load(engine, clock, idle=0)
    bus = CommandBus(engine, clock)
    _raise(bus, clock.now(), 1, pin_only=False)
    with pytest.raises(AuthenticationFailed) as refusal:
        _raise(bus, clock.now(), 2, pin_only=True)
    assert refusal.value.code == SIGNATURE_BOTH_COMPONENTS
