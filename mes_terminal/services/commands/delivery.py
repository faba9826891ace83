"""Sending the terminal's commands through its outbox: kept on disk first, delivered in order, once.

    delivery = OutboxDelivery(Outbox(path), bus, clock)
    answer = delivery.send(command)     # an Outcome (the database has it), or Queued (it waits on disk)
    round_ = delivery.deliver(limit=10) # the waiting ones, oldest first

The one owner of the outbox's order. `send` writes the command to the outbox before anything else;
when nothing waits ahead of it and the database answers, it is executed at once and its refusal (a
rule) reaches the operator who is standing there, as without an outbox. A command with others waiting
ahead of it, or taken while the database cannot be reached, waits: `deliver` sends the waiting ones in
the order they were taken and stops at the first that cannot reach the database. One that a rule
refuses then is kept as a conflict for a supervisor (`conflicts.keep`) before it leaves the outbox;
nothing a terminal took is dropped. A sign-in with a PIN is never written to disk: it needs the
database, after everything that waits.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from mes_terminal.domain.clock import Clock
from mes_terminal.domain.error_codes import OUTBOX_SIGN_IN_OFFLINE, UNEXPECTED
from mes_terminal.domain.errors import DatabaseUnavailable, MesError, OutboxFull
from mes_terminal.services.commands import conflicts
from mes_terminal.services.commands.bus import CommandBus, Outcome
from mes_terminal.services.commands.catalog import Command
from mes_terminal.services.commands.outbox import Outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Queued:
    """Kept on this terminal, not yet in the database; `waiting` commands (this one among them) wait."""

    command: Command
    waiting: int


@dataclass(frozen=True)
class KeptConflict:
    """A waiting command a rule refused when it was delivered, kept for a supervisor as conflict `number`."""

    number: int
    command: Command
    refusal: MesError


@dataclass(frozen=True)
class Round:
    """What one `deliver` did: how many reached the database, which became conflicts, how many still wait."""

    sent: int
    left: int
    reachable: bool
    conflicts: tuple[KeptConflict, ...] = field(default=())


class OutboxDelivery:
    def __init__(self, outbox: Outbox, bus: CommandBus, clock: Clock) -> None:
        self.outbox = outbox
        self._bus = bus
        self._clock = clock
        self._lock = threading.RLock()  # one delivery at a time: the order is the outbox's
        self._unannounced: list[KeptConflict] = []  # kept during a sign-in's delivery, told by the next round

    def waiting(self) -> int:
        return len(self.outbox)

    def send(self, command: Command) -> Outcome | Queued:
        """Keep `command` on disk, then deliver it if nothing waits ahead of it.

        Raises the rule's `MesError` when the database refuses it at once; `OutboxUnusable` when the
        outbox file cannot be written (then nothing was sent and the terminal must take no new work).
        """
        with self._lock:
            if any(getattr(command, name, None) is not None for name in command.secret_fields):
                return self._send_secret(command)
            ahead = len(self.outbox)
            seq = self.outbox.put(command)
            if ahead:
                return Queued(command, ahead + 1)
            try:
                outcome = self._bus.execute(command)
            except DatabaseUnavailable:
                return Queued(command, 1)
            except Exception:
                self._forget(seq, command)  # refused while the operator is here: they see why, nothing is kept
                raise
            self._forget(seq, command)
            return outcome

    def deliver(self, limit: int | None = None) -> Round:
        """Send up to `limit` waiting commands, oldest first; stop at the first the database cannot take."""
        with self._lock:
            sent = 0
            while limit is None or sent < limit:
                oldest = self.outbox.oldest(1)
                if not oldest:
                    break
                waiting = oldest[0]
                try:
                    self._deliver_one(waiting.command)
                except DatabaseUnavailable:
                    return self._round(sent, reachable=False)
                self.outbox.remove(waiting.seq)
                sent += 1
            return self._round(sent, reachable=True)

    def _forget(self, seq: int, command: Command) -> None:
        """Cross off a command the database answered while the operator waits. On a full disk even a delete
        needs room (SQLite's log grows): the answer stands, and the entry is sent again later, where the
        command bus recognises its id (done: its first result; refused: kept as a conflict)."""
        try:
            self.outbox.remove(seq)
        except OutboxFull:
            log.warning("%s %s answered but still in the outbox: the disk is full", command.type, command.command_id)

    def _deliver_one(self, command: Command) -> None:
        try:
            self._bus.execute(command)
            return
        except DatabaseUnavailable:
            raise
        except MesError as refusal:
            why = refusal
        except Exception as error:  # a failure with no words must not block every command behind it
            log.error("delivering %s %s failed unexpectedly", command.type, command.command_id, exc_info=error)
            why = MesError(f"{type(error).__name__}: {error}"[:500], code=UNEXPECTED)
        number = conflicts.keep(self._bus.engine, command, why, self._clock.now())  # raises DatabaseUnavailable
        log.warning("%s %s kept as conflict %d: %s", command.type, command.command_id, number, why.message)
        self._unannounced.append(KeptConflict(number, command, why))

    def _round(self, sent: int, *, reachable: bool) -> Round:
        kept, self._unannounced = tuple(self._unannounced), []
        return Round(sent=sent, left=len(self.outbox), reachable=reachable, conflicts=kept)

    def _send_secret(self, command: Command) -> Outcome | Queued:
        """A sign-in with a PIN: after everything that waits, straight to the database, never to disk."""
        before = self.deliver()
        self._unannounced.extend(before.conflicts)  # told by the next round, not lost with this one
        if before.left:
            raise DatabaseUnavailable(OUTBOX_SIGN_IN_OFFLINE.sentence(), code=OUTBOX_SIGN_IN_OFFLINE)
        try:
            return self._bus.execute(command)
        except DatabaseUnavailable:
            raise DatabaseUnavailable(OUTBOX_SIGN_IN_OFFLINE.sentence(), code=OUTBOX_SIGN_IN_OFFLINE) from None
