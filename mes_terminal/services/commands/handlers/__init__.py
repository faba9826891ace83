"""One handler per command type. Each runs inside the bus's transaction and returns a JSON-ready result."""
