"""The station setup's view-model: tests the database, prints a test page, and saves, off the GUI thread.

Fields are checked by the pure parsers of `domain.setup_fields` first, so a typo is reported at once
without a round trip. Database and printer work runs on a `ServiceRunner`; its answers come back as
signals carrying the service's own sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from mes_terminal.config import save_settings
from mes_terminal.domain.errors import ConfigurationError, MesError
from mes_terminal.domain.setup_fields import SetupChoices, parse_database_url, parse_printer_target, settings_changes
from mes_terminal.services.plant.station_setup import StationSetupService
from mes_terminal.ui.terminal.runner import ServiceRunner

log = logging.getLogger(__name__)


class SetupViewModel(QObject):
    database_checked = Signal(object)  # DatabaseProbe
    database_failed = Signal(str)
    printer_checked = Signal(str)
    printer_failed = Signal(str)
    saved = Signal(object)  # the settings file's Path
    save_failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(
        self,
        service: StationSetupService,
        settings_path: Path,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.settings_path = settings_path
        self._now = now
        self._runner = ServiceRunner(self)
        self._runner.busy_changed.connect(self.busy_changed)

    @property
    def busy(self) -> bool:
        return self._runner.pending > 0

    def test_connection(self, url_text: str) -> None:
        try:
            url = parse_database_url(url_text)
        except MesError as error:
            self.database_failed.emit(error.message)
            return
        probe = self.service.probe
        self._runner.submit(lambda: probe(url), self.database_checked.emit, self._fail(self.database_failed))

    def test_print(self, target_text: str, station: str | None) -> None:
        """A test page through the printer transport; a system printer's on this (the GUI) thread."""
        from mes_terminal.devices.trial_print import print_trial_page
        from mes_terminal.ui.system_printer import SystemPrinter

        try:
            target = parse_printer_target(target_text)
        except MesError as error:
            self.printer_failed.emit(error.message)
            return
        if target.kind == "printer":  # QPrinter and QPdfDocument belong to the GUI thread
            try:
                self.printer_checked.emit(print_trial_page(target, station, self._now, SystemPrinter))
            except MesError as error:
                self.printer_failed.emit(error.message)
            return
        now = self._now
        self._runner.submit(
            lambda: print_trial_page(target, station, now), self.printer_checked.emit, self._fail(self.printer_failed)
        )

    def save(self, choices: SetupChoices, badge: str, pin: str) -> None:
        """Check the fields, then the administrator's badge and PIN against the database, then write."""
        try:
            changes = settings_changes(choices)
        except MesError as error:
            self.save_failed.emit(error.message)
            return
        if not badge.strip() or not pin:
            self.save_failed.emit(self.tr("An administrator's badge and PIN are needed to save."))
            return
        url = str(changes["database_url"])

        def work() -> Path:
            self.service.verify_admin(url, badge, pin)
            try:
                return save_settings(changes, self.settings_path)
            except OSError as error:
                raise ConfigurationError(
                    f"The settings file {self.settings_path} cannot be written: {error.strerror or error}."
                ) from None

        self._runner.submit(work, self.saved.emit, self._fail(self.save_failed))

    def shutdown(self) -> None:
        self._runner.shutdown()

    def _fail(self, signal: Any) -> Callable[[Exception], None]:
        def failed(error: Exception) -> None:
            if isinstance(error, MesError):
                signal.emit(error.message)
                return
            log.error("station setup: unexpected failure", exc_info=error)
            signal.emit(self.tr("Unexpected failure ({0}); see the log.").replace("{0}", type(error).__name__))

        return failed
