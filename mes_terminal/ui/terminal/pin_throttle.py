"""Rate-limiting PIN attempts at one terminal: after N wrong PINs in a row, wait before the next.

The service records every failed sign-in; this only slows a guesser down at the terminal itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class PinThrottle:
    def __init__(self, attempts: int = 3, lockout_seconds: float = 30.0, now: Callable[[], float] = time.monotonic):
        self.attempts = attempts
        self.lockout_seconds = lockout_seconds
        self._now = now
        self._failures = 0
        self._locked_until = 0.0

    def record_failure(self) -> None:
        self._failures += 1
        if self._failures >= self.attempts:
            self._locked_until = self._now() + self.lockout_seconds
            self._failures = 0

    def record_success(self) -> None:
        self._failures = 0
        self._locked_until = 0.0

    def seconds_left(self) -> int:
        """Whole seconds until the next attempt is allowed; 0 when it is allowed now."""
        left = self._locked_until - self._now()
        return max(0, int(left + 0.999))

    @property
    def locked(self) -> bool:
        return self.seconds_left() > 0
