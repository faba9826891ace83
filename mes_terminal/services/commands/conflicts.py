"""Keeping a command that no longer applied when it was delivered, for a supervisor to settle.

A terminal that took commands offline delivers them later; a rule may refuse one then (the job was
completed elsewhere, the lot was used up or held). It is not dropped: `keep` writes it, whole, with the
refusal into `command_conflicts` in its own transaction. Keeping the same command twice keeps it once,
so a terminal that crashed after keeping it and before forgetting it locally does no harm.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from mes_terminal.db.engine import driver_message
from mes_terminal.db.records import CommandConflict
from mes_terminal.domain.errors import DatabaseUnavailable, MesError
from mes_terminal.services.commands.catalog import Command
from mes_terminal.services.commands.codec import encode


def keep(engine: Engine, command: Command, refusal: MesError, now: datetime) -> int:
    """Keep `command` as an open conflict with its refusal; its conflict number (the first one, if kept before)."""
    try:
        existing = _number(engine, command)
        if existing is not None:
            return existing
        with engine.begin() as connection:
            return int(
                connection.execute(
                    insert(CommandConflict).returning(CommandConflict.id),
                    {
                        "command_id": command.command_id,
                        "type": command.type,
                        "actor": command.actor,
                        "station": command.station,
                        "issued_at": command.issued_at,
                        "command": encode(command),
                        "code": refusal.code,
                        "message": refusal.message,
                        "detected_at": now,
                        "status": "open",
                    },
                ).scalar_one()
            )
    except IntegrityError:  # kept at the same moment by another delivery of the same command
        number = _number(engine, command)
        if number is None:
            raise
        return number
    except OperationalError as error:
        raise DatabaseUnavailable(
            f"The database cannot be reached ({driver_message(error)}); the command stays on this terminal."
        ) from None
    except DBAPIError as error:
        if error.connection_invalidated:
            raise DatabaseUnavailable(f"The database connection was lost ({driver_message(error)}).") from None
        raise


def _number(engine: Engine, command: Command) -> int | None:
    with engine.connect() as connection:
        return connection.execute(
            select(CommandConflict.id).where(CommandConflict.command_id == command.command_id)
        ).scalar_one_or_none()
