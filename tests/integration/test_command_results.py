"""The results the handlers really return have the keys their TypedDicts (services/commands/results.py) name."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.clock import FixedClock
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.registry import HANDLERS, RESULT_TYPES, Handler
from mes_terminal.services.demo.create import create_demo


def _recording(seen: list[tuple[type, Mapping[str, object]]]) -> dict[type, Handler]:
    """The real handlers, each keeping what it returned (before the bus stores it as JSON)."""

    def wrap(command_type: type, handler: Handler) -> Handler:
        def run(cmd: Any, uow: UnitOfWork) -> Mapping[str, object]:
            result = handler(cmd, uow)
            seen.append((command_type, result))
            return result

        return run

    return {command_type: wrap(command_type, handler) for command_type, handler in HANDLERS.items()}


def test_the_demo_s_commands_return_exactly_the_keys_of_their_result_types(engine: Engine) -> None:
    seen: list[tuple[type, Mapping[str, object]]] = []
    clock = FixedClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    create_demo(engine, CommandBus(engine, clock, handlers=_recording(seen)), clock)

    kinds = {command_type for command_type, _ in seen}
    assert len(kinds) >= 8, sorted(k.__name__ for k in kinds)  # the demo runs a shift's worth of commands
    for command_type, result in seen:
        shape = RESULT_TYPES[command_type]
        keys = set(result)
        assert shape.__required_keys__ <= keys, (command_type.__name__, shape.__required_keys__ - keys)
        assert keys <= shape.__required_keys__ | shape.__optional_keys__, (command_type.__name__, keys)
