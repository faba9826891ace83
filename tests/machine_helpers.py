"""The small test plant with a machine at WS-01, its signals on topics (or nodes, registers) of the test's own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine

from mes_terminal.domain.plant import PlantDefinition, parse_plant
from mes_terminal.services.plant.loader import load_plant
from tests.helpers import DATA

MQTT_SIGNALS = """
state = {{ topic = "{prefix}/state" }}
count = {{ topic = "{prefix}/count", mode = "total" }}
scrap = {{ topic = "{prefix}/scrap", mode = "increment" }}
"""


def machine_plant(url: str = "mqtt://127.0.0.1:1883", signals: str = "", *, prefix: str = "t", uns: str = "") -> str:
    """The small plant with WS-01's micro-stops under 60 s and a [[machines]] entry for it."""
    text = (DATA / "small_plant.toml").read_text(encoding="utf-8")
    text = text.replace('name = "Laser cutter"', 'name = "Laser cutter"\nmicro_stop_seconds = 60', 1)
    body = signals or MQTT_SIGNALS.format(prefix=prefix)
    text += f'\n[[machines]]\nstation = "WS-01"\nurl = "{url}"\npoll_ms = 100\n{body}\n'
    if uns:
        text += f'\n[uns]\nurl = "{uns}"\nroot = "acme"\n'
    return text


def load_machine_plant(engine: Engine, now: datetime, **options: str) -> PlantDefinition:
    plant = parse_plant(machine_plant(**options), source="machine plant")
    load_plant(engine, plant, now=now)
    return plant
