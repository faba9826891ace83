"""Work instructions end to end on both databases: loaded as revisions, approved with a signature, pinned at
release, acknowledged once per person, moved by a supervisor, and read back with their files."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from mes_terminal.db.records import InstructionAcknowledgement, InstructionRevision, MediaBlob, Signature
from mes_terminal.domain.error_codes import (
    INSTRUCTIONS_ALREADY_APPROVED,
    INSTRUCTIONS_NOT_SHOWN,
    INSTRUCTIONS_SUPERSEDED,
    SIGNATURE_FAILED,
)
from mes_terminal.domain.errors import MesError, NotPermitted, PlantFileError
from mes_terminal.domain.instructions import content_address
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.queries import instructions as iq
from tests.helpers import OPERATOR, SUPERVISOR, command
from tests.media_files import STEPS, pdf, plant_text, png, write_plant

QUALITY = "B3001"
LEAD = "B4001"


@pytest.fixture
def loaded(engine: Engine, clock, tmp_path: Path) -> Path:
    path = write_plant(tmp_path, plant_text())
    load_plant(engine, read_plant_file(path), now=clock.now())
    return path


@pytest.fixture
def run(engine: Engine, clock, loaded: Path):
    bus = CommandBus(engine, clock)

    def execute(cls: type[c.Command], actor: str = SUPERVISOR, **fields):
        return bus.execute(command(cls, clock.now(), actor=actor, **fields)).result

    return execute


def approve(run, revision: int, pin: str = "3333"):
    return run(
        c.ApproveInstructions,
        actor=QUALITY,
        product="BRACKET-A",
        operation=10,
        revision=revision,
        pin=pin,
        meaning="approved",
    )


def new_order(run, clock, number: str) -> None:
    due = clock.now() + timedelta(days=1)
    run(c.CreateWorkOrder, number=number, product="BRACKET-A", quantity=Decimal(5), due=due)
    run(c.ReleaseWorkOrder, number=number)


def revisions(engine: Engine) -> list[tuple[int, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(InstructionRevision.revision, InstructionRevision.status).order_by(InstructionRevision.revision)
        )
        return [tuple(r) for r in rows]


def test_a_load_stores_a_pending_revision_and_its_files_once(engine: Engine, clock, loaded: Path) -> None:
    assert revisions(engine) == [(1, "pending")]
    with engine.connect() as connection:
        blobs = dict(connection.execute(select(MediaBlob.sha256, MediaBlob.media_type)).all())
    assert blobs == {content_address(png()): "image/png", content_address(pdf(2)): "application/pdf"}
    summary = load_plant(engine, read_plant_file(loaded), now=clock.now())  # the same file again
    assert not summary.changed
    assert revisions(engine) == [(1, "pending")]


def test_a_changed_step_is_a_new_pending_revision(engine: Engine, clock, tmp_path: Path, loaded: Path) -> None:
    changed = write_plant(tmp_path, plant_text(STEPS.replace("both stops", "the left stop")))
    summary = load_plant(engine, read_plant_file(changed), now=clock.now())
    assert summary.counts["instructions"].updated == 1
    assert revisions(engine) == [(1, "pending"), (2, "pending")]
    picture = write_plant(tmp_path, plant_text(STEPS.replace("both stops", "the left stop")), png(rgb=(0, 0, 255)))
    load_plant(engine, read_plant_file(picture), now=clock.now())
    assert revisions(engine)[-1] == (3, "pending")  # same words, another picture: another revision


def test_a_corrupt_picture_refuses_the_whole_file(engine: Engine, clock, tmp_path: Path) -> None:
    path = write_plant(tmp_path, plant_text(), png()[:-20])
    with pytest.raises(PlantFileError, match=r"pictures/press.png is not a whole PNG image"):
        load_plant(engine, read_plant_file(path), now=clock.now())
    (tmp_path / "setup.pdf").unlink()
    with pytest.raises(PlantFileError, match=r"setup.pdf does not exist beside the plant file"):
        read_plant_file(path)


def test_the_floor_sees_only_approved_revisions_and_the_signature_is_recorded(engine: Engine, run, clock) -> None:
    new_order(run, clock, "WO-1")
    with engine.connect() as connection, pytest.raises(MesError, match="no approved work instructions"):
        iq.operation_instructions(connection, "WO-1", 10, OPERATOR)
    result = approve(run, 1)
    assert result["revision"] == 1 and result["signed_by"] == "Quinn Quality"
    assert "Quinn Quality, approved" in result["signature"]
    with engine.connect() as connection:
        view = iq.operation_instructions(connection, "WO-1", 10, OPERATOR)
        signed = connection.execute(select(Signature.entity, Signature.entity_id)).all()
    assert signed == [("instructions", "BRACKET-A:10:1")]
    assert view.revision == 1 and len(view.steps) == 2
    assert view.steps[0].content == png() and view.steps[0].caution == "Keep hands clear."
    assert view.steps[1].media_type == "application/pdf" and view.steps[1].page == 2
    assert view.needs_acknowledgement
    with pytest.raises(MesError) as again:
        approve(run, 1)
    assert again.value.code == INSTRUCTIONS_ALREADY_APPROVED


def test_approval_needs_the_quality_role_and_the_right_pin(run) -> None:
    with pytest.raises(NotPermitted):
        run(
            c.ApproveInstructions,
            actor=SUPERVISOR,
            product="BRACKET-A",
            operation=10,
            revision=1,
            pin="1234",
            meaning="approved",
        )
    with pytest.raises(MesError) as wrong:
        approve(run, 1, pin="0000")
    assert wrong.value.code == SIGNATURE_FAILED


def test_a_released_order_keeps_its_revision_until_a_supervisor_moves_it(
    engine: Engine, run, clock, tmp_path: Path
) -> None:
    approve(run, 1)
    new_order(run, clock, "WO-1")
    changed = write_plant(tmp_path, plant_text(STEPS.replace("both stops", "the left stop")))
    load_plant(engine, read_plant_file(changed), now=clock.now())
    approve(run, 2)
    new_order(run, clock, "WO-2")
    with engine.connect() as connection:
        assert iq.operation_instructions(connection, "WO-1", 10, None).revision == 1
        assert iq.operation_instructions(connection, "WO-2", 10, None).revision == 2
        assert iq.shown_revisions(connection, "WO-1") == {10: 1}
    with pytest.raises(MesError) as older:
        approve(run, 1)
    assert older.value.code in (INSTRUCTIONS_ALREADY_APPROVED, INSTRUCTIONS_SUPERSEDED)
    with pytest.raises(NotPermitted):
        run(c.MoveInstructions, actor=OPERATOR, work_order="WO-1")
    moved = run(c.MoveInstructions, actor=LEAD, work_order="WO-1")
    assert moved["moved"] == [{"operation": 10, "before": 1, "after": 2}]
    assert run(c.MoveInstructions, work_order="WO-1")["moved"] == []  # already at the newest
    with engine.connect() as connection:
        assert iq.operation_instructions(connection, "WO-1", 10, None).revision == 2
        rows = iq.revision_rows(connection, "Europe/Berlin")
    assert [(r.revision, r.status, r.current, r.orders_showing) for r in rows] == [
        (2, "approved", True, 2),
        (1, "approved", False, 0),
    ]
    assert rows[0].steps == 2 and rows[0].files == 2 and "Quinn Quality" in (rows[0].signature or "")


def test_an_older_pending_revision_cannot_be_approved_over_a_newer_one(engine, run, clock, tmp_path) -> None:
    changed = write_plant(tmp_path, plant_text(STEPS.replace("both stops", "the left stop")))
    load_plant(engine, read_plant_file(changed), now=clock.now())
    approve(run, 2)
    with pytest.raises(MesError) as older:
        approve(run, 1)
    assert older.value.code == INSTRUCTIONS_SUPERSEDED


def test_an_acknowledgement_is_recorded_once_per_person_and_revision(engine: Engine, run, clock) -> None:
    approve(run, 1)
    new_order(run, clock, "WO-1")
    run(c.SignIn, actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711")
    ack = {"station": "WS-01", "work_order": "WO-1", "operation": 10}
    with pytest.raises(MesError) as stale:
        run(c.AcknowledgeInstructions, actor=OPERATOR, revision=2, **ack)
    assert stale.value.code == INSTRUCTIONS_NOT_SHOWN
    first = run(c.AcknowledgeInstructions, actor=OPERATOR, revision=1, **ack)
    second = run(c.AcknowledgeInstructions, actor=OPERATOR, revision=1, **ack)
    assert (first["already"], second["already"]) == (False, True)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(InstructionAcknowledgement)).scalar_one() == 1
        assert not iq.operation_instructions(connection, "WO-1", 10, OPERATOR).needs_acknowledgement
        assert iq.operation_instructions(connection, "WO-1", 10, LEAD).needs_acknowledgement


def test_a_plant_read_as_text_cannot_load_steps_whose_files_were_not_read(engine: Engine, clock) -> None:
    from mes_terminal.domain.plant import parse_plant

    with pytest.raises(PlantFileError, match=r"pictures/press.png was not read with the plant file"):
        load_plant(engine, parse_plant(plant_text(), "plant.toml"), now=clock.now())
    assert revisions(engine) == []


def test_the_traveler_prints_the_revision_and_a_datamatrix_the_terminal_reads_as_instructions(
    engine: Engine, run, clock
) -> None:
    import subprocess

    from mes_terminal.documents.traveler_pdf import render_traveler_pdf
    from mes_terminal.domain.scans import ScanKind, classify_scan
    from mes_terminal.services.printing.document_builders import traveler
    from mes_terminal.services.queries.documents import order_for_traveler
    from tests.barcode_reading import pdf_barcodes

    approve(run, 1)
    new_order(run, clock, "WO-1")
    with engine.connect() as connection:
        order = order_for_traveler(connection, "WO-1")
    assert [o.instructions_revision for o in order.operations] == [1, None]
    pdf = render_traveler_pdf(traveler(order, timezone="Europe/Berlin", printed_at=clock.now()))
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    assert "Instructions rev 1" in text.decode()
    [page] = pdf_barcodes(pdf, dpi=200)
    codes = {(r.format, r.text) for r in page}
    assert ("DataMatrix", "INSTR:WO-1:10") in codes and ("Code128", "OP:WO-1:20") in codes
    scan = classify_scan("INSTR:WO-1:10")
    assert (scan.kind, scan.work_order, scan.operation) == (ScanKind.INSTRUCTIONS, "WO-1", 10)
