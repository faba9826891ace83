"""What a machine's signal means: payloads read into values, counters into counts, stops into micro-stops.

Pure (no I/O): the connectors hand raw payloads in and get readings out; the command handlers ask the
counter and micro-stop rules. A payload is a plain value (`running`, `17`), a number looked up in the
signal's `map` (`1` -> `running`), or JSON whose member `field` holds the value; a JSON member `ts`
(RFC 3339) is the signal's own time and wins over the time it arrived.

Counters (`mode = "total"`) only grow: the first value ever seen is the baseline (nothing counted), each
later value counts the difference since the last one. A smaller value is a wrap when the signal names
its modulus (`wrap = 65536`: a 16-bit register) and the drop is more than half of it, otherwise a
reset to zero: the new value is what was counted since. Never negative.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, NamedTuple

from mes_terminal.domain.downtime import MachineStatus
from mes_terminal.domain.error_codes import MACHINE_PAYLOAD_INVALID
from mes_terminal.domain.errors import InvalidInput

# What a machine says it does (domain.downtime owns which of them are stops).
MACHINE_STATES = tuple(status.value for status in MachineStatus)
SIGNAL_KINDS = ("state", "count", "scrap")
COUNT_MODES = ("total", "increment")
TIMESTAMP_MEMBER = "ts"
# The largest count one message may carry: beyond it a value is a misread, not parts.
MAX_STEP = Decimal(10**9)


class CounterEvent(StrEnum):
    BASELINE = "baseline"  # the first value ever seen: nothing counted
    COUNTED = "counted"
    WRAPPED = "wrapped"
    RESET = "reset"


@dataclass(frozen=True)
class SignalSpec:
    """One signal of a machine: where it is read (`address`: a topic, a node id or a register) and how."""

    kind: str  # state | count | scrap
    address: str
    mode: str | None = None  # counts: total | increment
    field: str | None = None  # JSON member holding the value
    map: Mapping[str, str] = dataclasses.field(default_factory=dict)  # raw value -> state (or number, for counts)
    wrap: int | None = None  # a total counter's modulus


@dataclass(frozen=True)
class Reading:
    """A signal's value at its time: a state word, or a count (a total or an increment)."""

    kind: str
    value: str | Decimal
    at: datetime
    signal_time: bool  # True when `at` came from the signal itself

    @property
    def text(self) -> str:
        return str(self.value)


class CounterStep(NamedTuple):
    event: CounterEvent
    counted: Decimal  # never negative
    last: Decimal  # the value to remember


def payload_error(address: str, problem: str) -> InvalidInput:
    return InvalidInput(
        MACHINE_PAYLOAD_INVALID.sentence(address=address, problem=problem), code=MACHINE_PAYLOAD_INVALID
    )


def read_payload(raw: bytes | str | int | float | Decimal, spec: SignalSpec, arrived: datetime) -> Reading:
    """The reading a payload carries; `InvalidInput` (machine.payload_invalid) naming the signal otherwise."""
    value: object = raw
    at, from_signal = arrived, False
    if isinstance(raw, bytes):
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise payload_error(spec.address, "it is not UTF-8 text") from None
    if isinstance(value, str):
        value = value.strip()
        if spec.field is not None or value.startswith("{"):
            value, signal_at = _json_member(value, spec)
            if signal_at is not None:
                at, from_signal = signal_at, True
    if spec.kind == "state":
        return Reading(spec.kind, state_word(value, spec), at, from_signal)
    return Reading(spec.kind, count_value(value, spec), at, from_signal)


def state_word(value: object, spec: SignalSpec) -> str:
    key = _key(value)
    if key is None:
        raise payload_error(spec.address, f"{_show(value)} is not a state")
    word = spec.map.get(key, key if not spec.map or key in MACHINE_STATES else None)
    if word is None or word.lower() not in MACHINE_STATES:
        raise payload_error(spec.address, f"{_show(value)} is not one of {', '.join(MACHINE_STATES[:4])}")
    return word.lower()


