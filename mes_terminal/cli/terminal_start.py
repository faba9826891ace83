"""Starting the operator terminal fast: check with the bare driver, paint, then load the service stack.

SQLAlchemy, the mapped records and the handlers take most of a terminal's start. They are not needed
to paint the sign-in screen, so they are imported and built on the worker thread, as the first of the
window's service calls, while the GUI thread paints. What must be refused before a window opens (a
schema not at head, an unknown station) is checked first with sqlite3 or psycopg alone.
"""

from __future__ import annotations

import threading
from typing import Any

from mes_terminal.config import Settings
from mes_terminal.db import preflight


class DeferredTerminalService:
    """Stands in for `TerminalService`: the first attribute asked for builds the real one.

    The view-model calls the service only from its worker thread, so the build happens there and the
    GUI thread never waits for it; calls queued meanwhile run in order once it is built.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._service: Any = None
        self._application: Any = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._built(), name)

    def _built(self) -> Any:
        with self._lock:
            if self._service is None:
                from mes_terminal.bootstrap import build, terminal_service

                self._application = build(self._settings)
                self._service = terminal_service(self._application)  # with the label printer of [printer]
            return self._service

    def close(self) -> None:
        with self._lock:
            if self._application is not None:
                self._application.close()


def run(settings: Settings, *, full_screen: bool, exit_when_ready: bool) -> int:
    station = settings.station
    assert station, "the caller names the station"
    preflight.check(settings.database_url, station)
    from mes_terminal.domain.clock import SystemClock
    from mes_terminal.ui.app import run_terminal

    service = DeferredTerminalService(settings)
    try:
        return run_terminal(
            service,  # type: ignore[arg-type]  # a TerminalService once built
            station,
            SystemClock(),
            settings,
            full_screen=full_screen,
            exit_when_ready=exit_when_ready,
        )
    finally:
        service.close()
