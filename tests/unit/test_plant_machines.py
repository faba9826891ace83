"""The plant file's [[machines]] and [uns]: read into specs, or refused naming the key and its line."""

from __future__ import annotations

import pytest

from mes_terminal.domain.errors import PlantFileError
from mes_terminal.domain.plant import parse_plant
from tests.machine_helpers import machine_plant


def test_machines_and_the_namespace_are_read() -> None:
    plant = parse_plant(machine_plant(prefix="p/WS-01", uns="mqtt://broker"), source="plant.toml")
    (machine,) = plant.machines
    assert (machine.station, machine.url, machine.badge, machine.poll_ms) == (
        "WS-01",
        "mqtt://127.0.0.1:1883",
        "MACHINE",
        100,
    )
    assert [(s.kind, s.address, s.mode) for s in machine.signals] == [
        ("state", "p/WS-01/state", None),
        ("count", "p/WS-01/count", "total"),
        ("scrap", "p/WS-01/scrap", "increment"),
    ]
    assert (plant.uns.url, plant.uns.root) == ("mqtt://broker:1883", "acme")


def test_opc_ua_nodes_with_a_map_and_modbus_registers() -> None:
    opc = parse_plant(
        machine_plant(
            "opc.tcp://press:4840", 'state = { node = "ns=2;s=Press.State", map = { "1" = "running", "0" = "down" } }'
        )
    )
    assert dict(opc.machines[0].signals[0].map) == {"1": "running", "0": "down"}
    modbus = parse_plant(machine_plant("modbus://plc", 'count = { register = 40001, mode = "total", wrap = 65536 }'))
    assert (modbus.machines[0].url, modbus.machines[0].signals[0].address) == ("modbus://plc:502", "40001")


@pytest.mark.parametrize(
    ("url", "signals", "where", "words"),
    [
        ("ftp://x", "", "machines[0].url", "must be an address such as"),
        ("mqtt://x", 'state = { node = "a" }', "machines[0].state.node", "use topic"),
        ("mqtt://x", 'count = { topic = "a" }', "machines[0].count.mode", "is missing"),
        ("mqtt://x", 'state = { topic = "a/#" }', "machines[0].state.topic", "without + or #"),
        ("mqtt://x", 'state = { topic = "a", map = { "1" = "smoking" } }', "machines[0].state.map.1", "must be one of"),
        ("mqtt://x", 'state = { topic = "a", mode = "total" }', "machines[0].state.mode", "belongs to count"),
    ],
)
def test_a_wrong_machine_is_refused_naming_key_and_line(url: str, signals: str, where: str, words: str) -> None:
    with pytest.raises(PlantFileError) as error:
        parse_plant(machine_plant(url, signals), source="plant.toml")
    assert where in error.value.message and words in error.value.message and "line" in error.value.message


def test_a_machine_at_a_station_the_file_does_not_have_is_refused() -> None:
    text = machine_plant().replace('station = "WS-01"\nurl', 'station = "WS-99"\nurl')
    with pytest.raises(PlantFileError, match="WS-99, which is no workstation"):
        parse_plant(text)


def test_a_machine_and_a_namespace_without_a_readable_url_are_named_with_every_other_mistake() -> None:
    text = machine_plant(uns="mqtt://127.0.0.1:1883").replace('url = "mqtt://', 'url = "ftp://')
    text = text.replace('station = "WS-01"\nurl', 'station = "WS-99"\nurl')
    with pytest.raises(PlantFileError) as refused:
        parse_plant(text)
    message = str(refused.value)
    assert "machines[0].url" in message and "uns.url" in message
