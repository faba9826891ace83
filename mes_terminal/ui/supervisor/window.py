"""The supervisor console window: header, feedback banner, the sign-in page and the console's tabs."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mes_terminal.integration.console import ErpConsole
from mes_terminal.services.queries.supervisor_views import AndonCall, SupervisorUser
from mes_terminal.services.supervisor import SupervisorService
from mes_terminal.ui.forms.supervisor_window_ui import Ui_SupervisorWindow
from mes_terminal.ui.supervisor.audit_page import AuditPage
from mes_terminal.ui.supervisor.board_page import BoardPage
from mes_terminal.ui.supervisor.conflicts_page import ConflictsPage, ConflictsViewModel
from mes_terminal.ui.supervisor.dispatch_page import DispatchPage
from mes_terminal.ui.supervisor.erp_page import ErpPage
from mes_terminal.ui.supervisor.erp_vm import ErpViewModel
from mes_terminal.ui.supervisor.genealogy_page import GenealogyPage
from mes_terminal.ui.supervisor.instructions_page import InstructionsPage, InstructionsViewModel
from mes_terminal.ui.supervisor.master_page import MasterPage
from mes_terminal.ui.supervisor.new_pin_dialog import NewPinDialog
from mes_terminal.ui.supervisor.orders_page import OrdersPage
from mes_terminal.ui.supervisor.print_actions import PrintActions
from mes_terminal.ui.supervisor.printing_vm import PrintingViewModel
from mes_terminal.ui.supervisor.quality_page import QualityPage
from mes_terminal.ui.supervisor.quality_vm import QualityViewModel
from mes_terminal.ui.supervisor.reports_page import ReportsPage
from mes_terminal.ui.supervisor.reports_vm import ReportsViewModel
from mes_terminal.ui.supervisor.schedule_page import SchedulePage
from mes_terminal.ui.supervisor.sign_in_page import SignInPage
from mes_terminal.ui.supervisor.view_model import DEFAULT_POLL_MS, SupervisorViewModel
from mes_terminal.ui.widgets.banner import FeedbackBanner
from mes_terminal.ui.widgets.style import set_style_property


class SupervisorWindow(QWidget):
    def __init__(
        self,
        service: SupervisorService,
        *,
        poll_ms: int = DEFAULT_POLL_MS,
        oee_ms: int = 60_000,
        listen: bool = True,
        erp: ErpConsole | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`erp`: the ERP tab's exchange (by default over the service's database, without a CSV column map)."""
        super().__init__(parent)
        self.ui = Ui_SupervisorWindow()
        self.ui.setupUi(self)
        self.vm = SupervisorViewModel(service, poll_ms=poll_ms, oee_ms=oee_ms, listen=listen, parent=self)
        self.reports_vm = ReportsViewModel(self.vm)
        self.quality_vm = QualityViewModel(self.vm)
        self.printing_vm = PrintingViewModel(self.vm)
        self.print_actions = PrintActions(self.printing_vm, self)
        self.erp_vm = ErpViewModel(
            self.vm, erp or ErpConsole(service.engine, service.clock.now, lambda: service.site_timezone)
        )
        self.banner = FeedbackBanner(self)
        self.banner.setMinimumHeight(32)
        self.ui.windowLayout.insertWidget(1, self.banner)
        self.sign_in_page = SignInPage(self)
        self.board = BoardPage(self.vm, self)
        self.orders = OrdersPage(self.vm, self)
        self.dispatch = DispatchPage(self.vm, self)
        self.schedule = SchedulePage(self.vm, self)
        self.audit = AuditPage(self.vm, self)
        self.master = MasterPage(self.vm, self)
        self.genealogy = GenealogyPage(self.vm, self)
        self.quality = QualityPage(self.quality_vm, self)
        self.reports = ReportsPage(self.reports_vm, self)
        self.erp = ErpPage(self.erp_vm, self)
        self.instructions = InstructionsPage(InstructionsViewModel(self.vm), self)
        self.ui.tabs.insertTab(self.ui.tabs.indexOf(self.ui.masterTab), self.instructions, self.tr("Instructions"))
        self.conflicts = ConflictsPage(ConflictsViewModel(self.vm), self)
        self.ui.tabs.insertTab(self.ui.tabs.indexOf(self.ui.auditTab), self.conflicts, self.tr("Conflicts"))
        for holder, page in (
            (self.ui.signInPage, self.sign_in_page),
            (self.ui.boardTab, self.board),
            (self.ui.ordersTab, self.orders),
            (self.ui.dispatchTab, self.dispatch),
            (self.ui.scheduleTab, self.schedule),
            (self.ui.qualityTab, self.quality),
            (self.ui.auditTab, self.audit),
            (self.ui.masterTab, self.master),
            (self.ui.genealogyTab, self.genealogy),
            (self.ui.reportsTab, self.reports),
            (self.ui.erpTab, self.erp),
        ):
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(8, 8, 8, 8)
            layout.addWidget(page)
        vm = self.vm
        vm.user_changed.connect(self.on_user_changed)
        vm.sign_in_refused.connect(self.sign_in_page.show_error)
        vm.sign_in_wrong_pin.connect(self.sign_in_page.wrong_pin)
        vm.pin_expired.connect(self.on_pin_expired)
        vm.feedback.connect(self.banner.show_message)
        vm.connection_changed.connect(self.on_connection_changed)
        vm.calls_changed.connect(self.on_calls_changed)
        self.sign_in_page.sign_in_requested.connect(vm.sign_in)
        self.orders.print_traveler_requested.connect(self.print_actions.print_traveler)
        self.genealogy.print_label_requested.connect(self.print_actions.print_label)
        self.ui.signOutButton.clicked.connect(self.on_sign_out_clicked)
        self.ui.tabs.currentChanged.connect(self.on_tab_changed)
        self.on_user_changed(None)

    def on_pin_expired(self, badge: str, old_pin: str) -> None:
        new_pin = NewPinDialog.ask(self)
        if new_pin is not None:
            self.vm.change_pin_and_sign_in(badge, old_pin, new_pin)

    def on_user_changed(self, user: SupervisorUser | None) -> None:
        self.ui.signOutButton.setVisible(user is not None)
        if user is None:
            self.ui.userLabel.setText("")
            self.ui.andonLabel.setText("")
            self.ui.screens.setCurrentWidget(self.ui.signInPage)
            self.board.stop()
            self.sign_in_page.reset()
            return
        self.ui.userLabel.setText(self.tr("{name} ({roles})").format(name=user.name, roles=", ".join(user.roles)))
        self.ui.screens.setCurrentWidget(self.ui.tabs)
        self.ui.tabs.setCurrentWidget(self.ui.boardTab)
        self.board.start()

    def on_connection_changed(self, online: bool) -> None:
        self.ui.connectionLabel.setText(self.tr("Online") if online else self.tr("Database unreachable"))
        set_style_property(self.ui.connectionLabel, "online", "true" if online else "false")

    def on_calls_changed(self, calls: list[AndonCall]) -> None:
        text = self.tr("Calls for help: {count}").format(count=len(calls)) if calls else ""
        self.ui.andonLabel.setText(text)
        set_style_property(self.ui.andonLabel, "calls", "true" if calls else "false")

    def on_tab_changed(self, index: int) -> None:
        page = self.ui.tabs.widget(index)
        if page is self.ui.auditTab:
            self.audit.on_search_clicked()
        elif page is self.ui.masterTab:
            self.vm.load_master_data()
        elif page is self.ui.ordersTab:
            self.vm.load_orders()
        elif page is self.ui.qualityTab:
            self.quality_vm.load()
        elif page is self.ui.reportsTab:
            self.reports.open()
        elif page is self.ui.scheduleTab:
            self.schedule.open()
        elif page is self.ui.erpTab:
            self.erp.open()
        elif page is self.instructions:
            self.instructions.open()
        elif page is self.conflicts:
            self.conflicts.conflicts.load()

    def on_sign_out_clicked(self) -> None:
        self.vm.sign_out()

    def shutdown(self) -> None:
        self.board.stop()
        self.schedule.model.shutdown()  # a solve still running is waited for, its answer dropped
        self.vm.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
