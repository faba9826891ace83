"""The audit trail an auditor asks for: who, when (site time and UTC), what, old -> new, why, and the
signatures given, over a range of time, with the state of the event chain at the moment it was made.

`read_trail` reads; `audit_csv` and `audit_pdf` write. Signatures are shown on every event of the command
that was signed (printed name, meaning, date and time with the zone: §11.50). A correction and the event
it corrects name each other (`corrects`, `corrected_by`): the corrected event is never changed, so the
link back is read from the corrections that name it, wherever in time they were made.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select

from mes_terminal.db.event_chain import verify_database
from mes_terminal.db.records import Event, User
from mes_terminal.domain.audit_chain import ChainReport
from mes_terminal.domain.clock import site_time
from mes_terminal.domain.report_range import parse_range
from mes_terminal.services.queries.corrections import CORRECTABLE, corrections_of, corrects
from mes_terminal.services.reports.queries import site_timezone

# Payload keys shown in their own columns (or not at all) rather than among the details.
_OWN_COLUMN = frozenset({"before", "after", "reason", "comment", "record", "content_hash", "badge", "signed_at"})
_SIGNATURE_KEYS = frozenset({"signer", "meaning"})


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: datetime  # UTC
    site_time: str  # the site's wall clock with its zone
    actor: str
    actor_name: str | None
    station: str | None
    type: str
    entity: str
    entity_id: str
    changes: tuple[str, ...]  # "field: old -> new"
    details: str
    why: str
    signatures: tuple[str, ...]  # "Name, meaning, 2026-03-02 07:05:00 CET"
    hash: str | None
    corrects: int | None = None  # the event this one corrects
    corrected_by: tuple[int, ...] = ()  # the events that correct this one (made in this range or later)


@dataclass(frozen=True)
class AuditTrail:
    start: datetime
    end: datetime
    timezone: str
    generated_at: datetime
    chain: ChainReport
    entries: tuple[AuditEntry, ...]

    def heading(self) -> str:
        return (
            f"{site_time(self.start, self.timezone, 'zoned')} to {site_time(self.end, self.timezone, 'zoned')}"
            f" ({self.start.isoformat().replace('+00:00', 'Z')} to {self.end.isoformat().replace('+00:00', 'Z')})"
        )

    def chain_sentence(self) -> str:
        if self.chain.broken is None:
            return (
                f"Event chain verified intact at export: {self.chain.checked} events, "
                f"head {self.chain.head_hash[:16]}\u2026"
            )
        return f"EVENT CHAIN BROKEN at export: {self.chain.broken.detail}"


def read_trail(engine: Engine, start: str | datetime, end: str | datetime, *, generated_at: datetime) -> AuditTrail:
    """The events that happened in [start, end) in log order; the range as `mes-terminal report` reads it."""
    with engine.connect().execution_options(mes_read_only=True) as connection:
        zone = site_timezone(connection) or "UTC"
        span = parse_range(start, end, ZoneInfo(zone))
        rows = connection.execute(
            select(
                Event.id,
                Event.occurred_at,
                Event.actor,
                User.name.label("actor_name"),
                Event.station,
                Event.type,
                Event.entity,
                Event.entity_id,
                Event.payload,
                Event.command_id,
                Event.hash,
            )
            .outerjoin(User, User.badge == Event.actor)
            .where(Event.occurred_at >= span.start, Event.occurred_at < span.end)
            .order_by(Event.id)
        ).all()
        corrections = corrections_of(connection, [row.id for row in rows if row.type in CORRECTABLE])
    chain = verify_database(engine)
    signed: dict[Any, list[str]] = {}
    for row in rows:
        if row.type == "RecordSigned" and row.command_id is not None:
            signed.setdefault(row.command_id, []).append(_manifestation(row.payload, zone))
    entries = tuple(
        AuditEntry(
            id=row.id,
            occurred_at=row.occurred_at,
            site_time=site_time(row.occurred_at, zone, "zoned_seconds"),
            actor=row.actor,
            actor_name=row.actor_name,
            station=row.station,
            type=row.type,
            entity=row.entity,
            entity_id=row.entity_id,
            changes=_changes(row.payload),
            details=_details(row.payload, row.type),
            why=_why(row.payload),
            signatures=tuple(signed.get(row.command_id, ())) if row.command_id is not None else (),
            hash=row.hash,
            corrects=corrects(row.payload),
            corrected_by=tuple(corrections.get(row.id, ())),
        )
        for row in rows
    )
    return AuditTrail(span.start, span.end, zone, generated_at, chain, entries)


def _manifestation(payload: Mapping[str, Any], zone: str) -> str:
    when = payload.get("signed_at")
    shown = site_time(datetime.fromisoformat(when), zone, "zoned_seconds") if isinstance(when, str) else ""
    return f"{payload.get('signer', '?')}, {payload.get('meaning', '?')}, {shown}"


def _text(value: Any) -> str:
    if value is None:
        return "\u2013"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _changes(payload: Mapping[str, Any]) -> tuple[str, ...]:
    if "before" not in payload and "after" not in payload:
        return ()
    before, after = payload.get("before"), payload.get("after")
    if isinstance(before, Mapping) or isinstance(after, Mapping):
        old = before if isinstance(before, Mapping) else {}
        new = after if isinstance(after, Mapping) else {}
        return tuple(f"{key}: {_text(old.get(key))} -> {_text(new.get(key))}" for key in sorted({*old, *new}))
    return (f"{_text(before)} -> {_text(after)}",)


def _details(payload: Mapping[str, Any], type_: str) -> str:
    left_out = _OWN_COLUMN | (_SIGNATURE_KEYS if type_ == "RecordSigned" else frozenset())
    return ", ".join(f"{key}={_text(value)}" for key, value in sorted(payload.items()) if key not in left_out)


def _why(payload: Mapping[str, Any]) -> str:
    said = [_text(payload[key]) for key in ("reason", "comment") if payload.get(key)]
    return "; ".join(said)


CSV_COLUMNS = (
    "id",
    "occurred_at_utc",
    "occurred_at_site",
    "actor",
    "actor_name",
    "station",
    "type",
    "entity",
    "entity_id",
    "changes",
    "details",
    "why",
    "signatures",
    "hash",
    "corrects",
    "corrected_by",
)


def audit_csv(trail: AuditTrail) -> bytes:
    """One row per event; times in UTC (RFC 3339) and the site's wall clock with its zone."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in trail.entries:
        writer.writerow(
            [
                entry.id,
                entry.occurred_at.isoformat().replace("+00:00", "Z"),
                entry.site_time,
                entry.actor,
                entry.actor_name or "",
                entry.station or "",
                entry.type,
                entry.entity,
                entry.entity_id,
                "; ".join(entry.changes),
                entry.details,
                entry.why,
                " | ".join(entry.signatures),
                entry.hash or "",
                entry.corrects if entry.corrects is not None else "",
                " ".join(str(i) for i in entry.corrected_by),
            ]
        )
    return out.getvalue().encode("utf-8")


def _links(entry: AuditEntry) -> list[str]:
    said = [f"corrects event {entry.corrects}"] if entry.corrects is not None else []
    if entry.corrected_by:
        said.append("corrected by event " + ", ".join(str(i) for i in entry.corrected_by))
    return said


def audit_pdf(trail: AuditTrail) -> bytes:
    from mes_terminal.documents.audit_report import audit_trail_pdf

    rows = [
        {
            "id": str(entry.id),
            "when": entry.site_time,
            "utc": entry.occurred_at.strftime("%Y-%m-%d %H:%M:%SZ"),
            "who": f"{entry.actor_name} ({entry.actor})" if entry.actor_name else entry.actor,
            "station": entry.station or "",
            "what": f"{entry.type}: {entry.entity} {entry.entity_id}",
            "changes": list(entry.changes),
            "details": entry.details,
            "why": "; ".join(filter(None, [entry.why, *_links(entry)])),
            "signatures": list(entry.signatures),
        }
        for entry in trail.entries
    ]
    return audit_trail_pdf(
        rows,
        title="Audit trail",
        period=trail.heading(),
        chain=trail.chain_sentence(),
        intact=trail.chain.intact,
        generated=site_time(trail.generated_at, trail.timezone, "zoned"),
    )
