"""What a console tab's view-model shares: read when the tab is first opened, read again after the
commands that change what it shows, forgotten at sign-out (the next person opens it afresh)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QObject

from mes_terminal.services.commands import catalog as c
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel


class TabViewModel(QObject):
    refreshed_by: ClassVar[tuple[type[c.Command], ...]] = ()  # commands after which the tab reads again

    def __init__(self, vm: SupervisorViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent or vm)
        self.vm = vm
        self.loaded = False  # read again on changes only once the tab has been opened
        vm.command_succeeded.connect(self.on_command_done)
        vm.user_changed.connect(self.on_user_changed)

    def load(self) -> None:
        self.loaded = True
        self.read()

    def read(self) -> None:
        """Submit the tab's read to the worker; its answer arrives on the subclass's signal."""
        raise NotImplementedError

    def on_command_done(self, command: c.Command, result: Any) -> None:
        if self.loaded and isinstance(command, self.refreshed_by):
            self.load()

    def on_user_changed(self, user: object) -> None:
        if user is None:
            self.loaded = False
