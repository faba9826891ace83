"""The terminal window: header, feedback banner, and the sign-in and station screens. Scans are routed to the
view-model, which decides what they mean; the window renders what it asks (a screen, a question)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

from mes_terminal.devices.wedge import WedgeDetector
from mes_terminal.domain.clock import Clock, site_time
from mes_terminal.domain.error_codes import PIN_EXPIRED
from mes_terminal.domain.errors import ConfigurationError, MesError
from mes_terminal.domain.gs1_dictionary import Gs1Dictionary
from mes_terminal.domain.scans import Scan
from mes_terminal.services.gs1_dictionary import default_gs1_dictionary
from mes_terminal.ui.deferred_module import DeferredModule
from mes_terminal.ui.forms.terminal_window_ui import Ui_TerminalWindow
from mes_terminal.ui.i18n import LanguageSwitcher
from mes_terminal.ui.terminal import scan_decisions as decide
from mes_terminal.ui.terminal import wording
from mes_terminal.ui.terminal.camera_scan import CameraDevice, CameraScanDialog, QtCamera
from mes_terminal.ui.terminal.inactivity import InactivityWatch
from mes_terminal.ui.terminal.new_pin_pad import NewPinPad
from mes_terminal.ui.terminal.options import TerminalOptions
from mes_terminal.ui.terminal.pin_throttle import PinThrottle
from mes_terminal.ui.terminal.scan_input import SerialScanInput, WedgeKeyFilter
from mes_terminal.ui.terminal.scan_router import ScanRouter
from mes_terminal.ui.terminal.sign_in_screen import SignInScreen
from mes_terminal.ui.terminal.view_model import TerminalViewModel
from mes_terminal.ui.widgets.banner import INFO, FeedbackBanner
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog
from mes_terminal.ui.widgets.sounds import FeedbackSounds
from mes_terminal.ui.widgets.style import set_style_property

if TYPE_CHECKING:  # the service stack is imported behind the painted window (cli/terminal_start.py)
    from mes_terminal.services.commands import catalog as c
    from mes_terminal.services.queries.station_views import StationView
    from mes_terminal.services.terminal import TerminalService
    from mes_terminal.ui.terminal.station_screen import StationScreen
else:  # loaded with the service stack on the worker thread, not before the first paint
    c = DeferredModule("mes_terminal.services.commands.catalog")

log = logging.getLogger(__name__)

LOAD_AT_LATEST_MS = 1000  # after `start`, whether or not the window was painted
BANNER_STRIP_LINES = 2  # the strip kept for the banner holds this many lines of its type
BANNER_GAP = 4  # pixels between the banner and the header above, the screen below, the window's sides


class TerminalWindow(QWidget):
    screen_changed = Signal(str)  # "sign_in" or "station"
    # Set by `start` on screen; class defaults, as events come in during setup.
    _load_at_first_paint = False
    _loaded = False

    def __init__(
        self,
        service: TerminalService,
        station: str,
        clock: Clock,
        *,
        options: TerminalOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options or TerminalOptions()
        self.ui = Ui_TerminalWindow()
        self.ui.setupUi(self)
        self.vm = TerminalViewModel(
            service,
            station,
            clock,
            refresh_ms=self.options.refresh_ms,
            print_label_on_complete=self.options.print_label_on_complete,
            offline_alarm_minutes=self.options.offline_alarm_minutes,
            parent=self,
        )
        # The banner floats over a strip of fixed height kept for it under the header: a message coming
        # or going never moves a button (a longer one reaches down over the screen, never pushes it).
        self.banner = FeedbackBanner(self)
        self.banner.banner_changed.connect(self._place_banner)
        self.ui.bannerStrip.setFixedHeight(self._banner_strip_height())
        self.ui.bannerStrip.installEventFilter(self)
        self.ui.windowLayout.setContentsMargins(0, 0, 0, 6)
        self.sounds = FeedbackSounds(self, enabled=self.options.sounds)
        self.languages = LanguageSwitcher(self)
        self.scan_router = ScanRouter(self, gs1_dictionary=_gs1_dictionary())
        self.sign_in_screen = SignInScreen(
            PinThrottle(self.options.pin_attempts, self.options.pin_lockout_seconds),
            self,
            badge_prefix=self.options.badge_prefix,
        )
        self._station_screen: StationScreen | None = None  # built after the first paint (`start`)
        self.ui.screens.addWidget(self.sign_in_screen)
        self.ui.stationLabel.setText(station)
        self.ui.lineLabel.setText("")
        self._adding_operator = False
        self._wedge: WedgeKeyFilter | None = None
        self._serial: SerialScanInput | None = None
        # The camera as a scanner (options.camera): the device and its check, replaceable in tests.
        self.camera_device: Callable[[], CameraDevice] = lambda: QtCamera(self)
        self.camera_unavailable: Callable[[], str | None] = QtCamera.unavailable
        self.camera_dialog: CameraScanDialog | None = None
        self.inactivity = InactivityWatch(self.options.inactivity_minutes, self)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self.on_clock_tick)

        vm = self.vm
        vm.feedback.connect(self.on_feedback)
        vm.station_changed.connect(self.on_station_changed)
        vm.connection_changed.connect(self.on_connection_changed)
        vm.outbox_changed.connect(self.on_outbox_changed)
        vm.offline_alarm_changed.connect(self.on_outbox_changed)
        vm.active_operator_changed.connect(self.on_active_operator_changed)
        vm.command_succeeded.connect(self.on_command_succeeded)
        vm.command_refused.connect(self.on_command_refused)
        vm.command_unsent.connect(self.on_command_unsent)
        self.sign_in_screen.sign_in_requested.connect(self.on_sign_in_requested)
        self.sign_in_screen.back_requested.connect(self.on_sign_in_back)
        self.ui.languageButton.clicked.connect(self.on_language_button_clicked)
        self.ui.cameraButton.setVisible(self.options.camera)
        self.ui.cameraButton.clicked.connect(self.on_camera_button_clicked)
        self.inactivity.expired.connect(self.on_inactivity_expired)
        # Scans go straight to the view-model, which decides; what it asks of the screen comes back here.
        router = self.scan_router
        router.badge_scanned.connect(vm.on_badge_scanned)
        router.operation_scanned.connect(vm.on_operation_scanned)
        router.work_order_scanned.connect(vm.on_work_order_scanned)
        router.lot_scanned.connect(vm.consume_scan)
        router.station_scanned.connect(vm.on_station_scanned)
        router.instructions_scanned.connect(vm.on_instructions_scanned)
        router.unknown_scanned.connect(vm.on_unknown_scanned)
        router.code_scanned.connect(vm.on_code_scanned)
        router.routed.connect(self.on_scan_routed)
        vm.scan_intention.connect(self.on_scan_intention)
        self._render_connection(None)
        self._render_language_button()
        self.show_sign_in()

    # --- life ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Start listening to scanners and counting inactivity; read the station once the window shows.

        On screen, the service stack loads and the station screen is built after the first paint, so
        the sign-in screen appears, and takes scans, as early as it can.
        """
        app = QApplication.instance()
        if self.options.language != "en":
            self.languages.switch(self.options.language)
            self._render_language_button()
        if app is not None:
            self._wedge = WedgeKeyFilter(WedgeDetector(max_gap_ms=self.options.wedge_max_gap_ms), self)
            self._wedge.scanned.connect(self.scan_router.route)
            app.installEventFilter(self._wedge)
            app.installEventFilter(self.inactivity)
        options = self.options
        if options.scanner_url:
            self._serial = SerialScanInput(
                options.scanner_url, options.scanner_baudrate, self, terminator=options.scanner_terminator
            )
            self._serial.scanned.connect(self.scan_router.route)
            self._serial.state_changed.connect(self.on_serial_scanner_state)
            self._serial.start()
        self._clock_timer.start()
        self.on_clock_tick()
        self.inactivity.start()
        if self.isVisible():
            self._load_at_first_paint = True
            QTimer.singleShot(LOAD_AT_LATEST_MS, self, self._load)  # a window that is never painted still loads
        else:
            self._load()

    def event(self, event: QEvent) -> bool:
        if self._load_at_first_paint and event.type() == QEvent.Type.Paint:
            self._load_at_first_paint = False
            QTimer.singleShot(0, self, self._load)  # once this paint is on screen
        return super().event(event)

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self._load_at_first_paint = False
        self.vm.start()
        if self._station_screen is None:
            self._build_station_screen()

    def shutdown(self) -> None:
        """Stop timers, scanners and the worker; safe to call twice."""
        self._loaded = True  # a load still due finds the terminal closed
        app = QApplication.instance()
        if app is not None:
            if self._wedge is not None:
                app.removeEventFilter(self._wedge)
            app.removeEventFilter(self.inactivity)
        if self._serial is not None:
            self._serial.stop()
            self._serial = None
        if self.camera_dialog is not None:
            self.camera_dialog.reject()  # stops the camera and its decoder
        self._clock_timer.stop()
        self.inactivity.stop()
        self.vm.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # --- screens ---------------------------------------------------------------------------------

    @property
    def station_screen(self) -> StationScreen:
        return self._station_screen or self._build_station_screen()

    def _build_station_screen(self) -> StationScreen:
        from mes_terminal.ui.terminal.station_screen import StationScreen

        screen = self._station_screen = StationScreen(self.vm, self)
        screen.add_operator_requested.connect(self.on_add_operator_requested)
        self.ui.screens.addWidget(screen)
        return screen

    @property
    def current_screen(self) -> str:
        station_screen = self._station_screen
        return "station" if station_screen and self.ui.screens.currentWidget() is station_screen else "sign_in"

    def show_sign_in(self, badge: str | None = None) -> None:
        has_operators = bool(self.vm.station and self.vm.station.operators)
        self.sign_in_screen.set_back_allowed(has_operators)
        if badge:
            self.sign_in_screen.prefill(badge)
        self._set_screen(self.sign_in_screen, "sign_in")
        if not badge:
            self.sign_in_screen.reset()

    def show_station(self) -> None:
        self._adding_operator = False
        self._set_screen(self.station_screen, "station")

    def _set_screen(self, widget: QWidget, name: str) -> None:
        if self.ui.screens.currentWidget() is not widget:
            self.ui.screens.setCurrentWidget(widget)
            self.screen_changed.emit(name)

    def _banner_strip_height(self) -> int:
        """Two lines of the banner's type and its padding: most messages fit in the strip."""
        self.banner.ensurePolished()
        lines = QFontMetrics(self.banner.font()).lineSpacing() * BANNER_STRIP_LINES
        margins = self.banner.contentsMargins()
        banner = max(self.banner.minimumHeight(), lines + margins.top() + margins.bottom())
        return banner + 2 * BANNER_GAP

    def _place_banner(self) -> None:
        strip = self.ui.bannerStrip
        width = max(strip.width() - 2 * BANNER_GAP, 1)
        height = max(strip.height() - 2 * BANNER_GAP, self.banner.heightForWidth(width))
        top = strip.y() + BANNER_GAP
        self.banner.setGeometry(strip.x() + BANNER_GAP, top, width, min(height, max(self.height() - top, 1)))
        self.banner.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_banner()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place_banner()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.bannerStrip and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place_banner()
        return super().eventFilter(watched, event)

    # --- from the view-model ---------------------------------------------------------------------

    def on_feedback(self, kind: str, text: str) -> None:
        self.banner.show_message(kind, text)
        self.sounds.play(kind)

    def on_station_changed(self, station: StationView) -> None:
        self.ui.stationLabel.setText(f"{station.code} · {station.name}")
        self._render_clock()  # the site's zone comes with the station: the clock shows it at once
        self.ui.lineLabel.setText(f"{station.line_code} · {station.line_name}")
        self._render_operators()
        if not station.operators:
            self._adding_operator = False
            if self.current_screen != "sign_in":
                self.show_sign_in()
            self.sign_in_screen.set_back_allowed(False)
        elif self.current_screen == "sign_in" and not self._adding_operator:
            self.show_station()
        else:
            self.sign_in_screen.set_back_allowed(True)

    def on_connection_changed(self, online: bool) -> None:
        self._render_connection(online)

    def on_outbox_changed(self, *_what: object) -> None:
        self._render_connection(self.vm.online)

    def on_active_operator_changed(self, badge: object) -> None:
        self._render_operators()

    def on_command_succeeded(self, command: c.Command, result: dict) -> None:
        if isinstance(command, c.SignIn):
            self.sign_in_screen.on_signed_in()
            self.show_station()

    def on_command_refused(self, command: c.Command, error: MesError) -> None:
        if isinstance(command, c.SignIn):
            self.sign_in_screen.on_sign_in_refused(error.code)
            if error.code == PIN_EXPIRED and command.pin:
                new_pin = NewPinPad.ask(self)
                if new_pin is not None:
                    self.vm.change_pin(command.badge, command.pin, new_pin)

    def on_command_unsent(self, command: c.Command) -> None:
        if isinstance(command, c.SignIn):
            self.sign_in_screen.on_sign_in_unsent()

    # --- from the operator -----------------------------------------------------------------------

    def on_sign_in_requested(self, badge: str, pin: str) -> None:
        self.vm.sign_in(badge, pin)

    def on_sign_in_back(self) -> None:
        if self.vm.station and self.vm.station.operators:
            self.show_station()

    def on_add_operator_requested(self) -> None:
        self._adding_operator = True
        self.show_sign_in()

    def on_camera_button_clicked(self) -> None:
        """Open the viewfinder: what the camera reads is routed like a scan from a scanner."""
        reason = self.camera_unavailable()
        if reason is not None:
            self.on_feedback("error", reason)
            return
        if self.camera_dialog is not None:
            self.camera_dialog.raise_()
            return
        dialog = CameraScanDialog(self.camera_device(), self)
        dialog.scanned.connect(self.scan_router.route)
        dialog.finished.connect(self.on_camera_dialog_closed)
        self.camera_dialog = dialog
        dialog.open()
        dialog.start()

    def on_camera_dialog_closed(self, _result: int) -> None:
        if self.camera_dialog is not None:
            self.camera_dialog.deleteLater()
        self.camera_dialog = None

    def on_language_button_clicked(self) -> None:
        self.languages.switch(self.languages.next_language())
        self._render_language_button()

    def on_inactivity_expired(self) -> None:
        if self.vm.station and self.vm.station.operators:
            self.on_feedback(INFO, wording.everyone_signed_out())
            self.vm.sign_out_everyone()
        self.inactivity.start()

    def on_clock_tick(self) -> None:
        self._render_clock()
        self.vm.check_offline_alarm()
        if self.vm.offline_alarm:  # the header counts the minutes
            self._render_connection(self.vm.online)
        if self._station_screen is not None:
            self._station_screen.tick()

    def _render_clock(self) -> None:
        self.ui.clockLabel.setText(site_time(self.vm.clock.now(), self.vm.site_zone(), "clock"))

    # --- scans -----------------------------------------------------------------------------------

    def on_scan_routed(self, scan: Scan) -> None:
        self.inactivity.poke()

    def on_scan_intention(self, intention: decide.Intention) -> None:
        """What a scan asks of the screen (the view-model decided it): a screen to show, or a question."""
        if isinstance(intention, decide.AskPin):
            self._adding_operator = intention.adding
            self.show_sign_in(intention.badge)
        elif isinstance(intention, decide.ShowStation):
            if self.current_screen != "station":
                self.show_station()
        elif isinstance(intention, decide.ConfirmSignOut):
            self.vm.answer(
                intention,
                ConfirmDialog.ask(
                    self,
                    self.tr("Sign out?"),
                    self.tr("{name} is signed in here. Sign out?").format(name=intention.name),
                    self.tr("Sign out"),
                    self.tr("Stay signed in"),
                ),
            )
        elif isinstance(intention, decide.ConfirmStart):
            key = intention.key
            self.vm.answer(
                intention,
                ConfirmDialog.ask(
                    self,
                    self.tr("Start the job?"),
                    self.tr("Start {work_order} operation {operation} ({name})?").format(
                        work_order=key.work_order, operation=key.operation, name=intention.operation_name
                    ),
                    self.tr("Start"),
                ),
            )

    def on_serial_scanner_state(self, state: str) -> None:
        log.info("serial scanner: %s", state)

    # --- rendering -------------------------------------------------------------------------------

    def _render_operators(self) -> None:
        station = self.vm.station
        if station is None or not station.operators:
            self.ui.operatorsLabel.setText(self.tr("Nobody signed in"))
            return
        names = []
        for operator in station.operators:
            name = html.escape(operator.name)
            names.append(f"<b><u>{name}</u></b>" if operator.badge == self.vm.active_badge else name)
        self.ui.operatorsLabel.setText(", ".join(names))

    def _render_connection(self, online: bool | None) -> None:
        """The header's connection: online / offline (N waiting) / sending (N left), loud when offline too long."""
        label, vm = self.ui.connectionLabel, self.vm
        waiting = vm.waiting
        if online is None:
            text, state = self.tr("Connecting…"), "false"
        elif vm.sending:
            text, state = self.tr("Sending ({count} left)").format(count=waiting), "sending"
        elif online:
            text = self.tr("Online ({count} waiting)").format(count=waiting) if waiting else self.tr("Online")
            state = "true"
        elif vm.offline_alarm:
            minutes = int(vm.offline_for().total_seconds() // 60)
            text = self.tr("OFFLINE {minutes} min ({count} waiting)").format(minutes=minutes, count=waiting)
            state = "alarm"
        else:
            text = self.tr("Offline ({count} waiting)").format(count=waiting) if waiting else self.tr("Offline")
            state = "false"
        set_style_property(label, "online", state)  # first: the text's width is measured in the state's font
        label.setText(text)
        label.updateGeometry()

    def _render_language_button(self) -> None:
        self.ui.languageButton.setText(self.languages.next_language().upper())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._render_connection(self.vm.online)
            self._render_operators()
            self._render_language_button()
            self.banner.say_again(wording.again)  # the message on show, in the new language
            if self.vm.station is not None:
                self.on_station_changed(self.vm.station)
        super().changeEvent(event)


def _gs1_dictionary() -> Gs1Dictionary | None:
    """GS1's dictionary for telling Digital Links from other web addresses; without it (a broken
    installation, which GS1 lot scans then report) any web address with an "/AI/value" shape is tried."""
    try:
        return default_gs1_dictionary()
    except ConfigurationError:
        log.warning("the GS1 dictionary cannot be read; web addresses are classified by their shape")
        return None
