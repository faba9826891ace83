"""Commands: the command classes, the bus that runs them, the registry, the handlers, JSON lines."""
