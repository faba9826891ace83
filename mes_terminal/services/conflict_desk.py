"""What a supervisor does with conflicts (docs/offline.md): list them, discard one with a reason, apply one.

Applying runs the original command again, with its own id, as the operator issued it; a rule that still
refuses it leaves the conflict open with that refusal. Once it ran, `ApplyConflict` settles the conflict.
A crash between the two is harmless: the next apply finds the original processed and only settles.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from sqlalchemy import Engine

from mes_terminal.domain.clock import Clock
from mes_terminal.domain.error_codes import CONFLICT_SETTLED, CONFLICT_UNKNOWN
from mes_terminal.domain.errors import InvalidState, UnknownEntity
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus, Outcome
from mes_terminal.services.commands.codec import decode_object
from mes_terminal.services.commands.registry import COMMAND_TYPES
from mes_terminal.services.queries.conflicts import conflicts
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.supervisor_views import ConflictView


class ConflictDesk:
    def __init__(self, engine: Engine, bus: CommandBus, clock: Clock) -> None:
        self._engine = engine
        self._bus = bus
        self._clock = clock

    def list(self, *, settled_too: bool = False) -> list[ConflictView]:
        """Open conflicts oldest first (every one with `settled_too`); each command's fields in their own order."""
        with read_connection(self._engine) as connection:
            found = conflicts(connection, settled_too=settled_too)
        return [dataclasses.replace(view, command=_in_field_order(view.command)) for view in found]

    def discard(self, number: int, actor: str, reason: str) -> Outcome:
        return self._bus.execute(
            c.DiscardConflict(
                command_id=uuid.uuid4(), actor=actor, issued_at=self._clock.now(), conflict=number, reason=reason
            )
        )

    def apply(self, number: int, actor: str) -> Outcome:
        """Run the conflict's command again (raises its refusal if a rule still refuses it), then settle it."""
        conflict = self._one(number)
        if conflict.status != "open":
            raise InvalidState(
                CONFLICT_SETTLED.sentence(conflict=number, status=conflict.status), code=CONFLICT_SETTLED
            )
        self._bus.execute(decode_object(conflict.command, COMMAND_TYPES))
        return self._bus.execute(
            c.ApplyConflict(command_id=uuid.uuid4(), actor=actor, issued_at=self._clock.now(), conflict=number)
        )

    def _one(self, number: int) -> ConflictView:
        found = [view for view in self.list(settled_too=True) if view.number == number]
        if not found:
            raise UnknownEntity(CONFLICT_UNKNOWN.sentence(conflict=number), code=CONFLICT_UNKNOWN)
        return found[0]


def _in_field_order(command: dict[str, Any]) -> dict[str, Any]:
    """The JSON object with its keys in the order of the command's fields (PostgreSQL's JSONB sorts them)."""
    cls = COMMAND_TYPES.get(str(command.get("type")))
    if cls is None:
        return command
    order = ["type", *(field.name for field in dataclasses.fields(cls))]
    return {name: command[name] for name in sorted(command, key=lambda n: order.index(n) if n in order else len(order))}
