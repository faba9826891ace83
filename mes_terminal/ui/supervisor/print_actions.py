"""Where a preview becomes a print: the preview the service rendered opens the print dialog, and what the
supervisor chose there is printed. The work-orders tab (travelers) and the genealogy tab (labels) ask."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from mes_terminal.services.printing.supervisor_printing import LOT_LABEL, TRAVELER, PrintPreview
from mes_terminal.ui.supervisor.print_dialog import PrintDialog, system_printers
from mes_terminal.ui.supervisor.printing_vm import PrintingViewModel


class PrintActions(QObject):
    def __init__(
        self, printing: PrintingViewModel, window: QWidget, printers: Callable[[], list[str]] = system_printers
    ) -> None:
        super().__init__(window)
        self.printing = printing
        self.window = window
        self.printers = printers
        printing.preview_ready.connect(self.on_preview_ready)

    def print_traveler(self, work_order: str) -> None:
        self.printing.preview(TRAVELER, work_order)

    def print_label(self, lot: str) -> None:
        self.printing.preview(LOT_LABEL, lot)

    def on_preview_ready(self, preview: PrintPreview) -> None:
        request = PrintDialog.ask(self.window, preview, self.printers(), self.printing.vm.site_zone())
        if request is not None:
            self.printing.print(request)
