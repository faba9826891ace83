"""Commands to and from JSON objects (INTERFACES.md §2), with a plain sentence for every bad field."""

from __future__ import annotations

import dataclasses
import json
import typing
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from types import NoneType, UnionType
from typing import Any

from mes_terminal.domain.error_codes import UNKNOWN_COMMAND
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.materials import LotEntry
from mes_terminal.domain.values import parse_code, parse_date, parse_quantity, parse_timestamp, parse_uuid
from mes_terminal.services.commands.catalog import Command

MAX_TEXT = 2000
MAX_LINE_BYTES = 64 * 1024
MAX_LIST = 100
MAX_PLAN = 5000  # lines of a published plan (PublishSchedule)


def decode_line(line: str | bytes, command_types: Mapping[str, type[Command]]) -> Command:
    """One JSON line to a command, or `InvalidInput` saying what is wrong with it."""
    if len(line) > MAX_LINE_BYTES:
        raise InvalidInput(f"The line is longer than {MAX_LINE_BYTES // 1024} KiB.")
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput("The line is not valid UTF-8 text.") from None
    try:
        obj = json.loads(line, parse_float=Decimal, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"The line is not valid JSON ({error.msg} at column {error.colno}).") from None
    except RecursionError:
        raise InvalidInput("The line is nested too deeply to be a command.") from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise InvalidInput("The line holds a number too long to read.") from None
    return decode_object(obj, command_types)


def decode_object(obj: object, command_types: Mapping[str, type[Command]]) -> Command:
    if not isinstance(obj, dict):
        raise InvalidInput("A command must be a JSON object with a 'type'.")
    kind = obj.get("type")
    if not isinstance(kind, str) or not kind:
        raise InvalidInput("The command has no 'type'.")
    cls = command_types.get(kind)
    if cls is None:
        known = ", ".join(sorted(command_types))
        raise InvalidInput(f"Unknown command type {kind[:40]!r}; known types are: {known}.", code=UNKNOWN_COMMAND)
    fields = _fields(cls)  # type: ignore[arg-type]  # a class is hashable; mypy checks the instances' __hash__
    unknown = sorted(set(obj) - set(fields) - {"type"})
    if unknown:
        raise InvalidInput(f"{kind} has no field {unknown[0][:40]!r}.")
    values: dict[str, Any] = {}
    for name, (parse, required) in fields.items():
        if name not in obj or obj[name] is None:
            if required:
                raise InvalidInput(f"{kind} needs the field '{name}'.")
            continue
        values[name] = parse(obj[name], name)
    return cls(**values)


def encode(command: Command) -> dict[str, Any]:
    """The JSON object for a command (secrets left out): what is logged in events and outputs."""
    out: dict[str, Any] = {"type": command.type}
    for field in dataclasses.fields(command):
        value = getattr(command, field.name)
        if field.name in command.secret_fields or value is None:
            continue
        out[field.name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
        return {name: _plain(item) for name, item in items if item is not None}
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    return value


def _refuse_constant(name: str) -> None:
    raise InvalidInput(f"{name} is not a number a command accepts.")


Parser = Callable[[object, str], Any]


@cache
def _fields(cls: type[Any]) -> dict[str, tuple[Parser, bool]]:
    hints = typing.get_type_hints(cls, include_extras=True)
    result: dict[str, tuple[Parser, bool]] = {}
    for field in dataclasses.fields(cls):
        if not field.init:
            continue
        hint = hints[field.name]
        optional = False
        if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
            args = [a for a in typing.get_args(hint) if a is not NoneType]
            optional, hint = True, args[0]
        has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
        result[field.name] = (_parser_for(hint), not (optional or has_default))
    return result


def _parser_for(hint: Any) -> Parser:
    marker = None
    if typing.get_origin(hint) is typing.Annotated:
        hint, marker = typing.get_args(hint)[0], typing.get_args(hint)[1]
    if hint is uuid.UUID:
        return parse_uuid
    if hint is datetime:
        return parse_timestamp
    if hint is date:
        return parse_date
    if dataclasses.is_dataclass(hint):
        return _object_of(typing.cast(type[Any], hint))
    if typing.get_origin(hint) is tuple:
        return _list_of(_parser_for(typing.get_args(hint)[0]), MAX_PLAN if marker == "plan" else MAX_LIST)
    if hint is Decimal:
        return lambda value, name: parse_quantity(value, name, allow_zero=marker != "positive")
    if hint is bool:
        return _parse_bool
    if hint is int:
        return _parse_int
    if hint is str and marker == "code":
        return parse_code
    if hint is str and marker == "answer":
        return _parse_answer
    if hint is str and marker == "lot_entry":
        return _parse_lot_entry
    if hint is str:
        return _parse_text
    raise TypeError(f"no parser for {hint!r}")


def _list_of(parse: Parser, limit: int = MAX_LIST) -> Parser:
    def parse_list(value: object, name: str) -> tuple[Any, ...]:
        if not isinstance(value, list) or not value:
            raise InvalidInput(f"{name} must be a list with at least one entry.")
        if len(value) > limit:
            raise InvalidInput(f"{name} has more than {limit} entries.")
        return tuple(parse(item, f"{name}[{i}]") for i, item in enumerate(value))

    return parse_list


def _object_of(cls: type[Any]) -> Parser:
    """A JSON object to a value of `cls` (a dataclass of a command's field, such as a revised step)."""

    def parse_object(value: object, name: str) -> Any:
        if not isinstance(value, dict):
            raise InvalidInput(f"{name} must be a JSON object.")
        fields = _fields(cls)  # type: ignore[arg-type]  # a class is hashable, as in decode_object
        unknown = sorted(set(value) - set(fields))
        if unknown:
            raise InvalidInput(f"{name} has no field {str(unknown[0])[:40]!r}.")
        values: dict[str, Any] = {}
        for field_name, (parse, required) in fields.items():
            if value.get(field_name) is None:
                if required:
                    raise InvalidInput(f"{name} needs the field '{field_name}'.")
                continue
            values[field_name] = parse(value[field_name], f"{name}.{field_name}")
        return cls(**values)

    return parse_object


def _parse_bool(value: object, name: str) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidInput(f"{name} must be true or false, not {value!r:.40}.")


def _parse_int(value: object, name: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**31:
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value() and abs(value) < 2**31:
        return int(value)
    raise InvalidInput(f"{name} must be a whole number, not {value!r:.40}.")


def _parse_lot_entry(value: object, name: str) -> str:
    """How a lot number was entered: one of domain.materials.LotEntry."""
    if isinstance(value, str) and value in tuple(LotEntry):
        return value
    choices = " or ".join(f'"{entry}"' for entry in LotEntry)
    raise InvalidInput(f"{name} must be {choices}, not {value!r:.40}.")


def _parse_answer(value: object, name: str) -> str:
    """A check's answer: text, or a JSON number kept exactly as written (the check's item judges it)."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(value)
    return _parse_text(value, name)


def _parse_text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"{name} must be text, not {value!r:.40}.")
    if len(value) > MAX_TEXT:
        raise InvalidInput(f"{name} is longer than {MAX_TEXT} characters.")
    if "\x00" in value:
        raise InvalidInput(f"{name} contains a NUL character.")
    return value
