"""The print actions' intentions: a preview of a lot label or a traveler, then the print, recorded.

The preview is rendered by the service off the GUI thread; the page shows it in the print dialog, and
sends back what the supervisor chose. The outcome — or the printer's sentence — goes to the banner.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mes_terminal.domain.errors import MesError
from mes_terminal.services.printing.service import PrintOutcome
from mes_terminal.services.printing.supervisor_printing import LOT_LABEL, TRAVELER, PrintRequest
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel
from mes_terminal.ui.widgets.banner import OK


class PrintingViewModel(QObject):
    preview_ready = Signal(object)  # PrintPreview
    printed = Signal(object)  # PrintOutcome
    print_failed = Signal(str)  # the sentence

    def __init__(self, vm: SupervisorViewModel, parent: QObject | None = None) -> None:
        super().__init__(parent or vm)
        self.vm = vm
        self.printing = vm.service.printing

    def preview(self, document: str, subject: str) -> None:
        printing = self.printing
        make = printing.preview_label if document == LOT_LABEL else printing.preview_traveler
        self.vm.submit(lambda: make(subject), self.preview_ready.emit)

    def print(self, request: PrintRequest) -> None:
        if self.vm.user is None:
            return
        printing, badge = self.printing, self.vm.user.badge
        self.vm.submit(lambda: printing.print(badge, request), self.on_printed, self.on_failed)

    def on_printed(self, outcome: PrintOutcome) -> None:
        copies = self.tr("1 copy") if outcome.copies == 1 else self.tr("{n} copies").format(n=outcome.copies)
        if outcome.document == TRAVELER:
            what = self.tr("the traveler of {order}").format(order=outcome.subject)
        else:
            what = self.tr("the label of lot {lot}").format(lot=outcome.subject)
        if outcome.replayed:
            text = self.tr("Asked before: print job {job} is {status}.").format(job=outcome.job, status=outcome.status)
        elif outcome.reprint:
            text = self.tr("Reprinted {what} ({copies}) to {where}; print job {job}.")
        else:
            text = self.tr("Printed {what} ({copies}) to {where}; print job {job}.")
        where = outcome.sent_to or outcome.target
        self.vm.feedback.emit(OK, text.format(what=what, copies=copies, where=where, job=outcome.job))
        self.printed.emit(outcome)

    def on_failed(self, error: Exception) -> None:
        self.vm.on_read_failed(error)
        self.print_failed.emit(error.message if isinstance(error, MesError) else str(error))
