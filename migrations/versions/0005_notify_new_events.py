"""Live screens wake at once: on PostgreSQL every insert into the event log sends NOTIFY mes_events.

A statement-level trigger, so a command that writes several events notifies once, inside its own
transaction (a notification is delivered only when the transaction commits, never for a rollback).
SQLite has no notifications: screens there poll the event log, as everywhere as a fallback.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 05:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_context().dialect.name != 'postgresql':
        return
    op.execute(
        """
        CREATE FUNCTION mes_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('mes_events', '');
            RETURN NULL;
        END;
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION mes_notify_events()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != 'postgresql':
        return
    op.execute("DROP TRIGGER IF EXISTS events_notify ON events")
    op.execute("DROP FUNCTION IF EXISTS mes_notify_events()")
