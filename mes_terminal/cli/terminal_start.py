"""Starting the operator terminal fast: check with the bare driver, paint, then load the service stack.

SQLAlchemy, the mapped records and the handlers take most of a terminal's start. They are not needed
to paint the sign-in screen, so they are imported and built on the worker thread, as the first of the
window's service calls, while the GUI thread paints. What must be refused before a window opens (a
schema not at head, an unknown station) is checked first with sqlite3 or psycopg alone.

A database that does not answer is refused too, unless this terminal kept a snapshot of its station
(services/terminal_snapshot.py): then it opens from that, offline, and its commands wait in the outbox
(docs/offline.md). The schema cannot be checked then; each connection checks it once the database
answers (db/migrate.require_head_on_connect).
"""

from __future__ import annotations

import threading
from typing import Any

from mes_terminal.config import Settings, snapshot_file
from mes_terminal.db import preflight
from mes_terminal.domain.errors import DatabaseUnavailable


class DeferredTerminalService:
    """Stands in for `TerminalService`: the first attribute asked for builds the real one.

    The view-model calls the service only from its worker thread, so the build happens there and the
    GUI thread never waits for it; calls queued meanwhile run in order once it is built.
    """

    def __init__(self, settings: Settings, *, offline: bool = False) -> None:
        self._settings = settings
        self._offline = offline  # the database did not answer at start: build without asking it
        self._lock = threading.Lock()
        self._service: Any = None
        self._application: Any = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._built(), name)

    def _built(self) -> Any:
        with self._lock:
            if self._service is None:
                from mes_terminal.bootstrap import build, terminal_service

                self._application = build(self._settings, offline=self._offline)
                self._service = terminal_service(self._application)  # with the label printer of [printer]
            return self._service

    def close(self) -> None:
        with self._lock:
            if self._application is not None:
                self._application.close()


def run(settings: Settings, *, full_screen: bool, exit_when_ready: bool) -> int:
    station = settings.station
    assert station, "the caller names the station"
    offline = not _checked(settings, station)
    from mes_terminal.domain.clock import SystemClock
    from mes_terminal.ui.app import run_terminal

    service = DeferredTerminalService(settings, offline=offline)
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


def _checked(settings: Settings, station: str) -> bool:
    """Refuse what must be refused before a window opens; False when the database does not answer but a
    snapshot of the station lets the terminal start offline."""
    try:
        preflight.check(settings.database_url, station)
    except DatabaseUnavailable:
        from mes_terminal.services.terminal_snapshot import SnapshotFile  # only offline: the fast start stays lean

        if SnapshotFile(snapshot_file(station)).read(station) is None:
            raise
        return False
    return True
