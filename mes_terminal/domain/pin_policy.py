"""PIN policy per role (21 CFR Part 11 §11.300): how long a PIN is, how often it changes, how many
wrong PINs lock a badge.

A person holding several roles lives under the strictest of their roles' policies: the longest
minimum, the longest memory, the shortest expiry and the fewest attempts. Zero means "no limit" for
`remember`, `expires_days` and `lock_after`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from mes_terminal.domain.error_codes import PIN_NOT_DIGITS, PIN_REUSED, PIN_TOO_SHORT
from mes_terminal.domain.errors import InvalidInput

MIN_PIN_LENGTH = 4  # what a plant file's `pin` has always had to be
MAX_PIN_LENGTH = 12  # the plant file has always allowed 4 to 12 digits


@dataclass(frozen=True)
class PinPolicy:
    min_length: int = MIN_PIN_LENGTH
    remember: int = 0  # how many earlier PINs may not be chosen again
    expires_days: int = 0  # 0: a PIN never expires
    lock_after: int = 0  # wrong PINs in a row that lock the badge until an administrator resets it; 0: never


DEFAULT_POLICY = PinPolicy()


def strictest(policies: Iterable[PinPolicy]) -> PinPolicy:
    """The policy of a person with several roles: each limit at its strictest."""
    chosen = list(policies)
    if not chosen:
        return DEFAULT_POLICY

    def smallest_limit(values: Iterable[int]) -> int:
        positive = [v for v in values if v > 0]
        return min(positive) if positive else 0

    return PinPolicy(
        min_length=max(p.min_length for p in chosen),
        remember=max(p.remember for p in chosen),
        expires_days=smallest_limit(p.expires_days for p in chosen),
        lock_after=smallest_limit(p.lock_after for p in chosen),
    )


def check_new_pin(pin: str, policy: PinPolicy) -> None:
    """Refuse a PIN the policy does not allow (reuse is checked against the stored hashes elsewhere)."""
    if not pin.isdigit() or not pin.isascii():
        raise InvalidInput(PIN_NOT_DIGITS.sentence(), code=PIN_NOT_DIGITS)
    if len(pin) < policy.min_length or len(pin) > MAX_PIN_LENGTH:
        raise InvalidInput(PIN_TOO_SHORT.sentence(length=policy.min_length), code=PIN_TOO_SHORT)


def refuse_reuse(reused: bool, policy: PinPolicy) -> None:
    if reused:
        raise InvalidInput(PIN_REUSED.sentence(remember=max(policy.remember, 1)), code=PIN_REUSED)


def expired(changed_at: datetime | None, policy: PinPolicy, now: datetime) -> bool:
    """Whether a PIN set at `changed_at` must be changed before it is used again.

    A PIN whose setting time is unknown (set before the policy existed) counts from the first time it
    is checked under an expiring policy: the caller stamps it then, so nobody is locked out at once.
    """
    if policy.expires_days <= 0 or changed_at is None:
        return False
    return now >= changed_at + timedelta(days=policy.expires_days)


def locks_now(failures: int, policy: PinPolicy) -> bool:
    """Whether `failures` wrong PINs in a row lock the badge under `policy`."""
    return policy.lock_after > 0 and failures >= policy.lock_after
