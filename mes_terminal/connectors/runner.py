"""`mes-terminal connect`: every signal source of the plant (or of one station), the forwarder that
turns their readings into commands, and the namespace publisher, until the time is up or a stop."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine

from mes_terminal.connectors.forwarder import Forwarder
from mes_terminal.connectors.sources import Intake
from mes_terminal.connectors.store import SignalStore
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.errors import MesError
from mes_terminal.domain.plant_machines import MachineSpec
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.machines import machine_sources, namespace
from mes_terminal.services.queries.read_only import read_connection

if TYPE_CHECKING:
    from mes_terminal.connectors.uns import UnsPublisher

log = logging.getLogger(__name__)

TICK_SECONDS = 0.05  # how often queued readings are delivered and new events published


class Source(Protocol):
    url: str

    def start(self) -> None: ...
    def stop(self) -> None: ...


@dataclass
class ConnectSummary:
    sources: int
    delivered: int = 0
    refused: int = 0
    malformed: int = 0
    queued: int = 0  # still waiting in the local store at the end (the database was away)
    published: int = 0


def build_sources(machines: Sequence[MachineSpec], intake: Intake) -> list[Source]:
    """One source per address: a broker, an OPC UA server or a Modbus device serves all its stations."""
    by_url: dict[str, list[MachineSpec]] = {}
    for machine in machines:
        by_url.setdefault(machine.url, []).append(machine)
    sources: list[Source] = []
    for url, served in by_url.items():
        scheme = served[0].address.scheme
        if scheme == "mqtt":
            from mes_terminal.connectors.mqtt import MqttSource

            sources.append(MqttSource(url, served, intake))
        elif scheme == "opc.tcp":
            from mes_terminal.connectors.opcua import OpcUaSource

            sources.append(OpcUaSource(url, served, intake))
        else:
            from mes_terminal.connectors.modbus import ModbusSource

            sources.append(ModbusSource(url, served, intake))
    return sources


def connect(
    engine: Engine,
    clock: Clock,
    store_path: Path,
    *,
    station: str | None = None,
    seconds: float | None = None,
    stop: threading.Event | None = None,
    publish: bool = True,
) -> ConnectSummary:
    """Run until `seconds` passed or `stop` is set; what could not be delivered stays in the store."""
    with read_connection(engine) as connection:
        machines = machine_sources(connection, station)
        ns = namespace(connection) if publish else None
    store = SignalStore(store_path)
    intake = Intake(store, clock)
    forwarder = Forwarder(store, CommandBus(engine, clock))
    sources = build_sources(machines, intake)
    publisher: UnsPublisher | None = None
    if ns is not None:
        from mes_terminal.connectors.uns import UnsPublisher

        publisher = UnsPublisher(engine, ns, clock, str(store_path))
    stop = stop or threading.Event()
    deadline = None if seconds is None else time.monotonic() + seconds
    summary = ConnectSummary(sources=len(sources))
    for source in sources:
        source.start()
    if publisher is not None:
        publisher.start()
    try:
        while not stop.is_set() and (deadline is None or time.monotonic() < deadline):
            _round(forwarder, publisher)
            stop.wait(TICK_SECONDS)
    finally:
        for source in sources:
            source.stop()
        _round(forwarder, publisher)  # what arrived before the sources stopped
        if publisher is not None:
            publisher.stop()
            summary.published = publisher.published
        summary.delivered, summary.refused = forwarder.delivered, forwarder.refused
        summary.malformed, summary.queued = intake.malformed, len(store)
        store.close()
    return summary


def _round(forwarder: Forwarder, publisher: UnsPublisher | None) -> None:
    """One delivery and one publication; a failure is logged and the next round tries again."""
    try:
        while forwarder.deliver() == 500:
            pass
        if publisher is not None:
            while publisher.publish_new() == 500:
                pass
    except MesError as error:
        log.warning("%s", error.message)
    except Exception:  # the connector keeps running; the log has the details
        log.exception("connector round failed")
