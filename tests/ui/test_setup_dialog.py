"""The station setup dialog on a real QApplication, over real SQLite and PostgreSQL databases."""

from __future__ import annotations

import os
import socket
import tty
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from mes_terminal.bootstrap import connect
from mes_terminal.cli import main
from mes_terminal.config import load_settings, save_settings, settings_file
from mes_terminal.db.records import User, UserRole
from mes_terminal.domain.pins import hash_secret
from mes_terminal.services.plant.station_setup import StationSetupService
from mes_terminal.ui.setup.dialog import SetupDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

ADMIN, ADMIN_PIN = "B9001", "9001"


@pytest.fixture
def admin(plant: Engine) -> str:
    """The test plant plus an administrator, B9001 with PIN 9001."""
    with Session(plant) as session, session.begin():
        user = User(badge=ADMIN, name="Plant IT", pin_hash=hash_secret(ADMIN_PIN), active=True)
        session.add(user)
        session.flush()
        session.add(UserRole(user_id=user.id, role="admin"))
    return ADMIN


@pytest.fixture
def open_dialog(themed_app, qtbot) -> Iterator[Callable[..., SetupDialog]]:
    opened: list[SetupDialog] = []

    def open_(database_url: str = "") -> SetupDialog:
        settings = load_settings(flags={"database_url": database_url or None})
        dialog = SetupDialog(StationSetupService(connect), settings, settings_file())
        opened.append(dialog)
        qtbot.addWidget(dialog)
        dialog.resize(1024, 768)
        dialog.show()
        return dialog

    yield open_
    for dialog in opened:
        dialog.scan_test.stop()
        dialog.vm.shutdown()


def probe(qtbot, dialog: SetupDialog, url: str) -> None:
    """Type `url` and tap 'Test connection'; returns when the answer is shown."""
    dialog.ui.databaseUrlEdit.setText(url)
    dialog.ui.testConnectionButton.click()
    qtbot.waitUntil(lambda: not dialog.vm.busy, timeout=20_000)


def station_items(dialog: SetupDialog) -> list[str]:
    combo = dialog.ui.stationCombo
    return [combo.itemText(i) for i in range(combo.count())]


# --- the database ----------------------------------------------------------------------------------


def test_a_good_database_lists_its_stations(qtbot, open_dialog, plant, database_url) -> None:
    dialog = open_dialog()
    probe(qtbot, dialog, database_url)
    assert dialog.ui.databaseStatusLabel.text().startswith("Connected: ")
    assert "schema at head, 2 stations" in dialog.ui.databaseStatusLabel.text()
    assert station_items(dialog)[1:] == ["WS-01 · Laser cutter (Bracket line)", "WS-02 · Press brake (Bracket line)"]
    assert dialog.station == "WS-01"
    assert dialog.ui.saveButton.isEnabled()


def test_an_unreachable_server_shows_the_plain_reason(qtbot, open_dialog, database_url) -> None:
    dialog = open_dialog()
    wrong = make_url(database_url).set(database="no_such_database") if database_url.startswith("postgresql") else None
    url = wrong.render_as_string(hide_password=False) if wrong else "postgresql://nobody@127.0.0.1:1/mes"
    probe(qtbot, dialog, url)
    text = dialog.ui.databaseStatusLabel.text()
    assert text.startswith("Cannot reach the database")
    assert "no_such_database" in text or "refused" in text.lower() or "failed" in text
    assert dialog.ui.databaseStatusLabel.property("role") == "error"
    assert not dialog.ui.stationCombo.isEnabled()
    assert not dialog.ui.saveButton.isEnabled()


def test_a_missing_sqlite_file_is_named_and_not_created(qtbot, open_dialog, tmp_path: Path) -> None:
    dialog = open_dialog()
    missing = tmp_path / "nowhere" / "mes.sqlite"
    probe(qtbot, dialog, f"sqlite:///{missing}")
    assert f"There is no database file at {missing}" in dialog.ui.databaseStatusLabel.text()
    assert not missing.exists()


