"""The event log as a hash chain: rows changed, removed or added with raw SQL are found by `audit verify`,
on SQLite and PostgreSQL; concurrent writers never fork the chain."""

from __future__ import annotations

import csv
import itertools
import json
import subprocess
import threading
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select, text

from mes_terminal.cli import main
from mes_terminal.db.event_chain import verify_database
from mes_terminal.db.records import Event, EventChainHead, Signature
from mes_terminal.db.uow import EventLog
from mes_terminal.domain.audit_chain import GENESIS, canonical_content, event_hash
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from tests.helpers import DATA, command, run_first_job

QUALITY = "B3001"


def verify(capsys: pytest.CaptureFixture[str], url: str, *extra: str) -> tuple[int, dict[str, Any]]:
    code = main(["audit", "verify", "--json", "--database-url", url, *extra])
    out, err = capsys.readouterr()
    assert err == ""
    return code, json.loads(out)


@pytest.fixture
def plant(engine: Engine, clock, database_states) -> Engine:
    """The small plant with the quality rules switched on (a quality engineer who signs)."""
    now = clock.now()
    database_states.build(
        engine,
        ("quality plant", now),
        lambda fresh: load_plant(fresh, read_plant_file(DATA / "quality_plant.toml"), now=now),
    )
    return engine


@pytest.fixture
def history(plant: Engine, bus, clock) -> Engine:
    """The small plant, a job running at WS-01, a received lot under a signed nonconformance."""
    run_first_job(bus, clock.now())
    clock.advance(timedelta(minutes=5))
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-9", material="STEEL-2MM", quantity=Decimal(50)))
    bus.execute(
        command(
            c.RaiseNonconformance,
            clock.now(),
            actor=QUALITY,
            pin="3333",
            meaning="reported",
            lot="S-9",
            quantity=Decimal(20),
            defect_code="RUST",
            description="Rust on the top sheets",
            hold=True,
        )
    )
    return plant


def _ids(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return list(connection.execute(select(Event.id).order_by(Event.id)).scalars())


def _sql(engine: Engine, statement: str, **params: Any) -> None:
    with engine.begin() as connection:
        connection.execute(text(statement), params)


def test_every_event_links_to_the_one_before_and_the_head_names_the_last(history: Engine, capsys) -> None:
    with history.connect() as connection:
        rows = connection.execute(select(Event.prev_hash, Event.hash).order_by(Event.id)).all()
        head = connection.execute(select(EventChainHead.last_hash)).scalar_one()
    assert len(rows) > 10
    assert rows[0].prev_hash == GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(rows))
    assert head == rows[-1].hash
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 0
    assert report["intact"] is True and report["break"] is None
    assert report["checked"] == len(rows) and report["head_hash"] == head


def test_an_edited_event_is_named(history: Engine, capsys) -> None:
    target = _ids(history)[5]
    _sql(history, "UPDATE events SET actor = 'B9999' WHERE id = :id", id=target)
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 1
    assert report["break"]["event_id"] == target and report["break"]["kind"] == "edited"


def test_an_edited_payload_is_named_even_when_the_json_is_only_reordered_elsewhere(history: Engine, capsys) -> None:
    with history.connect() as connection:
        target, payload = connection.execute(select(Event.id, Event.payload).where(Event.type == "LotReceived")).one()
    payload["quantity"] = "500"
    with history.begin() as connection:
        connection.execute(Event.__table__.update().where(Event.id == target).values(payload=payload))
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 1
    assert report["break"] == {
        "event_id": target,
        "kind": "edited",
        "detail": f"event {target} was changed after it was recorded: its content no longer gives its hash.",
    }


def test_an_edit_that_recomputes_its_own_hash_is_found_at_the_next_event(history: Engine, capsys) -> None:
    ids = _ids(history)
    target = ids[3]
    with history.connect() as connection:
        row = connection.execute(select(Event.__table__).where(Event.id == target)).one()
        forged = event_hash(
            row.prev_hash,
            canonical_content(
                occurred_at=row.occurred_at,
                recorded_at=row.recorded_at,
                actor="B9999",
                station=row.station,
                type=row.type,
                entity=row.entity,
                entity_id=row.entity_id,
                payload=row.payload,
                command_id=row.command_id,
            ),
        )
    _sql(history, "UPDATE events SET actor = 'B9999', hash = :h WHERE id = :id", h=forged, id=target)
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 1
    assert report["break"]["event_id"] == ids[4] and report["break"]["kind"] == "deleted"


def test_a_deleted_event_is_found_at_the_event_after_it(history: Engine, capsys) -> None:
    ids = _ids(history)
    _sql(history, "DELETE FROM events WHERE id = :id", id=ids[4])
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 1
    assert report["break"]["event_id"] == ids[5] and report["break"]["kind"] == "deleted"
    assert f"after event {ids[3]}" in report["break"]["detail"]


