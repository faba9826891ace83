"""A serial barcode scanner read in a background thread, reconnecting when it is unplugged.

The port is opened with pyserial's `serial_for_url`, so a real port (`/dev/ttyUSB0`, `COM3`), a
TCP-to-serial bridge (`socket://host:port`) and the loopback (`loop://`) are one code path. Each
complete frame (see `devices.framing`) is handed to `on_scan` as text.

`on_scan` and `on_state` are called on the reader thread. The UI wraps them in a queued Qt signal;
this module stays free of Qt. A callback that raises is logged and the reading goes on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import serial

from mes_terminal.devices.framing import DEFAULT_TERMINATOR, Framer

log = logging.getLogger(__name__)

# Short enough that stop() is prompt, long enough that an idle reader does not spin.
READ_TIMEOUT_SECONDS = 0.1

CONNECTED = "connected"
STOPPED = "disconnected: stopped"

PortOpener = Callable[..., Any]


class SerialScanner:
    """Reads scans from `url` until stopped; reports "connected" / "disconnected: <reason>".

    Nothing is opened before `start()`. When the port cannot be opened, or fails or vanishes while
    reading, the state says why and the scanner tries again every `reconnect_seconds`. A scan cut off
    by the failure is dropped (it would be incomplete); the next whole scan is delivered.

    `open_port` is how the port is opened, `serial.serial_for_url` unless given; it is called as
    `open_port(url, baudrate=..., timeout=...)` and must return an open pyserial port.
    """

    def __init__(
        self,
        url: str,
        on_scan: Callable[[str], None],
        *,
        baudrate: int = 9600,
        terminator: bytes = DEFAULT_TERMINATOR,
        on_state: Callable[[str], None] | None = None,
        reconnect_seconds: float = 1.0,
        open_port: PortOpener = serial.serial_for_url,
    ) -> None:
        self.url = url
        self.baudrate = baudrate
        self.terminator = terminator
        self.reconnect_seconds = reconnect_seconds
        self._on_scan = on_scan
        self._on_state = on_state
        self._open_port = open_port
        Framer(terminator)  # refuse an unusable terminator here, not later on the reader thread
        self._state = "disconnected: not started"
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def state(self) -> str:
        """The last state reported: "connected" or "disconnected: <reason>"."""
        return self._state

    @property
    def running(self) -> bool:
        """True from `start()` until `stop()`."""
        return self._thread is not None and not self._stopping.is_set()

    def start(self) -> None:
        """Start reading in a background thread. Does nothing if already running.

        Call `start` and `stop` from one thread (the GUI thread); `stop` may also be called from a callback.
        """
        if self.running:
            return
        self._join_thread()
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(self._stopping,), name=f"serial scanner {self.url}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop reading, close the port and wait for the thread to end. Safe to call more than once."""
        self._stopping.set()
        self._join_thread()

    def _join_thread(self) -> None:
        thread = self._thread
        # From a callback the reader thread cannot wait for itself: it ends once the callback returns,
        # and a later stop() from another thread joins it.
        if thread is None or thread is threading.current_thread():
            return
        thread.join()
        self._thread = None

    def _run(self, stopping: threading.Event) -> None:
        framer = Framer(self.terminator)
        while not stopping.is_set():
            try:
                port = self._open_port(self.url, baudrate=self.baudrate, timeout=READ_TIMEOUT_SECONDS)
            except Exception as error:  # any failure to open is worth a retry, and must not kill the thread
                self._report(f"disconnected: {_reason(error)}")
            else:
                self._report(CONNECTED)
                try:
                    self._read(port, framer, stopping)
                except Exception as error:  # unplugged, or the driver gave up: reopen
                    self._report(f"disconnected: {_reason(error)}")
                finally:
                    framer.reset()
                    _close_quietly(port)
            stopping.wait(self.reconnect_seconds)
        self._report(STOPPED)

    def _read(self, port: Any, framer: Framer, stopping: threading.Event) -> None:
        while not stopping.is_set():
            # Ask for what is waiting, or one byte (blocking up to the timeout) when nothing is: a whole
            # burst comes in one read and an idle port costs one wake-up per timeout.
            data = port.read(max(1, port.in_waiting))
            for text in framer.feed(data):
                self._call(self._on_scan, text)

    def _report(self, state: str) -> None:
        if state == self._state:
            return  # a port that stays missing is reported once, not on every retry
        self._state = state
        if self._on_state is not None:
            self._call(self._on_state, state)

    def _call(self, callback: Callable[[str], None], value: str) -> None:
        try:
            callback(value)
        except Exception:
            log.exception("serial scanner %s: callback %r failed for %r", self.url, callback, value)


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__


def _close_quietly(port: Any) -> None:
    try:
        port.close()
    except Exception:
        log.debug("closing a failed port raised", exc_info=True)