def count_value(value: object, spec: SignalSpec) -> Decimal:
    key = _key(value)
    if key is not None and key in spec.map:
        key = spec.map[key]
    try:
        number = Decimal(key) if key is not None else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0 or number > Decimal(10**15):
        raise payload_error(spec.address, f"{_show(value)} is not a count (a number of 0 or more)")
    return number


def counter_step(last: Decimal | None, value: Decimal, wrap: int | Decimal | None = None) -> CounterStep:
    """What a total counter's new `value` counts after `last` (None: never seen)."""
    if last is None:
        return CounterStep(CounterEvent.BASELINE, Decimal(0), value)
    if value >= last:
        return CounterStep(CounterEvent.COUNTED, min(value - last, MAX_STEP), value)
    if wrap is not None and last < wrap and last - value > Decimal(wrap) / 2:
        return CounterStep(CounterEvent.WRAPPED, min(Decimal(wrap) - last + value, MAX_STEP), value)
    return CounterStep(CounterEvent.RESET, min(value, MAX_STEP), value)


def increment_step(value: Decimal) -> CounterStep:
    """An increment signal counts each message's value as it is."""
    return CounterStep(CounterEvent.COUNTED, min(value, MAX_STEP), value)


def is_micro_stop(started: datetime, ended: datetime, threshold_seconds: int | None) -> bool:
    """A stop shorter than the station's threshold is a micro-stop (counted, not prompted)."""
    if not threshold_seconds:
        return False
    return ended - started < timedelta(seconds=threshold_seconds)


def signal_time(text: object) -> datetime | None:
    """An RFC 3339 time (or epoch seconds) as an aware UTC datetime; None when it is no time."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        if not math.isfinite(text) or not 0 < text < 10**11:
            return None
        return datetime.fromtimestamp(text, UTC)
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(UTC)


def _json_member(text: str, spec: SignalSpec) -> tuple[object, datetime | None]:
    try:
        document = json.loads(text, parse_float=Decimal)
    except (ValueError, RecursionError):
        raise payload_error(spec.address, "it is not valid JSON") from None
    if not isinstance(document, dict):
        if spec.field is None:
            return document, None
        raise payload_error(spec.address, f"it is not a JSON object with member {spec.field!r}")
    member = spec.field or spec.kind
    if member not in document:
        raise payload_error(spec.address, f"the JSON object has no member {member!r}")
    at = None
    if TIMESTAMP_MEMBER in document:
        at = signal_time(document[TIMESTAMP_MEMBER])
        if at is None:
            raise payload_error(spec.address, f"{_show(document[TIMESTAMP_MEMBER])} is not a time")
    return document[member], at


def _key(value: object) -> str | None:
    """A raw value as a lookup key: text as it is, whole numbers without a fraction (1.0 -> "1")."""
    if isinstance(value, bool):  # an OPC UA or JSON boolean: 1 or 0, as a map names it
        return "1" if value else "0"
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text or None
        return _key(number) if number.is_finite() else text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(str(value)) if isinstance(value, float) else value
        if not number.is_finite():
            return None
        if number == number.to_integral_value():
            return str(int(number))
        return str(number)
    return None


def _show(value: object) -> str:
    text = repr(value) if not isinstance(value, Decimal) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def signal_json(signal: SignalSpec) -> dict[str, Any]:
    values = dataclasses.asdict(signal)
    values["map"] = dict(signal.map)
    return {k: v for k, v in values.items() if v not in (None, {})}


def signal_from_json(values: Mapping[str, Any]) -> SignalSpec:
    return SignalSpec(
        kind=values["kind"],
        address=values["address"],
        mode=values.get("mode"),
        field=values.get("field"),
        map=dict(values.get("map", {})),
        wrap=values.get("wrap"),
    )
