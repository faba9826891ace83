"""The command bus: one transaction per command, idempotent by `command_id`, events in the same commit.

    outcome = bus.execute(ReleaseWorkOrder(command_id=..., actor="B2001", issued_at=..., number="WO-1"))
    answers = bus.execute_many(commands)  # in order, in one transaction: an Outcome or a MesError each

A command whose id was processed before returns the first result (`replayed=True`) and changes
nothing. A refused command raises a `MesError` and leaves no trace but, for a failed sign-in, an
audit event of its own. `execute_many` keeps these rules for each command of a sequence and commits
them together (machine readings: one transaction for a lane's waiting readings instead of one each).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, bindparam, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from mes_terminal.db import event_chain, lookups
from mes_terminal.db.engine import driver_message
from mes_terminal.db.jsonable import jsonable
from mes_terminal.db.records import ProcessedCommand
from mes_terminal.db.repositories import credentials
from mes_terminal.db.uow import EventLog, UnitOfWork
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.error_codes import (
    AUTHENTICATION_FAILED,
    COMMAND_ID_REUSED,
    ISSUED_IN_FUTURE,
    SIGNATURE_FAILED,
    UNKNOWN_COMMAND,
)
from mes_terminal.domain.errors import AuthenticationFailed, Conflict, DatabaseUnavailable, InvalidInput, MesError
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.catalog import Command
from mes_terminal.services.commands.handlers import machines
from mes_terminal.services.commands.registry import HANDLERS, Handler

log = logging.getLogger(__name__)

_INSERT_PROCESSED = insert(ProcessedCommand)
_SELECT_PROCESSED = select(ProcessedCommand.type, ProcessedCommand.result).where(
    ProcessedCommand.command_id == bindparam("command_id")
)
_SELECT_PROCESSED_MANY = select(ProcessedCommand.command_id, ProcessedCommand.type, ProcessedCommand.result).where(
    ProcessedCommand.command_id.in_(bindparam("command_ids", expanding=True))
)
# Commands whose handlers never read the event log: in a sequence their events wait for its end and
# join the chain in one append, so the chain's head is locked once and briefly rather than from the
# first command to the commit (which would make the lanes of machine readings wait on each other).
# Before any other command the events waiting so far are appended, so its handler sees them.
_BLIND_TO_THE_LOG: frozenset[type[Command]] = frozenset({c.MachineState, c.MachineCount, c.MachineSourceStatus})

# How far ahead of this machine's clock a command's time may be (clocks of terminals drift).
FUTURE_TOLERANCE = timedelta(minutes=2)
# The refusals that mean a wrong PIN was typed.
WRONG_PIN = frozenset({AUTHENTICATION_FAILED, SIGNATURE_FAILED})
# Deadlocks, serialization failures and a taken command id are retried this often.
ATTEMPTS = 3


@dataclass(frozen=True)
class Outcome:
    command_id: uuid.UUID
    type: str
    result: Mapping[str, Any]
    replayed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "command_id": str(self.command_id),
            "ok": True,
            "type": self.type,
            "replayed": self.replayed,
            **self.result,
        }


class CommandBus:
    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        handlers: Mapping[type[Command], Handler] = HANDLERS,
        future_tolerance: timedelta = FUTURE_TOLERANCE,
    ) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock
        self._handlers = handlers
        self._future_tolerance = future_tolerance

    @property
    def engine(self) -> Engine:
        return self._engine

    def execute(self, cmd: Command) -> Outcome:
        handler = self._handlers.get(type(cmd))
        if handler is None:
            raise InvalidInput(f"No handler is registered for {cmd.type}.", code=UNKNOWN_COMMAND)
        now = self._clock.now()
        if cmd.issued_at > now + self._future_tolerance:
            raise InvalidInput(
                ISSUED_IN_FUTURE.sentence(time=f"{cmd.issued_at:%Y-%m-%d %H:%M:%S}"),
                code=ISSUED_IN_FUTURE,
            )
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return self._run_once(cmd, handler)
            except MesError as refusal:
                # Refused now, but perhaps because it already ran: a replay returns its first result.
                if (prior := self._prior(cmd)) is not None:
                    return prior
                if isinstance(refusal, AuthenticationFailed):
                    self._audit_refusal(cmd, refusal)
                raise
            except StaleDataError:
                raise Conflict(f"{cmd.type} collided with a change saved at the same moment; try again.") from None
            except IntegrityError as error:
                # Most often the same command delivered twice at once: the other delivery won.
                if (prior := self._prior(cmd)) is not None:
                    return prior
                if attempt == ATTEMPTS:
                    raise _constraint_conflict(cmd, error) from None
            except DBAPIError as error:
                # A dropped connection (server restarted) is invalidated by the pool: retry on a new one.
                if (_is_transient(error) or error.connection_invalidated) and attempt < ATTEMPTS:
                    continue
                if isinstance(error, OperationalError):
                    raise _unavailable(error) from None
                raise _constraint_conflict(cmd, error) from None
        raise AssertionError("unreachable")

    def execute_many(
        self, cmds: Sequence[Command], *, stop_on: tuple[type[MesError], ...] = ()
    ) -> list[Outcome | MesError]:
        """Execute `cmds` in order in one transaction, each as `execute` would: one answer a command,
        its `Outcome` (replayed for an id processed before, or earlier in `cmds`) or the `MesError`
        that refused it; a refused command changes nothing and the others go on.

        Optimistic: the whole sequence runs in one transaction; a command that is refused (or that the
        database refuses) rolls it back, the commands before it are committed anew, the refused one
        runs alone through `execute` (so its refusal is exactly a single command's, audit included)
        and the rest go on. Refusals are rare in the streams this is for (machine readings).

        A refusal of a type in `stop_on` ("not now") ends the sequence: it is the last answer and
        the commands after it are not run, so the caller can try them again in order. A database that
        cannot be reached raises `DatabaseUnavailable` unless that is in `stop_on`.
        """
        answers: list[Outcome | MesError] = []
        rest = list(cmds)
        while rest:
            try:
                answers += self._batch(rest)
                break
            except _Refused as refused:
                i = refused.index
                before = self.execute_many(rest[:i], stop_on=stop_on) if i else []
                answers += before
                if before and isinstance(before[-1], stop_on):
                    break
                answer = self._alone(rest[i])
                answers.append(answer)
                if isinstance(answer, stop_on):
                    break
                rest = rest[i + 1 :]
            except MesError as error:  # the whole sequence (the database away): what ran before stands
                if not isinstance(error, stop_on):
                    raise
                answers.append(error)
                break
        return answers

    def _alone(self, cmd: Command) -> Outcome | MesError:
        try:
            return self.execute(cmd)
        except MesError as refusal:
            return refusal

    def _batch(self, cmds: list[Command]) -> list[Outcome]:
        """All of `cmds` committed, or `_Refused` naming the first that cannot be (nothing committed)."""
        flush_each = False
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return self._run_batch(cmds, flush_each)
            except _FlushRefused:
                if attempt == ATTEMPTS:
                    raise _Refused(0) from None
                flush_each = True  # again, writing after each command: the refusal then names one
            except (IntegrityError, StaleDataError):
                # At the end (a command id taken meanwhile by another delivery): the next attempt sees it.
                if attempt == ATTEMPTS:
                    raise _Refused(0) from None
            except DBAPIError as error:
                if (_is_transient(error) or error.connection_invalidated) and attempt < ATTEMPTS:
                    continue
                if isinstance(error, OperationalError):
                    raise _unavailable(error) from None
                raise _Refused(0) from None  # the first command alone says what is wrong
        raise AssertionError("unreachable")

    def _run_batch(self, cmds: list[Command], flush_each: bool) -> list[Outcome]:
        """One transaction for `cmds`. The rows of machine commands are written together at the end
        unless `flush_each`, when each command's rows are written after it (so a row the database refuses
        names its command)."""
        with self._sessions() as session, session.begin():
            connection = session.connection()
            ids = list({cmd.command_id for cmd in cmds})
            first: dict[uuid.UUID, Outcome] = {
                row.command_id: Outcome(row.command_id, row.type, row.result)
                for row in connection.execute(_SELECT_PROCESSED_MANY, {"command_ids": ids})
            }
            fresh = [cmd for cmd in cmds if cmd.command_id not in first]
            if fresh and all(type(cmd) in _BLIND_TO_THE_LOG for cmd in fresh):
                lookups.share(session)
                machines.prefetch(session, fresh)
            answers: list[Outcome] = []
            processed: list[dict[str, Any]] = []
            waiting: list[dict[str, Any]] = []  # events of the commands so far, in order
            for i, cmd in enumerate(cmds):
                if (prior := first.get(cmd.command_id)) is not None:
                    if prior.type != cmd.type:
                        raise _Refused(i)  # alone, it says which command had the id
                    answers.append(replace(prior, replayed=True))
                    continue
                handler = self._handlers.get(type(cmd))
                now = self._clock.now()
                if handler is None or cmd.issued_at > now + self._future_tolerance:
                    raise _Refused(i)
                if type(cmd) in _BLIND_TO_THE_LOG:
                    lookups.share(session)
                else:
                    lookups.forget(session)  # it may change what the machine commands looked up
                    event_chain.append(connection, waiting)
                    waiting = []
                events = EventLog(
                    occurred_at=cmd.issued_at,
                    recorded_at=now,
                    actor=cmd.actor,
                    station=cmd.station,
                    command_id=cmd.command_id,
                )
                try:
                    result = jsonable(handler(cmd, UnitOfWork(session, events, now)))
                    if flush_each or type(cmd) not in _BLIND_TO_THE_LOG:
                        session.flush()
                except (MesError, StaleDataError, IntegrityError):
                    raise _Refused(i) from None
                processed.append(_processed_row(cmd, now, result))
                waiting += events.pending
                first[cmd.command_id] = outcome = Outcome(cmd.command_id, cmd.type, result)
                answers.append(outcome)
            try:
                session.flush()  # the rows of the machine commands, together
            except (StaleDataError, IntegrityError):
                raise _FlushRefused from None
            if processed:
                connection.execute(_INSERT_PROCESSED, processed)
            event_chain.append(connection, waiting)
        return answers

    def _run_once(self, cmd: Command, handler: Handler) -> Outcome:
        """Run the handler and record the command in one transaction.

        Idempotency is optimistic: the processed-command row is inserted last (with the events), and its
        primary key refuses a second run of the same id (the caller then returns the first result). This
        saves a read on every command; replays are rare.
        """
        with self._sessions() as session, session.begin():
            now = self._clock.now()
            events = EventLog(
                occurred_at=cmd.issued_at,
                recorded_at=now,
                actor=cmd.actor,
                station=cmd.station,
                command_id=cmd.command_id,
            )
            result = jsonable(handler(cmd, UnitOfWork(session, events, now)))
            session.flush()
            events.write(session, along=[(ProcessedCommand, _processed_row(cmd, now, result))])
        return Outcome(cmd.command_id, cmd.type, result)

    def _prior(self, cmd: Command) -> Outcome | None:
        """The first result of this command id, if it ran; None when it did not (or that cannot be read now).

        `DatabaseUnavailable` when the connection was lost on the way: a refusal after a commit that was
        cut off unheard is most likely this command's own earlier run, so not knowing is not a refusal
        (an outbox keeps the command and asks again; the operator is not told it was refused).
        """
        try:
            with self._engine.connect().execution_options(mes_read_only=True) as connection:
                row = connection.execute(_SELECT_PROCESSED, {"command_id": cmd.command_id}).one_or_none()
        except DBAPIError as error:
            if isinstance(error, OperationalError) or error.connection_invalidated:
                raise _unavailable(error) from None
            log.warning("could not look up command %s", cmd.command_id, exc_info=True)
            return None  # the caller's own answer (the refusal) stands
        if row is None:
            return None
        if row.type != cmd.type:
            raise Conflict(
                COMMAND_ID_REUSED.sentence(command_id=cmd.command_id, type=row.type),
                code=COMMAND_ID_REUSED,
            )
        return Outcome(cmd.command_id, cmd.type, row.result, replayed=True)

    def _audit_refusal(self, cmd: Command, refusal: MesError) -> None:
        """Failed sign-ins are kept (who tried which badge where), in a transaction of their own."""
        try:
            with self._sessions() as session, session.begin():
                events = EventLog(
                    occurred_at=cmd.issued_at,
                    recorded_at=self._clock.now(),
                    actor=cmd.actor,
                    station=cmd.station,
                    command_id=None,
                )
                badge = getattr(cmd, "badge", cmd.actor)
                events.add(f"{cmd.type}Refused", "badge", badge, code=refusal.code)
                # A wrong PIN counts towards the lock of the PIN policy (a locked or expired one does not).
                if refusal.code in WRONG_PIN and credentials.record_failure(session, badge, self._clock.now()):
                    events.add("BadgeLocked", "badge", badge, after_command=cmd.type)
                events.write(session)
        except DBAPIError:
            log.warning("could not record a refused %s", cmd.type, exc_info=True)


class _FlushRefused(Exception):
    """The rows written together at the end of a sequence were refused; which command's is not known."""


