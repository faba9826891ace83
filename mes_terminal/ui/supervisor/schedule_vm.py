"""The Schedule tab's intentions: a draft of the plan moved, locked, rescheduled and published.

Reading the draft goes through the console's one worker thread (`SupervisorViewModel.submit`). A
solve takes seconds, so it runs on a worker of its own (a `ServiceRunner`, as every call of the
console does) and the board keeps following meanwhile; the draft it returns replaces the one shown.
A move is checked on the GUI thread (a check of the plan, milliseconds). Publishing is the audited
`PublishSchedule` command, issued as the signed-in user; the draft is in force only after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from mes_terminal.domain.errors import MesError
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.planning import draft as d
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel
from mes_terminal.ui.terminal.runner import ServiceRunner
from mes_terminal.ui.widgets.banner import WARN

DEFAULT_TIME_LIMIT = 10.0  # seconds a reschedule may take


class ScheduleViewModel(QObject):
    draft_changed = Signal(object)  # Draft
    refused = Signal(str)  # a move, lock or publish that did not go through, in a sentence
    solving_changed = Signal(bool)

    def __init__(self, vm: SupervisorViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent or vm)
        self.vm = vm
        self.draft: d.Draft | None = None
        self.time_limit = DEFAULT_TIME_LIMIT
        self.solving = False
        self._solver = ServiceRunner(self)
        vm.command_succeeded.connect(self.on_command_succeeded)

    def load(self) -> None:
        """The plan in force as a fresh draft (what was moved and not published is let go)."""
        service = self.vm.service
        self.vm.submit(lambda: d.open_draft(service.engine, service.clock.now()), self._show)

    def _show(self, draft: d.Draft) -> None:
        self.draft = draft
        self.draft_changed.emit(draft)

    def move(self, key: str, station: str, start: datetime) -> bool:
        if self.draft is None:
            return False
        try:
            moved = d.move(self.draft, key, station, start)
        except MesError as error:
            self._refuse(error.message)
            self.draft_changed.emit(self.draft)  # the bar goes back where it was
            return False
        self._show(moved)
        return True

    def set_locked(self, key: str, locked: bool) -> None:
        if self.draft is not None:
            self._show(d.lock(self.draft, key, locked))

    def reschedule(self, down_until: Mapping[str, datetime] | None = None) -> None:
        """Solve again around the locks (and without the stations in `down_until` until their moment)."""
        draft = self.draft
        if draft is None or self.solving:
            return
        service, limit = self.vm.service, self.time_limit
        self._set_solving(True)
        self._solver.submit(
            lambda: d.reschedule(service.engine, draft, service.clock.now(), down_until=down_until, time_limit=limit),
            self._solved,
            self._not_solved,
        )

    def _solved(self, draft: d.Draft) -> None:
        self._set_solving(False)
        self._show(draft)

    def _not_solved(self, error: Exception) -> None:
        self._set_solving(False)
        if isinstance(error, MesError):
            self._refuse(error.message)
        else:
            self.vm.on_read_failed(error)

    def _set_solving(self, solving: bool) -> None:
        self.solving = solving
        self.solving_changed.emit(solving)

    def publish(self) -> None:
        if self.draft is None:
            return
        try:
            lines = d.publishable(self.draft)
        except MesError as error:
            self._refuse(error.message)
            return
        self.vm.act(c.PublishSchedule, operations=lines, say=self._published)

    def _published(self, result: dict[str, Any]) -> str:
        return self.tr("The plan is in force: {count} operations; the dispatch lists follow it.").format(
            count=result.get("operations", 0)
        )

    def on_command_succeeded(self, command: object, _result: object) -> None:
        if isinstance(command, c.PublishSchedule):
            self.load()

    def _refuse(self, sentence: str) -> None:
        self.refused.emit(sentence)
        self.vm.feedback.emit(WARN, sentence)

    def shutdown(self) -> None:
        self._solver.shutdown()
