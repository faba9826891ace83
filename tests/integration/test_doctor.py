"""`mes-terminal doctor`: one line per check, exit 0 only when every check passes."""

from __future__ import annotations

import os
import socket
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest

from mes_terminal.cli import main
from mes_terminal.config import save_settings


def doctor(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, str]]:
    """The exit code and, per check, its line ("ok    database   ...")."""
    code = main(["doctor", *argv])
    lines = capsys.readouterr().out.splitlines()
    return code, {line.split()[1]: line for line in lines}


@pytest.fixture
def pty_port() -> Iterator[str]:
    master, slave = os.openpty()
    tty.setraw(slave)
    yield os.ttyname(slave)
    os.close(master)
    os.close(slave)


@pytest.fixture
def listening_printer() -> Iterator[int]:
    """A local TCP listener standing in for a label printer's raw port."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server.getsockname()[1]


def test_a_configured_station_passes_every_check(capsys, plant, database_url, pty_port, listening_printer) -> None:
    save_settings(
        {
            "database_url": database_url,
            "station": "WS-01",
            "terminal": {"scanner_url": pty_port, "scanner_baudrate": 9600, "scanner_terminator": "CRLF"},
            "printer": {"label": f"tcp://127.0.0.1:{listening_printer}"},
        }
    )
    code, lines = doctor(capsys)
    assert list(lines) == ["settings", "database", "station", "scanner", "printer", "qt"]
    assert all(line.startswith("ok ") for line in lines.values()), lines
    assert code == 0
    assert "schema at head" in lines["database"]
    assert "WS-01 · Laser cutter (Bracket line)" in lines["station"]
    assert f"{pty_port} opens at 9600 baud, terminator CRLF" in lines["scanner"]
    assert "answers" in lines["printer"]
    assert "platform offscreen" in lines["qt"]


def test_an_unreachable_database_fails_with_the_reason(capsys) -> None:
    code, lines = doctor(capsys, "--database-url", "postgresql://nobody@127.0.0.1:1/mes")
    assert code == 1
    assert lines["database"].startswith("FAIL")
    assert "Cannot reach the database" in lines["database"]
    assert lines["qt"].startswith("ok")  # the other checks still ran


def test_a_schema_behind_head_names_the_command_to_run(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    code, lines = doctor(capsys, "--database-url", f"sqlite:///{empty}")
    assert code == 1
    assert "mes-terminal db upgrade" in lines["database"]


def test_a_station_missing_from_the_database_fails(capsys, plant, database_url) -> None:
    save_settings({"database_url": database_url, "station": "WS-99"})
    code, lines = doctor(capsys)
    assert code == 1
    assert lines["station"].startswith("FAIL")
    assert "WS-01, WS-02" in lines["station"]


def test_a_missing_serial_port_and_a_silent_printer_fail(capsys, plant, database_url, tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        closed_port = server.getsockname()[1]  # nothing listens there once the server is closed
    save_settings(
        {
            "database_url": database_url,
            "terminal": {"scanner_url": str(tmp_path / "no-such-tty")},
            "printer": {"label": f"tcp://127.0.0.1:{closed_port}"},
        }
    )
    code, lines = doctor(capsys)
    assert code == 1
    assert lines["scanner"].startswith("FAIL") and "cannot be opened" in lines["scanner"]
    assert lines["printer"].startswith("FAIL") and "does not answer" in lines["printer"]


def test_a_pdf_folder_printer_must_be_writable(capsys, plant, database_url, tmp_path: Path) -> None:
    save_settings({"database_url": database_url, "printer": {"label": f"pdf:{tmp_path / 'labels'}"}})
    code, lines = doctor(capsys)
    assert code == 0, lines
    assert "PDF files into" in lines["printer"]
    assert (tmp_path / "labels").is_dir()


def test_a_broken_settings_file_is_the_one_finding(capsys) -> None:
    from mes_terminal.config import settings_file

    settings_file().parent.mkdir(parents=True)
    settings_file().write_text("station = [", encoding="utf-8")
    code, lines = doctor(capsys)
    assert code == 1
    assert list(lines) == ["settings"]
    assert "not valid TOML" in lines["settings"]


def test_without_a_display_the_qt_line_says_what_to_type(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)  # xcb, and no display to connect to
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    code, lines = doctor(capsys)
    assert code == 1
    assert lines["qt"].startswith("FAIL")
    assert "xvfb-run -a mes-terminal terminal" in lines["qt"] and "QT_QPA_PLATFORM=offscreen" in lines["qt"]
