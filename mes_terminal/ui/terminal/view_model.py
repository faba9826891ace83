"""The terminal's view-model: turns taps and scans into commands, runs them off the GUI thread.

Widgets call the intentions (`sign_in`, `start_job`, `report`...) and listen to the signals; the scan
router's signals come straight here (`on_badge_scanned`... decided by `scan_decisions`; `consume_scan`,
one service call per lot label). Every service call goes through a `ServiceRunner` (one worker thread,
in order); after every command and every `refresh_ms` the station view and the dispatch list are read
again. A refused command (`MesError`) becomes a banner with the service's own sentence. With an outbox
(docs/offline.md) a command the database cannot take now is kept on the terminal's disk (`Queued`): the
header counts what waits, and the waiting commands are delivered, oldest first, at start, on every
refresh and behind every command; one that no longer applies then is a conflict a supervisor decides.
Without one, an unreachable database turns the header offline and keeps the command, with its id, to be
sent again unchanged (the command bus makes the second delivery harmless). Anything unexpected is logged
and shown as one plain sentence.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import fields
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QTimer, Signal

from mes_terminal.domain.clock import Clock
from mes_terminal.domain.error_codes import (
    INSTRUCTIONS_NONE,
    OUTBOX_SIGN_IN_OFFLINE,
    PRINT_REASON_REQUIRED,
    UNEXPECTED,
)
from mes_terminal.domain.errors import DatabaseUnavailable, MesError
from mes_terminal.domain.scans import Scan, ScanKind
from mes_terminal.ui.deferred_module import DeferredModule
from mes_terminal.ui.terminal import offline_view, wording
from mes_terminal.ui.terminal import scan_decisions as decide
from mes_terminal.ui.terminal.runner import ServiceRunner
from mes_terminal.ui.terminal.scan_decisions import JobKey
from mes_terminal.ui.widgets.banner import ERROR, INFO, OK, WARN

if TYPE_CHECKING:  # the service stack is imported behind the painted window (cli/terminal_start.py)
    from mes_terminal.services.commands import catalog as c
    from mes_terminal.services.commands import delivery as dl
    from mes_terminal.services.commands.results import CompletionResult, ConsumptionResult
    from mes_terminal.services.printing.service import PrintOutcome
    from mes_terminal.services.queries.downtime_views import DowntimeView, ReasonNode
    from mes_terminal.services.queries.station_views import (
        DispatchItem,
        JobView,
        MaterialLineView,
        ReasonView,
        StationView,
    )
    from mes_terminal.services.terminal import ScannedLot, TerminalService
    from mes_terminal.services.terminal_snapshot import Snapshot
else:  # loaded with the service stack on the worker thread, not before the first paint
    c = DeferredModule("mes_terminal.services.commands.catalog")
    dl = DeferredModule("mes_terminal.services.commands.delivery")

log = logging.getLogger(__name__)

DEFAULT_REFRESH_MS = 2000
# Waiting commands sent per service call: between two calls the header says how many are left.
DELIVERY_BATCH = 10
# Recorded with the print job when the label at completion repeats one printed while the job ran.
COMPLETION_REPRINT_REASON = "Label with the final quantity, printed when the work order was completed"


class TerminalViewModel(QObject):
    station_changed = Signal(object)  # StationView
    dispatch_changed = Signal(list)  # list[DispatchItem]
    reasons_changed = Signal()
    connection_changed = Signal(bool)  # True: the database answers
    feedback = Signal(str, object)  # banner kind ("ok", "warn", "error", "info"), text (a wording.Said: worded again
    # when the language switches)
    command_succeeded = Signal(object, object)  # command, result mapping
    command_refused = Signal(object, object)  # command, MesError
    command_unsent = Signal(object)  # command kept because the database could not be reached
    pending_changed = Signal(object)  # the command waiting to be sent again, or None
    outbox_changed = Signal(int, bool)  # commands waiting in the outbox, whether they are being sent now
    conflicts_kept = Signal(tuple)  # KeptConflicts: waiting commands a rule refused, kept for a supervisor
    offline_alarm_changed = Signal(bool)  # offline longer than the limit (options.offline_alarm_minutes), or no more
    active_operator_changed = Signal(object)  # badge of the operator the terminal acts for, or None
    selection_changed = Signal(object)  # JobKey or None
    settled = Signal()  # no service call is running or waiting
    materials_changed = Signal(object, list)  # JobKey, list[MaterialLineView]
    lot_scan_result = Signal(str, object, object)  # banner kind, sentence, the BOM material it went to (or None)
    checklist_loaded = Signal(object, bool)  # ChecklistView, whether it pops up because a check fell due
    checks_fell_due = Signal(object, tuple)  # JobKey, the checks newly due on it (in words)
    reason_needed = Signal(object)  # DowntimeView: a stop without a reason appeared (announced once)
    label_printed = Signal(object)  # PrintOutcome
    label_not_printed = Signal(str, object)  # work order, MesError (refused, or the printer failed)
    reprint_reason_needed = Signal(str, str)  # work order, the service's sentence: ask why, then print again
    instructions_loaded = Signal(object, bool)  # InstructionsView, whether it opens because a job started
    scan_intention = Signal(object)  # what a scan asks of the window: scan_decisions.AskPin, ShowStation, a Question

    def __init__(
        self,
        service: TerminalService,
        station: str,
        clock: Clock,
        *,
        refresh_ms: int = DEFAULT_REFRESH_MS,
        print_label_on_complete: bool = False,
        offline_alarm_minutes: float = 15.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.station_code = station
        self.clock = clock
        self.station: StationView | None = None
        self.dispatch: list[DispatchItem] = []
        self.scrap_reasons: list[ReasonView] = []
        self.downtime_tree: list[ReasonNode] = []
        self.downtime: DowntimeView | None = None  # the station's open stop, read with the station when down
        self.print_label_on_complete = print_label_on_complete
        self.online: bool | None = None
        self.active_badge: str | None = None
        self.pending: c.Command | None = None
        self.waiting = 0  # commands in the outbox (read at start, then from every answer)
        self.sending = False  # waiting commands are being delivered now
        self._delivery_queued = False
        self.offline_since: datetime | None = None  # when the database stopped answering
        self.offline_alarm = False
        self._offline_limit = timedelta(minutes=offline_alarm_minutes) if offline_alarm_minutes > 0 else None
        self.selected: JobKey | None = None
        self._due_seen: dict[JobKey, tuple[str, ...]] = {}  # checks already announced, so each pops up once
        self._reason_asked_for: int | None = None  # the stop whose missing reason was announced last
        self._refresh_queued = False
        self._snapshot_asked = False  # the station snapshot is read at most once, when the first read fails
        self.started_offline_from: datetime | None = None  # shown from the snapshot taken then (not read yet)
        # Saved in the outbox while offline: shown as done (offline_view), marked pending, until the next read.
        self._saved_offline: list[c.Command] = []
        self._last_read: tuple[StationView, list[DispatchItem], DowntimeView | None] | None = None
        self.pending_jobs: set[JobKey] = set()  # jobs whose shown state waits for an action saved offline
        self.stop_pending = False  # the stop shown was started or ended by an action saved offline
        self._runner = ServiceRunner(self)
        self._runner.idle.connect(self.settled)
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.on_refresh_due)

    # --- life ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Deliver what waits in the outbox, read the station, its dispatch list and the reasons, keep them fresh."""
        self.deliver_waiting()
        self.refresh()
        self.load_reasons()
        self._timer.start()

    def shutdown(self) -> None:
        self._timer.stop()
        self._runner.shutdown()

    def site_zone(self) -> str:
        """The site's zone, read with the station: every time on the terminal is written in it."""
        return self.station.timezone if self.station is not None else "UTC"

    @property
    def busy(self) -> bool:
        return self._runner.pending > 0

    # --- reading ---------------------------------------------------------------------------------

    def refresh(self, *, after_paint: bool = False) -> None:
        if self._refresh_queued:
            return
        self._refresh_queued = True
        code = self.station_code

        def read() -> tuple[StationView, list[DispatchItem], DowntimeView | None]:
            station = self.service.station(code)
            downtime = self.service.open_downtime(code) if station.state == "down" else None
            dispatch = self.service.dispatch_list(code)
            self.service.remember_station(station, dispatch, downtime)  # to start from, should the database be gone
            return station, dispatch, downtime

        self._runner.submit(read, self.on_refreshed, self.on_refresh_failed, after_paint=after_paint)

    def load_reasons(self) -> None:
        service = self.service

        def read() -> tuple[list[ReasonView], list[ReasonNode]]:
            scrap, tree = service.scrap_reasons(), service.downtime_reason_tree()
            service.remember_reasons(scrap, tree)
            return scrap, tree

        self._runner.submit(read, self.on_reasons_loaded, self.on_refresh_failed)

    def on_refresh_due(self) -> None:
        self.check_offline_alarm()
        if self.waiting:
            self.deliver_waiting()
        self.refresh()
        if not self.scrap_reasons and not self.downtime_tree and self.online is False:
            self.load_reasons()

    def on_refreshed(self, answer: tuple[StationView, list[DispatchItem], DowntimeView | None]) -> None:
        self._refresh_queued = False
        self._set_online(True)
        self.started_offline_from = None
        self._saved_offline.clear()  # what the database has now is the truth
        self._show(*answer)
        if self.waiting:
            self.deliver_waiting()

    def _show(self, station: StationView, dispatch: list[DispatchItem], downtime: DowntimeView | None) -> None:
        self._last_read = (station, dispatch, downtime)
        self.pending_jobs, self.stop_pending = set(), False
        if self._saved_offline:
            names = {node.code: node.name for node in self.downtime_tree}
            read = station
            station, dispatch, self.pending_jobs, self.stop_pending = offline_view.applied(
                station, dispatch, self._saved_offline, wording.pending_here(), names, downtime
            )
            if station.state_since != read.state_since or station.state != "down":
                downtime = None  # the stop as read was ended, or another one taken, here
        self.station = station
        self.downtime = downtime
        self.dispatch = list(dispatch)
        badges = [operator.badge for operator in station.operators]
        if self.active_badge not in badges:
            self.set_active_operator(badges[-1] if badges else None)
        keys = {JobKey(item.work_order, item.operation) for item in self.dispatch}
        if self.selected is not None and self.selected not in keys:
            self.select(None)
        if self.selected is None and station.jobs:
            job = _first_running(station.jobs)
            self.select(JobKey(job.work_order, job.operation))
        self.station_changed.emit(station)
        self.dispatch_changed.emit(self.dispatch)
        self._announce_due_checks(station)
        self._announce_reason_needed(downtime)

    def _announce_due_checks(self, station: StationView) -> None:
        """A check that falls due says so once: an amber banner, and the checklist pops up."""
        for job in station.jobs:
            key = JobKey(job.work_order, job.operation)
            new = tuple(d for d in job.checks_due if d not in self._due_seen.get(key, ()))
            self._due_seen[key] = job.checks_due
            if new and job.status == "running" and self.active_badge is not None:
                self.feedback.emit(WARN, wording.check_due(new))
                self.checks_fell_due.emit(key, new)

    def _announce_reason_needed(self, downtime: DowntimeView | None) -> None:
        """A stop without a reason (a machine stopped) says so once, in amber, while someone is signed in;
        a machine's stop only once it lasts longer than a micro-stop (the next refresh asks again)."""
        if downtime is None or not downtime.ask_for_reason(self.clock.now()) or self.active_badge is None:
            return
        if downtime.downtime_id == self._reason_asked_for:
            return
        self._reason_asked_for = downtime.downtime_id
        self.feedback.emit(WARN, wording.reason_needed(downtime.source))
        self.reason_needed.emit(downtime)

    def on_refresh_failed(self, error: Exception) -> None:
        self._refresh_queued = False
        self._report_failure(error)
        if isinstance(error, DatabaseUnavailable) and self.station is None and not self._snapshot_asked:
            self._snapshot_asked = True  # once: the station read later replaces it
            code, service = self.station_code, self.service

            def read() -> tuple[Snapshot | None, list[c.Command]]:
                try:
                    saved = service.waiting_commands()
                except MesError:  # a damaged outbox says so at every action; the snapshot still shows
                    saved = []
                return service.snapshot(code), saved

            self._runner.submit(read, self.on_snapshot_read, self._report_failure)

    def on_snapshot_read(self, answer: tuple[Snapshot | None, list[c.Command]]) -> None:
        """Started without the database: show the station as this terminal last read it, with what waits in
        the outbox applied (offline_view), and say so."""
        snapshot, saved = answer
        if snapshot is None or self.station is not None:
            return
        self.started_offline_from = snapshot.taken_at
        self._saved_offline = list(saved)
        if not self.scrap_reasons and not self.downtime_tree:
            self.on_reasons_loaded((list(snapshot.scrap_reasons), list(snapshot.downtime_tree)))
        self._show(snapshot.station, list(snapshot.dispatch), snapshot.downtime)
        self.feedback.emit(WARN, wording.started_offline(snapshot.taken_at, snapshot.station.timezone))

    def load_materials(self, key: JobKey, *, after_paint: bool = False) -> None:
        code, service = self.station_code, self.service

        def read() -> list[MaterialLineView]:
            lines = service.materials(code, key.work_order, key.operation)
            service.remember_materials(key.work_order, key.operation, lines)
            return lines

        def failed(error: Exception) -> None:
            self._report_failure(error)
            if isinstance(error, DatabaseUnavailable):  # offline: the panel as last read, if it was
                self._runner.submit(
                    lambda: service.remembered_materials(code, key.work_order, key.operation),
                    lambda lines: self.on_materials_loaded(key, lines) if lines is not None else None,
                    self._report_failure,
                )

        self._runner.submit(read, lambda lines: self.on_materials_loaded(key, lines), failed, after_paint=after_paint)

    def on_materials_loaded(self, key: JobKey, lines: list[MaterialLineView]) -> None:
        self.materials_changed.emit(key, list(lines))

    def load_checklist(self, key: JobKey, popup: bool = False) -> None:
        service = self.service
        self._runner.submit(
            lambda: service.checklist(key.work_order, key.operation),
            lambda checklist: self.checklist_loaded.emit(checklist, popup),
            self._report_failure,
        )

    def load_instructions(self, key: JobKey, *, on_start: bool = False) -> None:
        """Read the operation's instructions for the acting person; at a job's start an operation without
        approved instructions opens nothing (asked for by a tap or a scan, it says so on the banner)."""
        service, badge = self.service, self.active_badge

        def failed(error: Exception) -> None:
            if not (on_start and isinstance(error, MesError) and error.code == INSTRUCTIONS_NONE):
                self._report_failure(error)

        self._runner.submit(
            lambda: service.instructions(key.work_order, key.operation, badge),
            lambda view: self.instructions_loaded.emit(view, on_start),
            failed,
        )

    def acknowledge_instructions(self, key: JobKey, revision: int) -> None:
        self._job_command(c.AcknowledgeInstructions, key, revision=revision)

    def on_instructions_scanned(self, work_order: str, operation: int) -> None:
        self.load_instructions(JobKey(work_order, operation))

    def on_reasons_loaded(self, answer: tuple[list[ReasonView], list[ReasonNode]]) -> None:
        self.scrap_reasons, self.downtime_tree = list(answer[0]), list(answer[1])
        self.reasons_changed.emit()

    def reason_name(self, code: str | None) -> str:
        """A downtime reason's name for the banner (its code when the tree has not been read)."""
        return next((node.name for node in self.downtime_tree if node.code == code), code or "")

    # --- who and what ----------------------------------------------------------------------------

    def set_active_operator(self, badge: str | None) -> None:
        if badge != self.active_badge:
            self.active_badge = badge
            self.active_operator_changed.emit(badge)

    def select(self, key: JobKey | None) -> None:
        if key != self.selected:
            self.selected = key
            self.selection_changed.emit(key)

    def selected_item(self) -> DispatchItem | None:
        if self.selected is None:
            return None
        for item in self.dispatch:
            if JobKey(item.work_order, item.operation) == self.selected:
                return item
        return None

    def scrap_reasons_for(self, job: JobView) -> list[ReasonView]:
        """The scrap reasons offered for `job`: those the plant file lets apply at this station to it."""
        station = self.station
        if station is None:
            return list(self.scrap_reasons)
        return [reason for reason in self.scrap_reasons if reason.applies_to(station, job)]

    def current_job(self) -> JobView | None:
        """The job the buttons act on: the selected one if it runs or pauses here, else the first running."""
        if self.station is None or not self.station.jobs:
            return None
        for job in self.station.jobs:
            if self.selected == JobKey(job.work_order, job.operation):
                return job
        return _first_running(self.station.jobs)

    # --- intentions ------------------------------------------------------------------------------

    def sign_in(self, badge: str, pin: str | None) -> None:
        self._send(c.SignIn, actor=badge, badge=badge, pin=pin)

    def sign_out(self, badge: str) -> None:
        self._send(c.SignOut, actor=badge, badge=badge)

    def change_pin(self, badge: str, old_pin: str, new_pin: str) -> None:
        """An expired PIN: `ChangePin` (the old one proves who asks); once it went through, sign in."""
        self._send(c.ChangePin, actor=badge, badge=badge, pin=old_pin, new_pin=new_pin)

    def sign_out_everyone(self) -> None:
        """Inactivity: every operator at this station signs out (each as themselves)."""
        for operator in self.station.operators if self.station else ():
            self.sign_out(operator.badge)

    def start_job(self, key: JobKey) -> None:
        self._job_command(c.StartJob, key)

    def pause_job(self, key: JobKey, reason: str | None = None) -> None:
        self._job_command(c.PauseJob, key, reason=reason)

    def resume_job(self, key: JobKey) -> None:
        self._job_command(c.ResumeJob, key)

    def report(self, key: JobKey, good: Decimal = Decimal(0), scrap: Decimal = Decimal(0), reason: str | None = None):
        self._job_command(c.ReportCount, key, good=good, scrap=scrap, scrap_reason=reason)

    def complete_job(self, key: JobKey, short_close: bool = False) -> None:
        self._job_command(c.CompleteJob, key, short_close=short_close)

    def record_checks(self, key: JobKey, checklist: str, answers: list[tuple[str, str]]) -> None:
        """One RecordCheck per answer, in the order given."""
        for item, value in answers:
            self._job_command(c.RecordCheck, key, checklist=checklist, item=item, value=value)

    # --- scans -------------------------------------------------------------------------------------

    def on_badge_scanned(self, badge: str) -> None:
        self._carry_out(decide.badge(badge, self.station))

    def on_operation_scanned(self, work_order: str, operation: int) -> None:
        self._carry_out(decide.operation(work_order, operation, self.dispatch, self.station, self.active_badge))

    def on_work_order_scanned(self, work_order: str) -> None:
        self._carry_out(decide.work_order(work_order, self.dispatch))

    def on_station_scanned(self, station: str) -> None:
        self._carry_out(decide.station_sign(station, self.station_code))

    def on_unknown_scanned(self, reason: str) -> None:
        self._carry_out(decide.unknown(reason))

    def on_code_scanned(self, scan: Scan) -> None:
        """A bare code (`R-2612-04A`): a lot's number if such a lot exists, else a scan that is not ours."""
        code, reason = scan.code or "", scan.reason or scan.raw
        service = self.service

        def answered(lot: str | None) -> None:
            if lot is None:
                self.on_unknown_scanned(reason)
            else:
                self.consume_scan(Scan(ScanKind.LOT, scan.raw, lot=lot))

        self._runner.submit(lambda: service.lot_named(code), answered, self._report_failure)

    def consume_keyed_lot(self, number: str) -> None:
        """A lot number keyed in by hand (its label is torn): taken like a scan, recorded as keyed."""
        if self.active_badge is None:
            self.feedback.emit(ERROR, wording.sign_in_first())
            return
        job = self.current_job()
        if job is None or job.status != "running":
            self._lot_refused(wording.no_job_for_material())
            return
        self._job_command(c.ConsumeLot, JobKey(job.work_order, job.operation), lot=number, entry="keyed")

    def answer(self, question: decide.Question, yes: bool) -> None:
        """The operator's answer to a question a scan asked (the window asked it)."""
        if isinstance(question, decide.ConfirmSignOut):
            if yes:
                self.sign_out(question.badge)
            else:  # the badge stays signed in and the terminal now acts for it
                self.set_active_operator(question.badge)
        elif yes:
            self.start_job(question.key)

    def _carry_out(self, intentions: tuple[decide.Intention, ...]) -> None:
        for intention in intentions:
            if isinstance(intention, decide.Banner):
                self.feedback.emit(intention.kind, intention.text)
            elif isinstance(intention, decide.Select):
                self.select(intention.key)
            elif isinstance(intention, decide.SignInByBadge):
                self.sign_in(intention.badge, None)
            else:
                self.scan_intention.emit(intention)

    def consume_scan(self, scan: Scan) -> None:
        """A lot label was scanned: take the lot into the running job (the BOM decides how much).

        One service call resolves the label and sends the ConsumeLot. Its id is made here, so that a
        command kept while the database is unreachable is sent again with it.
        """
        if self.active_badge is None:
            self.feedback.emit(ERROR, wording.sign_in_first())
            return
        job = self.current_job()
        if job is None or job.status != "running":
            self._lot_refused(wording.no_job_for_material())
            return
        service, station, actor, issued_at = self.service, self.station_code, self.active_badge, self.clock.now()
        command_id = uuid.uuid4()
        self._runner.submit(
            lambda: service.consume_scanned_lot(
                station, actor, job.work_order, job.operation, scan, command_id=command_id, issued_at=issued_at
            ),
            self.on_lot_scan_answered,
            self.on_lot_unknown,
        )

    def on_lot_scan_answered(self, answer: ScannedLot) -> None:
        if answer.refusal is not None:
            self.on_command_failed(answer.command, answer.refusal)
        elif answer.outcome is not None:
            self.on_command_done(answer.command, answer.outcome)

    def consume_lot(self, key: JobKey, lot: str, quantity: Decimal, entry: str | None = None) -> None:
        """Take a typed quantity of a lot into a job (when the bill of materials has nothing left to ask)."""
        self._job_command(c.ConsumeLot, key, lot=lot, quantity=quantity, entry=entry)

    def on_lot_unknown(self, error: Exception) -> None:
        """The scan named no lot (nothing was sent); offline, a GS1 label cannot be looked up."""
        if isinstance(error, MesError) and not isinstance(error, DatabaseUnavailable):
            self._lot_refused(wording.sentence(error.message))
        else:
            self._report_failure(error)

    def _lot_refused(self, sentence: str) -> None:
        self.feedback.emit(ERROR, sentence)
        self.lot_scan_result.emit(ERROR, sentence, None)

    def call_supervisor(self) -> None:
        if self.active_badge is None:
            self.feedback.emit(ERROR, wording.sign_in_first())
            return
        self._send(c.CallSupervisor, actor=self.active_badge)

    # --- downtime ----------------------------------------------------------------------------------

    def stop_station(self, reason: str, comment: str | None = None) -> None:
        """The station stops for `reason` (a leaf of the tree). A running job is paused with it, as a pause
        with a reason always did, and Resume ends the stop; without a running job the station alone goes
        down, until End downtime."""
        job = self.current_job()
        if job is not None and job.status == "running":
            self._job_command(c.PauseJob, JobKey(job.work_order, job.operation), reason=reason, comment=comment)
        else:
            self._station_command(c.StartDowntime, reason=reason, comment=comment)

    def end_downtime(self) -> None:
        self._station_command(c.EndDowntime)

    def classify_downtime(self, downtime_id: int, reason: str) -> None:
        """Give the open stop its reason (a machine's stop has none)."""
        self._station_command(c.ClassifyDowntime, downtime_id=downtime_id, reason=reason)

    # --- labels ------------------------------------------------------------------------------------

    def print_label(self, work_order: str, reason: str | None = None) -> None:
        """Print the label of the work order's output lot on this station's label printer; `reason` for a reprint."""
        if self.active_badge is None:
            self.feedback.emit(ERROR, wording.sign_in_first())
            return
        self._print_label(work_order, self.active_badge, reason, automatic=False)

    def _print_label(self, work_order: str, actor: str, reason: str | None, *, automatic: bool) -> None:
        service, station, command_id = self.service, self.station_code, uuid.uuid4()
        self._runner.submit(
            lambda: service.print_output_label(station, actor, work_order, reason=reason, command_id=command_id),
            self.on_label_printed,
            lambda error: self.on_label_failed(work_order, actor, error, automatic=automatic),
        )

    def on_label_printed(self, outcome: PrintOutcome) -> None:
        self._set_online(True)
        self.feedback.emit(OK, wording.label_printed(outcome))
        self.label_printed.emit(outcome)

    def on_label_failed(self, work_order: str, actor: str, error: Exception, *, automatic: bool) -> None:
        if isinstance(error, MesError) and error.code == PRINT_REASON_REQUIRED:
            if automatic:  # the label at completion carries the final quantity: that is why it is printed again
                self._print_label(work_order, actor, COMPLETION_REPRINT_REASON, automatic=True)
            else:
                self.reprint_reason_needed.emit(work_order, wording.sentence(error.message))
            return
        if isinstance(error, DatabaseUnavailable):
            self._report_failure(error)
        elif isinstance(error, MesError):
            self.feedback.emit(ERROR, wording.label_not_printed(wording.sentence(error.message)))
        else:
            log.error("printing a label failed unexpectedly", exc_info=error)
            self.feedback.emit(ERROR, wording.unexpected())
            error = MesError(wording.unexpected(), code=UNEXPECTED)
        self.label_not_printed.emit(work_order, error)

    def send_again(self) -> None:
        """Send the command that did not reach the database, with the same id."""
        if self.pending is not None:
            self._execute(self.pending)

    def discard_pending(self) -> None:
        self._set_pending(None)

    # --- the outbox --------------------------------------------------------------------------------

    def deliver_waiting(self) -> None:
        """Send the commands waiting in the outbox, a batch per call, until none is left or the database
        cannot be reached."""
        if self._delivery_queued:
            return
        self._delivery_queued = True
        service = self.service
        self._runner.submit(lambda: service.deliver_waiting(DELIVERY_BATCH), self.on_delivered, self.on_delivery_failed)

    def on_delivered(self, round_: dl.Round) -> None:
        self._delivery_queued = False
        self._set_waiting(round_.left, sending=round_.reachable and round_.left > 0)
        if not round_.reachable:
            self._set_online(False)
        elif round_.sent:
            self._set_online(True)
        if round_.conflicts:
            self.feedback.emit(WARN, wording.conflicts_kept(len(round_.conflicts)))
            self.conflicts_kept.emit(tuple(round_.conflicts))
        if self.sending:
            self.deliver_waiting()
        elif round_.sent:
            self.refresh(after_paint=True)

    def on_delivery_failed(self, error: Exception) -> None:
        self._delivery_queued = False
        self._set_waiting(self.waiting, sending=False)
        self._report_failure(error)

    def on_command_queued(self, command: c.Command, queued: dl.Queued) -> None:
        """Kept on this terminal, not checked yet: say so plainly, and act as if done where the screen
        depends on it (who acts, which job is chosen)."""
        self._set_waiting(queued.waiting, sending=self.online is True)
        if self.pending is not None and self.pending.command_id == command.command_id:
            self._set_pending(None)
        if self.online is False and self._last_read is not None:  # no read will show it: show it as done
            self._saved_offline.append(command)
            self._show(*self._last_read)
        if isinstance(command, c.SignIn):
            self.set_active_operator(command.badge)
        if isinstance(command, c.StartJob):
            self.select(JobKey(command.work_order, command.operation))
        self.feedback.emit(WARN, wording.kept_on_terminal(command, queued.waiting))
        if isinstance(command, c.ConsumeLot):
            self.lot_scan_result.emit(WARN, wording.kept_on_terminal(command, queued.waiting), None)
        if self.online is True:  # others wait ahead of it: send them, then it
            self.deliver_waiting()

    def _set_waiting(self, waiting: int, *, sending: bool) -> None:
        if (waiting, sending) != (self.waiting, self.sending):
            self.waiting, self.sending = waiting, sending
            self.outbox_changed.emit(waiting, sending)

    # --- sending ---------------------------------------------------------------------------------

    def _job_command(self, cls: type[c.Command], key: JobKey, **extra: Any) -> None:
        if self.active_badge is None:
            self.feedback.emit(ERROR, wording.sign_in_first())
            return
        self._send(cls, actor=self.active_badge, work_order=key.work_order, operation=key.operation, **extra)

    def _station_command(self, cls: type[c.Command], **extra: Any) -> None:
        if self.active_badge is None:
            self.feedback.emit(ERROR, wording.sign_in_first())
            return
        self._send(cls, actor=self.active_badge, **extra)

    def _send(self, cls: type[c.Command], *, actor: str, **extra: Any) -> None:
        known = {f.name for f in fields(cls)}
        values = {name: value for name, value in extra.items() if name in known}
        command = cls(
            command_id=uuid.uuid4(), actor=actor, issued_at=self.clock.now(), station=self.station_code, **values
        )
        self._execute(command)

    def _execute(self, command: c.Command) -> None:
        service = self.service
        self._runner.submit(
            lambda: service.execute(command),
            lambda outcome: self.on_command_done(command, outcome),
            lambda error: self.on_command_failed(command, error),
        )

    def on_command_done(self, command: c.Command, outcome: Any) -> None:
        if isinstance(outcome, dl.Queued):
            self.on_command_queued(command, outcome)
            return
        self._set_online(True)
        if self.pending is not None and self.pending.command_id == command.command_id:
            self._set_pending(None)
        result = dict(outcome.result)
        if isinstance(command, c.SignIn):
            self.set_active_operator(command.badge)
        elif isinstance(command, c.ChangePin):
            self.sign_in(command.badge, command.new_pin)
        elif isinstance(command, c.SignOut) and command.badge == self.active_badge:
            self.set_active_operator(None)
        if isinstance(command, c.StartJob):
            self.select(JobKey(command.work_order, command.operation))
        sentence = wording.succeeded(command, result, reason_name=self.reason_name(getattr(command, "reason", None)))
        kind = WARN if result.get("warning") else OK  # e.g. a lot taken out of FEFO order
        self.feedback.emit(kind, sentence)
        if isinstance(command, c.ConsumeLot):
            self.lot_scan_result.emit(kind, sentence, cast("ConsumptionResult", result).get("bom_material"))
            self.load_materials(JobKey(command.work_order, command.operation), after_paint=True)  # banner first
        self.command_succeeded.emit(command, result)
        if isinstance(command, c.CompleteJob) and self._label_due_at_completion(cast("CompletionResult", result)):
            self._print_label(command.work_order, command.actor, None, automatic=True)
        self.refresh(after_paint=True)  # the banner first: the read would slow its paint down

    def _label_due_at_completion(self, result: CompletionResult) -> bool:
        """Where configured, the output lot's label is printed when the order's last operation completes."""
        last = result.get("order_status") == "completed"
        return self.print_label_on_complete and last and bool(result.get("output_lot"))

    def on_command_failed(self, command: c.Command, error: Exception) -> None:
        if isinstance(error, DatabaseUnavailable) and error.code == OUTBOX_SIGN_IN_OFFLINE:
            self._set_online(False)  # a PIN is never kept: the sign-in form keeps it on screen
            self.feedback.emit(WARN, wording.sentence(error.message))
            self.command_unsent.emit(command)
            return
        if isinstance(error, DatabaseUnavailable):
            self._set_online(False)
            if not isinstance(command, c.SignIn | c.ChangePin):  # a PIN is not kept in memory
                self._set_pending(command)
            self.feedback.emit(WARN, wording.offline())
            self.command_unsent.emit(command)
            return
        if isinstance(error, MesError):
            self.feedback.emit(ERROR, wording.sentence(error.message))
            if isinstance(command, c.ConsumeLot):
                self.lot_scan_result.emit(ERROR, wording.sentence(error.message), None)
            self.command_refused.emit(command, error)
            self.refresh(after_paint=True)  # the refusal may come from a change made elsewhere: show the truth
            return
        log.error("%s failed unexpectedly", command.type, exc_info=error)
        self.feedback.emit(ERROR, wording.unexpected())
        self.command_refused.emit(command, MesError(wording.unexpected(), code=UNEXPECTED))

    def _report_failure(self, error: Exception) -> None:
        if isinstance(error, DatabaseUnavailable):
            if self.online is not False:
                self.feedback.emit(WARN, wording.sentence(error.message))
            self._set_online(False)
        elif isinstance(error, MesError):
            self.feedback.emit(ERROR, wording.sentence(error.message))
        else:
            log.error("reading the station failed unexpectedly", exc_info=error)
            self.feedback.emit(ERROR, wording.unexpected())

    def _set_online(self, online: bool) -> None:
        if online == self.online:
            return
        was = self.online
        self.online = online
        self.offline_since = None if online else self.clock.now()
        if online and self.offline_alarm:
            self.offline_alarm = False
            self.offline_alarm_changed.emit(False)
        self.connection_changed.emit(online)
        if online and was is False:
            self.feedback.emit(INFO, wording.back_online())

    def offline_for(self) -> timedelta:
        """How long the database has not answered (zero while it does)."""
        return timedelta(0) if self.offline_since is None else self.clock.now() - self.offline_since

    def check_offline_alarm(self) -> None:
        """Offline longer than the limit: say so loudly, once, and what the terminal still takes."""
        limit = self._offline_limit
        if self.offline_alarm or limit is None or self.offline_since is None or self.offline_for() < limit:
            return
        self.offline_alarm = True
        self.offline_alarm_changed.emit(True)
        minutes = int(self.offline_for().total_seconds() // 60)
        self.feedback.emit(ERROR, wording.offline_too_long(minutes, self.waiting))

    def _set_pending(self, command: c.Command | None) -> None:
        self.pending = command
        self.pending_changed.emit(command)


def _first_running(jobs: tuple[JobView, ...]) -> JobView:
    return next((job for job in jobs if job.status == "running"), jobs[0])