def test_deleting_the_newest_events_is_found_by_the_head(history: Engine, capsys) -> None:
    ids = _ids(history)
    _sql(history, "DELETE FROM signatures")  # the newest events include a signature's
    _sql(history, "DELETE FROM events WHERE id >= :id", id=ids[-2])
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 1
    assert report["break"]["kind"] == "head" and f"after event {ids[-3]}" in report["break"]["detail"]


def test_an_inserted_row_without_a_hash_is_named(history: Engine, capsys) -> None:
    _sql(
        history,
        "INSERT INTO events (occurred_at, recorded_at, actor, station, type, entity, entity_id, payload) "
        "VALUES (:at, :at, 'B9999', 'WS-01', 'CountReported', 'job', 'WO-1/10', :payload)",
        at="2026-03-02 07:00:00",
        payload='{"good": "100"}',
    )
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 1
    assert report["break"]["event_id"] == _ids(history)[-1] and report["break"]["kind"] == "unhashed"


def test_an_inserted_row_with_a_forged_link_and_hash_is_found_by_the_head(history: Engine, capsys) -> None:
    """Someone who knows the algorithm appends a well-formed event but cannot move the head unnoticed."""
    with history.connect() as connection:
        last = connection.execute(select(Event.__table__).order_by(Event.id.desc()).limit(1)).one()
    rows = [
        {
            "occurred_at": last.occurred_at,
            "recorded_at": last.recorded_at,
            "actor": "B9999",
            "station": "WS-01",
            "type": "CountReported",
            "entity": "job",
            "entity_id": "WO-1/10",
            "payload": {"good": "100"},
            "command_id": None,
        }
    ]
    forged = event_hash(last.hash, canonical_content(**rows[0]))
    with history.begin() as connection:
        connection.execute(Event.__table__.insert().values(**rows[0], prev_hash=last.hash, hash=forged))
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 1
    assert report["break"] == {
        "event_id": last.id,
        "kind": "inserted",
        "detail": f"events after event {last.id} were added around MES Terminal: the recorded head is event {last.id}.",
    }


def test_verify_from_an_event_checks_from_there(history: Engine, capsys) -> None:
    ids = _ids(history)
    _sql(history, "UPDATE events SET actor = 'B9999' WHERE id = :id", id=ids[2])
    url = history.url.render_as_string(hide_password=False)
    assert verify(capsys, url)[0] == 1
    code, report = verify(capsys, url, "--from", str(ids[3]))
    assert code == 0 and report["first_id"] == ids[3] and report["checked"] == len(ids) - 3


def test_a_signature_moved_to_another_record_is_found(history: Engine, capsys) -> None:
    _sql(history, "UPDATE signatures SET entity_id = 'NC-0099'")
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 1
    assert report["break"]["kind"] == "signature" and "NC-0099" in report["break"]["detail"]


def test_a_signature_carries_the_hash_of_what_it_signs(history: Engine) -> None:
    with history.connect() as connection:
        signature = connection.execute(select(Signature.__table__)).one()
        signed = connection.execute(select(Event.payload).where(Event.type == "RecordSigned")).scalar_one()
    assert signature.content_hash is not None and len(signature.content_hash) == 64
    assert signed["content_hash"] == signature.content_hash
    assert signed["record"]["defect_code"] == "RUST" and "pin" not in signed["record"]


def test_verify_says_in_one_line_where_the_chain_breaks(history: Engine, capsys) -> None:
    target = _ids(history)[1]
    _sql(history, "UPDATE events SET station = 'WS-02' WHERE id = :id", id=target)
    code = main(["audit", "verify", "--database-url", history.url.render_as_string(hide_password=False)])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("chain BROKEN") and f"event {target} was changed" in out


def test_concurrent_writers_extend_one_chain(history: Engine, bus, clock) -> None:
    """Eight threads receiving lots at once: every event still links to the one before it."""
    errors: list[BaseException] = []

    def receive(n: int) -> None:
        try:
            for k in range(5):
                bus.execute(
                    command(c.ReceiveLot, clock.now(), lot=f"T{n}-{k}", material="STEEL-2MM", quantity=Decimal(1))
                )
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=receive, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify_database(history)
    assert report.intact, report.broken
    with history.connect() as connection:
        received = connection.execute(select(Event.id).where(Event.type == "LotReceived")).all()
    assert len(received) == 41


_text = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12)
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
    | _text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.dictionaries(st.text(min_size=1, max_size=6).filter(lambda k: "\x00" not in k), _json, max_size=4))
