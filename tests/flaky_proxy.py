"""A TCP proxy on loopback that cuts connections at random: a network that drops packets, for fault tests.

    with FlakyProxy(("127.0.0.1", 5432), seed=7, max_bytes=100_000, commit_cut=0.2) as proxy:
        url = f"postgresql://postgres@127.0.0.1:{proxy.port}/mes"

Each connection it accepts draws from the seeded generator after how many bytes (both directions
counted, 0 to `max_bytes`) it will be cut; at that byte it is closed on both sides mid-stream, as a
broken link or a reset router does: the client may have sent a statement, or a COMMIT, and never hear
the answer; or its connection is cut before the server has even greeted it. Besides, with the chance
`commit_cut`, a connection is cut right after it passed a COMMIT on to the server: the transaction is
committed, and the client never hears so (the case a command bus must not count twice). `cut_next`
arms one such cut by hand, after the next message that holds a given text; `max_bytes=None` draws no
random cuts at all.
Threads, one pair per connection; `close()` ends them all.
"""

from __future__ import annotations

import contextlib
import random
import socket
import sys
import threading
from types import TracebackType

_CHUNK = 4096


class FlakyProxy:
    def __init__(
        self, target: tuple[str, int], *, seed: int = 0, max_bytes: int | None = 100_000, commit_cut: float = 0
    ) -> None:
        self.target = target
        self.max_bytes = max_bytes
        self.commit_cut = commit_cut
        self.commit_cuts = 0  # of the cuts, those right after a COMMIT
        self.cuts_by_hand = 0
        self._armed: list[bytes] = []  # texts after which the next message holding one is cut, once each
        self.cuts = 0  # connections cut so far
        self.connections = 0
        self.bytes = 0  # passed on, both directions
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._accepting = threading.Thread(target=self._accept, name="flaky-proxy", daemon=True)
        self._accepting.start()

    def __enter__(self) -> FlakyProxy:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._listener.close()
        with self._lock:
            for sock in list(self._open):
                _shut(sock)
            self._open.clear()
        self._accepting.join(timeout=5)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:  # closed
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _shut(client)
                continue
            server.settimeout(None)
            with self._lock:
                self.connections += 1
                budget = self._random.randint(0, self.max_bytes) if self.max_bytes is not None else sys.maxsize
                self._open.update((client, server))
            link = _Link(self, client, server, budget)
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=link.pump, args=(source, sink), daemon=True).start()

    def cut_next(self, text: bytes) -> None:
        """Cut the connection that next passes a message holding `text` on to the server, right after it."""
        with self._lock:
            self._armed.append(text)

    def _armed_for(self, data: bytes) -> bool:
        with self._lock:
            for text in self._armed:
                if text in data:
                    self._armed.remove(text)
                    self.cuts_by_hand += 1
                    return True
            return False

    def _draw(self) -> float:
        with self._lock:
            return self._random.random()

    def _cut(self, link: _Link) -> None:
        with self._lock:
            self.cuts += 1
            self._open.difference_update((link.client, link.server))
        _shut(link.client)
        _shut(link.server)


class _Link:
    """One proxied connection: both directions share its byte budget."""

    def __init__(self, proxy: FlakyProxy, client: socket.socket, server: socket.socket, budget: int) -> None:
        self.proxy, self.client, self.server = proxy, client, server
        self._left = budget
        self._lock = threading.Lock()
        self._done = False

    def pump(self, source: socket.socket, sink: socket.socket) -> None:
        while True:
            try:
                data = source.recv(_CHUNK)
            except OSError:
                data = b""
            if not data:
                self._end()
                return
            with self._lock:
                cut = len(data) >= self._left
                data = data[: self._left]
                self._left -= len(data)
                self.proxy.bytes += len(data)
            unheard = not cut and source is self.client and self._cut_after_passing(data)
            if unheard:  # the client must not hear the answer: its side is closed before the server has the message
                _shut(self.client)
            try:
                if data:
                    sink.sendall(data)
            except OSError:
                self._end()
                return
            if cut or unheard:
                self._end(cut=True)
                return

    def _cut_after_passing(self, data: bytes) -> bool:
        if b"COMMIT" in data and self.proxy._draw() < self.proxy.commit_cut:
            with self.proxy._lock:
                self.proxy.commit_cuts += 1
            return True
        return self.proxy._armed_for(data)

    def _end(self, *, cut: bool = False) -> None:
        with self._lock:
            if self._done:
                return
            self._done = True
        if cut:
            self.proxy._cut(self)
            return
        with self.proxy._lock:
            self.proxy._open.difference_update((self.client, self.server))
        _shut(self.client)
        _shut(self.server)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
