"""Conflicts: a command taken offline that a rule refused on delivery, kept whole, and what a supervisor does
with it from the command line (`mes-terminal conflicts`), on real SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from mes_terminal.cli import main
from mes_terminal.db.records import CommandConflict
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.queries.event_feed import read_events
from tests.helpers import OPERATOR, SUPERVISOR, command, keep_held_scan


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def held_scan(bus: CommandBus, clock, tmp_path) -> c.ConsumeLot:
    return keep_held_scan(bus, clock, tmp_path / "outbox.sqlite")


def test_conflicts_are_listed_with_what_happened_and_the_original_command(
    capsys, database_url, held_scan: c.ConsumeLot
) -> None:
    code, out, _ = run(capsys, "conflicts", "--database-url", database_url, "--json")
    assert code == 0
    [line] = out.splitlines()
    conflict = json.loads(line)
    assert conflict["conflict"] == 1 and conflict["status"] == "open"
    assert (conflict["type"], conflict["station"], conflict["actor"]) == ("ConsumeLot", "WS-01", OPERATOR)
    assert conflict["command_id"] == str(held_scan.command_id)
    assert conflict["code"] == "lot.on_hold" and "hold" in conflict["message"]
    assert conflict["command"]["lot"] == "S-1" and conflict["command"]["quantity"] == "2"

    code, out, _ = run(capsys, "conflicts", "--database-url", database_url)
    assert code == 0
    assert out.splitlines()[0].startswith("#1 [open] ConsumeLot at WS-01 by B1001, taken 2026-03-02 06:00:00Z")
    assert out.splitlines()[1].startswith("    refused: ")


def test_a_supervisor_discards_a_conflict_with_a_reason(capsys, database_url, plant, held_scan) -> None:
    code, _, err = run(capsys, "conflicts", "--database-url", database_url, "discard", "1", "--reason", " ",
                       "--actor", SUPERVISOR)  # fmt: skip
    assert code == 2 and err == "mes-terminal: Say why conflict 1 is discarded.\n"
    code, _, err = run(capsys, "conflicts", "discard", "1", "--reason", "x", "--actor", OPERATOR,
                       "--database-url", database_url)  # fmt: skip
    assert code == 2 and err.startswith("mes-terminal: ") and "settle conflicts" in err

    code, out, _ = run(capsys, "conflicts", "--database-url", database_url, "discard", "1",
                       "--reason", "Steel replaced by lot S-2", "--actor", SUPERVISOR)  # fmt: skip
    assert (code, out) == (0, "Conflict 1 discarded.\n")
    assert run(capsys, "conflicts", "--database-url", database_url)[1] == "No open conflicts.\n"
    code, out, _ = run(capsys, "conflicts", "--database-url", database_url, "--all", "--json")
    settled = json.loads(out)
    assert (settled["status"], settled["settled_by"], settled["settle_reason"]) == (
        "discarded", SUPERVISOR, "Steel replaced by lot S-2")  # fmt: skip
    assert [e.type for e in read_events(plant)][-1] == "ConflictDiscarded"

    code, _, err = run(capsys, "conflicts", "--database-url", database_url, "discard", "1", "--reason", "again",
                       "--actor", SUPERVISOR)  # fmt: skip
    assert code == 2 and err == "mes-terminal: Conflict 1 was already settled (discarded).\n"


def test_applying_a_conflict_runs_its_command_once_a_rule_no_longer_refuses_it(
    capsys, database_url, plant, bus, clock, held_scan
) -> None:
    code, _, err = run(capsys, "conflicts", "--database-url", database_url, "apply", "1", "--actor", SUPERVISOR)
    assert code == 2 and "hold" in err  # still on hold: still refused, still open
    with plant.connect() as connection:
        assert connection.execute(select(CommandConflict.status)).scalar_one() == "open"

    bus.execute(command(c.ReleaseLot, clock.now(), lot="S-1", reason="Rust was only on the wrapping"))
    code, out, _ = run(capsys, "conflicts", "--database-url", database_url, "apply", "1", "--actor", SUPERVISOR)
    assert (code, out) == (0, "Conflict 1 applied.\n")
    taken = [e for e in read_events(plant) if e.type == "LotConsumed"]
    assert len(taken) == 1 and taken[0].command_id == str(held_scan.command_id)  # the original, with its own id
    with plant.connect() as connection:
        assert connection.execute(select(CommandConflict.status)).scalar_one() == "applied"
    code, _, err = run(capsys, "conflicts", "--database-url", database_url, "apply", "1", "--actor", SUPERVISOR)
    assert code == 2 and "already settled (applied)" in err
    assert len([e for e in read_events(plant) if e.type == "LotConsumed"]) == 1
