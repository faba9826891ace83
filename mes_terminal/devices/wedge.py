"""Telling a keyboard-wedge scanner from a person typing, by keystroke timing.

A keyboard-wedge scanner pretends to be a keyboard: it types the barcode's characters, usually within a
few milliseconds of each other, and ends with Enter or Tab. A person types tens of milliseconds apart
or slower. `WedgeDetector` is fed every key the window receives and sorts the keys into scans and
typing; it knows nothing of Qt, so the same rules run in unit tests with made-up times.

How the UI uses it (one key press at a time, `at` from a monotonic clock, in seconds):

    scans = detector.feed(event.text(), at=time.monotonic())
    typed = detector.take_typed()          # hand these keys on to the focused widget
    for scan in scans:                     # then route the scans
        ...
    # and, while `detector.flush_due` is not None, a single-shot timer calls
    # detector.flush(time.monotonic()) shortly after that time, followed by take_typed().

Keys are held back while they might still be the start of a scan, so typed characters reach the
widget at most `max_gap_ms` late. For a single key, `feed` yields scans or typed keys, never both, so
"typed first, then scans" keeps everything in the order it happened.

The rules:
- a run of keys each at most `max_gap_ms` after the one before, of at least `min_length` characters,
  followed just as fast by a terminator (Enter "\\r" or "\\n", or Tab "\\t"), is a scan; the
  terminator is consumed with it, so it neither submits a form nor moves the focus;
- every other key is typing: a slow key, a fast run that ends without a terminator (see `flush`), a
  terminator after a short run, or a terminator on its own.
"""

from __future__ import annotations

DEFAULT_MAX_GAP_MS = 35.0
DEFAULT_MIN_LENGTH = 3
DEFAULT_TERMINATORS = "\r\n\t"


class WedgeDetector:
    """Sorts key presses into scans (returned by `feed`) and typing (collected for `take_typed`)."""

    def __init__(
        self,
        *,
        max_gap_ms: float = DEFAULT_MAX_GAP_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        terminators: str = DEFAULT_TERMINATORS,
    ) -> None:
        if max_gap_ms <= 0:
            raise ValueError("max_gap_ms must be more than zero")
        if min_length < 1:
            raise ValueError("min_length must be at least 1")
        if not terminators:
            raise ValueError("at least one terminator is needed")
        self.max_gap = max_gap_ms / 1000.0
        self.min_length = min_length
        self.terminators = frozenset(terminators)
        self._pending: list[str] = []  # keys that may still become a scan
        self._last_at = 0.0  # when the newest pending key came
        self._typed: list[str] = []

    def feed(self, key: str, at: float) -> list[str]:
        """Take the text of one key press at time `at` (seconds); return the scans it completes.

        An empty text (Shift, Ctrl: keys that type nothing) is ignored. A text of several characters is
        taken as keys pressed at the same instant.
        """
        scans: list[str] = []
        for ch in key:
            scan = self._feed_char(ch, at)
            if scan is not None:
                scans.append(scan)
        return scans

    def flush(self, at: float) -> None:
        """End a run of keys that has gone quiet without a terminator: it was typing (or a paste).

        Does nothing while the run might still continue, i.e. until more than `max_gap_ms` after its
        last key, so it is safe to call early or often.
        """
        if self._pending and self._quiet_at(at):
            self._hand_back_pending()

    def take_typed(self) -> str:
        """The keys found to be typing since the last call, in the order they were pressed."""
        typed = "".join(self._typed)
        self._typed.clear()
        return typed

    @property
    def flush_due(self) -> float | None:
        """When held-back keys become typing if no key follows (call `flush` after it), or None."""
        return self._last_at + self.max_gap if self._pending else None

    def _feed_char(self, ch: str, at: float) -> str | None:
        if self._pending and self._quiet_at(at):
            self._hand_back_pending()
        if ch in self.terminators:
            if len(self._pending) >= self.min_length:
                scan = "".join(self._pending)
                self._pending.clear()
                return scan
            self._hand_back_pending()
            self._typed.append(ch)
            return None
        self._pending.append(ch)
        self._last_at = at
        return None

    def _quiet_at(self, at: float) -> bool:
        # A clock that steps backwards counts as no gap at all.
        return at - self._last_at > self.max_gap

    def _hand_back_pending(self) -> None:
        self._typed.extend(self._pending)
        self._pending.clear()
