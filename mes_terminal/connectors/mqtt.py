"""MQTT signals (paho): one client per broker, QoS 1, a persistent session so that what the broker
holds for us while we are away is delivered when we are back.

MQTT 5, for its Receive Maximum: a message is acknowledged only once its reading is on disk, and a
3.1.1 broker sends no more than its own in-flight limit (Mosquitto's `max_inflight_messages`, 20) until
then; at 1,000 messages a second the rest pile up in the broker's queue for us, and past its
`max_queued_messages` (1,000) the broker drops them. With a window of `RECEIVE_MAXIMUM` the broker
sends on while the last group is written, and what it sent but we did not acknowledge it still holds
for us (sent again after a reconnect), so nothing is acknowledged that is not on disk.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from mes_terminal.connectors.sources import Intake
from mes_terminal.domain.machine_signals import SignalSpec
from mes_terminal.domain.plant_machines import MachineSpec, source_address

log = logging.getLogger(__name__)


def client_id(purpose: str, url: str, place: str) -> str:
    """Stable for one connector installation (its data directory) and broker, distinct between them."""
    return f"mes-terminal-{purpose}-" + hashlib.sha1(f"{place}|{url}".encode()).hexdigest()[:16]


RECEIVE_MAXIMUM = 65_535  # messages the broker may send us before our acknowledgements (MQTT 5 allows no more)
SESSION_EXPIRY = 0xFFFFFFFF  # seconds the broker keeps our session while we are away: for ever, as MQTT 3.1.1 did


def new_client(identity: str, *, persistent: bool) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=identity, clean_session=not persistent)
    client.reconnect_delay_set(min_delay=1, max_delay=5)
    return client


def new_subscriber(identity: str) -> tuple[mqtt.Client, Properties]:
    """An MQTT 5 client with a persistent session and a wide receive window, acknowledging by hand; and
    the properties its connection sends."""
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=identity, protocol=mqtt.MQTTv5, manual_ack=True)
    client.reconnect_delay_set(min_delay=1, max_delay=5)
    properties = Properties(PacketTypes.CONNECT)
    properties.SessionExpiryInterval = SESSION_EXPIRY
    properties.ReceiveMaximum = RECEIVE_MAXIMUM
    return client, properties


class MqttSource:
    def __init__(self, url: str, machines: Sequence[MachineSpec], intake: Intake) -> None:
        self.url = url
        self.machines = tuple(machines)
        self._intake = intake
        self._address = source_address(url, "url")
        self._topics: dict[str, tuple[MachineSpec, SignalSpec]] = {
            signal.address: (machine, signal) for machine in self.machines for signal in machine.signals
        }
        # Acknowledged by hand: only once the reading is on disk (sources.Intake.flush).
        identity = client_id("signals", url, str(intake.store.path))
        self._client, self._properties = new_subscriber(identity)
        self._client.on_connect = self._on_connect
        self._client.on_disconnect = self._on_disconnect
        self._client.on_message = self._on_message
        self.connected = False
        self._stopping = False

    def start(self) -> None:
        self._client.connect_async(
            self._address.host, self._address.port, keepalive=10, clean_start=False, properties=self._properties
        )
        self._client.loop_start()

    def stop(self) -> None:
        self._stopping = True
        self._client.disconnect()
        self._client.loop_stop()

    def _on_connect(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any, properties: Any) -> None:
        if reason.is_failure:
            log.warning("MQTT broker %s refused the connection: %s", self.url, reason)
            return
        client.subscribe([(topic, 1) for topic in self._topics])
        self.connected = True
        self._intake.status(self.machines, online=True)
        log.info("connected to %s (%d signals)", self.url, len(self._topics))

    def _on_disconnect(self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any, properties: Any) -> None:
        if self.connected:
            self.connected = False
            self._intake.status(self.machines, online=False)
            if not self._stopping:
                log.warning("lost MQTT broker %s (%s); reconnecting", self.url, reason)

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        mid, qos = message.mid, message.qos

        def ack() -> None:
            client.ack(mid, qos)

        target = self._topics.get(message.topic)
        if target is None:
            ack()
            return
        self._intake.payload(target[0], target[1], message.payload, ack=ack)
