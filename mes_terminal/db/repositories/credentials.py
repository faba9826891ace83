"""A person's PIN under the policy of their roles: checking it, counting wrong ones, locking, changing.

Every check of a PIN (sign-in at a station, at the console, a signature) goes through `check_pin`, so
the lock, the expiry and the count of wrong PINs are one rule wherever a PIN is typed. A wrong PIN's
count is written by `record_failure` in a transaction of its own (the refused command's transaction
rolls back); see CommandBus._audit_refusal.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mes_terminal.db.records import PinPolicyRecord, UsedPin, User, UserRole
from mes_terminal.domain.error_codes import PIN_EXPIRED, PIN_LOCKED
from mes_terminal.domain.errors import AuthenticationFailed
from mes_terminal.domain.pin_policy import PinPolicy, check_new_pin, expired, locks_now, refuse_reuse, strictest
from mes_terminal.domain.pins import hash_secret, verify_secret


def policy_for_roles(session: Session, roles: Iterable[str]) -> PinPolicy:
    """The strictest policy of `roles`; a role without a policy of its own has the default."""
    wanted = sorted(set(roles))
    rows = {r.role: r for r in session.scalars(select(PinPolicyRecord).where(PinPolicyRecord.role.in_(wanted)))}
    return strictest(
        PinPolicy(r.min_length, r.remember, r.expires_days, r.lock_after) if (r := rows.get(role)) else PinPolicy()
        for role in wanted
    )


def policy_of(session: Session, user_id: int) -> PinPolicy:
    roles = session.scalars(select(UserRole.role).where(UserRole.user_id == user_id))
    return policy_for_roles(session, roles)


def refuse_if_locked(session: Session, user_id: int, badge: str) -> None:
    if session.scalar(select(User.locked_at).where(User.id == user_id)) is not None:
        raise AuthenticationFailed(PIN_LOCKED.sentence(badge=badge), code=PIN_LOCKED)


def check_pin(session: Session, user_id: int, badge: str, pin: str | None, now: datetime) -> bool:
    """Whether `pin` is this person's PIN; refuses a locked badge and, when right, an expired PIN.

    A right PIN clears the count of wrong ones. A wrong one returns False: the caller refuses the
    command and the bus counts the failure afterwards (`record_failure`).
    """
    refuse_if_locked(session, user_id, badge)
    user = session.get(User, user_id)
    if user is None or not pin or not verify_secret(pin, user.pin_hash):
        return False
    policy = policy_of(session, user_id)
    if policy.expires_days > 0 and user.pin_changed_at is None:
        user.pin_changed_at = now  # set before the policy: it counts from its first use under it
    if expired(user.pin_changed_at, policy, now):
        raise AuthenticationFailed(PIN_EXPIRED.sentence(), code=PIN_EXPIRED)
    if user.failed_pins:
        user.failed_pins = 0
    return True


def record_failure(session: Session, badge: str, now: datetime) -> bool:
    """Count one wrong PIN for `badge` (nothing for an unknown badge); True when this one locked it."""
    user = session.scalars(select(User).where(User.badge == badge).with_for_update()).one_or_none()
    if user is None or user.locked_at is not None:
        return False
    user.failed_pins += 1
    if locks_now(user.failed_pins, policy_of(session, user.id)):
        user.locked_at = now
        return True
    return False


def unlock(session: Session, user_id: int) -> None:
    session.execute(update(User).where(User.id == user_id).values(locked_at=None, failed_pins=0))


def set_pin(session: Session, user: User, new_pin: str, now: datetime, policy: PinPolicy) -> None:
    """Give `user` the PIN `new_pin` if the policy allows it: length, digits, and not one of the last ones."""
    check_new_pin(new_pin, policy)
    refuse_reuse(is_reused(session, user, new_pin, policy), policy)
    if user.pin_hash:
        session.add(UsedPin(user_id=user.id, pin_hash=user.pin_hash, retired_at=now))
    user.pin_hash = hash_secret(new_pin)
    user.pin_changed_at = now


def is_reused(session: Session, user: User, new_pin: str, policy: PinPolicy) -> bool:
    """Whether `new_pin` is the current PIN or one of the `remember` PINs before it."""
    if user.pin_hash and verify_secret(new_pin, user.pin_hash):
        return True
    if policy.remember <= 0 or user.id is None:
        return False
    earlier = session.scalars(
        select(UsedPin.pin_hash)
        .where(UsedPin.user_id == user.id)
        .order_by(UsedPin.retired_at.desc(), UsedPin.id.desc())
        .limit(policy.remember - 1 if user.pin_hash else policy.remember)
    )
    return any(verify_secret(new_pin, stored) for stored in earlier)
