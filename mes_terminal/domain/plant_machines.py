"""The plant file's `[[machines]]` (signals of a station's machine) and `[uns]` (the plant's namespace).

Pure, like `domain.plant`: tables in, frozen specs out, or a `PlantFileError` naming key and line.
A signal names where it is read by its protocol's key: `topic` (MQTT), `node` (OPC UA) or `register`
(Modbus TCP, 40001.. holding and 30001.. input registers, or a plain holding-register offset below 30000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from mes_terminal.domain.error_codes import MACHINE_SOURCE_URL
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.machine_signals import COUNT_MODES, MACHINE_STATES, SIGNAL_KINDS, SignalSpec
from mes_terminal.domain.plant_values import one_of, short_text, whole
from mes_terminal.domain.toml_reader import Table, show
from mes_terminal.domain.values import parse_code as code

MACHINE_KEYS = ("station", "url", "badge", "poll_ms", "state", "count", "scrap")
SIGNAL_KEYS = ("topic", "node", "register", "mode", "field", "map", "wrap")
UNS_KEYS = ("url", "root")
# The protocol of each scheme, the key its signals are addressed by, and its usual port.
SCHEMES = {"mqtt": ("topic", 1883), "opc.tcp": ("node", 4840), "modbus": ("register", 502)}
DEFAULT_BADGE = "MACHINE"  # the connector's account; the loader creates it when the file has none
_TOPIC = re.compile(r"^[^#+\x00-\x1f\x7f]{1,200}$")
_ROOT = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


@dataclass(frozen=True)
class SourceAddress:
    scheme: str  # mqtt | opc.tcp | modbus
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"


@dataclass(frozen=True)
class MachineSpec:
    station: str
    url: str  # normalised: scheme://host:port
    badge: str
    poll_ms: int
    signals: tuple[SignalSpec, ...]

    @property
    def address(self) -> SourceAddress:
        return source_address(self.url, "url")

    def signal(self, kind: str) -> SignalSpec | None:
        return next((s for s in self.signals if s.kind == kind), None)


@dataclass(frozen=True)
class UnsSpec:
    url: str
    root: str


def source_address(value: object, field: str, schemes: tuple[str, ...] = tuple(SCHEMES)) -> SourceAddress:
    """`mqtt://host:1883`, `opc.tcp://host:4840` or `modbus://host:502` (the port may be left out)."""
    problem = InvalidInput(MACHINE_SOURCE_URL.sentence(field=field, url=show(value)), code=MACHINE_SOURCE_URL)
    if not isinstance(value, str):
        raise problem
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        raise problem from None
    if parts.scheme not in schemes or not parts.hostname or parts.path not in ("", "/") or parts.query:
        raise problem
    return SourceAddress(parts.scheme, parts.hostname, port or SCHEMES[parts.scheme][1])


def parse_machine(t: Table) -> MachineSpec:
    """One `[[machines]]` table; abandoned (its problems noted) when its url cannot be read."""
    address = t.get("url", source_address)
    if address is None:  # its problem is noted already; the signals' keys depend on the scheme
        t.fail("url", "is needed to read the signals.")
    key = SCHEMES[address.scheme][0]
    signals = tuple(_signal(t.table(kind, SIGNAL_KEYS), kind, key) for kind in SIGNAL_KINDS if kind in t)
    if not signals:
        t.fail("state", "is missing; a machine needs at least one of state, count or scrap.")
    return MachineSpec(
        station=t.get("station", code),
        url=address.url,
        badge=t.get("badge", code, DEFAULT_BADGE),
        poll_ms=t.get("poll_ms", whole(50, 3_600_000), 1000),
        signals=signals,
    )


def parse_uns(t: Table) -> UnsSpec:
    """The `[uns]` table; abandoned (its problems noted) when its url cannot be read."""
    address = t.get("url", lambda v, f: source_address(v, f, ("mqtt",)))
    root = t.get("root", _root)
    if address is None:
        t.fail("url", "is needed to publish.")
    return UnsSpec(url=address.url, root=root)


def _signal(t: Table, kind: str, key: str) -> SignalSpec:
    for other in ("topic", "node", "register"):
        if other != key and other in t:
            t.fail(other, f"does not address a signal of this url; use {key}.")
    if key == "register":
        address = str(t.get(key, whole(0, 49999)))
    elif key == "topic":
        address = t.get(key, _topic)
    else:
        address = t.get(key, short_text(200))
    if kind == "state":
        for counter_key in ("mode", "wrap"):
            if counter_key in t:
                t.fail(counter_key, "belongs to count and scrap signals, not to state.")
        mode = None
    else:
        mode = t.get("mode", one_of(COUNT_MODES))
        if "map" in t:
            t.fail("map", "belongs to state signals; a count is read as a number.")
    return SignalSpec(
        kind=kind,
        address=address,
        mode=mode,
        field=t.get("field", short_text(64), None),
        map=_state_map(t) if kind == "state" else {},
        wrap=_wrap(t, mode),
    )


def _state_map(t: Table) -> dict[str, str]:
    raw = t.get("map", _raw_table, None)
    if raw is None:
        return {}
    mapping: dict[str, str] = {}
    for value, word in raw.items():
        if not isinstance(word, str) or word.strip().lower() not in MACHINE_STATES:
            t.fail(("map", value), f"must be one of {', '.join(MACHINE_STATES)}, not {show(word)}.")
        mapping[str(value).strip()] = word.strip().lower()
    return mapping


def _wrap(t: Table, mode: str | None) -> int | None:
    if mode == "total":
        return t.get("wrap", whole(2, 2**63 - 1), None)
    if "wrap" in t:
        t.fail("wrap", 'belongs to counters with mode = "total".')
    return None


def _raw_table(value: object, field: str) -> dict[str, object]:
    if not isinstance(value, dict) or not value:
        raise InvalidInput(f'{field} must be a table such as {{ "1" = "running", "0" = "down" }}, not {show(value)}.')
    return value


def _topic(value: object, field: str) -> str:
    if not isinstance(value, str) or not _TOPIC.match(value.strip()):
        raise InvalidInput(f"{field} must be an MQTT topic without + or # (at most 200 characters), not {show(value)}.")
    return value.strip()


def _root(value: object, field: str) -> str:
    if not isinstance(value, str) or not _ROOT.match(value.strip()):
        raise InvalidInput(f"{field} must be one topic level of letters, digits, '.', '_' or '-', not {show(value)}.")
    return value.strip()
