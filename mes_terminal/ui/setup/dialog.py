"""The station setup dialog (ui/setup.ui): database, station, scanner, label printer, language.

    path = SetupDialog.ask(None, service, settings)    # the settings file written, or None if cancelled

Opens with the current settings filled in and tests the database at once, so the station list is
there. Saving needs a database that answered and an administrator's badge and PIN; it writes the
settings file that the terminal reads at its next start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from mes_terminal.domain.setup_fields import (
    COMMON_BAUDRATES,
    LANGUAGES,
    TERMINATORS,
    PrinterTarget,
    SetupChoices,
    parse_printer_target,
)
from mes_terminal.services.plant.station_setup import DatabaseProbe, StationSetupService
from mes_terminal.ui.forms.setup_ui import Ui_SetupDialog
from mes_terminal.ui.setup.scan_test import ScanTest
from mes_terminal.ui.setup.view_model import SetupViewModel
from mes_terminal.ui.widgets.style import set_style_property

# printer kind -> what the second field holds (the placeholder shown in it)
PRINTER_KINDS = ("none", "pdf", "printer", "tcp")
_PLACEHOLDERS = {"pdf": "/var/lib/mes-terminal/labels", "printer": "", "tcp": "10.1.2.3:9100"}


class SetupDialog(QDialog):
    def __init__(
        self, service: StationSetupService, settings: Any, settings_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SetupDialog()
        self.ui.setupUi(self)
        self.vm = SetupViewModel(service, settings_path, self)
        self.scan_test = ScanTest(self)
        self.saved_path: Path | None = None
        self.probe: DatabaseProbe | None = None
        self._tested_url = ""
        for label in (self.ui.databaseStatusLabel, self.ui.printerStatusLabel, self.ui.errorLabel):
            label.hide()
        self._fill_choices()
        self._show_settings(settings)
        self.retranslate()

        ui = self.ui
        ui.testConnectionButton.clicked.connect(self.on_test_connection_clicked)
        ui.databaseUrlEdit.returnPressed.connect(self.on_test_connection_clicked)
        ui.databaseUrlEdit.textEdited.connect(self.on_database_url_edited)
        ui.wedgeRadio.toggled.connect(self.on_scanner_kind_changed)
        ui.scanNowButton.toggled.connect(self.on_scan_now_toggled)
        ui.printerKindCombo.currentIndexChanged.connect(self.on_printer_kind_changed)
        ui.testPrintButton.clicked.connect(self.on_test_print_clicked)
        ui.cancelButton.clicked.connect(self.reject)
        ui.saveButton.clicked.connect(self.on_save_clicked)
        self.vm.database_checked.connect(self.on_database_checked)
        self.vm.database_failed.connect(self.on_database_failed)
        self.vm.printer_checked.connect(lambda text: self._say(ui.printerStatusLabel, text, "ok"))
        self.vm.printer_failed.connect(lambda text: self._say(ui.printerStatusLabel, text, "error"))
        self.vm.saved.connect(self.on_saved)
        self.vm.save_failed.connect(self.on_save_failed)
        self.vm.busy_changed.connect(self.on_busy_changed)
        self.scan_test.scanned.connect(self.on_scanned)
        self.scan_test.state_changed.connect(self.on_scanner_state)
        self.on_scanner_kind_changed()
        self.on_printer_kind_changed()
        self._update_save()

    @classmethod
    def ask(cls, parent: QWidget | None, service: StationSetupService, settings: Any, path: Path) -> Path | None:
        """Show the dialog and wait; the settings file written, or None when cancelled. Tests replace this."""
        dialog = cls(service, settings, path, parent)
        if parent is None and _touch_screen():
            dialog.setWindowState(dialog.windowState() | Qt.WindowState.WindowFullScreen)
        else:
            dialog.resize(1024, 768)
        dialog.start()
        dialog.exec()
        return dialog.saved_path

    def start(self) -> None:
        """Test the database named in the settings at once, so the station list fills itself."""
        if self.ui.databaseUrlEdit.text().strip():
            self.on_test_connection_clicked()

    # --- filling in ------------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        ui = self.ui
        for rate in COMMON_BAUDRATES:
            ui.baudCombo.addItem(str(rate))
        for name in TERMINATORS:
            ui.terminatorCombo.addItem(name, name)
        for _kind in PRINTER_KINDS:
            ui.printerKindCombo.addItem("")
        for locale, name in LANGUAGES:
            ui.languageCombo.addItem(name, locale)

    def _show_settings(self, settings: Any) -> None:
        ui = self.ui
        ui.databaseUrlEdit.setText(settings.database_url)
        ui.databaseUrlEdit.setCursorPosition(0)  # the scheme and host are what one checks at a glance
        self._wanted_station = settings.station
        terminal = settings.terminal
        if terminal.get("scanner_url"):
            ui.serialRadio.setChecked(True)
            ui.serialPortEdit.setText(str(terminal["scanner_url"]))
        ui.baudCombo.setCurrentText(str(terminal.get("scanner_baudrate", 9600)))
        terminator = ui.terminatorCombo.findData(terminal.get("scanner_terminator", "CR"))
        ui.terminatorCombo.setCurrentIndex(max(0, terminator))
        label = settings.printer.get("label")
        if label:
            target = parse_printer_target(label)
            ui.printerKindCombo.setCurrentIndex(PRINTER_KINDS.index(target.kind))
            ui.printerWhereCombo.setCurrentText(_where_text(target))
        language = settings.locale.replace("-", "_").split("_")[0].lower()
        for index, (locale, _name) in enumerate(LANGUAGES):
            if locale.startswith(language):
                ui.languageCombo.setCurrentIndex(index)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        names = (self.tr("No label printer"), self.tr("PDF folder"), self.tr("System printer"), self.tr("Network"))
        for index, name in enumerate(names):
            self.ui.printerKindCombo.setItemText(index, name)
        self._render_stations()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- database and station --------------------------------------------------------------------

    def on_test_connection_clicked(self) -> None:
        self._say(self.ui.databaseStatusLabel, self.tr("Connecting…"), "hint")
        self._tested_url = self.ui.databaseUrlEdit.text().strip()
        self.vm.test_connection(self._tested_url)

    def on_database_url_edited(self, _text: str) -> None:
        self.probe = None
        self._render_stations()
        self._say(self.ui.databaseStatusLabel, self.tr("Test the connection to list the stations."), "hint")
        self._update_save()

    def on_database_checked(self, probe: DatabaseProbe) -> None:
        if self.ui.databaseUrlEdit.text().strip() != self._tested_url:
            return  # edited while the test ran: that answer is about another URL
        self.probe = probe
        version = f" {probe.server_version}" if probe.server_version else ""
        text = self.tr("Connected: {0}{1}, schema at head, {2} stations.")
        text = text.replace("{0}", probe.backend).replace("{1}", version).replace("{2}", str(len(probe.stations)))
        self._say(self.ui.databaseStatusLabel, text, "ok")
        self._render_stations()
        self._update_save()

    def on_database_failed(self, reason: str) -> None:
        self.probe = None
        self._say(self.ui.databaseStatusLabel, reason, "error")
        self._render_stations()
        self._update_save()

    def _render_stations(self) -> None:
        combo = self.ui.stationCombo
        current = combo.currentData() if combo.count() else self._wanted_station
        combo.clear()
        if self.probe is None:
            combo.addItem(self.tr("(test the connection first)"), None)
            combo.setEnabled(False)
            return
        combo.setEnabled(True)
        combo.addItem(self.tr("None: supervisor console only"), "")
        for choice in self.probe.stations:
            combo.addItem(choice.label, choice.code)
        index = combo.findData(current or self._wanted_station)
        combo.setCurrentIndex(index if index > 0 else (1 if self.probe.stations else 0))

    @property
    def station(self) -> str | None:
        return self.ui.stationCombo.currentData() or None

    # --- scanner ---------------------------------------------------------------------------------

    def on_scanner_kind_changed(self, *_: object) -> None:
        serial = self.ui.serialRadio.isChecked()
        for widget in (self.ui.serialPortEdit, self.ui.baudCombo, self.ui.terminatorCombo):
            widget.setEnabled(serial)
        self.ui.scanNowButton.setChecked(False)

    def on_scan_now_toggled(self, listening: bool) -> None:
        from mes_terminal.domain.errors import MesError
        from mes_terminal.domain.setup_fields import parse_baudrate, parse_serial_port

        if not listening:
            self.scan_test.stop()
            return
        label = self.ui.scanStatusLabel
        if self.ui.wedgeRadio.isChecked():
            self.scan_test.listen_to_keyboard()
        else:
            try:
                port = parse_serial_port(self.ui.serialPortEdit.text())
                rate = parse_baudrate(self.ui.baudCombo.currentText())
            except MesError as error:
                self._say(label, error.message, "error")
                self.ui.scanNowButton.setChecked(False)
                return
            self.scan_test.listen_to_serial(port, rate, self.ui.terminatorCombo.currentData())
        self._say(label, self.tr("Scan a barcode now."), "hint")

    def on_scanned(self, text: str) -> None:
        self.ui.scanNowButton.setChecked(False)
        self._say(self.ui.scanStatusLabel, self.tr("Read: {0}").replace("{0}", text), "ok")

    def on_scanner_state(self, state: str) -> None:
        if state.startswith("disconnected") and self.scan_test.listening:
            reason = state.partition(": ")[2]
            self._say(self.ui.scanStatusLabel, self.tr("The port does not open: {0}").replace("{0}", reason), "error")

    # --- printer ---------------------------------------------------------------------------------

    @property
    def printer_kind(self) -> str:
        return PRINTER_KINDS[max(0, self.ui.printerKindCombo.currentIndex())]

    def on_printer_kind_changed(self, *_: object) -> None:
        kind = self.printer_kind
        where = self.ui.printerWhereCombo
        where.setEnabled(kind != "none")
        self.ui.testPrintButton.setEnabled(kind != "none")
        where.clear()
        if kind == "printer":
            from PySide6.QtPrintSupport import QPrinterInfo

            where.addItems(QPrinterInfo.availablePrinterNames())
        where.lineEdit().setPlaceholderText(_PLACEHOLDERS.get(kind, ""))

    def printer_target_text(self) -> str | None:
        kind = self.printer_kind
        if kind == "none":
            return None
        where = self.ui.printerWhereCombo.currentText().strip()
        return f"tcp://{where}" if kind == "tcp" and "://" not in where else f"{kind}:{where}"

    def on_test_print_clicked(self) -> None:
        text = self.printer_target_text()
        if text is None:
            return
        self._say(self.ui.printerStatusLabel, self.tr("Printing…"), "hint")
        self.vm.test_print(text, self.station)

    # --- saving ----------------------------------------------------------------------------------

    def choices(self) -> SetupChoices:
        ui = self.ui
        return SetupChoices(
            database_url=ui.databaseUrlEdit.text(),
            station=self.station,
            locale=ui.languageCombo.currentData(),
            serial_port=ui.serialPortEdit.text() if ui.serialRadio.isChecked() else None,
            baudrate=ui.baudCombo.currentText(),
            terminator=ui.terminatorCombo.currentData(),
            printer=self.printer_target_text(),
        )

    def on_save_clicked(self) -> None:
        self._say(self.ui.errorLabel, "", "error")
        self.vm.save(self.choices(), self.ui.adminBadgeEdit.text(), self.ui.adminPinEdit.text())

    def on_saved(self, path: Path) -> None:
        self.saved_path = path
        # Closed once this answer has been delivered: closing shuts down the runner that delivers it.
        QTimer.singleShot(0, self.accept)

    def on_save_failed(self, reason: str) -> None:
        self.ui.adminPinEdit.clear()
        self._say(self.ui.errorLabel, reason, "error")

    def on_busy_changed(self, busy: bool) -> None:
        self.ui.testConnectionButton.setEnabled(not busy)
        self._update_save()

    def _update_save(self) -> None:
        self.ui.saveButton.setEnabled(self.probe is not None and not self.vm.busy)
        has_station = self.probe is not None and bool(self.station)
        self.ui.saveButton.setText(self.tr("Save and start") if has_station else self.tr("Save"))

    def done(self, result: int) -> None:
        self.scan_test.stop()
        self.vm.shutdown()
        super().done(result)

    def _say(self, label: Any, text: str, kind: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))  # an empty line would cost a 1024x768 screen its last row
        set_style_property(label, "role", {"ok": "ok", "error": "error"}.get(kind, "hint"))


def _where_text(target: PrinterTarget) -> str:
    return f"{target.where}:{target.port}" if target.kind == "tcp" else target.where


def _touch_screen() -> bool:
    from PySide6.QtGui import QInputDevice

    return any(device.type() == QInputDevice.DeviceType.TouchScreen for device in QInputDevice.devices())
