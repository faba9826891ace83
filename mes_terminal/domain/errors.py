"""Typed errors with a stable code and a sentence an operator or administrator understands.

Every refusal in MES Terminal is a `MesError`. The `code` is stable (scripts and tests match on it);
the `message` is plain words for the screen or standard error. A traceback never reaches a person.
"""

from __future__ import annotations


class MesError(Exception):
    """Base of every expected refusal. `exit_code` is what the command line returns for it."""

    code = "error"
    exit_code = 2

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InvalidInput(MesError):
    """A value a person or a file sent is malformed: a bad number, time, id or field."""

    code = "invalid_input"


class UnknownEntity(MesError):
    """A code or number that names nothing in the database (station, user, product, order...)."""

    code = "unknown"


class NotPermitted(MesError):
    """The acting user lacks the role this action needs."""

    code = "not_permitted"


class InvalidState(MesError):
    """The action does not apply to the record in its current state."""

    code = "invalid_state"


class Conflict(MesError):
    """Someone else changed the record since the issuer looked at it; their change is kept."""

    code = "conflict"


class AuthenticationFailed(MesError):
    """A badge or PIN that does not match."""

    code = "authentication_failed"


class ConfigurationError(MesError):
    """The settings file or a flag holds something unusable."""

    code = "configuration"


class PlantFileError(MesError):
    """A plant file that cannot be loaded; nothing of it was written."""

    code = "plant_file"


class DatabaseUnavailable(MesError):
    """The database cannot be reached."""

    code = "database_unavailable"
    exit_code = 1


class SchemaNotAtHead(MesError):
    """The database schema is older (or newer) than this version of MES Terminal expects."""

    code = "schema_not_at_head"
    exit_code = 3


class DeviceUnavailable(MesError):
    """A scanner port or printer that cannot be opened or reached."""

    code = "device_unavailable"
    exit_code = 1
