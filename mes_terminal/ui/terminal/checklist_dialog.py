"""The checklist screen, item by item: big Pass / Fail, a keypad with the limits and a bar for measurements.

`ChecklistDialog.ask(parent, checklist)` returns the answers given, as (item code, value) in the order
they were given, or None when closed without any. A measurement outside its limits is asked to be
confirmed first; one that cannot physically be right is not taken at all.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton, QSizePolicy, QWidget

from mes_terminal.ui.forms.checklist_dialog_ui import Ui_ChecklistDialog
from mes_terminal.ui.terminal.wording import quantity
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog
from mes_terminal.ui.widgets.keypad import NumericKeypad, apply_key
from mes_terminal.ui.widgets.limit_bar import LimitBar

if TYPE_CHECKING:
    from mes_terminal.services.queries.station_views import CheckItemView, ChecklistView

MINUS = "-"


class ChecklistDialog(QDialog):
    def __init__(self, parent: QWidget | None, checklist: ChecklistView) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.ui = Ui_ChecklistDialog()
        self.ui.setupUi(self)
        self.checklist = checklist
        self.answers: list[tuple[str, str]] = []
        self.bar = LimitBar(self)
        self.ui.barHolder.addWidget(self.bar)
        self.keypad = NumericKeypad(self, decimal_point=True, sign=True)
        self.ui.keypadHolder.addWidget(self.keypad)
        self._choice_buttons: list[QPushButton] = []
        for button in (self.ui.passButton, self.ui.failButton):
            button.setStyleSheet("font-size: 32pt;")  # the answer, readable from a step away
        # Start at the first item due; with nothing due, at the first item.
        self.position = next((i for i, item in enumerate(checklist.items) if item.due), 0)

        ui = self.ui
        ui.passButton.clicked.connect(self.on_pass_clicked)
        ui.failButton.clicked.connect(self.on_fail_clicked)
        ui.recordValueButton.clicked.connect(self.on_record_value_clicked)
        ui.recordTextButton.clicked.connect(self.on_record_text_clicked)
        ui.previousButton.clicked.connect(self.on_previous_clicked)
        ui.skipButton.clicked.connect(self.on_skip_clicked)
        ui.closeButton.clicked.connect(self.on_close_clicked)
        self.keypad.key_pressed.connect(self.on_key_pressed)
        self.resize(900, 700)
        self.redraw()

    @property
    def item(self) -> CheckItemView:
        return self.checklist.items[self.position]

    # --- rendering -------------------------------------------------------------------------------

    def redraw(self) -> None:
        ui, item = self.ui, self.item
        checklist = self.checklist
        self.setWindowTitle(self.tr("Checklist {code}").format(code=checklist.code))
        ui.checklistLabel.setText(
            self.tr("{name} · version {version} · {work_order} operation {operation}").format(
                name=checklist.name,
                version=checklist.version,
                work_order=checklist.work_order,
                operation=checklist.operation,
            )
        )
        ui.positionLabel.setText(
            self.tr("Item {index} of {count}").format(index=self.position + 1, count=len(checklist.items))
        )
        ui.itemLabel.setText(item.text)
        ui.dueLabel.setText(self._due_text(item))
        ui.errorLabel.setText("")
        ui.previousButton.setEnabled(self.position > 0)
        ui.skipButton.setText(self.tr("Skip") if self.position < len(checklist.items) - 1 else self.tr("Done"))
        pages = {
            "pass_fail": ui.passFailPage,
            "numeric": ui.numericPage,
            "text": ui.textPage,
            "choice": ui.choicePage,
        }
        ui.answerStack.setCurrentWidget(pages[item.kind])
        if item.kind == "numeric":
            ui.limitsLabel.setText(item.limits_text)
            ui.unitLabel.setText(item.unit or "")
            ui.valueDisplay.setText("")
            self.bar.set_limits(item.lower, item.target, item.upper)
            self.bar.set_value(None)
        elif item.kind == "text":
            ui.textEdit.setText("")
        elif item.kind == "choice":
            self._render_choices(item)

    def _due_text(self, item: CheckItemView) -> str:
        parts = []
        if item.due:
            parts.append(self.tr("Due now: {why}.").format(why=item.due))
        parts.append(self.tr("Required.") if item.required else self.tr("Optional."))
        if item.last_value is not None:
            verdict = self.tr("passed") if item.last_passed else self.tr("failed")
            parts.append(self.tr("Last: {value} ({verdict}).").format(value=item.last_value, verdict=verdict))
        return " ".join(parts)

    def _render_choices(self, item: CheckItemView) -> None:
        for button in self._choice_buttons:
            button.deleteLater()
        self._choice_buttons = []
        for index, choice in enumerate(item.choices):
            button = QPushButton(choice, self.ui.choicePage)
            button.setObjectName(f"choiceButton{index}")
            button.setProperty("role", "reason")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _checked=False, c=choice: self.take(c))
            self.ui.choiceLayout.addWidget(button)
            self._choice_buttons.append(button)

    # --- answers -----------------------------------------------------------------------------------

    def take(self, value: str) -> None:
        """Keep the answer for this item and go on; after the last item the dialog closes."""
        self.answers.append((self.item.code, value))
        self._next()

    def entered(self) -> Decimal | None:
        text = self.ui.valueDisplay.text()
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None
        return value if value.is_finite() else None

    def on_pass_clicked(self) -> None:
        self.take("pass")

    def on_fail_clicked(self) -> None:
        if ConfirmDialog.ask(
            self,
            self.tr("Record a failed check?"),
            self.tr("{item}: failed. A nonconformance is raised for this job.").format(item=self.item.text),
            self.tr("Record as failed"),
            self.tr("Back"),
        ):
            self.take("fail")

    def on_key_pressed(self, key: str) -> None:
        display = self.ui.valueDisplay
        display.setText(apply_key(display.text(), key, max_length=12))
        self.bar.set_value(self.entered())
        self.ui.errorLabel.setText("")

    def on_record_value_clicked(self) -> None:
        item, value = self.item, self.entered()
        if value is None:
            self.ui.errorLabel.setText(self.tr("Enter the measured value."))
            return
        low, high = item.plausible_low, item.plausible_high
        unit = f" {item.unit}" if item.unit else ""
        if (low is not None and value < low) or (high is not None and value > high):
            self.ui.errorLabel.setText(
                self.tr("{value}{unit} is not a possible value; measure again and check the entry.").format(
                    value=quantity(value), unit=unit
                )
            )
            return
        outside = (item.lower is not None and value < item.lower) or (item.upper is not None and value > item.upper)
        if outside and not ConfirmDialog.ask(
            self,
            self.tr("Outside the limits"),
            self.tr(
                "{item} {value}{unit} is outside {limits}. Record it as a failed check? "
                "A nonconformance is raised for this job."
            ).format(item=item.text, value=quantity(value), unit=unit, limits=item.limits_text),
            self.tr("Record as failed"),
            self.tr("Measure again"),
        ):
            return
        self.take(format(value, "f"))

    def on_record_text_clicked(self) -> None:
        text = self.ui.textEdit.text().strip()
        if not text:
            self.ui.errorLabel.setText(self.tr("Write the answer first."))
            return
        self.take(text)

    def on_previous_clicked(self) -> None:
        if self.position > 0:
            self.position -= 1
            self.redraw()

    def on_skip_clicked(self) -> None:
        self._next()

    def on_close_clicked(self) -> None:
        self.accept() if self.answers else self.reject()

    def _next(self) -> None:
        if self.position + 1 >= len(self.checklist.items):
            self.accept()
            return
        self.position += 1
        self.redraw()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # a USB keypad works as well as the screen
        if self.item.kind == "numeric":
            text = event.text()
            if text.isdigit() or text == ".":
                self.on_key_pressed(text)
                return
            if text == MINUS:
                display = self.ui.valueDisplay
                display.setText(display.text()[1:] if display.text().startswith(MINUS) else MINUS + display.text())
                self.bar.set_value(self.entered())
                return
            if event.key() == Qt.Key.Key_Backspace:
                self.on_key_pressed("back")
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.on_record_value_clicked()
                return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent: QWidget | None, checklist: ChecklistView) -> list[tuple[str, str]] | None:
        """Show the checklist and wait; the answers given (item code, value), or None. Tests replace this."""
        dialog = cls(parent, checklist)
        try:
            dialog.exec()
            return dialog.answers or None
        finally:
            dialog.deleteLater()
