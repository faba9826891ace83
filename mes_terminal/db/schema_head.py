"""The schema revision this version of MES Terminal expects, and the sentence when a database differs.

Kept free of SQLAlchemy and Alembic: the terminal checks the schema with the bare driver before it
paints its window (db/preflight.py), and the full check (db/migrate.py) says the same sentence.
"""

from __future__ import annotations

from mes_terminal.domain.errors import SchemaNotAtHead

# The revision of the newest file in migrations/versions (a test keeps them equal).
SCHEMA_HEAD = "0018"


def refuse_unless_head(current: str | None) -> None:
    """Raise `SchemaNotAtHead` with the command to run unless `current` is exactly the head."""
    if current == SCHEMA_HEAD:
        return
    if current is None:
        state = "has no MES Terminal schema yet"
    elif current < SCHEMA_HEAD:  # revisions are numbered 0001, 0002, ...
        state = f"is at revision {current}, older than this version expects ({SCHEMA_HEAD})"
    else:
        state = f"is at revision {current}, which this version of MES Terminal does not know (newer software?)"
    raise SchemaNotAtHead(
        f"The database {state}. An administrator runs 'mes-terminal db upgrade' once for the whole plant."
    )
