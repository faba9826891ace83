"""The station screen: state banner, current job card, dispatch list and the big buttons."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QPushButton, QScroller, QWidget

from mes_terminal.domain.clock import site_time
from mes_terminal.domain.error_codes import CHECK_DUE, JOB_SHORT, LOT_NOT_NEEDED
from mes_terminal.domain.errors import MesError
from mes_terminal.ui.deferred_module import DeferredModule
from mes_terminal.ui.forms.station_screen_ui import Ui_StationScreen
from mes_terminal.ui.terminal import dispatch_model as dm
from mes_terminal.ui.terminal import materials_model as mm
from mes_terminal.ui.terminal.actions import enabled_actions
from mes_terminal.ui.terminal.checklist_dialog import ChecklistDialog
from mes_terminal.ui.terminal.downtime_dialog import DowntimeDialog
from mes_terminal.ui.terminal.instructions_dialog import InstructionsPanel
from mes_terminal.ui.terminal.scan_decisions import JobKey
from mes_terminal.ui.terminal.view_model import TerminalViewModel
from mes_terminal.ui.terminal.wording import again, check_due, describe, quantity, sentence, timer, unit_name
from mes_terminal.ui.widgets.button_hint import ButtonHint
from mes_terminal.ui.widgets.choice_dialog import ReasonDialog
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog
from mes_terminal.ui.widgets.fit_text import fit_text
from mes_terminal.ui.widgets.icons import set_icon
from mes_terminal.ui.widgets.quantity_dialog import QuantityDialog
from mes_terminal.ui.widgets.style import set_style_property
from mes_terminal.ui.widgets.text_dialog import TextDialog

if TYPE_CHECKING:
    from mes_terminal.services.commands import catalog as c
    from mes_terminal.services.queries.station_views import ChecklistView, JobView, MaterialLineView, StationView
else:  # loaded with the service stack on the worker thread, not before the first paint
    c = DeferredModule("mes_terminal.services.commands.catalog")

ACTION_BUTTON_WIDTH = 180  # two columns of these fit beside the job card at 1024 px
ACTION_BUTTON_SHARE = 0.19  # of the screen's width, on wider screens
ACTION_BUTTON_MAX_WIDTH = 270
JOB_COLUMN_SHARE = 0.42  # of the dispatch list's width; the readiness reason takes what is left
MATERIAL_COLUMN_SHARE = 0.32  # of the materials table's width; the state takes what the quantities leave
LOT_NUMBER_LENGTH = 64  # the longest code (domain.values.parse_code)
NARROW_WIDTH = 1280  # below this window width the dispatch list leaves out the due date


class StationScreen(QWidget):
    add_operator_requested = Signal()

    def __init__(self, vm: TerminalViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.ui = Ui_StationScreen()
        self.ui.setupUi(self)
        self.model = dm.DispatchModel(self, vm.site_zone)
        view = self.ui.dispatchView
        view.setModel(self.model)
        header = view.horizontalHeader()
        for column in (dm.PROGRESS, dm.DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(dm.JOB, QHeaderView.ResizeMode.Interactive)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.action_buttons = [button for button in self.findChildren(QPushButton) if button.parent() is self]
        for button, name in (
            (self.ui.startButton, "start"),
            (self.ui.resumeButton, "resume"),
            (self.ui.pauseButton, "pause"),
            (self.ui.downtimeButton, "downtime"),
            (self.ui.reportGoodButton, "report_good"),
            (self.ui.reportScrapButton, "report_scrap"),
            (self.ui.completeButton, "complete"),
            (self.ui.callSupervisorButton, "call_supervisor"),
            (self.ui.checklistButton, "checklist"),
            (self.ui.materialsButton, "materials"),
            (self.ui.printLabelButton, "print_label"),
            (self.ui.addOperatorButton, "add_operator"),
            (self.ui.signOutButton, "sign_out"),
        ):
            set_icon(button, name)
        set_icon(self.ui.keyLotButton, "keyboard")
        fit_text(self.ui.keyLotButton)
        for button in self.action_buttons:
            button.setMinimumWidth(ACTION_BUTTON_WIDTH)
            fit_text(button)
        grid = self.ui.buttonGrid
        for row in range(grid.rowCount()):  # rows of one height: words on two lines (German) move nothing
            grid.setRowStretch(row, 1)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 1)
        view.viewport().installEventFilter(self)
        QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.materials = mm.MaterialsModel(self)
        materials_view = self.ui.materialsView
        materials_view.setModel(self.materials)
        materials_view.setWordWrap(True)  # long names wrap onto more lines of their row, never elided
        materials_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        materials_header = materials_view.horizontalHeader()
        materials_header.setSectionResizeMode(mm.MATERIAL, QHeaderView.ResizeMode.Interactive)
        for column in (mm.NEEDED, mm.TAKEN, mm.LEFT):
            materials_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        materials_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        materials_view.viewport().installEventFilter(self)
        QScroller.grabGesture(materials_view.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.resume_hint = ButtonHint(self.ui.resumeButton)
        self.downtime_hint = ButtonHint(self.ui.downtimeButton)
        self._materials_key: JobKey | None = None
        self._scan_result = ""  # the scan strip's sentence, to word again when the language switches
        self._fetched_at: datetime | None = None
        self.ui.resendFrame.hide()
        self.ui.scanResultLabel.hide()

        ui = self.ui
        ui.startButton.clicked.connect(self.on_start_clicked)
        ui.pauseButton.clicked.connect(self.on_pause_clicked)
        ui.resumeButton.clicked.connect(self.on_resume_clicked)
        ui.downtimeButton.clicked.connect(self.on_downtime_clicked)
        ui.reportGoodButton.clicked.connect(self.on_report_good_clicked)
        ui.reportScrapButton.clicked.connect(self.on_report_scrap_clicked)
        ui.completeButton.clicked.connect(self.on_complete_clicked)
        ui.callSupervisorButton.clicked.connect(self.on_call_supervisor_clicked)
        ui.materialsButton.toggled.connect(self.on_materials_toggled)
        ui.checklistButton.clicked.connect(self.on_checklist_clicked)
        ui.printLabelButton.clicked.connect(self.on_print_label_clicked)
        ui.keyLotButton.clicked.connect(self.on_key_lot_clicked)
        ui.addOperatorButton.clicked.connect(self.add_operator_requested)
        ui.signOutButton.clicked.connect(self.on_sign_out_clicked)
        ui.resendButton.clicked.connect(self.on_resend_clicked)
        ui.discardButton.clicked.connect(self.on_discard_clicked)
        view.selectionModel().currentRowChanged.connect(self.on_dispatch_row_chosen)
        view.clicked.connect(self.on_dispatch_row_tapped)
        vm.station_changed.connect(self.on_station_changed)
        vm.dispatch_changed.connect(self.on_dispatch_changed)
        vm.selection_changed.connect(self.on_selection_changed)
        vm.pending_changed.connect(self.on_pending_changed)
        vm.command_refused.connect(self.on_command_refused)
        vm.active_operator_changed.connect(self.on_active_operator_changed)
        vm.materials_changed.connect(self.on_materials_changed)
        vm.lot_scan_result.connect(self.on_lot_scan_result)
        vm.checklist_loaded.connect(self.on_checklist_loaded)
        vm.checks_fell_due.connect(self.on_checks_fell_due)
        vm.reprint_reason_needed.connect(self.on_reprint_reason_needed)
        self.instructions = InstructionsPanel(self, vm, beside=ui.signOutButton)
        self.on_dispatch_changed(vm.dispatch)  # built after the first answer came, it starts from it
        self.redraw()

    # --- rendering -------------------------------------------------------------------------------

    def redraw(self) -> None:
        self._render_state()
        self._render_job(self.vm.current_job())
        self._render_buttons()

    def tick(self) -> None:
        """Once a second: the live timers."""
        self._render_state_timer()
        job = self.vm.current_job()
        if job is not None:
            self.ui.runTimeValue.setText(timer(self._run_seconds(job)))

    def _render_state(self) -> None:
        station = self.vm.station
        state = station.state if station else "idle"
        names = {
            "running": self.tr("RUNNING"),
            "idle": self.tr("IDLE"),
            "down": self.tr("DOWN"),
            "paused": self.tr("PAUSED"),
        }
        set_style_property(self.ui.stateFrame, "state", state)
        self.ui.stateLabel.setText(names.get(state, state.upper()))
        detail = ""
        job = self.vm.current_job()
        if job is not None and job.checks_due:  # before anything else: work waits for it
            detail = check_due(job.checks_due)
        elif station is not None and state == "down":
            detail = self._downtime_text(station)
            if self.vm.stop_pending:  # taken here while offline
                detail += " · " + self.tr("pending")
        elif self.vm.stop_pending:  # ended here while offline: the operator sees it is not sent yet
            detail = self.tr("Stop ended · pending")
        elif station is not None and len(station.jobs) > 1:
            detail = self.tr("{count} jobs at this station").format(count=len(station.jobs))
        self.ui.stateDetailLabel.setText(detail)
        downtime = self.vm.downtime if state == "down" else None
        self.ui.stateFrame.setToolTip((downtime.comment or "") if downtime is not None else "")
        self._render_state_timer()

    def _downtime_text(self, station: StationView) -> str:
        """The stop's reason, or that it still needs one (the comment is the banner's tooltip: on one line
        the banner keeps the screen within 768 pixels even under a two-line feedback banner)."""
        downtime = self.vm.downtime
        if downtime is None:
            return station.open_downtime_reason or self.tr("Reason needed")
        if not downtime.reason_needed:
            return downtime.reason_name or downtime.reason or ""
        if downtime.source == "machine":
            return self.tr("Machine stopped · reason needed")
        return self.tr("Reason needed")

    def _render_state_timer(self) -> None:
        station = self.vm.station
        if station is None or station.state_since is None:
            self.ui.stateTimerLabel.setText("")
            return
        job = self.vm.current_job()
        if station.state == "running" and job is not None and job.status == "running":
            seconds = self._run_seconds(job)  # the job's run time so far, not the minutes since Resume
        else:
            seconds = (self.vm.clock.now() - station.state_since).total_seconds()
        self.ui.stateTimerLabel.setText(timer(seconds))

    def _render_job(self, job: JobView | None) -> None:
        ui = self.ui
        shown = job is not None
        for widget in (
            ui.jobTitleValue,
            ui.productValue,
            ui.goodCaption,
            ui.goodValue,
            ui.scrapCaption,
            ui.scrapValue,
            ui.targetCaption,
            ui.targetValue,
            ui.progressBar,
            ui.runTimeCaption,
            ui.runTimeValue,
            ui.cycleCaption,
            ui.cycleValue,
        ):
            widget.setVisible(shown)
        ui.noJobLabel.setVisible(not shown)
        if job is None:
            if self.vm.dispatch:
                ui.noJobLabel.setText(self.tr("No job is running here. Choose a ready job in the list and tap Start."))
            else:
                ui.noJobLabel.setText(
                    self.tr(
                        "There is no work for this station: no job is dispatched here. "
                        "Call your supervisor to release or dispatch a job to this station."
                    )
                )
            return
        title = f"{job.work_order} · {job.operation} {job.operation_name}"
        if job.status == "paused":
            title += " · " + self.tr("paused")
        if JobKey(job.work_order, job.operation) in self.vm.pending_jobs:  # shown by an action saved offline
            title += " · " + self.tr("pending")
        ui.jobTitleValue.setText(title)
        ui.productValue.setText(f"{job.product} · {job.product_name}")
        ui.goodValue.setText(quantity(job.good))
        ui.scrapValue.setText(quantity(job.scrap))
        ui.targetValue.setText(f"{quantity(job.target)} {unit_name(job.unit)}")
        done = job.good + job.scrap
        top = max(int(job.target), 1)
        ui.progressBar.setMaximum(top)
        ui.progressBar.setValue(min(int(done), top))
        ui.progressBar.setFormat(self.tr("{done} of {target}").format(done=quantity(done), target=quantity(job.target)))
        ui.runTimeValue.setText(timer(self._run_seconds(job)))
        actual = "–" if job.actual_cycle_seconds is None else f"{quantity(job.actual_cycle_seconds)} s"
        ui.cycleValue.setText(f"{actual} · {quantity(job.ideal_cycle_seconds)} s")

    def _render_buttons(self) -> None:
        actions = enabled_actions(self.vm.station, self.vm.selected_item(), self.vm.current_job(), self.vm.active_badge)
        ui = self.ui
        for name, button in (
            ("start", ui.startButton),
            ("pause", ui.pauseButton),
            ("resume", ui.resumeButton),
            ("report_good", ui.reportGoodButton),
            ("report_scrap", ui.reportScrapButton),
            ("complete", ui.completeButton),
            ("call_supervisor", ui.callSupervisorButton),
            ("sign_out", ui.signOutButton),
            ("checklist", ui.checklistButton),
            ("print_label", ui.printLabelButton),
        ):
            button.setEnabled(name in actions)
        ui.materialsButton.setEnabled(self._materials_job() is not None)
        ui.keyLotButton.setEnabled("pause" in actions)  # a running job takes material
        self._render_downtime_button(actions)

    def _render_downtime_button(self, actions: frozenset[str]) -> None:
        """One button for the stop, so that the screen keeps its height at 1024x768: Downtime while the
        station runs or idles; once it is down, Reason needed while the stop has none, then End downtime."""
        button = self.ui.downtimeButton
        station = self.vm.station
        if station is not None and station.state == "down":
            mode = "reason_needed" if station.open_downtime_reason == "" else "end_downtime"
        else:
            mode = "downtime"
        texts = {
            "downtime": self.tr("Downtime"),
            "reason_needed": self.tr("Reason needed"),
            "end_downtime": self.tr("End downtime"),
        }
        set_icon(button, mode)
        fit_text(button, texts[mode])
        set_style_property(button, "role", "end" if mode == "end_downtime" else "stop")
        button.setProperty("mode", mode)
        button.setEnabled(mode in actions)
        self._render_hints(mode)

    def _render_hints(self, downtime_mode: str) -> None:
        """What each of the two buttons does to the job and to the stop, in one line under its words."""
        job = self.vm.current_job()
        paused = job is not None and job.status == "paused"
        if downtime_mode == "downtime":
            downtime = self.tr("pauses the job") if job is not None and not paused else self.tr("station stops")
        elif downtime_mode == "reason_needed":
            downtime = self.tr("say why it stopped")
        else:
            downtime = self.tr("job stays paused") if paused else self.tr("station runs again")
        self.downtime_hint.set_hint(downtime)
        down = downtime_mode != "downtime"
        self.resume_hint.set_hint(self.tr("ends the stop too") if down else self.tr("job runs again"))

    def _run_seconds(self, job: JobView) -> float:
        extra = 0.0
        if job.status == "running" and self._fetched_at is not None:
            extra = max(0.0, (self.vm.clock.now() - self._fetched_at).total_seconds())
        return job.run_seconds + extra

    # --- from the view-model ---------------------------------------------------------------------

    def on_station_changed(self, station: StationView) -> None:
        self._fetched_at = self.vm.clock.now()
        self.redraw()
        if self.showing_materials():
            self._load_materials()  # counts and scans elsewhere change what is taken and on hand

    def on_dispatch_changed(self, items: list) -> None:
        self.model.set_rows(items)
        self.on_selection_changed(self.vm.selected)

    def on_selection_changed(self, key: JobKey | None) -> None:
        view = self.ui.dispatchView
        row = None if key is None else self.model.row_of(key.work_order, key.operation)
        if row is None:
            view.clearSelection()
        elif view.currentIndex().row() != row or not view.selectionModel().isRowSelected(row):
            view.selectRow(row)
            view.scrollTo(self.model.index(row, 0))
        self.redraw()

    def on_active_operator_changed(self, badge: object) -> None:
        self._render_buttons()

    def on_materials_changed(self, key: JobKey, lines: list[MaterialLineView]) -> None:
        if self._materials_key is not None and key != self._materials_key:
            self.materials.mark_scanned(None)  # another job's panel: the green line was for the last one
        self._materials_key = key
        self.materials.set_rows(lines)
        self.ui.materialsCaption.setText(
            self.tr("Materials · {work_order} operation {operation}").format(
                work_order=key.work_order, operation=key.operation
            )
            if lines
            else self.tr("{work_order} operation {operation} takes no material.").format(
                work_order=key.work_order, operation=key.operation
            )
        )

    def on_lot_scan_result(self, kind: str, sentence: str, material: object) -> None:
        """A lot scan's outcome: its line turns green, or the strip below says in red why not."""
        self.show_materials()
        label = self.ui.scanResultLabel
        set_style_property(label, "result", kind)
        self._scan_result = sentence
        label.setText(sentence)
        label.show()
        self.ui.materialsHintLabel.hide()
        self.materials.mark_scanned(material if isinstance(material, str) else None)

    def on_pending_changed(self, command: c.Command | None) -> None:
        self.ui.resendFrame.setVisible(command is not None)
        if command is not None:
            self.ui.resendLabel.setText(self.tr("Not sent yet: {what}").format(what=describe(command)))

    def on_command_refused(self, command: c.Command, error: MesError) -> None:
        if error.code == CHECK_DUE and isinstance(command, c.ReportCount | c.CompleteJob):
            self.vm.load_checklist(JobKey(command.work_order, command.operation))  # the check, to do now
            return
        if isinstance(command, c.ConsumeLot) and command.quantity is None and error.code == LOT_NOT_NEEDED:
            self._ask_lot_quantity(command, sentence(error.message))
            return
        if not isinstance(command, c.CompleteJob) or command.short_close or error.code != JOB_SHORT:
            return
        if ConfirmDialog.ask(
            self.window(),
            self.tr("Complete with a short close?"),
            sentence(error.message),
            self.tr("Complete with short close"),
            self.tr("Keep the job open"),
        ):
            self.vm.complete_job(JobKey(command.work_order, command.operation), short_close=True)

    def _ask_lot_quantity(self, command: c.ConsumeLot, why: str) -> None:
        """The job needs nothing more of this material: taking more is allowed, with a typed quantity."""
        unit = next((line.unit for line in self.materials.rows() if line.material in why), "")
        taken = QuantityDialog.ask(
            self.window(),
            self.tr("How much of lot {lot}?").format(lot=command.lot),
            unit_name(unit),
            hint=why,
            decimals=unit not in ("pcs", "pc", "ea"),
        )
        if taken is not None:
            self.vm.consume_lot(JobKey(command.work_order, command.operation), command.lot, taken, command.entry)

    # --- the operator's taps ---------------------------------------------------------------------

    def on_dispatch_row_chosen(self, current: QModelIndex | QPersistentModelIndex, _previous=None) -> None:
        item = self.model.row(current.row()) if current.isValid() else None
        self.vm.select(None if item is None else JobKey(item.work_order, item.operation))

    def on_dispatch_row_tapped(self, index: QModelIndex) -> None:
        self.on_dispatch_row_chosen(index)

    def on_start_clicked(self) -> None:
        item = self.vm.selected_item()
        if item is not None:
            self.vm.start_job(JobKey(item.work_order, item.operation))

    def on_pause_clicked(self) -> None:
        if (key := self._current_key()) is not None:
            self.vm.pause_job(key)

    def on_downtime_clicked(self) -> None:
        mode = self.ui.downtimeButton.property("mode")
        if mode == "end_downtime":
            self.vm.end_downtime()
        elif mode == "reason_needed":
            self.ask_reason_needed()
        else:
            self.ask_downtime()

    def ask_downtime(self) -> None:
        job = self.vm.current_job()
        if job is not None and job.status == "running":
            hint = self.tr("{work_order} operation {operation} pauses; Resume ends the downtime.").format(
                work_order=job.work_order, operation=job.operation
            )
        else:
            hint = self.tr("The station is down until you tap End downtime.")
        choice = DowntimeDialog.ask(
            self.window(),
            self.tr("Why does the station stop?"),
            self.vm.downtime_tree,
            hint=hint,
            confirm=self.tr("Stop the station"),
        )
        if choice is not None:
            self.vm.stop_station(choice.reason.code, choice.comment)

    def ask_reason_needed(self) -> None:
        """The stop has no reason yet (a machine stopped it): the same tree, and the leaf tapped is the answer."""
        downtime = self.vm.downtime
        if downtime is None or not downtime.reason_needed:
            return
        since = site_time(downtime.started_at, self.vm.site_zone(), "time")
        hint = (
            self.tr("The machine stopped at {time}.").format(time=since)
            if downtime.source == "machine"
            else self.tr("The station stopped at {time}.").format(time=since)
        )
        choice = DowntimeDialog.ask(
            self.window(), self.tr("Why did the station stop?"), self.vm.downtime_tree, hint=hint, with_comment=False
        )
        if choice is not None:
            self.vm.classify_downtime(downtime.downtime_id, choice.reason.code)

    def on_print_label_clicked(self) -> None:
        if (key := self._current_key()) is not None:
            self.vm.print_label(key.work_order)

    def on_reprint_reason_needed(self, work_order: str, why: str) -> None:
        """The lot's label was printed before: a reprint is recorded with the operator's reason."""
        reason = TextDialog.ask(
            self.window(),
            self.tr("Why print the label again?"),
            hint=why,
            suggestions=(
                self.tr("Label damaged"),
                self.tr("Label lost"),
                self.tr("Printer jammed"),
                self.tr("Another copy needed"),
            ),
            confirm=self.tr("Print again"),
        )
        if reason:
            self.vm.print_label(work_order, reason)

    def on_resume_clicked(self) -> None:
        if (key := self._current_key()) is not None:
            self.vm.resume_job(key)

    def on_report_good_clicked(self) -> None:
        job = self.vm.current_job()
        if job is None:
            return
        good = QuantityDialog.ask(
            self.window(),
            self.tr("Good parts"),
            unit_name(job.unit),
            hint=self.tr("{work_order} operation {operation}: how many good parts since the last report?").format(
                work_order=job.work_order, operation=job.operation
            ),
            decimals=job.unit not in ("pcs", "pc", "ea"),
        )
        if good is not None:
            self.vm.report(JobKey(job.work_order, job.operation), good=good)

    def on_report_scrap_clicked(self) -> None:
        job = self.vm.current_job()
        if job is None:
            return
        scrap = QuantityDialog.ask(
            self.window(),
            self.tr("Scrap"),
            unit_name(job.unit),
            hint=self.tr("How many parts are scrap? Then choose why."),
            decimals=job.unit not in ("pcs", "pc", "ea"),
        )
        if scrap is None:
            return
        reason = ReasonDialog.ask(
            self.window(),
            self.tr("Why are {scrap} {unit} scrap?").format(scrap=quantity(scrap), unit=unit_name(job.unit)),
            self.vm.scrap_reasons_for(job),
        )
        if reason is not None:
            self.vm.report(JobKey(job.work_order, job.operation), scrap=scrap, reason=reason.code)

    def on_complete_clicked(self) -> None:
        job = self.vm.current_job()
        if job is None:
            return
        done = job.good + job.scrap
        if done < job.target:  # asked once, naming the shortfall; the service is told it is a short close
            if ConfirmDialog.ask(
                self.window(),
                self.tr("Complete with a short close?"),
                self.tr("{work_order} operation {operation} {name}: {done} of {target} {unit}: {short} short.").format(
                    work_order=job.work_order,
                    operation=job.operation,
                    name=job.operation_name,
                    done=quantity(done),
                    target=quantity(job.target),
                    unit=unit_name(job.unit),
                    short=quantity(job.target - done),
                ),
                self.tr("Complete with short close"),
                self.tr("Keep the job open"),
            ):
                self.vm.complete_job(JobKey(job.work_order, job.operation), short_close=True)
            return
        if ConfirmDialog.ask(
            self.window(),
            self.tr("Complete the job?"),
            self.tr("{work_order} operation {operation} {name}: {good} good and {scrap} scrap of {target}.").format(
                work_order=job.work_order,
                operation=job.operation,
                name=job.operation_name,
                good=quantity(job.good),
                scrap=quantity(job.scrap),
                target=quantity(job.target),
            ),
            self.tr("Complete"),
        ):
            self.vm.complete_job(JobKey(job.work_order, job.operation))

    def on_checklist_clicked(self) -> None:
        if (key := self._current_key()) is not None:
            self.vm.load_checklist(key)

    def on_checks_fell_due(self, key: JobKey, due: tuple) -> None:
        self.vm.load_checklist(key, popup=True)

    def on_checklist_loaded(self, checklist: ChecklistView, popup: bool) -> None:
        """Item by item; the answers go to the service one RecordCheck each."""
        if popup and not checklist.due:
            return  # recorded meanwhile (at another terminal, or just now)
        answers = ChecklistDialog.ask(self.window(), checklist)
        if answers:
            key = JobKey(checklist.work_order, checklist.operation)
            self.vm.record_checks(key, checklist.code, answers)

    def on_call_supervisor_clicked(self) -> None:
        self.vm.call_supervisor()

    def on_materials_toggled(self, shown: bool) -> None:
        self.ui.listStack.setCurrentWidget(self.ui.materialsPage if shown else self.ui.dispatchPage)
        if shown:
            self._load_materials()
        else:
            self.ui.scanResultLabel.hide()
            self.ui.materialsHintLabel.show()
            self.materials.mark_scanned(None)

    def on_key_lot_clicked(self) -> None:
        """A torn label: the lot number typed on the on-screen keyboard, taken as a scan is, recorded as keyed."""
        number = TextDialog.ask(
            self.window(),
            self.tr("Key in the lot number"),
            hint=self.tr("For a label that cannot be scanned. The lot is recorded as keyed, not scanned."),
            confirm=self.tr("Take the lot"),
            capitals=True,
            max_length=LOT_NUMBER_LENGTH,
        )
        if number:
            self.vm.consume_keyed_lot(number)

    def show_materials(self) -> None:
        self.ui.materialsButton.setChecked(True)

    def showing_materials(self) -> bool:
        return self.ui.listStack.currentWidget() is self.ui.materialsPage

    def _load_materials(self) -> None:
        if (key := self._materials_job()) is not None:
            self.vm.load_materials(key)

    def _materials_job(self) -> JobKey | None:
        """The job whose material the panel shows: the one the buttons act on, else the tapped line."""
        if (key := self._current_key()) is not None:
            return key
        item = self.vm.selected_item()
        return None if item is None else JobKey(item.work_order, item.operation)

    def on_sign_out_clicked(self) -> None:
        badge = self.vm.active_badge
        if badge is None:
            return
        name = _name_of(self.vm.station, badge)
        if ConfirmDialog.ask(
            self.window(), self.tr("Sign out?"), self.tr("Sign out {name}?").format(name=name), self.tr("Sign out")
        ):
            self.vm.sign_out(badge)

    def on_resend_clicked(self) -> None:
        self.vm.send_again()

    def on_discard_clicked(self) -> None:
        self.vm.discard_pending()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.ui.dispatchView.setColumnHidden(dm.DUE, self.width() < NARROW_WIDTH)
        # The buttons take a share of a wider screen, so that their words stay on one line where they can.
        width = min(max(ACTION_BUTTON_WIDTH, int(self.width() * ACTION_BUTTON_SHARE)), ACTION_BUTTON_MAX_WIDTH)
        for button in self.action_buttons:
            if button is not self.ui.signOutButton:
                button.setMinimumWidth(width)
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.dispatchView.viewport() and event.type() == QEvent.Type.Resize:
            width = self.ui.dispatchView.viewport().width()
            self.ui.dispatchView.horizontalHeader().resizeSection(dm.JOB, int(width * JOB_COLUMN_SHARE))
            QTimer.singleShot(0, self.ui.dispatchView, self.ui.dispatchView.resizeRowsToContents)  # wrapped anew
        if watched is self.ui.materialsView.viewport() and event.type() == QEvent.Type.Resize:
            width = self.ui.materialsView.viewport().width()
            self.ui.materialsView.horizontalHeader().resizeSection(mm.MATERIAL, int(width * MATERIAL_COLUMN_SHARE))
            QTimer.singleShot(0, self.ui.materialsView, self.ui.materialsView.resizeRowsToContents)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.instructions.retranslate()
            for button in (*self.action_buttons, self.ui.keyLotButton):
                fit_text(button, button.text())
            self.redraw()
            if self.ui.scanResultLabel.text():
                self.ui.scanResultLabel.setText(again(self._scan_result))
            for view in (self.ui.dispatchView, self.ui.materialsView):  # the words are new: so are their lines
                view.model().headerDataChanged.emit(Qt.Orientation.Horizontal, 0, view.model().columnCount() - 1)
                QTimer.singleShot(0, view, view.resizeRowsToContents)
            self.on_pending_changed(self.vm.pending)
        super().changeEvent(event)

    def _current_key(self) -> JobKey | None:
        job = self.vm.current_job()
        return None if job is None else JobKey(job.work_order, job.operation)


def _name_of(station: StationView | None, badge: str) -> str:
    for operator in station.operators if station else ():
        if operator.badge == badge:
            return operator.name
    return badge
