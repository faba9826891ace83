"""Preview, then print: `PrintDialog.ask(parent, preview, printers)` -> PrintRequest | None.

The preview shows the document as it will print (each label size or page size); the supervisor picks
where it goes — the label printer of the settings, a PDF file, or a system printer — and how many. A
document printed before is a reprint: the dialog says when, and asks why (the handler refuses a reprint
without a reason, so nothing is sent without one).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.print_targets import MAX_COPIES, parse_copies, parse_print_target
from mes_terminal.services.printing.supervisor_printing import LOT_LABEL, PrintPreview, PrintRequest
from mes_terminal.ui.supervisor.formatting import local_time
from mes_terminal.ui.supervisor.pdf_preview import PdfPreview

LABEL_PRINTER, FILE, SYSTEM_PRINTER = "label_printer", "file", "printer"
MAX_REASON = 400


def read_print_form(
    preview: PrintPreview,
    *,
    size: str,
    copies: int | str,
    target: str,
    path: str = "",
    printer: str = "",
    reason: str = "",
) -> PrintRequest:
    """The choice, checked; `InvalidInput` with one sentence otherwise (nothing is sent)."""
    if size not in preview.pages:
        raise InvalidInput(f"Choose one of the sizes: {', '.join(preview.pages)}.")
    if target == LABEL_PRINTER:
        if preview.document != LOT_LABEL or not preview.label_printer:
            raise InvalidInput("No label printer is set up ([printer] label in the settings); print to a PDF file.")
        where = preview.label_printer
    elif target == FILE:
        where = path.strip()
        if not where:
            raise InvalidInput("Choose the PDF file to write.")
        if not where.lower().endswith(".pdf"):
            where += ".pdf"
    elif target == SYSTEM_PRINTER:
        if not printer.strip():
            raise InvalidInput("Choose a printer; this computer knows none.")
        where = f"printer:{printer.strip()}"
    else:
        raise InvalidInput("Choose where to print: the label printer, a PDF file or a printer.")
    parse_print_target(where)  # refused here, with the forms there are, rather than by the service
    text = reason.strip()
    if preview.printed_before is not None and not text:
        raise InvalidInput("This was printed before; say why it is printed again.")
    if len(text) > MAX_REASON:
        raise InvalidInput(f"The reason is longer than {MAX_REASON} characters.")
    return PrintRequest(preview.document, preview.subject, where, size, parse_copies(copies), text or None)


class PrintDialog(QDialog):
    def __init__(self, parent: QWidget | None, preview: PrintPreview, printers: list[str], zone: str = "UTC") -> None:
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.preview_data = preview
        self.value: PrintRequest | None = None
        label = preview.document == LOT_LABEL
        title = self.tr("Label of lot {lot}") if label else self.tr("Traveler of {order}")
        self.setWindowTitle(title.format(lot=preview.subject, order=preview.subject))
        layout = QHBoxLayout(self)
        self.preview = PdfPreview(self)
        layout.addWidget(self.preview, 3)
        side = QVBoxLayout()
        layout.addLayout(side, 2)
        form = QFormLayout()
        side.addLayout(form)
        self.size_combo = QComboBox(self)
        self.size_combo.addItems(list(preview.pages))
        self.size_combo.setCurrentText(preview.default)
        self.size_combo.currentTextChanged.connect(self.on_size_chosen)
        self.copies_spin = QSpinBox(self)
        self.copies_spin.setRange(1, MAX_COPIES)
        form.addRow(self.tr("Label size") if label else self.tr("Page size"), self.size_combo)
        form.addRow(self.tr("Copies"), self.copies_spin)

        self.targets = QButtonGroup(self)
        self.label_radio = QRadioButton(self.tr("Label printer: {target}").format(target=preview.label_printer), self)
        self.label_radio.setVisible(label)
        self.label_radio.setEnabled(label and bool(preview.label_printer))
        if label and not preview.label_printer:
            self.label_radio.setText(self.tr("Label printer: none set up"))
        self.file_radio = QRadioButton(self.tr("PDF file"), self)
        self.printer_radio = QRadioButton(self.tr("Printer"), self)
        for radio in (self.label_radio, self.file_radio, self.printer_radio):
            self.targets.addButton(radio)
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("File name ending in .pdf"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self.on_browse_clicked)
        self.printer_combo = QComboBox(self)
        self.printer_combo.addItems(printers)
        self.printer_radio.setEnabled(bool(printers))
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form.addRow(self.label_radio)
        form.addRow(self.file_radio, file_row)
        form.addRow(self.printer_radio, self.printer_combo)
        (self.label_radio if self.label_radio.isEnabled() else self.file_radio).setChecked(True)

        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REASON)
        if preview.printed_before is not None:
            notice = QLabel(
                self.tr("Printed before on {time}: this is a reprint. Say why.").format(
                    time=local_time(preview.printed_before, zone, with_date=True)
                ),
                self,
            )
            notice.setWordWrap(True)
            notice.setProperty("role", "error")
            form.addRow(notice)
            form.addRow(self.tr("Reason"), self.reason_edit)
        else:
            self.reason_edit.hide()
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        side.addWidget(self.error_label)
        side.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.print_button = buttons.addButton(
            self.tr("Reprint") if preview.printed_before else self.tr("Print"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setProperty("role", "go")
        buttons.accepted.connect(self.on_print_clicked)
        buttons.rejected.connect(self.reject)
        side.addWidget(buttons)
        self.on_size_chosen(self.size_combo.currentText())
        self.resize(1100, 760)

    def chosen_target(self) -> str:
        if self.label_radio.isChecked():
            return LABEL_PRINTER
        return SYSTEM_PRINTER if self.printer_radio.isChecked() else FILE

    def on_size_chosen(self, size: str) -> None:
        data = self.preview_data.pages.get(size)
        if data is not None:
            self.preview.show_pdf(data)

    def on_browse_clicked(self) -> None:
        suggested = f"{self.preview_data.document.replace('_', '-')}-{self.preview_data.subject}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Print to PDF file"), suggested, "PDF (*.pdf)")
        if path:
            self.path_edit.setText(path)
            self.file_radio.setChecked(True)

    def on_print_clicked(self) -> None:
        try:
            self.value = read_print_form(
                self.preview_data,
                size=self.size_combo.currentText(),
                copies=self.copies_spin.value(),
                target=self.chosen_target(),
                path=self.path_edit.text(),
                printer=self.printer_combo.currentText(),
                reason=self.reason_edit.text(),
            )
        except InvalidInput as error:
            self.error_label.setText(error.message)
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, preview: PrintPreview, printers: list[str], zone: str = "UTC"
    ) -> PrintRequest | None:
        """Show the preview and the choices; what to print when confirmed, None when cancelled. Tests replace this."""
        dialog = cls(parent, preview, printers, zone)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def system_printers() -> list[str]:
    """The printers this computer's spooler knows (CUPS on Linux), by name."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return sorted(QPrinterInfo.availablePrinterNames())
