"""The PIN policy per role (21 CFR 11.300): length, reuse, expiry, the lock after wrong PINs and its reset."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import Event, PinPolicyRecord, User
from mes_terminal.domain.error_codes import PIN_EXPIRED, PIN_LOCKED, PIN_NOT_LOCKED, PIN_REUSED, PIN_TOO_SHORT
from mes_terminal.domain.errors import AuthenticationFailed, InvalidInput, InvalidState, NotPermitted, PlantFileError
from mes_terminal.domain.pins import verify_secret
from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant
from tests.helpers import DATA, OPERATOR, SUPERVISOR, command

ADMIN = "B9001"
POLICIES = """
[[pin_policies]]
role = "supervisor"
min_length = 6
remember = 3
expires_days = 90
lock_after = 3

[[pin_policies]]
role = "operator"
lock_after = 5

[[users]]
badge = "B9001"
name = "Alan Admin"
pin = "909090"
roles = ["admin"]
"""


def _text(extra: str = POLICIES) -> str:
    return (DATA / "small_plant.toml").read_text(encoding="utf-8").replace('pin = "1234"', 'pin = "123456"') + extra


@pytest.fixture
def policed(engine: Engine, clock) -> Engine:
    load_plant(engine, parse_plant(_text(), source="plant.toml"), now=clock.now())
    return engine


@pytest.fixture
def pbus(policed: Engine, clock) -> CommandBus:
    return CommandBus(policed, clock)


def _console(bus: CommandBus, at, badge: str = SUPERVISOR, pin: str = "123456"):
    return bus.execute(command(c.SignInConsole, at, actor=badge, badge=badge, pin=pin)).result


def _change(bus: CommandBus, at, old: str, new: str, badge: str = SUPERVISOR):
    return bus.execute(command(c.ChangePin, at, actor=badge, badge=badge, pin=old, new_pin=new))


def test_the_plant_file_stores_each_role_s_policy(policed: Engine) -> None:
    with Session(policed) as session:
        rows = {
            r.role: (r.min_length, r.remember, r.expires_days, r.lock_after)
            for r in session.scalars(select(PinPolicyRecord))
        }
    assert rows == {"supervisor": (6, 3, 90, 3), "operator": (4, 0, 0, 5)}


def test_a_plant_file_pin_shorter_than_its_role_s_policy_is_refused_with_its_line(engine: Engine) -> None:
    text = _text().replace('pin = "123456"', 'pin = "1234"', 1)
    with pytest.raises(PlantFileError, match=r"line \d+: users\[1\]\.pin must have at least 6 digits"):
        parse_plant(text, source="plant.toml")


def test_an_unknown_key_of_a_pin_policy_is_reported(engine: Engine) -> None:
    text = _text(POLICIES.replace("lock_after = 3", "lock_after = 3\nlockout = 2", 1))
    with pytest.raises(PlantFileError, match=r"pin_policies\[0\]\.lockout"):
        parse_plant(text, source="plant.toml")


def test_a_role_given_two_policies_is_refused(engine: Engine) -> None:
    text = _text(POLICIES.replace('role = "operator"', 'role = "supervisor"'))
    with pytest.raises(PlantFileError, match="repeats the role supervisor"):
        parse_plant(text, source="plant.toml")


def test_a_new_pin_keeps_to_the_policy_and_the_old_ones_do_not_come_back(pbus: CommandBus, policed, clock) -> None:
    now = clock.now()
    clock.advance(timedelta(minutes=10))
    with pytest.raises(InvalidInput) as short:
        _change(pbus, now, "123456", "12345")
    assert short.value.code == PIN_TOO_SHORT
    with pytest.raises(InvalidInput) as same:
        _change(pbus, now, "123456", "123456")
    assert same.value.code == PIN_REUSED
    _change(pbus, now, "123456", "222222")
    _change(pbus, now + timedelta(minutes=1), "222222", "333333")
    with pytest.raises(InvalidInput, match="the last 3") as back:
        _change(pbus, now + timedelta(minutes=2), "333333", "123456")
    assert back.value.code == PIN_REUSED
    _change(pbus, now + timedelta(minutes=3), "333333", "444444")
    _change(pbus, now + timedelta(minutes=4), "444444", "123456")  # four PINs ago: allowed again
    assert _console(pbus, now + timedelta(minutes=5))["name"] == "Grace Hopper"
    with Session(policed) as session:
        events = session.scalars(select(Event).where(Event.type == "PinChanged")).all()
        assert len(events) == 4
        assert all("123456" not in str(e.payload) and "222222" not in str(e.payload) for e in events)


def test_an_expired_pin_is_refused_until_a_new_one_is_chosen(pbus: CommandBus, clock) -> None:
    start = clock.now()
    _console(pbus, start)  # the PIN was set at the load: 90 days from then
    later = start + timedelta(days=90)
    clock.set(later)
    with pytest.raises(AuthenticationFailed) as refusal:
        _console(pbus, later)
    assert refusal.value.code == PIN_EXPIRED
    _change(pbus, later, "123456", "654321")
    assert _console(pbus, later, pin="654321")["name"] == "Grace Hopper"


def test_wrong_pins_lock_the_console_sign_in_until_an_administrator_resets_it(pbus: CommandBus, policed, clock) -> None:
    now = clock.now()
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            _console(pbus, now, pin="000000")
    with pytest.raises(AuthenticationFailed) as locked:
        _console(pbus, now)  # the right PIN too
    assert locked.value.code == PIN_LOCKED
    with pytest.raises(NotPermitted):
        pbus.execute(command(c.ResetPinLockout, now, actor=OPERATOR, badge=SUPERVISOR, reason="forgot"))
    pbus.execute(command(c.ResetPinLockout, now, actor=ADMIN, badge=SUPERVISOR, reason="Identity checked in person"))
    assert _console(pbus, now)["name"] == "Grace Hopper"
    with pytest.raises(InvalidState) as again:
        pbus.execute(command(c.ResetPinLockout, now, actor=ADMIN, badge=SUPERVISOR, reason="again"))
    assert again.value.code == PIN_NOT_LOCKED
    with Session(policed) as session:
        kinds = [e.type for e in session.scalars(select(Event).where(Event.entity_id == SUPERVISOR).order_by(Event.id))]
        reset = session.scalars(select(Event).where(Event.type == "PinLockoutReset")).one()
    assert kinds.count("SignInConsoleRefused") == 4 and "BadgeLocked" in kinds
    assert reset.actor == ADMIN and reset.payload["reason"] == "Identity checked in person"
    assert reset.payload["reset_by"] == "Alan Admin"


def test_a_right_pin_starts_the_count_of_wrong_ones_again(pbus: CommandBus, policed, clock) -> None:
    now = clock.now()
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            _console(pbus, now, pin="000000")
    _console(pbus, now)
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            _console(pbus, now, pin="000000")
    assert _console(pbus, now)["name"] == "Grace Hopper"


def test_the_lock_holds_at_the_terminal_too(pbus: CommandBus, policed, clock) -> None:
    now = clock.now()
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            pbus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="0000"))
    with pytest.raises(AuthenticationFailed) as locked:
        pbus.execute(command(c.SignIn, now, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    assert locked.value.code == PIN_LOCKED
    with Session(policed) as session:
        user = session.scalars(select(User).where(User.badge == OPERATOR)).one()
        assert user.locked_at is not None and verify_secret("4711", user.pin_hash)


def test_without_a_policy_nothing_locks(bus: CommandBus, clock) -> None:
    for _ in range(8):
        with pytest.raises(AuthenticationFailed):
            bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="0000"))
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
