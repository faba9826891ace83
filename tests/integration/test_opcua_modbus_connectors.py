"""OPC UA (an asyncua server as a simulated press, subscribed with monitored items) and Modbus TCP (a
pymodbus server, polled) through the same connector: states become stops, counters counts."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from asyncua import Server, ua
from pymodbus.client import ModbusTcpClient
from pymodbus.server import ModbusTcpServer
from pymodbus.simulator import SimData, SimDevice
from pymodbus.simulator.simutils import DataType

from tests.integration.test_mqtt_connector import good, start_job, stops
from tests.machine_helpers import Connector, free_port, load_machine_plant, wait_for


class Loop:
    """An asyncio loop in a thread of its own, for servers the test drives from outside."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, Any], timeout: float = 20) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


@pytest.fixture(scope="module")  # the server takes seconds to start: one for both databases
def press() -> Iterator[tuple[str, int, Any, Loop]]:
    """An OPC UA server with PressA.State (1 running, 0 down) and PressA.Count."""
    loop, server = Loop(), Server()
    port = free_port()

    async def start() -> tuple[int, dict[str, Any]]:
        await server.init()
        server.set_endpoint(f"opc.tcp://127.0.0.1:{port}/")
        server.set_security_policy([ua.SecurityPolicyType.NoSecurity])
        ns = await server.register_namespace("urn:test:press")
        press = await server.nodes.objects.add_object(ua.NodeId("PressA", ns), "PressA")
        nodes = {
            "state": await press.add_variable(ua.NodeId("PressA.State", ns), "State", 1),
            "count": await press.add_variable(ua.NodeId("PressA.Count", ns), "Count", 500),
        }
        await server.start()
        return ns, nodes

    ns, nodes = loop.run(start(), timeout=60)  # a loaded machine starts the server slowly
    yield f"opc.tcp://127.0.0.1:{port}", ns, nodes, loop
    loop.run(server.stop())
    loop.close()


def test_an_opc_ua_press_is_subscribed_not_polled(engine, tmp_path, press) -> None:
    url, ns, nodes, loop = press
    loop.run(nodes["state"].write_value(1))
    loop.run(nodes["count"].write_value(500))
    signals = (
        f'state = {{ node = "ns={ns};s=PressA.State", map = {{ "1" = "running", "0" = "down" }} }}\n'
        f'count = {{ node = "ns={ns};s=PressA.Count", mode = "total" }}\n'
    )
    load_machine_plant(engine, datetime.now(UTC), url=url, signals=signals)
    start_job(engine)
    with Connector(engine, tmp_path / "queue.sqlite", publish=False):
        wait_for(lambda: _counter(engine) == 500)  # the subscription's first value: the baseline
        loop.run(nodes["count"].write_value(503))  # 500 was the baseline
        loop.run(nodes["state"].write_value(0))
        wait_for(lambda: stops(engine))
        loop.run(nodes["state"].write_value(1))
        wait_for(lambda: stops(engine)[0].ended_at and good(engine) == 3)
    assert stops(engine)[0].source == "machine"


def test_a_modbus_device_is_polled_and_its_16_bit_counter_wraps(engine, tmp_path) -> None:
    loop, port = Loop(), free_port()
    device = SimDevice(id=0, simdata=[SimData(0, count=10, values=0, datatype=DataType.REGISTERS)])

    async def serve() -> ModbusTcpServer:
        server = ModbusTcpServer(device, address=("127.0.0.1", port))
        asyncio.get_running_loop().create_task(server.serve_forever())
        return server

    server = loop.run(serve())
    plc = ModbusTcpClient("127.0.0.1", port=port)
    wait_for(plc.connect)
    plc.write_register(0, 1)  # state: running
    plc.write_register(1, 65534)  # count, near the top of 16 bits
    signals = (
        'state = { register = 40001, map = { "1" = "running", "0" = "down" } }\n'
        'count = { register = 40002, mode = "total", wrap = 65536 }\n'
    )
    load_machine_plant(engine, datetime.now(UTC), url=f"modbus://127.0.0.1:{port}", signals=signals)
    start_job(engine)
    try:
        with Connector(engine, tmp_path / "queue.sqlite", publish=False):
            wait_for(lambda: _counter(engine) == 65534)
            plc.write_register(1, 2)  # wrapped: 65535, 0, 1, 2
            plc.write_register(0, 0)
            wait_for(lambda: stops(engine) and good(engine) == 4)
    finally:
        plc.close()
        loop.run(server.shutdown())
        loop.close()


def _counter(engine) -> int | None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from mes_terminal.db.records import MachineCounter

    with Session(engine) as session:
        value = session.scalars(select(MachineCounter.last_value)).one_or_none()
    return None if value is None else int(value)
