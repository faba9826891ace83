"""Choosing one of a few reasons by tapping a big button: `ReasonDialog.ask(...)` -> ReasonView or None."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QScrollArea, QWidget

from mes_terminal.ui.widgets.style import dialog_layout
from mes_terminal.ui.widgets.wrap_button import WrapButton

if TYPE_CHECKING:
    from mes_terminal.services.queries.station_views import ReasonView

COLUMNS = 3


def leaf_reasons(reasons: Sequence[ReasonView]) -> list[ReasonView]:
    """The reasons an operator picks: those that are not a group of others, grouped by their parent."""
    parents = {reason.parent for reason in reasons if reason.parent}
    leaves = [reason for reason in reasons if reason.code not in parents]
    return sorted(leaves, key=lambda reason: (reason.parent or reason.code, reason.name))


class ReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, reasons: Sequence[ReasonView], hint: str = "") -> None:
        super().__init__(parent)
        self.chosen: ReasonView | None = None
        self.buttons: dict[str, WrapButton] = {}
        layout = dialog_layout(self, "reasonDialog", title, hint=hint)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        grid = QGridLayout(inner)
        grid.setSpacing(10)
        names = {reason.code: reason.name for reason in reasons}
        for index, reason in enumerate(leaf_reasons(reasons)):
            group = names.get(reason.parent or "", "")
            text = html.escape(reason.name)
            if group:
                text += f"<br><span style='font-size:13pt; font-weight:normal'>{html.escape(group)}</span>"
            button = WrapButton(text, inner)
            button.setObjectName(f"reason_{reason.code}")
            button.setProperty("role", "reason")
            button.setToolTip(reason.code)
            button.clicked.connect(lambda _checked=False, r=reason: self.on_reason_chosen(r))
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons[reason.code] = button
        if not reasons:
            empty = QLabel(self.tr("No reasons are set up; ask a supervisor."), inner)
            empty.setWordWrap(True)
            grid.addWidget(empty, 0, 0)
        grid.setRowStretch(grid.rowCount(), 1)
        area.setWidget(inner)
        layout.addWidget(area, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.cancel_button)
        self.resize(900, 560)

    def on_reason_chosen(self, reason: ReasonView) -> None:
        self.chosen = reason
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, reasons: Sequence[ReasonView], hint: str = ""
    ) -> ReasonView | None:
        """Show the reasons as buttons and wait; the one tapped, or None. Tests replace this."""
        dialog = cls(parent, title, reasons, hint)
        try:
            return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
