"""The work-orders tab: search, filter and sort the orders; create, edit, release, hold, cancel, close."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from mes_terminal.domain.statuses import OPEN_ORDER, can_move
from mes_terminal.domain.statuses import WorkOrderStatus as W
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.queries.supervisor_views import WorkOrderRow
from mes_terminal.ui.forms.supervisor_orders_ui import Ui_SupervisorOrders
from mes_terminal.ui.supervisor.order_dialog import OrderDialog
from mes_terminal.ui.supervisor.orders_model import DUE, OrdersFilter, OrdersModel
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog

_TARGETS = {"release": W.RELEASED, "hold": W.ON_HOLD, "cancel": W.CANCELLED, "close": W.CLOSED}
STATUSES = tuple(W)
# Which action applies in which status: the work order's transition table decides (the service refuses
# the rest; this only greys out what cannot work).
APPLIES = {
    "edit": set(OPEN_ORDER),
    **{action: {s for s in W if can_move(s, target)} for action, target in _TARGETS.items()},
}


class OrdersPage(QWidget):
    print_traveler_requested = Signal(str)  # the work order whose traveler to preview and print

    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.products: list[str] = []
        self.ui = Ui_SupervisorOrders()
        self.ui.setupUi(self)
        self.model = OrdersModel(self, vm.site_zone)
        self.proxy = OrdersFilter(self)
        self.proxy.setSourceModel(self.model)
        self.ui.ordersView.setModel(self.proxy)
        self.ui.ordersView.sortByColumn(DUE, self.ui.ordersView.horizontalHeader().sortIndicatorOrder())
        self.ui.ordersView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ui.ordersView.verticalHeader().hide()
        self.ui.statusCombo.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.ui.statusCombo.addItem(self.model.status_name(status), status)
        vm.orders_changed.connect(self.on_orders_changed)
        vm.products_changed.connect(self.on_products_changed)
        self.ui.searchEdit.textChanged.connect(self.on_search_changed)
        self.ui.statusCombo.currentIndexChanged.connect(self.on_status_chosen)
        self.ui.lateCheck.toggled.connect(self.proxy.set_late_only)
        self.ui.ordersView.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.ui.newButton.clicked.connect(self.on_new_clicked)
        self.ui.editButton.clicked.connect(self.on_edit_clicked)
        self.ui.releaseButton.clicked.connect(self.on_release_clicked)
        self.ui.holdButton.clicked.connect(self.on_hold_clicked)
        self.ui.cancelButton.clicked.connect(self.on_cancel_clicked)
        self.ui.closeButton.clicked.connect(self.on_close_clicked)
        self.ui.travelerButton.clicked.connect(self.on_traveler_clicked)
        self._render_actions()

    def on_orders_changed(self, rows: list[WorkOrderRow]) -> None:
        self.model.set_rows(rows)
        late = sum(r.late for r in rows)
        self.ui.countLabel.setText(self.tr("Orders: {count} · late: {late}").format(count=len(rows), late=late))
        self._render_actions()

    def on_products_changed(self, products: list[str]) -> None:
        self.products = list(products)

    def on_search_changed(self, text: str) -> None:
        self.proxy.set_search(text)

    def on_status_chosen(self, index: int) -> None:
        self.proxy.set_status(self.ui.statusCombo.itemData(index))

    def on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._render_actions()

    def selected(self) -> WorkOrderRow | None:
        index = self.ui.ordersView.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def select(self, number: str) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            order = self.model.row(source.row())
            if order is not None and order.number == number:
                self.ui.ordersView.selectRow(row)
                return

    def _render_actions(self) -> None:
        order = self.selected()
        status = order.status if order else None
        for name, button in (
            ("edit", self.ui.editButton),
            ("release", self.ui.releaseButton),
            ("hold", self.ui.holdButton),
            ("cancel", self.ui.cancelButton),
            ("close", self.ui.closeButton),
        ):
            button.setEnabled(status in APPLIES[name])
        self.ui.travelerButton.setEnabled(order is not None)

    # --- actions ---------------------------------------------------------------------------------

    def on_new_clicked(self) -> None:
        value = OrderDialog.ask(self, self.products, None, self.vm.site_zone())
        if value is not None:
            self.vm.act(
                c.CreateWorkOrder,
                number=value.number,
                product=value.product,
                quantity=value.quantity,
                due=value.due,
                priority=value.priority,
            )

    def on_edit_clicked(self) -> None:
        order = self.selected()
        if order is None:
            return
        value = OrderDialog.ask(self, self.products, order, self.vm.site_zone())
        if value is None:
            return
        changes: dict[str, Any] = {
            "quantity": value.quantity if value.quantity != order.quantity else None,
            "due": value.due if value.due != order.due_at else None,
            "priority": value.priority if value.priority != order.priority else None,
        }
        # The version seen when the dialog opened: a change made by someone else meanwhile is a conflict.
        self.vm.act(c.EditWorkOrder, number=order.number, expected_version=order.version, **changes)

    def on_release_clicked(self) -> None:
        self._change(c.ReleaseWorkOrder)

    def on_hold_clicked(self) -> None:
        self._change(c.HoldWorkOrder, self.tr("Hold"), self.tr("Put {number} on hold? Its stations stop taking it."))

    def on_cancel_clicked(self) -> None:
        self._change(c.CancelWorkOrder, self.tr("Cancel order"), self.tr("Cancel {number}? This cannot be undone."))

    def on_close_clicked(self) -> None:
        self._change(c.CloseWorkOrder, self.tr("Close order"), self.tr("Close {number}? No more work is booked on it."))

    def on_traveler_clicked(self) -> None:
        order = self.selected()
        if order is not None:
            self.print_traveler_requested.emit(order.number)

    def _change(self, cls: type[c.Command], verb: str = "", question: str = "") -> None:
        order = self.selected()
        if order is None:
            return
        if question and not ConfirmDialog.ask(self, verb, question.format(number=order.number), verb):
            return
        self.vm.act(cls, number=order.number, expected_version=order.version)
