"""The small test plant with a machine at WS-01, its signals on topics (or nodes, registers) of the test's own."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from sqlalchemy import Engine

from mes_terminal.connectors.runner import ConnectSummary, connect
from mes_terminal.domain.clock import SystemClock
from mes_terminal.domain.plant import PlantDefinition, parse_plant
from mes_terminal.services.plant.loader import load_plant
from tests.helpers import DATA

MQTT_SIGNALS = """
state = {{ topic = "{prefix}/state" }}
count = {{ topic = "{prefix}/count", mode = "total" }}
scrap = {{ topic = "{prefix}/scrap", mode = "increment" }}
"""


def machine_plant(
    url: str = "mqtt://127.0.0.1:1883", signals: str = "", *, prefix: str = "t", uns: str = "", root: str = "acme"
) -> str:
    """The small plant with WS-01's micro-stops under 60 s and a [[machines]] entry for it."""
    text = (DATA / "small_plant.toml").read_text(encoding="utf-8")
    text = text.replace('name = "Laser cutter"', 'name = "Laser cutter"\nmicro_stop_seconds = 60', 1)
    body = signals or MQTT_SIGNALS.format(prefix=prefix)
    text += f'\n[[machines]]\nstation = "WS-01"\nurl = "{url}"\npoll_ms = 100\n{body}\n'
    if uns:
        text += f'\n[uns]\nurl = "{uns}"\nroot = "{root}"\n'
    return text


def load_machine_plant(engine: Engine, now: datetime, **options: str) -> PlantDefinition:
    plant = parse_plant(machine_plant(**options), source="machine plant")
    load_plant(engine, plant, now=now)
    return plant


class Connector:
    """`connect()` running in a thread for the length of a `with` block; its summary afterwards."""

    def __init__(self, engine: Engine, store: Path, **options: Any) -> None:
        self._engine, self._store, self._options = engine, store, options
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.summary: ConnectSummary | None = None
        self.error: BaseException | None = None

    def _run(self) -> None:
        try:
            self.summary = connect(self._engine, SystemClock(), self._store, stop=self._stop, **self._options)
        except BaseException as error:  # handed to the test
            self.error = error

    def __enter__(self) -> Connector:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(30)
        if self.error is not None and exc[0] is None:
            raise self.error


def wait_for(condition: Callable[[], Any], seconds: float = 15.0) -> Any:
    """Poll `condition` until it is truthy (its value is returned); fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s: {condition.__doc__ or condition}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Broker:
    """A Mosquitto of the test's own on a free port, to stop and start again."""

    def __init__(self, tmp: Path, settings: str = "") -> None:
        self.port = free_port()
        self._config = tmp / "mosquitto.conf"
        self._config.write_text(f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence false\n{settings}")
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._process = subprocess.Popen(
            [MOSQUITTO, "-c", str(self._config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(self._answers, 10)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(10)
            self._process = None

    def _answers(self) -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", self.port)) == 0


MOSQUITTO = shutil.which("mosquitto") or "/usr/sbin/mosquitto"


def publisher(port: int = 1883) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=f"test-{uuid.uuid4().hex[:8]}")
    client.connect("127.0.0.1", port)
    client.loop_start()
    return client


def send(client: mqtt.Client, topic: str, payload: str) -> None:
    client.publish(topic, payload, qos=1).wait_for_publish(5)
