"""The ERP tab's intentions: read the messages, apply a refused document again, fetch a message's XML.

Every call runs on the console's worker thread; a refusal (a role without the right, a file that is
gone) is its sentence in the banner. The retry itself checks the role: the button is only a hint.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mes_terminal.integration.apply import Outcome
from mes_terminal.integration.console import ErpConsole
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel
from mes_terminal.ui.widgets.banner import ERROR, OK


class ErpViewModel(QObject):
    messages_changed = Signal(object)  # list[ErpMessageRow]
    text_ready = Signal(str, str)  # title, the document's text

    def __init__(self, vm: SupervisorViewModel, erp: ErpConsole, parent: QObject | None = None) -> None:
        super().__init__(parent or vm)
        self.vm = vm
        self.erp = erp
        self.direction: str | None = None
        self.status: str | None = None

    def load(self) -> None:
        erp, direction, status = self.erp, self.direction, self.status
        self.vm.submit(lambda: erp.messages(direction=direction, status=status), self.messages_changed.emit)

    def retry(self, message_id: int) -> None:
        if self.vm.user is None:
            return
        erp, badge = self.erp, self.vm.user.badge
        self.vm.submit(lambda: erp.retry(message_id, actor=badge), self._retried)

    def open_text(self, message_id: int, title: str) -> None:
        erp = self.erp
        self.vm.submit(lambda: erp.document_text(message_id), lambda text: self.text_ready.emit(title, text))

    def _retried(self, outcome: Outcome) -> None:
        name = outcome.document or outcome.file
        if outcome.ok:
            self.vm.feedback.emit(OK, self.tr("{document} applied.").format(document=name))
        else:
            self.vm.feedback.emit(
                ERROR, self.tr("{document} refused again: {sentence}").format(document=name, sentence=outcome.message)
            )
        self.load()
