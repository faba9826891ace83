"""The event log's hash chain: what an event's hash covers, and how a walk along the chain finds a break.

One chain for the whole log (not one per stream): every event's `hash` is SHA-256 over a fixed prefix,
the previous event's hash (`prev_hash`) and the event's canonical content, so changing, removing or
slipping in a row breaks the chain at that row or the next. The first event follows `GENESIS`.

The content covers everything an auditor reads (times, actor, station, type, entity, payload, command
id); not the row id, which is the chain's position and is checked by the links themselves. Pure: the
database side (locking the head, writing rows, reading them back) lives in `db/event_chain.py`.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

GENESIS = "0" * 64
_PREFIX = b"mes-event-chain-v1\n"  # a new canonical form gets a new prefix; old events keep theirs


_PLAIN = frozenset({str, int, bool, type(None)})


def _canonical_value(value: Any) -> Any:
    """JSON values as both databases give them back: an integral float is the integer its shortest decimal
    form names (JSONB keeps 3.655004645529955e+16 as 36550046455299550, not the binary 36550046455299552)."""
    if type(value) in _PLAIN:  # most of a payload: answered before the slower checks (thousands an import)
        return value
    if isinstance(value, float) and value.is_integer():
        return int(Decimal(repr(value)))
    if isinstance(value, Mapping):
        return {str(k): _canonical_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical_value(v) for v in value]
    return value


def _instant(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime in an event")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_content(
    *,
    occurred_at: datetime,
    recorded_at: datetime,
    actor: str,
    station: str | None,
    type: str,
    entity: str,
    entity_id: str,
    payload: Any,
    command_id: uuid.UUID | str | None,
) -> bytes:
    """The bytes an event's hash covers: sorted keys, no spaces, UTF-8, times in UTC to the microsecond."""
    content = {
        "occurred_at": _instant(occurred_at),
        "recorded_at": _instant(recorded_at),
        "actor": actor,
        "station": station,
        "type": type,
        "entity": entity,
        "entity_id": entity_id,
        "payload": _canonical_value(payload),
        "command_id": None if command_id is None else str(command_id),
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_hash(prev_hash: str, content: bytes) -> str:
    """The hash of an event that follows `prev_hash` (hex SHA-256)."""
    digest = hashlib.sha256(_PREFIX)
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(content)
    return digest.hexdigest()


def chain_rows(prev_hash: str, rows: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    """`rows` (event column values) with `prev_hash` and `hash` added in order; and the new head hash."""
    linked = []
    for row in rows:
        content = canonical_content(**{name: row[name] for name in CONTENT_FIELDS})
        digest = event_hash(prev_hash, content)
        linked.append({**row, "prev_hash": prev_hash, "hash": digest})
        prev_hash = digest
    return linked, prev_hash


CONTENT_FIELDS = (
    "occurred_at",
    "recorded_at",
    "actor",
    "station",
    "type",
    "entity",
    "entity_id",
    "payload",
    "command_id",
)


@dataclass(frozen=True)
class ChainedEvent:
    """One row as read back for a check: its id, its stored links and its content's fields."""

    id: int
    prev_hash: str | None
    hash: str | None
    content: bytes


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain does not hold: the event (None: the end of the log), what kind, in words."""

    event_id: int | None
    kind: str  # edited | inserted | deleted | unhashed | head
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "kind": self.kind, "detail": self.detail}


@dataclass(frozen=True)
class ChainReport:
    """What a walk found: how many events it checked, from which id, the head it reached, the first break."""

    checked: int
    first_id: int | None
    last_id: int | None
    head_hash: str
    broken: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.broken is None

    def to_json(self) -> dict[str, Any]:
        return {
            "intact": self.intact,
            "checked": self.checked,
            "first_id": self.first_id,
            "last_id": self.last_id,
            "head_hash": self.head_hash,
            "break": None if self.broken is None else self.broken.to_json(),
        }


def walk(
    events: Iterable[ChainedEvent],
    *,
    start_hash: str,
    previous_id: int | None,
    head_hash: str | None,
    check_head: bool = True,
) -> ChainReport:
    """Check `events` (in id order) against the chain that reaches them with `start_hash`.

    Reports the first break: an event whose content no longer gives its hash (edited), one whose link
    names the event before the previous one (that previous one was inserted), one whose link names no
    event seen (events before it were deleted), one without a hash (written around the application), or
    a recorded head that the last event does not reach (events at the end were deleted).
    `head_hash` is the head the database recorded (None: no head recorded).
    """
    checked = 0
    first_id: int | None = None
    last_id = previous_id
    expected = start_hash
    before_expected: str | None = None  # the hash one further back: tells an insertion from a deletion
    head_at: int | None = None  # the event whose hash is the recorded head, once passed
    for event in events:
        checked += 1
        first_id = event.id if first_id is None else first_id
        if event.hash is None or event.prev_hash is None:
            return _report(
                checked,
                first_id,
                event.id,
                expected,
                ChainBreak(event.id, "unhashed", f"event {event.id} has no hash: it was written around MES Terminal."),
            )
        if event.prev_hash != expected:
            if before_expected is not None and event.prev_hash == before_expected:
                broken = ChainBreak(
                    last_id,
                    "inserted",
                    f"event {last_id} was inserted: event {event.id} follows the event before it.",
                )
            else:
                gap = f"after event {last_id}" if last_id is not None else "at the start"
                broken = ChainBreak(
                    event.id,
                    "deleted",
                    f"event {event.id} links to an event no longer in the log ({gap}): events were deleted there,"
                    " or the event before it was changed and given a new hash.",
                )
            return _report(checked, first_id, event.id, expected, broken)
        if event_hash(event.prev_hash, event.content) != event.hash:
            return _report(
                checked,
                first_id,
                event.id,
                expected,
                ChainBreak(
                    event.id,
                    "edited",
                    f"event {event.id} was changed after it was recorded: its content no longer gives its hash.",
                ),
            )
        before_expected, expected, last_id = expected, event.hash, event.id
        if event.hash == head_hash:
            head_at = event.id
    if check_head and head_hash is not None and head_hash != expected:
        if head_at is not None:
            broken = ChainBreak(
                head_at,
                "inserted",
                f"events after event {head_at} were added around MES Terminal: the recorded head is event {head_at}.",
            )
        else:
            where = f"after event {last_id}" if last_id is not None else "the whole log"
            broken = ChainBreak(
                None, "head", f"the newest events are missing ({where}): the recorded head is not reached."
            )
        return _report(checked, first_id, last_id, expected, broken)
    if check_head and head_hash is None and checked and start_hash == GENESIS:
        broken = ChainBreak(None, "head", "the chain's head record is missing: it was removed around MES Terminal.")
        return _report(checked, first_id, last_id, expected, broken)
    return _report(checked, first_id, last_id, expected, None)


def _report(
    checked: int, first_id: int | None, last_id: int | None, head: str, broken: ChainBreak | None
) -> ChainReport:
    return ChainReport(checked, first_id, last_id, head, broken)


def contents(rows: Iterable[Mapping[str, Any]]) -> Iterator[ChainedEvent]:
    """Rows read from the events table (with id, prev_hash, hash and the content fields) as chained events."""
    for row in rows:
        yield ChainedEvent(
            id=int(row["id"]),
            prev_hash=row["prev_hash"],
            hash=row["hash"],
            content=canonical_content(**{name: row[name] for name in CONTENT_FIELDS}),
        )


def signed_content_hash(
    *,
    entity: str,
    entity_id: str,
    signer_name: str,
    meaning: str,
    comment: str | None,
    signed_at: datetime,
    record: Any = None,
) -> str:
    """The hash that binds a signature to its record (§11.70): who signed what, meaning it how, when, and the
    signed record's own fields (`record`: the signing command's values; None for signatures given before
    binding existed). A signature moved to another record, or a record changed under it, no longer matches."""
    content = {
        "entity": entity,
        "entity_id": entity_id,
        "signer": signer_name,
        "meaning": meaning,
        "comment": comment,
        "signed_at": _instant(signed_at),
        "record": _canonical_value(record),
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(b"mes-signature-v1\n" + canonical).hexdigest()
