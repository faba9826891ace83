"""The ERP tab: every message in and out (time, direction, kind, document, status, sentence); a refused
document from the ERP is applied again with Retry; Open XML shows the file read-only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.services.queries.erp_messages import ErpMessageRow
from mes_terminal.ui.supervisor.erp_vm import ErpViewModel
from mes_terminal.ui.supervisor.simple_models import TableModel


class ErpModel(TableModel):
    def set_messages(self, messages: Sequence[ErpMessageRow]) -> None:
        self.messages = list(messages)
        titles = (
            self.tr("Time"),
            self.tr("Direction"),
            self.tr("Kind"),
            self.tr("Document"),
            self.tr("Status"),
            self.tr("Sentence"),
        )
        directions = {"in": self.tr("in"), "out": self.tr("out")}
        statuses = {
            "applied": self.tr("applied"),
            "unchanged": self.tr("unchanged"),
            "refused": self.tr("refused"),
            "written": self.tr("written"),
        }
        rows = [
            (
                m.time,
                directions.get(m.direction, m.direction),
                m.kind,
                m.document,
                statuses.get(m.status, m.status)
                if m.applied_again is None
                else self.tr("refused, applied again %1 by %2")
                .replace("%1", m.applied_again)
                .replace("%2", m.applied_again_by or ""),
                m.sentence or "",
            )
            for m in self.messages
        ]
        self.set_table(titles, rows)


class TextDialog(QDialog):
    """A document's text, read-only in a fixed-width font."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 600)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


class ErpPage(QWidget):
    def __init__(self, erp_vm: ErpViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.erp_vm = erp_vm
        self.dialog: TextDialog | None = None
        self.directionBox = QComboBox(self)
        for text, value in ((self.tr("In and out"), None), (self.tr("In"), "in"), (self.tr("Out"), "out")):
            self.directionBox.addItem(text, value)
        self.statusBox = QComboBox(self)
        for text, value in (
            (self.tr("Every status"), None),
            (self.tr("Refused"), "refused"),
            (self.tr("Applied"), "applied"),
            (self.tr("Unchanged"), "unchanged"),
            (self.tr("Written"), "written"),
        ):
            self.statusBox.addItem(text, value)
        self.refreshButton = QPushButton(self.tr("Refresh"), self)
        self.retryButton = QPushButton(self.tr("Retry"), self)
        self.retryButton.setToolTip(self.tr("Apply a refused document from the ERP again, once its cause is fixed."))
        self.xmlButton = QPushButton(self.tr("Open XML"), self)
        self.countLabel = QLabel(self)
        self.view = QTableView(self)
        self.model = ErpModel(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Direction"), self))
        top.addWidget(self.directionBox)
        top.addWidget(QLabel(self.tr("Status"), self))
        top.addWidget(self.statusBox)
        top.addWidget(self.refreshButton)
        top.addStretch(1)
        top.addWidget(self.countLabel)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.xmlButton)
        bottom.addWidget(self.retryButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.directionBox.currentIndexChanged.connect(self.on_filter_changed)
        self.statusBox.currentIndexChanged.connect(self.on_filter_changed)
        self.refreshButton.clicked.connect(erp_vm.load)
        self.retryButton.clicked.connect(self.on_retry_clicked)
        self.xmlButton.clicked.connect(self.on_xml_clicked)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.view.doubleClicked.connect(self.on_xml_clicked)
        erp_vm.messages_changed.connect(self.on_messages_changed)
        erp_vm.text_ready.connect(self.show_text)
        self.update_buttons()

    def open(self) -> None:
        self.erp_vm.load()

    def selected(self) -> ErpMessageRow | None:
        rows = self.view.selectionModel().selectedRows()
        messages = getattr(self.model, "messages", [])
        return messages[rows[0].row()] if rows and rows[0].row() < len(messages) else None

    def update_buttons(self) -> None:
        message = self.selected()
        self.retryButton.setEnabled(message is not None and message.retryable)
        self.xmlButton.setEnabled(message is not None and message.has_text)

    def on_filter_changed(self) -> None:
        self.erp_vm.direction = self.directionBox.currentData()
        self.erp_vm.status = self.statusBox.currentData()
        self.erp_vm.load()

    def on_messages_changed(self, messages: list[ErpMessageRow]) -> None:
        chosen = self.selected()
        self.model.set_messages(messages)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.countLabel.setText(self.tr("Messages: {count}").format(count=len(messages)))
        if chosen is not None:
            for row, message in enumerate(messages):
                if message.id == chosen.id:
                    self.view.selectRow(row)
        self.update_buttons()

    def on_retry_clicked(self) -> None:
        message = self.selected()
        if message is not None and message.retryable:
            self.erp_vm.retry(message.id)

    def on_xml_clicked(self) -> None:
        message = self.selected()
        if message is not None and message.has_text:
            self.erp_vm.open_text(message.id, message.document)

    def show_text(self, title: str, text: str) -> None:
        self.dialog = TextDialog(title, text, self)
        self.dialog.show()
