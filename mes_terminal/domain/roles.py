"""Roles and what each may do. Checked inside the handlers, never only in the UI."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from mes_terminal.domain.errors import NotPermitted
from mes_terminal.domain.sentences import Sentence


class Role(StrEnum):
    OPERATOR = "operator"
    LEAD = "lead"
    SUPERVISOR = "supervisor"
    QUALITY = "quality"
    ADMIN = "admin"


ALL_ROLES = frozenset(Role)

# Who may plan and steer work orders.
PLANNERS = frozenset({Role.LEAD, Role.SUPERVISOR, Role.ADMIN})
# Who may change an operation's work instructions in the console (a quality signature releases them).
INSTRUCTION_EDITORS = frozenset({Role.SUPERVISOR, Role.QUALITY, Role.ADMIN})
# Who may work at a station.
SHOP_FLOOR = frozenset({Role.OPERATOR, Role.LEAD, Role.SUPERVISOR, Role.QUALITY, Role.ADMIN})
# Who may record, classify or split stops at a station without being signed in there.
DOWNTIME_EDITORS = frozenset({Role.LEAD, Role.SUPERVISOR, Role.ADMIN})


def require_role(user_name: str, held: Iterable[str], allowed: frozenset[Role], action: str) -> None:
    """Raise `NotPermitted` unless one of `held` is in `allowed`."""
    if not allowed.intersection(Role(r) for r in held if r in ALL_ROLES):
        needed = " or ".join(sorted(allowed))
        raise NotPermitted(
            Sentence(
                "{user_name} may not {action}; that needs the role {needed}.",
                user_name=user_name,
                action=action,
                needed=needed,
            )
        )
