"""Lookups that the commands of one transaction may share: read once for a group, not once a command.

The command bus turns sharing on for a run of machine readings in one transaction (the station, the
connector's user, a counter under its lock, the station's running job): none of those commands changes
what the others look up, and a reading's own work is otherwise mostly these round trips. Before any other
command the bus forgets them, so a command that may change a station or a user is never answered from
memory. Without sharing turned on (every other session), each lookup reads the database as before.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

_KEY = "mes_shared_lookups"
T = TypeVar("T")


def share(session: Session) -> None:
    """Lookups made in `session` from now on are kept until `forget` (or the session's end)."""
    session.info.setdefault(_KEY, {})


def forget(session: Session) -> None:
    session.info.pop(_KEY, None)


def cached(session: Session, key: Hashable, load: Callable[[], T]) -> T:
    """`load()`, or what it returned earlier in this session while sharing is on. A lookup that raises
    is not kept."""
    memo: dict[Hashable, Any] | None = session.info.get(_KEY)
    if memo is None:
        return load()
    if key not in memo:
        # What is shared is what the group does not change, so its pending rows need not go first.
        with session.no_autoflush:
            memo[key] = load()
    value: T = memo[key]
    return value


def sharing(session: Session) -> bool:
    return _KEY in session.info


def known(session: Session, key: Hashable) -> bool:
    memo: dict[Hashable, Any] | None = session.info.get(_KEY)
    return memo is not None and key in memo


def kept(session: Session, key: Hashable) -> Any:
    """What is kept for `key`, or None."""
    memo: dict[Hashable, Any] | None = session.info.get(_KEY)
    return None if memo is None else memo.get(key)


def keep(session: Session, key: Hashable, value: object) -> None:
    """What a lookup of `key` answers from now on (a row made in this transaction), while sharing is on."""
    memo: dict[Hashable, Any] | None = session.info.get(_KEY)
    if memo is not None:
        memo[key] = value
