"""Running service calls off the GUI thread, one after another, with the answers back on the GUI thread.

    runner.submit(lambda: service.station("WS-01"), on_done=show, on_failed=complain)

Calls run in the order submitted on one worker thread of a private QThreadPool, so a command and the
refresh after it never overtake each other. A call submitted `after_paint` waits for the GUI thread to
handle what is already queued (the paint of a banner, say), so the worker, busy in Python, does not
take the interpreter from that paint; calls submitted after it keep their place behind it.

The worker catches everything: an exception comes back through `on_failed`, never as a crash of the
thread. Both callbacks run on the GUI thread, through a queued signal from the worker.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits on it, so the slots run there (queued connection)."""

    done = Signal(int, object)
    failed = Signal(int, object)


class _Call(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._ticket = ticket
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:
            self._relay.failed.emit(self._ticket, error)
            return
        self._relay.done.emit(self._ticket, result)


class ServiceRunner(QObject):
    """Runs callables on a worker thread in submission order; `idle` when the last one has answered."""

    busy_changed = Signal(bool)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self.on_call_done)
        self._relay.failed.connect(self.on_call_failed)
        self._tickets = itertools.count(1)
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._closed = False
        self._held: list[_Call] = []  # submitted `after_paint`, and what came after them

    @property
    def pending(self) -> int:
        return len(self._waiting)

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
        *,
        after_paint: bool = False,
    ) -> None:
        if self._closed:
            return
        ticket = next(self._tickets)
        self._waiting[ticket] = (on_done, on_failed)
        if len(self._waiting) == 1:
            self.busy_changed.emit(True)
        call = _Call(ticket, work, self._relay)
        if after_paint or self._held:
            if not self._held:
                QTimer.singleShot(0, self, self._start_held)
            self._held.append(call)
        else:
            self._pool.start(call)

    def _start_held(self) -> None:
        held, self._held = self._held, []
        if not self._closed:
            for call in held:
                self._pool.start(call)

    def shutdown(self) -> None:
        """Take no more work and wait for the call that is running (the database answers or times out)."""
        self._closed = True
        self._held.clear()
        self._pool.waitForDone()
        self._waiting.clear()

    def on_call_done(self, ticket: int, result: object) -> None:
        self._answer(ticket, lambda callbacks: callbacks[0](result))

    def on_call_failed(self, ticket: int, error: object) -> None:
        self._answer(ticket, lambda callbacks: callbacks[1](error))

    def _answer(self, ticket: int, deliver: Callable[[tuple], None]) -> None:
        callbacks = self._waiting.get(ticket)
        if callbacks is None:  # shut down meanwhile
            return
        try:
            deliver(callbacks)
        except Exception:  # a bug in a callback must not stop the terminal
            log.exception("a service answer could not be shown")
        finally:
            # Removed after the callback, so that work it submits keeps the runner busy without a gap.
            del self._waiting[ticket]
            if not self._waiting:
                self.busy_changed.emit(False)
                self.idle.emit()
