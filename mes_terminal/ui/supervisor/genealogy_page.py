"""The genealogy tab: trace a lot backward or forward as a tree, list a recall, save either as PDF."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHeaderView, QWidget

from mes_terminal.ui.forms.supervisor_genealogy_ui import Ui_SupervisorGenealogy
from mes_terminal.ui.supervisor.genealogy_model import GenealogyModel
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel


class PdfFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str) -> str | None:
        """The PDF file to write, or None when cancelled. Tests replace this."""
        title = parent.tr("Save PDF") if parent else ""
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
        return path or None


class GenealogyPage(QWidget):
    print_label_requested = Signal(str)  # the lot whose label to preview and print (or reprint)

    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.ui = Ui_SupervisorGenealogy()
        self.ui.setupUi(self)
        self.model = GenealogyModel(self, vm.site_zone)
        self.ui.treeView.setModel(self.model)
        self.ui.treeView.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.shown: tuple[str, dict[str, Any]] | None = None  # ("trace" | "recall", the service's answer)
        self.ui.traceButton.clicked.connect(self.on_trace_clicked)
        self.ui.lotEdit.returnPressed.connect(self.on_trace_clicked)
        self.ui.recallButton.clicked.connect(self.on_recall_clicked)
        self.ui.supplierLotEdit.returnPressed.connect(self.on_recall_clicked)
        self.ui.pdfButton.clicked.connect(self.on_pdf_clicked)
        self.ui.labelButton.clicked.connect(self.on_label_clicked)
        vm.trace_changed.connect(self.on_trace_changed)
        vm.recall_changed.connect(self.on_recall_changed)

    def on_trace_clicked(self) -> None:
        lot = self.ui.lotEdit.text().strip()
        if lot:
            self.vm.trace(lot, forward=self.ui.forwardRadio.isChecked(), depth=self.ui.depthSpin.value())

    def on_label_clicked(self) -> None:
        lot = self.ui.lotEdit.text().strip()
        if lot:  # a scanned label (GS1-128, DataMatrix, Digital Link) prints the lot it names
            self.vm.resolve_lot(lot, self.print_label_requested.emit)
        else:
            self.ui.summaryLabel.setText(self.tr("Type or scan the lot whose label to print."))

    def on_recall_clicked(self) -> None:
        supplier_lot = self.ui.supplierLotEdit.text().strip()
        if supplier_lot:
            self.vm.recall(supplier_lot)

    def on_trace_changed(self, trace: dict[str, Any]) -> None:
        self.shown = ("trace", trace)
        root = trace["tree"]
        self.model.set_nodes([root])
        self.ui.treeView.expandAll()
        count = _count(root) - 1
        if trace["direction"] == "backward":
            sentence = self.tr("Lots that went into lot {lot} ({material}): {count}.")
        else:
            sentence = self.tr("Lots made from lot {lot} ({material}): {count}.")
        self.ui.summaryLabel.setText(sentence.format(count=count, lot=root["lot"], material=root["material"]))
        self.ui.pdfButton.setEnabled(True)

    def on_recall_changed(self, recall: dict[str, Any]) -> None:
        self.shown = ("recall", recall)
        self.model.set_nodes(recall["finished_lots"])
        self.ui.summaryLabel.setText(
            self.tr("Finished lots containing supplier lot {supplier_lot} (received as {lots}): {count}.").format(
                supplier_lot=recall["supplier_lot"],
                lots=", ".join(recall["received_lots"]),
                count=len(recall["finished_lots"]),
            )
        )
        self.ui.pdfButton.setEnabled(True)

    def on_pdf_clicked(self) -> None:
        if self.shown is None:
            return
        kind, answer = self.shown
        subject = answer["tree"]["lot"] if kind == "trace" else answer["supplier_lot"]
        path = PdfFileDialog.ask(self, f"{kind}-{subject}.pdf")
        if path:
            self.vm.save_genealogy_pdf(kind, answer, path)


def _count(node: dict[str, Any]) -> int:
    return 1 + sum(_count(child) for child in node.get("children", ()))
