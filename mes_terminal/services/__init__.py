"""Use cases: one handler per command, permission checks, events."""
