"""A person's own PIN and an administrator's unlock: `ChangePin` and `ResetPinLockout` (21 CFR 11.300)."""

from __future__ import annotations

from mes_terminal.db.records import User
from mes_terminal.db.repositories import credentials as pins
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import PIN_EXPIRED, PIN_NOT_LOCKED
from mes_terminal.domain.errors import AuthenticationFailed, InvalidInput, InvalidState, UnknownEntity
from mes_terminal.domain.roles import Role
from mes_terminal.services.commands.catalog import ChangePin, ResetPinLockout
from mes_terminal.services.commands.results import PinChangeResult, PinLockoutResetResult

_NOT_RECOGNISED = "Badge or PIN not recognised."
ADMINISTRATORS = frozenset({Role.ADMIN})


def change_pin(cmd: ChangePin, uow: UnitOfWork) -> PinChangeResult:
    try:
        person = uow.users.by_badge(cmd.badge)
    except UnknownEntity:
        raise AuthenticationFailed(_NOT_RECOGNISED) from None
    try:
        right = pins.check_pin(uow.session, person.id, person.badge, cmd.pin, cmd.issued_at)
    except AuthenticationFailed as refusal:
        if refusal.code != PIN_EXPIRED:
            raise
        right = True  # an expired PIN still proves who changes it: that is what it is asked for
    if not right:
        raise AuthenticationFailed(_NOT_RECOGNISED)
    user = uow.session.get(User, person.id)
    assert user is not None
    pins.set_pin(uow.session, user, cmd.new_pin, cmd.issued_at, pins.policy_of(uow.session, person.id))
    uow.events.add("PinChanged", "user", person.badge, name=person.name)
    return {"badge": person.badge, "name": person.name, "changed_at": cmd.issued_at}


def reset_pin_lockout(cmd: ResetPinLockout, uow: UnitOfWork) -> PinLockoutResetResult:
    admin = uow.users.acting(cmd.actor, ADMINISTRATORS, "reset a locked badge")
    reason = cmd.reason.strip()
    if not reason:
        raise InvalidInput("Say why the badge is unlocked; the reason is kept in the audit trail.")
    person = uow.users.by_badge(cmd.badge)
    user = uow.session.get(User, person.id)
    assert user is not None
    if user.locked_at is None:
        raise InvalidState(PIN_NOT_LOCKED.sentence(badge=person.badge), code=PIN_NOT_LOCKED)
    before = {"locked_at": user.locked_at, "failed_pins": user.failed_pins}
    pins.unlock(uow.session, person.id)
    uow.events.add(
        "PinLockoutReset",
        "user",
        person.badge,
        name=person.name,
        reset_by=admin.name,
        reason=reason,
        before=before,
        after={"locked_at": None, "failed_pins": 0},
    )
    return {"badge": person.badge, "name": person.name, "reason": reason}
