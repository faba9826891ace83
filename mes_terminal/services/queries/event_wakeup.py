"""Waking a live screen when the event log grows: PostgreSQL LISTEN, else nothing (the screen polls).

    wakeup = EventWakeup(engine)
    while running:
        if wakeup.wait(0.5):   # True: a notification arrived on the channel
            read_new_events()

On PostgreSQL a trigger on the event log (migration 0005) sends `NOTIFY mes_events` with every
command that writes events. Without a notification
the wait simply times out, so a screen that also polls `id > last seen` never misses an event; the
notification only makes it sooner. On SQLite `wait` sleeps and returns False.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from sqlalchemy import Engine

log = logging.getLogger(__name__)

CHANNEL = "mes_events"


class EventWakeup:
    def __init__(self, engine: Engine, channel: str = CHANNEL) -> None:
        self._engine = engine
        self._channel = channel
        self._raw: Any = None
        self.listening = False

    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True when a notification arrived (several count as one)."""
        if self._engine.dialect.name != "postgresql":
            time.sleep(timeout)
            return False
        try:
            connection = self._listen()
            woke = False
            for _ in connection.notifies(timeout=timeout, stop_after=1):
                woke = True
            return woke
        except Exception:  # the server went away: poll until it is back, try again next time
            log.info("no LISTEN connection; the screen polls", exc_info=True)
            self.close()
            time.sleep(timeout)
            return False

    def _listen(self) -> Any:
        if self._raw is None:
            self._raw = self._engine.raw_connection()
            driver = self._raw.driver_connection
            driver.autocommit = True
            driver.execute(f'LISTEN "{self._channel}"')
            self.listening = True
        return self._raw.driver_connection

    def close(self) -> None:
        raw, self._raw, self.listening = self._raw, None, False
        if raw is None:
            return
        try:
            raw.driver_connection.execute("UNLISTEN *")
            raw.driver_connection.autocommit = False
            raw.close()
        except Exception:
            raw.invalidate()
