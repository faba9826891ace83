"""The manifest of a backup file: what the copy holds and how to tell it arrived whole.

A backup (`mes-terminal backup`) is a tar archive of two members: `manifest.json` (this) and the
database copy it names (`database.sqlite` from SQLite's online backup, or `database.pgdump` in
pg_dump's custom format), whose SHA-256 and size the manifest carries. `parse_manifest` reads outside
input: anything but a well-formed manifest of a known version is refused with one sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from mes_terminal.domain.errors import InvalidInput

FORMAT = "mes-terminal-backup"
VERSION = 1
MANIFEST_NAME = "manifest.json"
PAYLOADS = {"sqlite": "database.sqlite", "postgresql": "database.pgdump"}
_HEX64 = re.compile(r"[0-9a-f]{64}")
_REVISION = re.compile(r"[0-9]{4}")
MAX_MANIFEST_BYTES = 64 * 1024


@dataclass(frozen=True)
class Manifest:
    dialect: str  # sqlite | postgresql
    payload: str  # the member holding the database copy
    sha256: str
    size: int
    schema_revision: str
    created_at: str  # RFC 3339, UTC
    events: int
    chain_head: str
    tool: str  # "sqlite3 <version>" or "pg_dump (PostgreSQL) <version>"
    application: str  # the MES Terminal version that wrote it

    def to_json(self) -> bytes:
        return json.dumps({"format": FORMAT, "version": VERSION, **asdict(self)}, indent=2).encode("utf-8")


def _bad(why: str) -> InvalidInput:
    return InvalidInput(f"This is not a usable MES Terminal backup: {why}.")


def _count(number: object, name: str) -> int:
    if not isinstance(number, int) or isinstance(number, bool) or number < 0:
        raise _bad(f"its {name} is not a whole number")
    return number


def parse_manifest(raw: bytes) -> Manifest:
    """The manifest in `raw`, or `InvalidInput` saying what is wrong with it."""
    if len(raw) > MAX_MANIFEST_BYTES:
        raise _bad("its manifest is too large")
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _bad("its manifest is not JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad("its manifest does not say it is one")
    if type(data.get("version")) is not int or data.get("version") != VERSION:
        raise _bad(f"it was written in manifest version {data.get('version')!r}; this version reads {VERSION}")
    dialect = data.get("dialect")
    if not isinstance(dialect, str) or dialect not in PAYLOADS:
        raise _bad(f"it names an unknown database kind {str(dialect)[:20]!r}")
    if data.get("payload") != PAYLOADS[dialect]:
        raise _bad("its manifest names the wrong database member")
    digest, head = data.get("sha256"), data.get("chain_head")
    if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
        raise _bad("its checksum is not a SHA-256")
    if not isinstance(head, str) or not _HEX64.fullmatch(head):
        raise _bad("its chain head is not a SHA-256")
    size, events = _count(data.get("size"), "size"), _count(data.get("events"), "event count")
    revision = data.get("schema_revision")
    if not isinstance(revision, str) or not _REVISION.fullmatch(revision):
        raise _bad("its schema revision is not one of ours")
    created = data.get("created_at")
    try:
        if not isinstance(created, str) or datetime.fromisoformat(created).tzinfo is None:
            raise ValueError
    except ValueError:
        raise _bad("its time of writing is not an RFC 3339 time with a zone") from None
    tool, application = data.get("tool"), data.get("application")
    if not isinstance(tool, str) or not isinstance(application, str):
        raise _bad("its manifest does not name the tool and version that wrote it")
    return Manifest(
        dialect=dialect,
        payload=PAYLOADS[dialect],
        sha256=digest,
        size=size,
        schema_revision=revision,
        created_at=created,
        events=events,
        chain_head=head,
        tool=tool[:200],
        application=application[:50],
    )
