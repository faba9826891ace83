"""OPC UA signals (asyncua): every node subscribed with a monitored item (the server reports changes,
nothing is polled); the value's source timestamp is the signal's time. Reconnects while running."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from asyncua.client.client import Client

from mes_terminal.connectors.sources import Intake
from mes_terminal.domain.machine_signals import SignalSpec
from mes_terminal.domain.plant_machines import MachineSpec

log = logging.getLogger(__name__)

PUBLISHING_MS = 100  # how often the server sends what changed


class _Changes:
    """asyncua's subscription handler: each data change becomes a payload of its signal."""

    def __init__(self, source: OpcUaSource) -> None:
        self._source = source

    def datachange_notification(self, node: Any, value: Any, data: Any) -> None:
        self._source.changed(node.nodeid, value, getattr(data.monitored_item.Value, "SourceTimestamp", None))

    def status_change_notification(self, status: Any) -> None:
        log.warning("OPC UA subscription of %s: %s", self._source.url, status)


class OpcUaSource:
    def __init__(self, url: str, machines: Sequence[MachineSpec], intake: Intake) -> None:
        self.url = url
        self.machines = tuple(machines)
        self._intake = intake
        self._signals: dict[Any, tuple[MachineSpec, SignalSpec]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), name=f"opcua {url}", daemon=True)
        self.online = False

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(15)

    def changed(self, node_id: Any, value: Any, stamp: datetime | None) -> None:
        target = self._signals.get(node_id)
        if target is None:
            return
        at = stamp.replace(tzinfo=UTC) if stamp is not None and stamp.tzinfo is None else stamp
        self._intake.payload(target[0], target[1], value, at)

    async def _run(self) -> None:
        while not self._stop.is_set():
            try:
                async with Client(self.url, timeout=2) as client:
                    handler = _Changes(self)
                    subscription = await client.create_subscription(PUBLISHING_MS, handler)
                    nodes = []
                    for machine in self.machines:
                        for signal in machine.signals:
                            node = client.get_node(signal.address)
                            self._signals[node.nodeid] = (machine, signal)
                            nodes.append(node)
                    await subscription.subscribe_data_change(nodes)
                    self._set_online(True)
                    while not self._stop.is_set():
                        await asyncio.sleep(0.1)
                        await client.check_connection()
            except Exception as error:  # any failure of the link: offline, then try again
                if self.online:
                    log.warning("lost OPC UA server %s (%s); reconnecting", self.url, error)
                elif not self._stop.is_set():
                    log.debug("OPC UA server %s does not answer: %s", self.url, error)
            if self.online:
                self._set_online(False)
            if not self._stop.is_set():
                await asyncio.sleep(1)

    def _set_online(self, online: bool) -> None:
        self.online = online
        self._intake.status(self.machines, online=online)
