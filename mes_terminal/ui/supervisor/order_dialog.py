"""Creating or editing a work order: `OrderDialog.ask(parent, products, order)` -> OrderInput | None.

What a person types is read by `read_order_form`, a pure function: a bad quantity or number becomes a
sentence under the fields and the dialog stays open with everything still typed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import cast

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from mes_terminal.domain.clock import from_site_wall_clock, site_wall_clock
from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.values import parse_code, parse_quantity
from mes_terminal.services.queries.supervisor_views import WorkOrderRow
from mes_terminal.ui.supervisor.formatting import quantity

PRIORITY_RANGE = (-999, 999)
MAX_QUANTITY = Decimal("1000000000")


@dataclass(frozen=True)
class OrderInput:
    number: str
    product: str
    quantity: Decimal
    due: datetime
    priority: int


def read_order_form(number: str, product: str, quantity_text: str, due: datetime, priority: int) -> OrderInput:
    """The form's values, checked; `InvalidInput` with one sentence naming the field otherwise."""
    code = parse_code(number, "The work order number")
    if not product:
        raise InvalidInput("Choose the product.")
    amount = parse_quantity(
        quantity_text.replace(",", ".") if quantity_text.count(",") == 1 else quantity_text, "The quantity"
    )
    if amount <= 0:
        raise InvalidInput("The quantity must be more than 0.")
    if amount > MAX_QUANTITY:
        raise InvalidInput(f"The quantity may be at most {MAX_QUANTITY:,}.")
    if amount.as_tuple().exponent < -6:  # type: ignore[operator]
        raise InvalidInput("The quantity has more than six decimal places.")
    if not PRIORITY_RANGE[0] <= priority <= PRIORITY_RANGE[1]:
        raise InvalidInput(f"The priority lies between {PRIORITY_RANGE[0]} and {PRIORITY_RANGE[1]}.")
    if due.tzinfo is None:
        raise InvalidInput("The due date needs a time zone.")
    return OrderInput(code, product, amount, due.astimezone(UTC), priority)


class OrderDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, products: list[str], order: WorkOrderRow | None, zone: str = "UTC"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderDialog")
        self.setWindowTitle(self.tr("Edit work order") if order else self.tr("New work order"))
        self.value: OrderInput | None = None
        self.zone = zone  # the due time is typed and shown as the site's wall clock
        form = QFormLayout(self)
        self.number_edit = QLineEdit(self)
        self.number_edit.setMaxLength(64)
        self.product_combo = QComboBox(self)
        self.product_combo.addItems(products)
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setMaxLength(24)
        self.due_edit = QDateTimeEdit(self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.priority_spin = QSpinBox(self)
        self.priority_spin.setRange(*PRIORITY_RANGE)
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        form.addRow(self.tr("Number"), self.number_edit)
        form.addRow(self.tr("Product"), self.product_combo)
        form.addRow(self.tr("Quantity"), self.quantity_edit)
        form.addRow(self.tr("Due"), self.due_edit)
        form.addRow(self.tr("Priority"), self.priority_spin)
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if order is not None:
            self.number_edit.setText(order.number)
            self.number_edit.setEnabled(False)  # the number names the order; it does not change
            self.product_combo.setCurrentText(order.product)
            self.product_combo.setEnabled(False)
            self.quantity_edit.setText(quantity(order.quantity))
            self.due_edit.setDateTime(QDateTime(site_wall_clock(order.due_at, zone)))  # type: ignore[call-overload]  # PySide6 takes a Python datetime; its stubs omit that
            self.priority_spin.setValue(max(min(order.priority, PRIORITY_RANGE[1]), PRIORITY_RANGE[0]))
        else:
            tomorrow = site_wall_clock(datetime.now(UTC), zone).replace(second=0, microsecond=0) + timedelta(days=1)
            self.due_edit.setDateTime(QDateTime(tomorrow))  # type: ignore[call-overload]  # PySide6 takes a Python datetime; its stubs omit that
        self.resize(480, 300)

    def on_ok_clicked(self) -> None:
        typed = cast(datetime, self.due_edit.dateTime().toPython())  # the stubs say only "object"
        due = from_site_wall_clock(typed, self.zone)
        try:
            self.value = read_order_form(
                self.number_edit.text(),
                self.product_combo.currentText(),
                self.quantity_edit.text(),
                due,
                self.priority_spin.value(),
            )
        except InvalidInput as error:
            self.error_label.setText(error.message)
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, products: list[str], order: WorkOrderRow | None = None, zone: str = "UTC"
    ) -> OrderInput | None:
        """Show the form and wait; the values when confirmed, None when cancelled. Tests replace this."""
        dialog = cls(parent, products, order, zone)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
