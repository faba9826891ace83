"""`mes-terminal print label|traveler`: what it prints, what it records, and one sentence for every failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mes_terminal.db.engine import make_engine
from mes_terminal.db.records import PrintJob
from tests.barcode_reading import Read, pdf_barcodes
from tests.integration.test_cli import SMALL_PLANT, run
from tests.integration.test_printer_transports import ListeningPrinter, free_port
from tests.integration.test_printing import STEEL_GTIN, add_lot, set_gtin


@pytest.fixture
def database(database_url: str, capsys: pytest.CaptureFixture[str]) -> Iterator[str]:
    """The small plant, STEEL-2MM with a GTIN, and its lot R-17 (12.5 kg)."""
    code, _, err = run(capsys, "plant", "load", SMALL_PLANT, "--database-url", database_url)
    assert code == 0, err
    engine = make_engine(database_url)
    set_gtin(engine, "STEEL-2MM", STEEL_GTIN)
    add_lot(engine, "R-17", "STEEL-2MM", "12.5", expires=date(2027, 3, 2))
    engine.dispose()
    yield database_url


def print_label(capsys: pytest.CaptureFixture[str], database: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "print", "label", "--lot", "R-17", "--actor", "B1001", "--database-url", database, *args)


def recorded(database: str) -> list[tuple[str, str, int, bool, str | None]]:
    engine = make_engine(database)
    with engine.connect() as connection:
        rows = connection.execute(
            select(PrintJob.status, PrintJob.target, PrintJob.copies, PrintJob.is_reprint, PrintJob.reason).order_by(
                PrintJob.id
            )
        ).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def test_a_label_to_a_pdf_file(capsys, database: str, tmp_path: Path) -> None:
    path = tmp_path / "r17.pdf"
    code, out, err = print_label(capsys, database, "--to", str(path), "--size", "4x2", "--copies", "2")
    assert (code, err) == (0, "")
    assert out == f"Printed lot R-17 (2 copies) to {path}; print job 1.\n"
    assert pdf_barcodes(path.read_bytes())[0] == [
        Read("Code128", "]C1", f"01{STEEL_GTIN}10R-17"),
        Read("Code128", "]C1", "17270302" + "3101000125"),
    ]
    assert recorded(database) == [("printed", str(path), 2, False, None)]


def test_a_label_to_a_zpl_printer_with_json_out(capsys, database: str) -> None:
    printer = ListeningPrinter()
    try:
        code, out, _ = print_label(capsys, database, "--to", f"tcp://127.0.0.1:{printer.port}", "--json")
        printer.thread.join(10)
    finally:
        printer.close()
    assert code == 0
    outcome = json.loads(out)
    assert (outcome["ok"], outcome["status"], outcome["document"], outcome["subject"]) == (
        True,
        "printed",
        "lot_label",
        "R-17",
    )
    [zpl] = printer.jobs
    assert zpl.startswith(b"^XA") and b"^PQ1,0,1,Y" in zpl


def test_a_reprint_without_reason_is_exit_2_and_with_one_is_recorded(capsys, database: str, tmp_path: Path) -> None:
    assert print_label(capsys, database, "--to", str(tmp_path / "a.pdf"))[0] == 0
    code, _, err = print_label(capsys, database, "--to", str(tmp_path / "b.pdf"))
    assert code == 2
    assert err.startswith("mes-terminal: Lot R-17 was printed before on ") and err.endswith(
        "a reprint needs a reason.\n"
    )
    code, out, _ = print_label(capsys, database, "--to", str(tmp_path / "b.pdf"), "--reprint", "--reason", "torn")
    assert code == 0 and out.startswith("Reprinted lot R-17 (1 copy)")
    assert [row[3:] for row in recorded(database)] == [(False, None), (True, "torn")]


def test_a_printer_that_is_off_is_exit_1_and_the_job_failed(capsys, database: str) -> None:
    port = free_port()
    code, out, err = print_label(capsys, database, "--to", f"tcp://127.0.0.1:{port}")
    assert (code, out) == (1, "")
    assert err == (
        f"mes-terminal: The printer at 127.0.0.1:{port} refused the connection; is it switched on, "
        f"and is {port} its raw port?\n"
    )
    assert recorded(database) == [("failed", f"tcp://127.0.0.1:{port}", 1, False, None)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lot", "NOPE", "--to", "x.pdf"], "There is no lot NOPE."),
        (["--to", "x.pdf", "--copies", "0"], "The number of copies must be a whole number from 1 to 100."),
        (["--to", "labels.txt"], "The print target must be FILE.pdf, pdf:FOLDER, tcp://HOST:9100, serial:PORT or"),
    ],
)
def test_bad_input_is_exit_2_with_one_sentence(
    capsys, database: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = print_label(capsys, database, *args)
    assert code == 2
    assert err.startswith(f"mes-terminal: {message}")
    assert err.count("\n") == 1
    assert recorded(database) == []
    assert list(tmp_path.glob("*.pdf")) == []


def test_who_prints_is_required(capsys, database: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "print", "label", "--lot", "R-17", "--to", "x.pdf", "--database-url", database)
    assert code == 2
    assert err == "mes-terminal: Say who prints: --actor BADGE (or set MES_ACTOR); every print is recorded.\n"
    monkeypatch.setenv("MES_ACTOR", "B1001")
    path = tmp_path / "r.pdf"
    assert run(capsys, "print", "label", "--lot", "R-17", "--to", str(path), "--database-url", database)[0] == 0


def test_the_label_printer_of_the_settings_is_the_default_target(capsys, database: str, tmp_path: Path) -> None:
    code, _, err = print_label(capsys, database)
    assert code == 2 and "Say where to print the label" in err
    folder = tmp_path / "labels"
    folder.mkdir()
    settings = tmp_path / "config" / "mes-terminal" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text(f'[printer]\nlabel = "pdf:{folder}"\n')
    code, out, err = print_label(capsys, database)
    assert code == 0, err
    [written] = folder.iterdir()
    assert written.name.startswith("lot-R-17-") and out.endswith(f"to {written}; print job 1.\n")


def test_a_traveler_to_a_pdf_file_and_not_to_a_label_printer(capsys, database: str, tmp_path: Path) -> None:
    line = '{"type":"CreateWorkOrder","command_id":"7b0e6c1e-5a43-4d0e-8c55-0a0f3c0d9e11","issued_at":"2026-03-02T06:00:00Z","actor":"B2001","number":"WO-7","product":"BRACKET-A","quantity":"40","due":"2026-03-09T13:00:00Z"}'  # noqa: E501
    (tmp_path / "wo.jsonl").write_text(line + "\n")
    assert run(capsys, "replay", str(tmp_path / "wo.jsonl"), "--database-url", database)[0] == 0
    path = tmp_path / "wo7.pdf"
    args = ("print", "traveler", "--work-order", "WO-7", "--actor", "B2001", "--database-url", database)
    code, out, err = run(capsys, *args, "--to", str(path))
    assert (code, err) == (0, "")
    assert out == f"Printed the traveler of WO-7 (1 copy) to {path}; print job 1.\n"
    assert [r.text for r in pdf_barcodes(path.read_bytes(), dpi=200)[0]] == ["WO:WO-7", "OP:WO-7:10", "OP:WO-7:20"]
    code, _, err = run(capsys, *args, "--to", "tcp://127.0.0.1:9100")
    assert code == 2 and err.startswith("mes-terminal: A traveler is a page document")


def test_an_unknown_system_printer_is_exit_1(database: str) -> None:
    """In a process of its own: the system printer path starts Qt, as the installed command does."""
    done = subprocess.run(
        [sys.executable, "-m", "mes_terminal", "print", "label", "--lot", "R-17", "--to", "printer:Nope",
         "--actor", "B1001", "--database-url", database],
        capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("mes-terminal: There is no printer named Nope on this computer (printers here: ")
    assert recorded(database) == [("failed", "printer:Nope", 1, False, None)]
