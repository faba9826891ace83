"""The hot folder: every file ends in processed/ or failed/ (with the reason beside it), none is lost."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from mes_terminal.cli import main
from mes_terminal.domain.clock import FixedClock
from mes_terminal.integration.hot_folder import sweep, watch
from tests.conftest import START
from tests.erp.documents import Request, Segment, production_schedule

GOOD = production_schedule([Request("WO-HF-1", segments=[Segment("10", produced=("BRACKET-A", "5", "pcs"))])])


def test_files_move_to_processed_or_failed_with_the_reason(plant, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.xml").write_bytes(GOOD)
    (inbox / "b.xml").write_bytes(b"<not-closed>")
    (inbox / ".c.xml.partial").write_bytes(b"being written")
    (inbox / "notes.txt").write_text("not a document")

    swept = sweep(plant, inbox, now=START, settle=0)

    assert [(s.path.relative_to(inbox).as_posix(), s.outcome.ok) for s in swept] == [
        ("processed/a.xml", True),
        ("failed/b.xml", False),
    ]
    error = (inbox / "failed" / "b.xml.error.txt").read_text().splitlines()
    assert error[0] == "erp.not_well_formed" and "b.xml is not well-formed XML" in error[1]
    assert sorted(p.name for p in inbox.iterdir() if p.is_file()) == [".c.xml.partial", "notes.txt"]

    (inbox / "a.xml").write_bytes(GOOD)  # the same name again: kept beside the first, not over it
    again = sweep(plant, inbox, now=START, settle=0)
    assert again[0].path == inbox / "processed" / "a-1.xml"
    assert again[0].outcome.work_orders[0]["action"] == "unchanged"


def test_a_file_still_being_written_waits(plant, tmp_path: Path) -> None:
    (tmp_path / "fresh.xml").write_bytes(GOOD)
    assert sweep(plant, tmp_path, now=START, settle=60) == []
    assert (tmp_path / "fresh.xml").exists()


def test_a_database_that_is_away_leaves_the_file_in_the_inbox(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(GOOD)
    nowhere = create_engine("postgresql+psycopg://nobody@127.0.0.1:9/none", connect_args={"connect_timeout": 2})
    try:
        swept = sweep(nowhere, tmp_path, now=START, settle=0)
    finally:
        nowhere.dispose()
    assert swept == [] and (tmp_path / "a.xml").exists()


def test_watch_imports_and_exports_until_stopped(plant, tmp_path: Path) -> None:
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.xml").write_bytes(GOOD)
    reports: list[object] = []
    watch(
        plant,
        FixedClock(START + timedelta(hours=1)),
        inbox,
        outbox,
        export_every=timedelta(minutes=15),
        export_format="b2mml-v0700",
        poll=0.01,
        stop=threading.Event(),
        report=reports.append,
        settle=0,
        once=True,
    )
    assert [type(r).__name__ for r in reports] == ["Swept", "ExportResult"]


def test_watch_on_the_command_line_once(plant, database_url: str, tmp_path: Path, capsys) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.xml").write_bytes(GOOD)
    code = main(
        [
            "erp",
            "watch",
            "--inbox",
            str(inbox),
            "--outbox",
            str(tmp_path / "out"),
            "--once",
            "--settle",
            "0",
            "--database-url",
            database_url,
        ]
    )
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert code == 0 and line["ok"] and line["moved_to"].endswith("processed/a.xml")


@pytest.mark.parametrize("flag", [["--export-every", "0"], ["--poll", "0"]])
def test_watch_refuses_nonsense_intervals(flag: list[str], tmp_path: Path) -> None:
    assert main(["erp", "watch", "--inbox", str(tmp_path), "--outbox", str(tmp_path), *flag]) == 2
