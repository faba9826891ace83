"""The hash chain's walk, pure: any one row changed, removed or slipped in is found, and named where it is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mes_terminal.domain.audit_chain import (
    GENESIS,
    ChainedEvent,
    canonical_content,
    chain_rows,
    event_hash,
    signed_content_hash,
    walk,
)

T0 = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def _row(n: int) -> dict[str, Any]:
    return {
        "occurred_at": T0 + timedelta(seconds=n),
        "recorded_at": T0 + timedelta(seconds=n, microseconds=7),
        "actor": "B1001",
        "station": "WS-01",
        "type": "CountReported",
        "entity": "job",
        "entity_id": "WO-1/10",
        "payload": {"good": str(n)},
        "command_id": None,
    }


def _chain(length: int) -> tuple[list[ChainedEvent], str]:
    linked, head = chain_rows(GENESIS, [_row(n) for n in range(length)])
    fields = ("occurred_at", "recorded_at", "actor", "station", "type", "entity", "entity_id", "payload", "command_id")
    events = [
        ChainedEvent(
            id=i + 1,
            prev_hash=row["prev_hash"],
            hash=row["hash"],
            content=canonical_content(**{name: row[name] for name in fields}),
        )
        for i, row in enumerate(linked)
    ]
    return events, head


def test_an_untouched_chain_is_intact_and_ends_at_its_head() -> None:
    events, head = _chain(5)
    report = walk(events, start_hash=GENESIS, previous_id=None, head_hash=head)
    assert report.intact and report.checked == 5 and report.head_hash == head


def test_content_is_canonical_whatever_the_key_order_and_float_form() -> None:
    one = canonical_content(**{**_row(1), "payload": {"a": 1.0, "b": [1e20]}})
    other = canonical_content(**{**_row(1), "payload": {"b": [100000000000000000000], "a": 1}})
    assert one == other


@given(length=st.integers(2, 12), data=st.data())
def test_any_one_edited_event_is_named(length: int, data: st.DataObject) -> None:
    events, head = _chain(length)
    k = data.draw(st.integers(0, length - 1))
    events[k] = ChainedEvent(events[k].id, events[k].prev_hash, events[k].hash, events[k].content + b" ")
    report = walk(events, start_hash=GENESIS, previous_id=None, head_hash=head)
    assert report.broken is not None and (report.broken.event_id, report.broken.kind) == (events[k].id, "edited")


@given(length=st.integers(3, 12), data=st.data())
def test_any_one_deleted_event_is_found_at_the_next_or_by_the_head(length: int, data: st.DataObject) -> None:
    events, head = _chain(length)
    k = data.draw(st.integers(0, length - 1))
    removed = events.pop(k)
    report = walk(events, start_hash=GENESIS, previous_id=None, head_hash=head)
    assert report.broken is not None
    if k < length - 1:
        assert (report.broken.event_id, report.broken.kind) == (removed.id + 1, "deleted")
    else:
        assert report.broken.kind == "head"


@given(length=st.integers(2, 12), data=st.data())
def test_any_one_well_formed_inserted_event_is_named(length: int, data: st.DataObject) -> None:
    """Even one that links correctly to the event before it and carries a correct hash of its own."""
    events, head = _chain(length)
    k = data.draw(st.integers(1, length))  # after event k
    before = events[k - 1]
    content = b'{"forged":true}'
    forged = ChainedEvent(before.id * 1000 + 1, before.hash, event_hash(before.hash or "", content), content)
    events.insert(k, forged)
    report = walk(events, start_hash=GENESIS, previous_id=None, head_hash=head)
    assert report.broken is not None and report.broken.kind == "inserted"
    assert report.broken.event_id == (forged.id if k < length else before.id)


def test_a_signature_hash_changes_with_the_record_it_binds() -> None:
    common = {"entity_id": "NC-1", "signer_name": "R F", "meaning": "approved", "comment": None, "signed_at": T0}
    one = signed_content_hash(entity="nonconformance", record={"decision": "scrap"}, **common)
    assert one != signed_content_hash(entity="nonconformance", record={"decision": "use_as_is"}, **common)
    assert one != signed_content_hash(entity="lot", record={"decision": "scrap"}, **common)
    assert one == signed_content_hash(entity="nonconformance", record={"decision": "scrap"}, **common)