def test_any_payload_reads_back_to_the_hash_it_was_written_with(plant: Engine, clock, payload) -> None:
    """What each database gives back (JSONB reorders keys, keeps 1e20 as an integer) hashes as written."""
    log = EventLog(occurred_at=clock.now(), recorded_at=clock.now(), actor="B2001", station=None, command_id=None)
    log.add("Probe", "probe", "1", **payload)
    with plant.begin() as connection:
        from sqlalchemy.orm import Session

        with Session(bind=connection) as session:
            log.write(session)
    with plant.connect() as connection:
        newest = connection.execute(select(Event.id).order_by(Event.id.desc()).limit(1)).scalar_one()
        stored = connection.execute(select(Event.payload).where(Event.id == newest)).scalar_one()
    report = verify_database(plant, newest)  # the examples before this one are checked by their own run
    assert report.intact and report.checked == 1, (report.broken, payload, stored)


def test_upgrading_a_database_chains_its_events_as_the_application_would(history: Engine, capsys) -> None:
    """Down to the revision before the chain, up again: the migration computes the very hashes written."""
    from mes_terminal.db import migrate

    with history.connect() as connection:
        written = connection.execute(select(Event.id, Event.prev_hash, Event.hash).order_by(Event.id)).all()
        bound = connection.execute(select(Signature.content_hash)).scalar_one()
    migrate.downgrade(history, "0013")
    migrate.upgrade(history)
    with history.connect() as connection:
        rebuilt = connection.execute(select(Event.id, Event.prev_hash, Event.hash).order_by(Event.id)).all()
        rebound = connection.execute(select(Signature.content_hash)).scalar_one()
    assert rebuilt == written
    assert rebound == bound
    code, report = verify(capsys, history.url.render_as_string(hide_password=False))
    assert code == 0 and report["checked"] == len(written)


def test_the_exported_trail_says_who_when_what_why_and_who_signed(history: Engine, capsys, tmp_path) -> None:
    url = history.url.render_as_string(hide_password=False)
    out = tmp_path / "trail.csv"
    code = main(
        ["audit", "export", "--from", "2026-03-02", "--to", "2026-03-03", "--out", str(out), "--database-url", url]
    )
    assert code == 0, capsys.readouterr().err
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(_ids(history))
    held = next(row for row in rows if row["type"] == "LotHeld")
    assert held["why"] == "Rust on the top sheets"
    assert held["actor_name"] == "Rosalind Franklin"
    assert held["occurred_at_utc"].endswith("Z") and held["occurred_at_site"].endswith(("CET", "CEST"))
    assert held["signatures"].startswith("Rosalind Franklin, reported, 2026-03-02 ")
    released = next(row for row in rows if row["type"] == "WorkOrderReleased")
    assert released["changes"] == "status: planned -> released"


def test_the_exported_pdf_shows_the_signature_and_the_chain_state(history: Engine, capsys, tmp_path) -> None:
    url = history.url.render_as_string(hide_password=False)
    out = tmp_path / "trail.pdf"
    argv = ["audit", "export", "--from", "2026-03-02", "--to", "2026-03-03", "--format", "pdf", "--out", str(out)]
    assert main([*argv, "--database-url", url]) == 0
    text_of = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Event chain verified intact at export" in text_of
    assert "Rosalind Franklin, reported," in text_of and "Rust on the top" in text_of
    _sql(history, "UPDATE events SET actor = 'B9999' WHERE id = :id", id=_ids(history)[0])
    assert main([*argv, "--database-url", url]) == 0
    text_of = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "EVENT CHAIN BROKEN at export" in text_of


def test_a_pdf_export_without_a_file_is_refused_in_one_sentence(history: Engine, capsys) -> None:
    url = history.url.render_as_string(hide_password=False)
    code = main(
        ["audit", "export", "--from", "2026-03-02", "--to", "2026-03-03", "--format", "pdf", "--database-url", url]
    )
    assert code == 2
    assert (
        capsys.readouterr().err
        == "mes-terminal: A PDF is never written to a terminal or a pipe; say where: --out FILE.pdf\n"
    )


def test_a_removed_head_is_named_and_the_next_command_goes_on_from_the_newest_event(
    history: Engine, bus, clock, capsys
) -> None:
    url = history.url.render_as_string(hide_password=False)
    _sql(history, "DELETE FROM event_chain")
    code, report = verify(capsys, url)
    assert code == 1 and report["break"]["kind"] == "head" and "head record is missing" in report["break"]["detail"]
    bus.execute(command(c.ReceiveLot, clock.now(), lot="S-10", material="STEEL-2MM", quantity=Decimal(5)))
    assert verify(capsys, url)[0] == 0
