"""Typed errors with a stable code and a sentence an operator or administrator understands.

Every refusal in MES Terminal is a `MesError`. The `code` is stable (scripts and tests match on it);
the `message` is plain words for the screen or standard error. A traceback never reaches a person.
"""

from __future__ import annotations

from mes_terminal.domain import error_codes as codes


class MesError(Exception):
    """Base of every expected refusal. `exit_code` is what the command line returns for it."""

    code: str = codes.ERROR
    exit_code = 2

    def __init__(self, message: str, *, code: str | None = None) -> None:  # code: an error_codes constant
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InvalidInput(MesError):
    """A value a person or a file sent is malformed: a bad number, time, id or field."""

    code: str = codes.INVALID_INPUT


class UnknownEntity(MesError):
    """A code or number that names nothing in the database (station, user, product, order...)."""

    code: str = codes.UNKNOWN


class NotPermitted(MesError):
    """The acting user lacks the role this action needs."""

    code: str = codes.NOT_PERMITTED


class InvalidState(MesError):
    """The action does not apply to the record in its current state."""

    code: str = codes.INVALID_STATE


class Conflict(MesError):
    """Someone else changed the record since the issuer looked at it; their change is kept."""

    code: str = codes.CONFLICT


class AuthenticationFailed(MesError):
    """A badge or PIN that does not match."""

    code: str = codes.AUTHENTICATION_FAILED


class ConfigurationError(MesError):
    """The settings file or a flag holds something unusable."""

    code: str = codes.CONFIGURATION


class PlantFileError(MesError):
    """A plant file that cannot be loaded; nothing of it was written.

    `problems` holds one sentence per mistake found (each naming its line and key where it can);
    `more` counts those left out beyond the limit. The message is the one sentence, or all of them.
    """

    code: str = codes.PLANT_FILE

    def __init__(
        self, message: str, *, problems: tuple[str, ...] | list[str] = (), more: int = 0, code: str | None = None
    ) -> None:
        super().__init__(message, code=code)
        self.problems = tuple(problems) or (message,)
        self.more = more


class DatabaseUnavailable(MesError):
    """The database cannot be reached."""

    code: str = codes.DATABASE_UNAVAILABLE
    exit_code = 1


class SchemaNotAtHead(MesError):
    """The database schema is older (or newer) than this version of MES Terminal expects."""

    code: str = codes.SCHEMA_NOT_AT_HEAD
    exit_code = 3


class DeviceUnavailable(MesError):
    """A scanner port or printer that cannot be opened or reached."""

    code: str = codes.DEVICE_UNAVAILABLE
    exit_code = 1


class OutboxUnusable(MesError):
    """The terminal's local outbox file cannot be read or written (damaged, disk full): no new work is taken."""

    code: str = codes.OUTBOX_DAMAGED
    exit_code = 1


class OutboxFull(OutboxUnusable):
    """The disk that holds the terminal's outbox is full: no new work is taken until there is room again."""

    code: str = codes.OUTBOX_DISK_FULL
