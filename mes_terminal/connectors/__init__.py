"""Machine signals in (MQTT, OPC UA, Modbus TCP) and events out to the plant's MQTT namespace.

Protocol apart from transport: `domain.machine_signals` reads payloads; the sources here only move
bytes into the durable `SignalStore`, and the `Forwarder` turns what is stored into commands.
"""
