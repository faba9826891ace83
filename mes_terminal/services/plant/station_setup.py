"""What the station setup asks of a database: does it answer, which stations does it hold, who is admin.

Every call opens its own short-lived engine on the URL being tried (the administrator may try several)
and disposes of it before returning. `connect` is the composition root's `bootstrap.connect`: it turns
an unreachable server or a missing SQLite file into a `MesError` with the plain reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from mes_terminal.db import migrate
from mes_terminal.db.engine import safe_url
from mes_terminal.db.records import Line, User, UserRole, Workstation
from mes_terminal.domain.errors import AuthenticationFailed, NotPermitted
from mes_terminal.domain.pins import verify_secret
from mes_terminal.domain.roles import Role, require_role

Connect = Callable[[str], Engine]


@dataclass(frozen=True)
class StationChoice:
    code: str
    name: str
    line: str

    @property
    def label(self) -> str:
        return f"{self.code} · {self.name} ({self.line})"


@dataclass(frozen=True)
class DatabaseProbe:
    """A database that answered, with its schema at head."""

    url: str  # the password hidden
    backend: str  # "SQLite" or "PostgreSQL"
    server_version: str
    revision: str
    stations: tuple[StationChoice, ...]


class StationSetupService:
    def __init__(self, connect: Connect) -> None:
        self._connect = connect

    def probe(self, database_url: str) -> DatabaseProbe:
        """Reach the database, check its schema is at head, list its active stations.

        Raises `ConfigurationError` (a malformed URL), `DatabaseUnavailable` (with the driver's reason)
        or `SchemaNotAtHead` (with the command to run).
        """
        engine = self._connect(database_url)
        try:
            migrate.require_head(engine)
            with engine.connect().execution_options(mes_read_only=True) as connection:
                rows = connection.execute(
                    select(Workstation.code, Workstation.name, Line.name)
                    .join(Line, Line.id == Workstation.line_id)
                    .where(Workstation.active.is_(True))
                    .order_by(Workstation.code)
                ).all()
            version = ".".join(str(part) for part in (engine.dialect.server_version_info or ())[:3])
            return DatabaseProbe(
                url=safe_url(database_url),
                backend="SQLite" if engine.dialect.name == "sqlite" else "PostgreSQL",
                server_version=version,
                revision=migrate.SCHEMA_HEAD,
                stations=tuple(StationChoice(code, name, line) for code, name, line in rows),
            )
        finally:
            engine.dispose()

    def verify_admin(self, database_url: str, badge: str, pin: str) -> str:
        """The name of the active administrator with this badge and PIN; else a refusal in one sentence."""
        engine = self._connect(database_url)
        try:
            with engine.connect().execution_options(mes_read_only=True) as connection:
                user = connection.execute(
                    select(User.id, User.name, User.active, User.pin_hash).where(User.badge == badge.strip())
                ).first()
                roles = (
                    []
                    if user is None
                    else list(connection.scalars(select(UserRole.role).where(UserRole.user_id == user.id)))
                )
        finally:
            engine.dispose()
        # The same words for an unknown badge and a wrong PIN, so that a guesser learns nothing.
        if user is None or not verify_secret(pin, user.pin_hash):
            raise AuthenticationFailed("Badge or PIN not recognised.")
        if not user.active:
            raise NotPermitted(f"{user.name} is deactivated.")
        require_role(user.name, roles, frozenset({Role.ADMIN}), "set up a station")
        return str(user.name)
