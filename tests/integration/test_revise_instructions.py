"""Instructions changed in the console (`ReviseInstructions`): a new pending revision written by the same code as
a changed plant file, unseen at the floor until a quality signature approves it; refused for an operator, for
unchanged steps, for a step that shows nothing and for a file the operation never showed."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from mes_terminal.db.records import Event, InstructionRevision
from mes_terminal.domain.error_codes import (
    INSTRUCTIONS_FILE_UNKNOWN,
    INSTRUCTIONS_STEP_INVALID,
    INSTRUCTIONS_UNCHANGED,
)
from mes_terminal.domain.errors import MesError, NotPermitted
from mes_terminal.domain.instructions import content_address
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.codec import decode_object, encode
from mes_terminal.services.commands.registry import COMMAND_TYPES
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.services.queries import instructions as iq
from tests.helpers import OPERATOR, SUPERVISOR, command
from tests.media_files import pdf, plant_text, png, write_plant

QUALITY = "B3001"
PICTURE = content_address(png())
SHEET = content_address(pdf(2))
# The loaded steps of operation 10, as the console sends them back.
LOADED = (
    c.RevisedStep(text="Clamp the blank against both stops.", caution="Keep hands clear.", media_sha256=PICTURE),
    c.RevisedStep(text="Set the stop as the sheet shows.", media_sha256=SHEET, page=2),
)


@pytest.fixture
def run(engine: Engine, clock, tmp_path: Path):
    load_plant(engine, read_plant_file(write_plant(tmp_path, plant_text())), now=clock.now())
    bus = CommandBus(engine, clock)

    def execute(cls: type[c.Command], actor: str = SUPERVISOR, **fields):
        return bus.execute(command(cls, clock.now(), actor=actor, **fields)).result

    approve(execute, 1)
    return execute


def approve(run, revision: int):
    return run(
        c.ApproveInstructions,
        actor=QUALITY,
        product="BRACKET-A",
        operation=10,
        revision=revision,
        pin="3333",
        meaning="approved",
    )


def revise(run, steps: tuple[c.RevisedStep, ...], actor: str = SUPERVISOR, acknowledge: bool = True):
    return run(
        c.ReviseInstructions, actor=actor, product="BRACKET-A", operation=10, steps=steps, acknowledge=acknowledge
    )


def shown_texts(engine: Engine) -> tuple[int, list[str | None]]:
    with engine.connect() as connection:
        view = iq.operation_instructions(connection, "WO-1", 10, OPERATOR)
    return view.revision, [s.text for s in view.steps]


def test_a_revision_from_the_console_is_pending_until_quality_approves_it(engine: Engine, run, clock) -> None:
    run(c.CreateWorkOrder, number="WO-1", product="BRACKET-A", quantity=Decimal(5), due=clock.now() + timedelta(1))
    edited = (
        LOADED[1],
        c.RevisedStep(text="Clamp the blank against the two stops.", caution="Keep hands clear.", media_sha256=PICTURE),
        c.RevisedStep(text="Deburr the edge.", caution=" "),
    )
    result = revise(run, edited)
    assert result == {"product": "BRACKET-A", "operation": 10, "revision": 2, "steps": 3, "status": "pending"}
    with engine.connect() as connection:
        rows = connection.execute(
            select(InstructionRevision.revision, InstructionRevision.status, InstructionRevision.source).order_by(
                InstructionRevision.revision
            )
        ).all()
        event = connection.execute(
            select(Event.payload).where(Event.type == "InstructionsRevised").order_by(Event.id.desc()).limit(1)
        ).scalar_one()
    assert [tuple(r)[:2] for r in rows] == [(1, "approved"), (2, "pending")]
    assert rows[1].source is None and event["revision"] == 2 and event["steps"] == 3
    assert shown_texts(engine) == (1, ["Clamp the blank against both stops.", "Set the stop as the sheet shows."])

    approve(run, 2)
    revision, texts = shown_texts(engine)
    assert revision == 2
    assert texts == ["Set the stop as the sheet shows.", "Clamp the blank against the two stops.", "Deburr the edge."]
    with engine.connect() as connection:
        steps = iq.revision_steps(connection, "BRACKET-A", 10, 2)
    assert [(s.media_type, s.page, s.caution) for s in steps] == [
        ("application/pdf", 2, None),
        ("image/png", None, "Keep hands clear."),
        (None, None, None),
    ]


def test_an_operator_may_not_change_instructions(engine: Engine, run) -> None:
    with pytest.raises(NotPermitted, match="change work instructions"):
        revise(run, (c.RevisedStep(text="Anything goes."),), actor=OPERATOR)
    assert revise(run, (c.RevisedStep(text="Only this."),), actor=QUALITY)["revision"] == 2


def test_unchanged_steps_are_refused_with_a_sentence(engine: Engine, run) -> None:
    with pytest.raises(MesError) as refused:
        revise(run, LOADED)
    assert refused.value.code == INSTRUCTIONS_UNCHANGED
    assert "are those of revision 1 already" in refused.value.message
    assert revise(run, LOADED, acknowledge=False)["revision"] == 2  # the acknowledge flag is part of a revision


@pytest.mark.parametrize(
    ("step", "code"),
    [
        (c.RevisedStep(text="  "), INSTRUCTIONS_STEP_INVALID),
        (c.RevisedStep(text="x" * 2001), INSTRUCTIONS_STEP_INVALID),
        (c.RevisedStep(text="Look.", media_sha256="0" * 64), INSTRUCTIONS_FILE_UNKNOWN),
        (c.RevisedStep(text="Look.", media_sha256=SHEET, page=1), INSTRUCTIONS_FILE_UNKNOWN),
    ],
)
def test_a_bad_step_is_refused_and_nothing_is_stored(engine: Engine, run, step, code) -> None:
    with pytest.raises(MesError) as refused:
        revise(run, (LOADED[0], step))
    assert refused.value.code == code and "Step 2 of BRACKET-A operation 10" in refused.value.message
    with engine.connect() as connection:
        assert connection.execute(select(InstructionRevision.revision)).scalars().all() == [1]


def test_the_command_travels_as_json(clock) -> None:
    cmd = command(c.ReviseInstructions, clock.now(), actor=SUPERVISOR, product="BRACKET-A", operation=10,
                  steps=LOADED, acknowledge=True)  # fmt: skip
    encoded = encode(cmd)
    assert encoded["steps"][1] == {"text": "Set the stop as the sheet shows.", "media_sha256": SHEET, "page": 2}
    assert decode_object(encoded, COMMAND_TYPES) == cmd
