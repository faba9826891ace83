"""Execute a file of JSON-line commands (INTERFACES.md §2), one output object per line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from mes_terminal.domain.errors import DatabaseUnavailable, InvalidInput, MesError
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.catalog import Command
from mes_terminal.services.commands.codec import decode_line
from mes_terminal.services.commands.registry import COMMAND_TYPES


@dataclass(frozen=True)
class ParsedLine:
    number: int
    command: Command | None
    error: MesError | None


def parse_lines(lines: Iterable[bytes]) -> list[ParsedLine]:
    """Every non-blank line, decoded or with the reason it cannot be."""
    parsed = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            parsed.append(ParsedLine(number, decode_line(raw.rstrip(b"\r\n"), COMMAND_TYPES), None))
        except InvalidInput as error:
            parsed.append(ParsedLine(number, None, error))
    return parsed


def failure(number: int, error: MesError, command: Command | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"line": number, "ok": False, "code": error.code, "message": error.message}
    if command is not None:
        out["command_id"] = str(command.command_id)
    return out


def replay(bus: CommandBus, parsed: list[ParsedLine], keep_going: bool) -> Iterator[dict[str, Any]]:
    """Run the commands in order. Without `keep_going`, a file with a malformed line runs nothing,
    and the first refused command stops the run (the ones before it stay done)."""
    malformed = [p for p in parsed if p.error is not None]
    if malformed and not keep_going:
        for p in malformed:
            assert p.error is not None
            yield failure(p.number, p.error)
        return
    for p in parsed:
        if p.error is not None:
            yield failure(p.number, p.error)
            continue
        assert p.command is not None
        try:
            outcome = bus.execute(p.command)
        except MesError as error:
            yield failure(p.number, error, p.command)
            if not keep_going or isinstance(error, DatabaseUnavailable):
                return
            continue
        yield {"line": p.number, **outcome.to_json()}