class _Refused(Exception):
    """The command at `index` of a sequence cannot be committed with the others; nothing was."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


def _is_transient(error: DBAPIError) -> bool:
    # PostgreSQL: serialization failure, deadlock. SQLite: locked past the busy timeout.
    code = getattr(error.orig, "sqlstate", None)
    return code in ("40001", "40P01") or "database is locked" in str(error.orig)


def _unavailable(error: DBAPIError) -> MesError:
    if "database is locked" in str(error.orig):
        return DatabaseUnavailable("The database is busy; try again in a moment.")
    return DatabaseUnavailable(f"The database cannot be reached ({driver_message(error)}); nothing was saved.")


def _constraint_conflict(cmd: Command, error: DBAPIError) -> MesError:
    log.warning("%s refused by the database: %s", cmd.type, error.orig)
    return Conflict(f"{cmd.type} conflicts with data saved meanwhile ({driver_message(error)}); try again.")


def _processed_row(cmd: Command, now: datetime, result: Any) -> dict[str, Any]:
    """The processed_commands row of `cmd`: its id keeps a second delivery from running it again."""
    return {
        "command_id": cmd.command_id,
        "type": cmd.type,
        "actor": cmd.actor,
        "station": cmd.station,
        "issued_at": cmd.issued_at,
        "processed_at": now,
        "result": result,
    }
