"""Least privilege on PostgreSQL: the role the terminals and consoles log in as, and an event log that
refuses to be changed.

`grant_application_role` (run by the database's owner, `mes-terminal db roles`) makes a LOGIN role that
may read and write what the application writes, but may not UPDATE, DELETE or TRUNCATE the event log
or the signatures, nor change the schema. A trigger refuses UPDATE, DELETE and TRUNCATE on `events`
for every role, the owner too: changing history then needs the owner to switch the trigger off first,
a deliberate act that `mes-terminal audit verify` still finds in the chain. Idempotent: run it again
after every `db upgrade`, so tables added by a migration are granted too.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from mes_terminal.domain.errors import InvalidInput

_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
APPEND_ONLY = ("events", "signatures")  # the records of what happened and who signed it

_REFUSE = """
CREATE OR REPLACE FUNCTION mes_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'MES Terminal: % on % refused: the event log is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""


def check_role_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise InvalidInput(
            f"{name[:40]!r} is not a usable role name: lower-case letters, digits and _, starting with a letter."
        )
    return name


def install_append_only_triggers(connection: Connection) -> None:
    """The triggers that refuse UPDATE, DELETE and TRUNCATE on the event log, for every role."""
    connection.execute(text(_REFUSE))
    for table in APPEND_ONLY:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"))
        connection.execute(
            text(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION mes_refuse_change()"
            )
        )
        connection.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}"))
        connection.execute(
            text(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION mes_refuse_change()"
            )
        )


def grant_application_role(connection: Connection, role: str, password: str | None) -> bool:
    """Create (or update) the application's LOGIN role and its grants; True when the role was new."""
    if connection.dialect.name != "postgresql":
        raise InvalidInput(
            "Database roles are a PostgreSQL matter; an SQLite file is protected by its file permissions."
        )
    check_role_name(role)
    quoted = f'"{role}"'
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None
    if not exists:
        connection.execute(text(f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT"))
    if password is not None:
        # A literal, not a bind parameter (the utility statement takes none), quoted the SQL way.
        literal = "'" + password.replace("'", "''") + "'"
        connection.execute(text(f"ALTER ROLE {quoted} PASSWORD {literal}".replace(":", r"\:")))
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    connection.execute(text(f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {quoted}'))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {quoted}"))
    connection.execute(text(f"REVOKE CREATE ON SCHEMA public FROM {quoted}"))
    connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}"))
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}"))
    connection.execute(text(f"REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM {quoted}"))
    for table in APPEND_ONLY:
        connection.execute(text(f"REVOKE UPDATE, DELETE ON {table} FROM {quoted}"))
    # The schema belongs to the owner: the application role only uses it (the terminals never migrate).
    connection.execute(text(f"REVOKE UPDATE, DELETE, INSERT ON alembic_version FROM {quoted}"))
    install_append_only_triggers(connection)
    return not exists