def test_a_database_without_the_schema_names_the_command_to_run(qtbot, open_dialog, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    dialog = open_dialog()
    probe(qtbot, dialog, f"sqlite:///{empty}")
    assert "mes-terminal db upgrade" in dialog.ui.databaseStatusLabel.text()


def test_a_malformed_url_is_refused_at_once(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    dialog.ui.databaseUrlEdit.setText("mysql://db/mes")
    dialog.ui.testConnectionButton.click()  # refused before any thread is asked
    assert dialog.ui.databaseStatusLabel.text() == "The database URL must start with sqlite:/// or postgresql://."


def test_editing_the_url_forgets_the_stations_until_tested_again(qtbot, open_dialog, plant, database_url) -> None:
    dialog = open_dialog()
    probe(qtbot, dialog, database_url)
    QTest.keyClick(dialog.ui.databaseUrlEdit, Qt.Key.Key_Backspace)
    assert not dialog.ui.saveButton.isEnabled()
    assert not dialog.ui.stationCombo.isEnabled()


# --- saving ----------------------------------------------------------------------------------------


def test_saving_writes_the_settings_file_that_the_next_start_reads(
    qtbot, open_dialog, admin, database_url, tmp_path: Path, monkeypatch
) -> None:
    dialog = open_dialog(database_url)
    with qtbot.waitSignal(dialog.vm.database_checked, timeout=20_000):
        dialog.start()  # the database from the settings is tested at once
    ui = dialog.ui
    ui.stationCombo.setCurrentIndex(ui.stationCombo.findData("WS-02"))
    ui.serialRadio.setChecked(True)
    ui.serialPortEdit.setText("/dev/ttyACM0")
    ui.baudCombo.setCurrentText("115200")
    ui.terminatorCombo.setCurrentIndex(ui.terminatorCombo.findData("CRLF"))
    ui.printerKindCombo.setCurrentIndex(1)  # PDF folder
    ui.printerWhereCombo.setCurrentText(str(tmp_path / "labels"))
    ui.languageCombo.setCurrentIndex(ui.languageCombo.findData("de_DE"))
    ui.adminBadgeEdit.setText(admin)
    ui.adminPinEdit.setText(ADMIN_PIN)
    with qtbot.waitSignal(dialog.vm.saved, timeout=20_000):
        ui.saveButton.click()
    assert dialog.saved_path == settings_file()
    qtbot.waitUntil(lambda: dialog.result() == SetupDialog.DialogCode.Accepted)

    settings = load_settings()  # what the next start reads
    assert (settings.database_url, settings.station, settings.locale) == (database_url, "WS-02", "de_DE")
    assert settings.terminal == {
        "scanner_url": "/dev/ttyACM0",
        "scanner_baudrate": 115200,
        "scanner_terminator": "CRLF",
    }
    assert settings.printer == {"label": f"pdf:{tmp_path / 'labels'}"}


def test_the_terminal_starts_with_what_the_setup_saved(qapp, admin, database_url, monkeypatch) -> None:
    asked = []

    def ask(cls, parent, service, settings, path):
        asked.append(settings.file)
        return save_settings({"database_url": database_url, "station": "WS-01"}, path)

    monkeypatch.setattr(SetupDialog, "ask", classmethod(ask))
    assert main(["terminal", "--windowed", "--exit-when-ready"]) == 0
    assert asked == [None]  # no settings file: the setup opened first
    assert main(["terminal", "--windowed", "--exit-when-ready"]) == 0
    assert len(asked) == 1  # configured now: straight to the terminal


def test_a_cancelled_first_run_starts_nothing(qapp, capsys, monkeypatch) -> None:
    monkeypatch.setattr(SetupDialog, "ask", classmethod(lambda cls, *args: None))
    assert main(["terminal"]) == 1
    assert "not set up yet" in capsys.readouterr().err
    assert not settings_file().exists()


@pytest.mark.parametrize(
    ("badge", "pin", "said"),
    [
        (ADMIN, "0000", "Badge or PIN not recognised."),
        ("B0000", "1234", "Badge or PIN not recognised."),
        ("B2001", "1234", "Grace Hopper may not set up a station; that needs the role admin."),
        ("", "", "An administrator's badge and PIN are needed to save."),
    ],
)
def test_saving_needs_an_administrators_badge_and_pin(
    qtbot, open_dialog, admin, database_url, badge, pin, said
) -> None:
    dialog = open_dialog()
    probe(qtbot, dialog, database_url)
    dialog.ui.adminBadgeEdit.setText(badge)
    dialog.ui.adminPinEdit.setText(pin)
    with qtbot.waitSignal(dialog.vm.save_failed, timeout=20_000):
        dialog.ui.saveButton.click()
    assert dialog.ui.errorLabel.text() == said
    assert dialog.ui.adminPinEdit.text() == ""
    assert not settings_file().exists()


def test_a_bad_baud_rate_is_refused_before_the_pin_is_checked(qtbot, open_dialog, admin, database_url) -> None:
    dialog = open_dialog()
    probe(qtbot, dialog, database_url)
    dialog.ui.serialRadio.setChecked(True)
    dialog.ui.serialPortEdit.setText("COM3")
    dialog.ui.baudCombo.setCurrentText("96OO")
    dialog.ui.adminBadgeEdit.setText(ADMIN)
    dialog.ui.adminPinEdit.setText(ADMIN_PIN)
    dialog.ui.saveButton.click()
    assert dialog.ui.errorLabel.text() == "The baud rate is a whole number, such as 9600."
    assert not settings_file().exists()


# --- devices ---------------------------------------------------------------------------------------


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    master, slave = os.openpty()
    tty.setraw(slave)
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)


def test_scan_now_reads_a_serial_scanner_with_its_terminator(qtbot, open_dialog, pty_pair) -> None:
    master, port = pty_pair
    dialog = open_dialog()
    dialog.ui.serialRadio.setChecked(True)
    dialog.ui.serialPortEdit.setText(port)
    dialog.ui.terminatorCombo.setCurrentIndex(dialog.ui.terminatorCombo.findData("ETX"))
    # Opening a port flushes what waited in it: the scanner "scans" once the port is open.
    with qtbot.waitSignal(dialog.scan_test.state_changed, check_params_cb=lambda s: s == "connected", timeout=10_000):
        dialog.ui.scanNowButton.click()
    assert dialog.ui.scanStatusLabel.text() == "Scan a barcode now."
    with qtbot.waitSignal(dialog.scan_test.scanned, timeout=10_000):
        os.write(master, b"LOT:R-1042\x03")
    assert dialog.ui.scanStatusLabel.text() == "Read: LOT:R-1042"
    assert not dialog.ui.scanNowButton.isChecked()
    assert not dialog.scan_test.listening


def test_scan_now_says_why_a_serial_port_does_not_open(qtbot, open_dialog, tmp_path: Path) -> None:
    dialog = open_dialog()
    dialog.ui.serialRadio.setChecked(True)
    dialog.ui.serialPortEdit.setText(str(tmp_path / "ttyNOPE"))
    with qtbot.waitSignal(dialog.scan_test.state_changed, timeout=10_000):
        dialog.ui.scanNowButton.click()
    assert dialog.ui.scanStatusLabel.text().startswith("The port does not open: ")
    dialog.ui.scanNowButton.click()  # stop listening
    assert not dialog.scan_test.listening


def test_scan_now_reads_a_keyboard_wedge_scanner(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    dialog.ui.scanNowButton.click()
    with qtbot.waitSignal(dialog.scan_test.scanned, timeout=10_000):
        QTest.keyClicks(dialog.ui.adminBadgeEdit, "BADGE:B1001")
        QTest.keyClick(dialog.ui.adminBadgeEdit, Qt.Key.Key_Return)
    assert dialog.ui.scanStatusLabel.text() == "Read: BADGE:B1001"
    assert dialog.ui.adminBadgeEdit.text() == ""  # the scan did not land in the field


def test_a_test_print_writes_a_pdf_into_the_folder(qtbot, open_dialog, tmp_path: Path) -> None:
    dialog = open_dialog()
    dialog.ui.printerKindCombo.setCurrentIndex(1)
    dialog.ui.printerWhereCombo.setCurrentText(str(tmp_path / "labels"))
    with qtbot.waitSignal(dialog.vm.printer_checked, timeout=10_000):
        dialog.ui.testPrintButton.click()
    (written,) = (tmp_path / "labels").glob("mes-terminal-test-*.pdf")  # the folder is made when missing
    assert written.read_bytes().startswith(b"%PDF")
    assert dialog.ui.printerStatusLabel.text() == f"sent a test page to {written}"


def test_a_test_print_sends_a_zpl_label_to_a_network_printer(qtbot, open_dialog) -> None:
    with socket.create_server(("127.0.0.1", 0)) as printer:
        dialog = open_dialog()
        dialog.ui.printerKindCombo.setCurrentIndex(3)
        port = printer.getsockname()[1]
        dialog.ui.printerWhereCombo.setCurrentText(f"127.0.0.1:{port}")
        with qtbot.waitSignal(dialog.vm.printer_checked, timeout=10_000):
            dialog.ui.testPrintButton.click()
        connection, _ = printer.accept()
        with connection:
            received = connection.makefile("rb").read()
    assert received.startswith(b"^XA") and received.rstrip().endswith(b"^XZ")
    assert dialog.ui.printerStatusLabel.text() == f"sent a test page to the printer at 127.0.0.1:{port}"


def test_a_silent_network_printer_is_reported(qtbot, open_dialog) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
    dialog = open_dialog()
    dialog.ui.printerKindCombo.setCurrentIndex(3)
    dialog.ui.printerWhereCombo.setCurrentText(f"127.0.0.1:{port}")
    with qtbot.waitSignal(dialog.vm.printer_failed, timeout=10_000):
        dialog.ui.testPrintButton.click()
    assert dialog.ui.printerStatusLabel.text().startswith(f"The printer at 127.0.0.1:{port} refused the connection")
    assert dialog.ui.printerStatusLabel.property("role") == "error"


def test_a_test_print_to_an_unknown_system_printer_names_those_there_are(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    dialog.ui.printerKindCombo.setCurrentIndex(2)  # System printer
    dialog.ui.printerWhereCombo.setCurrentText("Nowhere-Zebra")
    with qtbot.waitSignal(dialog.vm.printer_failed, timeout=10_000):
        dialog.ui.testPrintButton.click()
    assert dialog.ui.printerStatusLabel.text().startswith("There is no printer named Nowhere-Zebra on this computer")


def test_the_setup_command_saves_and_says_where(qapp, capsys, admin, database_url, monkeypatch) -> None:
    def ask(cls, parent, service, settings, path):
        return save_settings({"database_url": database_url, "station": "WS-01"}, path)

    monkeypatch.setattr(SetupDialog, "ask", classmethod(ask))
    assert main(["setup", "--no-start"]) == 0
    assert capsys.readouterr().out.strip() == f"settings saved to {settings_file()}"
    monkeypatch.setattr(SetupDialog, "ask", classmethod(lambda cls, *args: None))
    assert main(["setup"]) == 1
    assert "Setup cancelled; nothing was changed." in capsys.readouterr().err
