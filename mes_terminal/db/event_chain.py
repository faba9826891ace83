"""The event chain in the database: the head row, taken under a lock while events are appended, and reading
the log back for `audit verify`.

Every write of events goes through `append` in the writer's own transaction: it locks the chain's head
(the single row of `event_chain`, `SELECT ... FOR UPDATE` on PostgreSQL; SQLite's write transactions
already begin `IMMEDIATE` and so run one at a time), links the new rows to it, inserts them and moves the
head. Two writers therefore cannot fork the chain; should one try, the unique index on `prev_hash`
refuses the second row that names the same predecessor.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Executable, bindparam, insert, select, text, update

from mes_terminal.db.base import Base
from mes_terminal.db.bulk import insert_rows
from mes_terminal.db.jsonable import jsonable
from mes_terminal.db.records import Event, EventChainHead, Signature
from mes_terminal.domain.audit_chain import (
    CONTENT_FIELDS,
    GENESIS,
    ChainBreak,
    ChainReport,
    chain_rows,
    contents,
    signed_content_hash,
    walk,
)

_LOCK_HEAD = select(EventChainHead.last_hash).where(EventChainHead.id == 1).with_for_update()
_MOVE_HEAD = text("UPDATE event_chain SET last_hash = :hash WHERE id = 1")
_FIRST_HEAD = text("INSERT INTO event_chain (id, last_hash) VALUES (1, :hash) ON CONFLICT (id) DO NOTHING")


def _locked_head(connection: Connection) -> str:
    head = connection.execute(_LOCK_HEAD).scalar_one_or_none()
    if head is None:
        # No head row: a new or emptied database, where the first writer makes it. Were it removed from a
        # log that has events, the chain goes on from the newest event rather than stopping the plant
        # (removing the head gives no more than moving it; `audit verify` judges the rows).
        newest = connection.execute(select(Event.hash).order_by(Event.id.desc()).limit(1)).scalar_one_or_none()
        connection.execute(_FIRST_HEAD, {"hash": newest or GENESIS})
        head = connection.execute(_LOCK_HEAD).scalar_one()
    return head


def append(
    connection: Connection, rows: list[dict[str, Any]], along: Sequence[tuple[type[Base], dict[str, Any]]] = ()
) -> None:
    """Insert `rows` (event column values, without id) at the end of the chain, in the caller's transaction;
    and the rows `along` (a record type and its values each, such as the processed command's), with them.

    On PostgreSQL a command's event, the head's move and the rows along go to the server as one statement
    after the lock (the others as data-modifying WITH queries): one round trip, not three.
    """
    if not rows:
        for record, values in along:
            connection.execute(insert(record), values)
        return
    if connection.dialect.name != "postgresql" or len(rows) > 1:
        for record, values in along:
            connection.execute(insert(record), values)
        linked, head = chain_rows(_locked_head(connection), rows)
        insert_rows(connection, Event, linked)  # in list order: the ids follow the chain
        connection.execute(_MOVE_HEAD, {"hash": head})
        return
    (event,), head = chain_rows(_locked_head(connection), rows)
    parameters = {"head": head, **{f"event_{name}": value for name, value in event.items()}}
    for i, (_, values) in enumerate(along):
        parameters.update({f"a{i}_{name}": value for name, value in values.items()})
    connection.execute(
        _append_statement(tuple(event), tuple((record, tuple(values)) for record, values in along)), parameters
    )


@functools.cache
def _append_statement(event: tuple[str, ...], along: tuple[tuple[type[Base], tuple[str, ...]], ...]) -> Executable:
    """PostgreSQL: one event (its column names), the head's move and the rows along as one INSERT with
    data-modifying WITH queries; the values are parameters named by place (`event_hash`, `a0_result`), so
    the statement is built once for each shape and compiled once by SQLAlchemy's cache. (An INSERT of
    several rows has no cache key and would be compiled for every command: several events take the
    statements one by one.)"""

    def bound(record: type[Base], prefix: str, names: tuple[str, ...]) -> dict[str, Any]:
        columns = record.__table__.c
        return {name: bindparam(f"{prefix}_{name}", type_=columns[name].type) for name in names}

    ctes = [
        insert(record).values(bound(record, f"a{i}", names)).cte(f"along_{i}")
        for i, (record, names) in enumerate(along)
    ]
    moved = update(EventChainHead).where(EventChainHead.id == 1).values(last_hash=bindparam("head")).cte("moved")
    return insert(Event).values(bound(Event, "event", event)).add_cte(*ctes, moved)


_COLUMNS = [Event.id, Event.prev_hash, Event.hash, *(getattr(Event, name) for name in CONTENT_FIELDS)]
BATCH = 2000


def _events_from(connection: Connection, first_id: int) -> Iterator[dict[str, Any]]:
    after = first_id - 1
    while True:
        batch = connection.execute(select(*_COLUMNS).where(Event.id > after).order_by(Event.id).limit(BATCH)).mappings()
        rows = [dict(row) for row in batch]
        yield from rows
        if len(rows) < BATCH:
            return
        after = rows[-1]["id"]


def verify(connection: Connection, from_id: int | None = None) -> ChainReport:
    """Walk the chain from the first event (or from event `from_id`, trusting the link of the one before it).

    The recorded head is compared at the end, so events deleted from the end are found too.
    """
    start_hash, previous_id = GENESIS, None
    first = 1
    if from_id is not None and from_id > 1:
        first = from_id
        before = connection.execute(
            select(Event.id, Event.hash).where(Event.id < from_id).order_by(Event.id.desc()).limit(1)
        ).one_or_none()
        if before is not None:
            previous_id, start_hash = before.id, before.hash or GENESIS
        else:  # nothing before it: check from the chain's start
            first = 1
    head = connection.execute(select(EventChainHead.last_hash).where(EventChainHead.id == 1)).scalar_one_or_none()
    events = contents(_events_from(connection, first))
    return walk(events, start_hash=start_hash, previous_id=previous_id, head_hash=head)


def verify_signatures(connection: Connection) -> ChainBreak | None:
    """The first signature not bound to its record: no `RecordSigned` event in the log says it was given
    so, or its stored hash is not the hash of who signed what, how, when (moved, edited, or copied)."""
    given: dict[tuple[str, str, str, str, str], dict[str, Any]] = {}
    for entity, entity_id, payload in connection.execute(
        select(Event.entity, Event.entity_id, Event.payload).where(Event.type == "RecordSigned")
    ):
        said = (str(payload.get(name)) for name in ("signer", "meaning", "signed_at"))
        key = (entity, entity_id, *said)
        given[key] = payload
    columns = [Signature.id, Signature.entity, Signature.entity_id, Signature.signer_name, Signature.meaning]
    columns += [Signature.comment, Signature.signed_at, Signature.content_hash]
    for row in connection.execute(select(*columns).order_by(Signature.id)):
        signed_at = jsonable(row.signed_at)
        payload = given.get((row.entity, row.entity_id, row.signer_name, row.meaning, signed_at))
        what = f"signature {row.id} ({row.signer_name}, {row.meaning}, on {row.entity} {row.entity_id})"
        if payload is None:
            return ChainBreak(None, "signature", f"{what} has no RecordSigned event in the log: it was moved or added.")
        bound = signed_content_hash(
            entity=row.entity,
            entity_id=row.entity_id,
            signer_name=row.signer_name,
            meaning=row.meaning,
            comment=row.comment,
            signed_at=row.signed_at,
            record=payload.get("record"),
        )
        if row.content_hash != bound or payload.get("content_hash", bound) != bound:
            return ChainBreak(None, "signature", f"{what} does not match the record it was given for.")
    return None


def verify_database(engine: Engine, from_id: int | None = None) -> ChainReport:
    """`verify` and `verify_signatures` over one consistent snapshot of the database."""
    options: dict[str, Any] = {"mes_read_only": True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with engine.connect().execution_options(**options) as connection, connection.begin():
        report = verify(connection, from_id)
        if report.broken is None and (broken := verify_signatures(connection)) is not None:
            report = dataclasses.replace(report, broken=broken)
    return report
