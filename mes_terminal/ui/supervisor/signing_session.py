"""The console's view of its user's signing session (21 CFR 11.200(a)(1)): may the next signature take
the PIN alone? The handler decides for certain; this only chooses which fields the signing dialog asks
for, so that the user is not asked for the badge they just scanned, nor let off when the session lapsed.
"""

from __future__ import annotations

from datetime import datetime

from mes_terminal.domain.signatures import session_continues


class SigningSession:
    def __init__(self) -> None:
        self._badge: str | None = None
        self._last: datetime | None = None

    def signed(self, badge: str, at: datetime) -> None:
        """A signature by `badge` went through at `at`: the session starts or goes on."""
        if self._badge != badge:
            self._badge, self._last = badge, None
        if self._last is None or at > self._last:
            self._last = at

    def forget(self) -> None:
        """The session ended (sign-out) or the handler said it had: the next signature takes both."""
        self._badge = self._last = None

    def pin_alone(self, badge: str, now: datetime, idle_minutes: int) -> bool:
        return self._badge == badge and session_continues(self._last, now, idle_minutes)
