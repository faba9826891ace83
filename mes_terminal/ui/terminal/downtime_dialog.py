"""Why the station stops: the reason tree as big buttons, level by level, then an optional comment.

`DowntimeDialog.ask(parent, title, tree)` returns a `DowntimeChoice` (a leaf of the tree and the
comment, if any) or None. A group opens its level and the breadcrumb above says where one is
("All reasons › Breakdown › Mechanical"); Back goes up one level. Only leaves can be chosen: the
handlers refuse a group anyway. With `with_comment` a leaf leads to the comment page (typed on the
on-screen keyboard, or left empty) and the confirm button records the stop; without it, tapping a
leaf is the answer.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from mes_terminal.ui.forms.downtime_dialog_ui import Ui_DowntimeDialog
from mes_terminal.ui.widgets.keyboard import BACK, OnScreenKeyboard, apply_text_key
from mes_terminal.ui.widgets.wrap_button import WrapButton

if TYPE_CHECKING:
    from mes_terminal.services.queries.downtime_views import ReasonNode

COLUMNS = 3
SEPARATOR = " › "
MAX_COMMENT = 200


@dataclass(frozen=True)
class DowntimeChoice:
    reason: ReasonNode  # a leaf of the tree
    comment: str | None  # None when left empty
    path: tuple[str, ...]  # the names from the top of the tree down to the reason


class DowntimeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        tree: Sequence[ReasonNode],
        *,
        hint: str = "",
        confirm: str = "",
        with_comment: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.ui = Ui_DowntimeDialog()
        self.ui.setupUi(self)
        self.title, self.hint, self.confirm = title, hint, confirm
        self.with_comment = with_comment
        self.nodes = list(tree)
        self.path: list[ReasonNode] = []  # the groups opened, from the top
        self.chosen: ReasonNode | None = None
        self.buttons: dict[str, WrapButton] = {}  # the buttons of the level shown, by reason code
        self.keyboard = OnScreenKeyboard(self.ui.commentPage)
        self.ui.keyboardHolder.addWidget(self.keyboard)
        self.keyboard.key_pressed.connect(self.on_key_pressed)
        self.ui.commentEdit.setMaxLength(MAX_COMMENT)

        ui = self.ui
        ui.backButton.clicked.connect(self.on_back_clicked)
        ui.cancelButton.clicked.connect(self.reject)
        ui.confirmButton.clicked.connect(self.on_confirm_clicked)
        self.resize(960, 700)
        self.redraw()

    # --- the tree ------------------------------------------------------------------------------------

    def reasons_under(self, parent: str | None) -> list[ReasonNode]:
        """The reasons one level below `parent` (None: the top), in the tree's order (by name)."""
        return [node for node in self.nodes if node.parent == parent]

    def level(self) -> list[ReasonNode]:
        return self.reasons_under(self.path[-1].code if self.path else None)

    def breadcrumb(self) -> str:
        names = [self.tr("All reasons"), *(node.name for node in self.path)]
        if self.chosen is not None:
            names.append(self.chosen.name)
        return SEPARATOR.join(names)

    # --- rendering -------------------------------------------------------------------------------------

    def redraw(self) -> None:
        ui = self.ui
        self.setWindowTitle(self.title)
        ui.titleLabel.setText(self.title)
        ui.hintLabel.setText(self.hint)
        ui.hintLabel.setVisible(bool(self.hint))
        ui.breadcrumbLabel.setText(self.breadcrumb())
        on_comment = self.chosen is not None
        ui.pages.setCurrentWidget(ui.commentPage if on_comment else ui.treePage)
        ui.backButton.setEnabled(on_comment or bool(self.path))
        ui.confirmButton.setVisible(on_comment)
        ui.confirmButton.setText(self.confirm or self.tr("Stop the station"))
        if not on_comment:
            self._render_level()

    def _render_level(self) -> None:
        grid = self.ui.reasonGrid
        while grid.count():
            item = grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for row in range(grid.rowCount()):  # the grid keeps the rows of a longer level shown before
            grid.setRowStretch(row, 0)
        self.buttons = {}
        panel = self.ui.reasonPanel
        level = self.level()
        for index, node in enumerate(level):
            button = WrapButton(self._button_text(node), panel)
            button.setObjectName(f"reason_{node.code}")
            button.setProperty("role", "reason" if node.leaf else "group")
            button.setToolTip(node.code)
            button.clicked.connect(lambda _checked=False, n=node: self.on_reason_tapped(n))
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons[node.code] = button
        if not level:
            empty = QLabel(self.tr("No reasons are set up; ask a supervisor."), panel)
            empty.setWordWrap(True)
            grid.addWidget(empty, 0, 0)
        grid.setRowStretch(grid.rowCount(), 1)
        self.ui.reasonArea.verticalScrollBar().setValue(0)

    def _button_text(self, node: ReasonNode) -> str:
        text = html.escape(node.name)
        if node.leaf:
            return text
        count = len(self.reasons_under(node.code))
        more = self.tr("1 reason") if count == 1 else self.tr("{count} reasons").format(count=count)
        return f"{text} ›<br><span style='font-size:13pt; font-weight:normal'>{html.escape(more)}</span>"

    # --- the operator's taps ---------------------------------------------------------------------------

    def on_reason_tapped(self, node: ReasonNode) -> None:
        if not node.leaf:
            self.path.append(node)
        elif self.with_comment:
            self.chosen = node
        else:
            self.chosen = node
            self.accept()
            return
        self.redraw()

    def on_back_clicked(self) -> None:
        if self.chosen is not None:
            self.chosen = None
        elif self.path:
            self.path.pop()
        self.redraw()

    def on_confirm_clicked(self) -> None:
        if self.chosen is not None:
            self.accept()

    def on_key_pressed(self, key: str) -> None:
        edit = self.ui.commentEdit
        edit.setText(apply_text_key(edit.text(), key, max_length=MAX_COMMENT))

    def comment(self) -> str | None:
        return self.ui.commentEdit.text().strip() or None

    def choice(self) -> DowntimeChoice | None:
        if self.chosen is None:
            return None
        names = (*(node.name for node in self.path), self.chosen.name)
        return DowntimeChoice(self.chosen, self.comment() if self.with_comment else None, names)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # a USB keyboard types the comment as well
        if self.chosen is not None and self.with_comment:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.on_confirm_clicked()
                return
            if event.key() == Qt.Key.Key_Backspace:
                self.on_key_pressed(BACK)
                return
            if event.text() and event.text().isprintable():
                self.on_key_pressed(event.text())
                return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.redraw()
        super().changeEvent(event)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        tree: Sequence[ReasonNode],
        *,
        hint: str = "",
        confirm: str = "",
        with_comment: bool = True,
    ) -> DowntimeChoice | None:
        """Show the tree and wait; the leaf chosen with the comment, or None when cancelled. Tests replace this."""
        dialog = cls(parent, title, tree, hint=hint, confirm=confirm, with_comment=with_comment)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
