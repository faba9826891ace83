"""The console's view-model: follows the event log, reads what changed, turns intentions into commands.

Every service call runs on one worker thread (`ServiceRunner`), in order. The board follows the event
log: every `poll_ms` (and at once when PostgreSQL notifies) it asks which stations the events after the
last one seen touched, and reads only those stations again. A refused command becomes a banner with
the service's own sentence, followed by a fresh reading (the refusal may come from a change made
elsewhere). Anything unexpected is logged and shown as one plain sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from mes_terminal.domain.error_codes import AUTHENTICATION_FAILED, PIN_EXPIRED, SIGNATURE_BOTH_COMPONENTS
from mes_terminal.domain.errors import DatabaseUnavailable, MesError
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.queries.event_wakeup import EventWakeup
from mes_terminal.services.queries.supervisor_views import AuditFilter, BoardRow, ChangeSet, SupervisorUser
from mes_terminal.services.supervisor import SupervisorService
from mes_terminal.ui.supervisor.signing_session import SigningSession
from mes_terminal.ui.terminal.runner import ServiceRunner
from mes_terminal.ui.widgets.banner import ERROR, INFO, OK, WARN

log = logging.getLogger(__name__)

DEFAULT_POLL_MS = 500
DEFAULT_OEE_MS = 60_000


@dataclass(frozen=True)
class BoardUpdate:
    changes: ChangeSet
    rows: list[BoardRow]
    full: bool


class SupervisorViewModel(QObject):
    user_changed = Signal(object)  # SupervisorUser or None
    sign_in_refused = Signal(str)
    pin_expired = Signal(str, str)  # badge, the expired PIN: the window asks for a new one
    sign_in_wrong_pin = Signal()  # the refusal was a wrong badge or PIN (the page makes the next attempt wait)
    board_changed = Signal(object)  # BoardUpdate
    calls_changed = Signal(list)  # list[AndonCall]
    orders_changed = Signal(list)  # list[WorkOrderRow]
    dispatch_changed = Signal(str, list)  # station, list[DispatchRow]
    stations_changed = Signal(list)  # station codes
    products_changed = Signal(list)
    timeline_changed = Signal(object)  # StationTimeline
    schedule_changed = Signal(object)  # PlanChart
    oee_changed = Signal(dict)
    audit_changed = Signal(list)  # list[AuditRow]
    master_changed = Signal(list)  # list[MasterSection]
    trace_changed = Signal(object)  # the genealogy tree of services.trace.trace
    recall_changed = Signal(object)  # the finished lots of services.trace.recall
    changes_read = Signal(object)  # the ChangeSet of each poll that found something (the quality tab follows it)
    feedback = Signal(str, str)  # banner kind, text
    command_succeeded = Signal(object, object)  # command, result
    command_refused = Signal(object, object)  # command, MesError
    connection_changed = Signal(bool)
    settled = Signal()

    def __init__(
        self,
        service: SupervisorService,
        *,
        poll_ms: int = DEFAULT_POLL_MS,
        oee_ms: int = DEFAULT_OEE_MS,
        listen: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.user: SupervisorUser | None = None
        self.signing = SigningSession()
        self.last_event_id = 0
        self.online: bool | None = None
        self.dispatch_station: str | None = None
        self.timeline_station: str | None = None
        self._polling = False
        self._poll_again = False  # a wake-up came while a poll was open: ask once more when it returns
        self._listen = listen
        self._wakeup: _WakeupThread | None = None
        self._runner = ServiceRunner(self)
        self._runner.idle.connect(self.settled)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(poll_ms)
        self._poll_timer.timeout.connect(self.poll)
        self._oee_timer = QTimer(self)
        self._oee_timer.setInterval(oee_ms)
        self._oee_timer.timeout.connect(self.load_oee)
        self._oee_timer.timeout.connect(self.refresh_board)  # checks fall due with time, not only with events

    def pin_alone_signer(self) -> str | None:
        """The console user's badge when their next signature may take the PIN alone (a continuous
        signing session, 21 CFR 11.200), else None: the dialog then asks for badge and PIN."""
        if self.user is None:
            return None
        idle = self.service.signature_idle_minutes
        return self.user.badge if self.signing.pin_alone(self.user.badge, self.service.clock.now(), idle) else None

    def site_zone(self) -> str:
        """The site's zone: every time on the console is written in it (`formatting.local_time`)."""
        return self.service.site_timezone

    @property
    def busy(self) -> bool:
        return self._runner.pending > 0

    @property
    def listening(self) -> bool:
        """True once PostgreSQL's LISTEN connection is up (notifications then wake the console)."""
        return self._wakeup is not None and self._wakeup.listening

    def submit(self, job: Callable[[], Any], done: Callable[[Any], None], failed: Callable | None = None) -> None:
        """Run `job` on the console's worker thread, in order with every other service call."""
        self._runner.submit(job, done, failed or self.on_read_failed)

    # --- signing in and out ----------------------------------------------------------------------

    def sign_in(self, badge: str, pin: str) -> None:
        service = self.service
        self._runner.submit(
            lambda: service.sign_in(badge.strip(), pin),
            self.on_signed_in,
            lambda error: self.on_sign_in_failed(error, badge.strip(), pin),
        )

    def change_pin_and_sign_in(self, badge: str, old_pin: str, new_pin: str) -> None:
        """An expired PIN: `ChangePin` (the old PIN proves who asks), then sign in with the new one."""
        service = self.service

        def change_and_enter() -> SupervisorUser:
            service.execute(service.command(c.ChangePin, badge, badge=badge, pin=old_pin, new_pin=new_pin))
            return service.sign_in(badge, new_pin)

        self._runner.submit(change_and_enter, self.on_signed_in, self.on_sign_in_failed)

    def on_signed_in(self, user: SupervisorUser) -> None:
        self._set_online(True)
        self.user = user
        self.user_changed.emit(user)
        self.start_following()

    def on_sign_in_failed(self, error: Exception, badge: str = "", pin: str = "") -> None:
        self.sign_in_refused.emit(self._sentence(error))
        if isinstance(error, MesError) and error.code == PIN_EXPIRED and pin:
            self.pin_expired.emit(badge, pin)
        if isinstance(error, MesError) and error.code == AUTHENTICATION_FAILED:
            self.sign_in_wrong_pin.emit()

    def sign_out(self) -> None:
        self.stop_following()
        self.signing.forget()
        self.user = None
        self.user_changed.emit(None)

    # --- following the event log -----------------------------------------------------------------

    def start_following(self) -> None:
        """Read everything once, then follow the event log."""
        self._runner.submit(self._read_everything, self.on_everything_read, self.on_read_failed)
        self.load_reference()
        self.load_oee()
        self._poll_timer.start()
        self._oee_timer.start()
        if self._listen and self.service.engine.dialect.name == "postgresql" and self._wakeup is None:
            self._wakeup = _WakeupThread(EventWakeup(self.service.engine), self)
            self._wakeup.woke.connect(self.poll)
            self._wakeup.start()

    def stop_following(self) -> None:
        self._poll_timer.stop()
        self._oee_timer.stop()
        if self._wakeup is not None:
            self._wakeup.stop()
            self._wakeup = None

    def shutdown(self) -> None:
        self.stop_following()
        self._runner.shutdown()

    def _read_everything(self) -> tuple[BoardUpdate, list, list]:
        service = self.service
        last = service.last_event_id()  # first: an event written meanwhile is read again, never missed
        rows = service.board()
        return BoardUpdate(ChangeSet(last, everything=True), rows, True), service.open_calls(), service.work_orders()

    def on_everything_read(self, answer: tuple[BoardUpdate, list, list]) -> None:
        update, calls, orders = answer
        self._set_online(True)
        self.last_event_id = max(self.last_event_id, update.changes.last_event_id)
        self.board_changed.emit(update)
        self.calls_changed.emit(calls)
        self.orders_changed.emit(orders)

    def poll(self) -> None:
        """Ask what changed since the last event seen (asked again after the open question returns)."""
        if self.user is None:
            return
        if self._polling:
            self._poll_again = True
            return
        self._polling = True
        after = self.last_event_id
        self._runner.submit(lambda: self._read_changes(after), self.on_changes_read, self.on_poll_failed)

    def _read_changes(self, after: int) -> tuple[BoardUpdate, list | None, list | None, tuple | None]:
        service = self.service
        changes = service.changes_since(after)
        if changes.empty:
            return BoardUpdate(changes, [], False), None, None, None
        rows = service.board(None if changes.everything else changes.stations)
        calls = service.open_calls() if changes.andon or changes.everything else None
        orders = service.work_orders() if changes.orders or changes.everything else None
        station = self.dispatch_station
        dispatch = None
        if station and (changes.orders or changes.everything or station in changes.stations):
            dispatch = (station, service.dispatch_list(station))
        return BoardUpdate(changes, rows, changes.everything), calls, orders, dispatch

    def on_changes_read(self, answer: tuple[BoardUpdate, list | None, list | None, tuple | None]) -> None:
        self._polling = False
        self._set_online(True)
        update, calls, orders, dispatch = answer
        self.last_event_id = max(self.last_event_id, update.changes.last_event_id)
        if self._poll_again:
            self._poll_again = False
            self.poll()
        if update.changes.empty:
            return
        self.board_changed.emit(update)
        self.changes_read.emit(update.changes)
        if calls is not None:
            self.calls_changed.emit(calls)
        if orders is not None:
            self.orders_changed.emit(orders)
        if dispatch is not None:
            self.dispatch_changed.emit(*dispatch)
        if self.timeline_station and (update.changes.everything or self.timeline_station in update.changes.stations):
            self.load_timeline(self.timeline_station)

    def on_poll_failed(self, error: Exception) -> None:
        self._polling = False
        self._poll_again = False
        self.on_read_failed(error)

    def refresh_board(self) -> None:
        """Read every row again; only rows that differ change (checks due by time, live figures)."""
        if self.user is None:
            return
        service, last = self.service, self.last_event_id
        self._runner.submit(
            lambda: BoardUpdate(ChangeSet(last), service.board(), False),
            self.board_changed.emit,
            self.on_read_failed,
        )

    # --- reading on demand -----------------------------------------------------------------------

    def load_reference(self) -> None:
        service = self.service
        self._runner.submit(
            lambda: (service.stations(), service.products()), self.on_reference_loaded, self.on_read_failed
        )

    def on_reference_loaded(self, answer: tuple[list[str], list[str]]) -> None:
        self.stations_changed.emit(answer[0])
        self.products_changed.emit(answer[1])

    def load_oee(self) -> None:
        service = self.service
        self._runner.submit(service.shift_oee, self.oee_changed.emit, self.on_oee_failed)

    def on_oee_failed(self, error: Exception) -> None:
        # OEE is a courtesy of the board: without it the column stays empty, the board works on.
        log.warning("OEE of the shift could not be read: %s", error)

    def load_timeline(self, station: str) -> None:
        self.timeline_station = station
        service = self.service
        self._runner.submit(lambda: service.shift_timeline(station), self.timeline_changed.emit, self.on_read_failed)

    def load_dispatch(self, station: str) -> None:
        self.dispatch_station = station
        service = self.service
        self._runner.submit(
            lambda: (station, service.dispatch_list(station)),
            lambda answer: self.dispatch_changed.emit(*answer),
            self.on_read_failed,
        )

    def load_schedule(self) -> None:
        self._runner.submit(self.service.plan_chart, self.schedule_changed.emit, self.on_read_failed)

    def load_orders(self) -> None:
        self._runner.submit(self.service.work_orders, self.orders_changed.emit, self.on_read_failed)

    def search_audit(self, wanted: AuditFilter) -> None:
        service = self.service
        self._runner.submit(lambda: service.audit(wanted), self.audit_changed.emit, self.on_read_failed)

    def load_master_data(self) -> None:
        self._runner.submit(self.service.master_data, self.master_changed.emit, self.on_read_failed)

    def trace(self, lot: str, *, forward: bool, depth: int) -> None:
        service = self.service
        self._runner.submit(
            lambda: service.trace(lot, forward=forward, depth=depth), self.trace_changed.emit, self.on_read_failed
        )

    def resolve_lot(self, text: str, then: Callable[[str], None]) -> None:
        """`then` receives the lot number that `text` (typed, or a scanned label of any symbol) names."""
        service = self.service
        self._runner.submit(lambda: service.lot_number(text), then, self.on_read_failed)

    def recall(self, supplier_lot: str) -> None:
        service = self.service
        self._runner.submit(lambda: service.recall(supplier_lot), self.recall_changed.emit, self.on_read_failed)

    def save_genealogy_pdf(self, kind: str, answer: dict[str, Any], path: str) -> None:
        service = self.service
        self._runner.submit(
            lambda: service.save_genealogy_pdf(kind, answer, path),
            lambda saved: self.feedback.emit(OK, self.tr("Saved {path}.").format(path=saved)),
            self.on_read_failed,
        )

    def on_read_failed(self, error: Exception) -> None:
        if isinstance(error, DatabaseUnavailable):
            if self.online is not False:
                self.feedback.emit(WARN, error.message)
            self._set_online(False)
            return
        self.feedback.emit(ERROR, self._sentence(error))

    # --- acting ----------------------------------------------------------------------------------

    def act(
        self,
        cls: type[c.Command],
        *,
        actor: str | None = None,
        say: Callable[[Any], str] | None = None,
        **fields: Any,
    ) -> None:
        """Issue `cls` as the signed-in user (or `actor`, who signs it); the board follows from its events.

        `say` turns the result (the TypedDict that `RESULT_TYPES[cls]` names, as stored) into the banner's
        sentence (else `said` words it)."""
        if self.user is None:
            self.feedback.emit(ERROR, self.tr("Sign in first."))
            return
        command = self.service.command(cls, actor or self.user.badge, **fields)
        service = self.service
        self._runner.submit(
            lambda: service.execute(command),
            lambda outcome: self.on_command_done(command, outcome, say),
            lambda error: self.on_command_failed(command, error),
        )

    def on_command_done(self, command: c.Command, outcome: Any, say: Callable | None = None) -> None:
        self._set_online(True)
        text = say(dict(outcome.result)) if say else self.said(command)
        self.feedback.emit(OK, text)
        if c.is_signed(command):
            self.signing.signed(command.actor, command.issued_at)
        self.command_succeeded.emit(command, dict(outcome.result))
        self.poll()

    def on_command_failed(self, command: c.Command, error: Exception) -> None:
        if isinstance(error, DatabaseUnavailable):
            self._set_online(False)
        self.feedback.emit(ERROR, self._sentence(error))
        if isinstance(error, MesError) and error.code == SIGNATURE_BOTH_COMPONENTS:
            self.signing.forget()
        self.command_refused.emit(command, error if isinstance(error, MesError) else MesError(self._sentence(error)))
        self.poll()
        if self.dispatch_station and isinstance(command, c.ReorderDispatch | c.AssignOperation):
            self.load_dispatch(self.dispatch_station)  # put the rows back where the database has them

    def said(self, command: c.Command) -> str:
        """The green banner after a supervisor's command went through, in plain words (never a class name).

        One sentence per command of the catalogue (the terminal's own are in its wording); a command
        without one is said by what it touched."""
        values = {f.name: getattr(command, f.name) for f in dataclass_fields(command)}
        values["station"] = command.station or self.tr("an eligible station")
        template = self._sentences().get(type(command))
        if template is None:
            return self.tr("Saved for {station}.").format(station=values["station"])
        return template.format_map(_Blank(values))

    def _sentences(self) -> dict[type[c.Command], str]:
        """Each command's sentence; its fields fill the braces (every template a literal, for translators)."""
        return {
            c.SignIn: self.tr("{badge} signed in at {station}."),
            c.SignOut: self.tr("{badge} signed out at {station}."),
            c.SignInConsole: self.tr("Signed in to the console."),
            c.ChangePin: self.tr("The PIN of {badge} is changed."),
            c.ResetPinLockout: self.tr("Badge {badge} is unlocked."),
            c.CreateWorkOrder: self.tr("Work order {number} created."),
            c.EditWorkOrder: self.tr("Work order {number} changed."),
            c.ReleaseWorkOrder: self.tr("Work order {number} released to the floor."),
            c.HoldWorkOrder: self.tr("Work order {number} is on hold."),
            c.CancelWorkOrder: self.tr("Work order {number} cancelled."),
            c.CloseWorkOrder: self.tr("Work order {number} closed."),
            c.ReorderDispatch: self.tr("Dispatch list of {station} reordered."),
            c.AssignOperation: self.tr("{work_order} operation {operation} assigned to {station}."),
            c.PublishSchedule: self.tr("Schedule published to the dispatch lists."),
            c.StartJob: self.tr("Started {work_order} operation {operation} at {station}."),
            c.PauseJob: self.tr("Paused {work_order} operation {operation} at {station}."),
            c.ResumeJob: self.tr("Resumed {work_order} operation {operation} at {station}."),
            c.CompleteJob: self.tr("Completed {work_order} operation {operation} at {station}."),
            c.JoinJob: self.tr("Joined {work_order} operation {operation} at {station}."),
            c.LeaveJob: self.tr("Left {work_order} operation {operation} at {station}."),
            c.ReportCount: self.tr("Count for {work_order} operation {operation} recorded."),
            c.CorrectCount: self.tr("Count event {event_id} corrected to {good} good and {scrap} scrap."),
            c.RecordCheck: self.tr("Check {checklist} {item} recorded for {work_order}."),
            c.CallSupervisor: self.tr("Call for help from {station} sent."),
            c.AcknowledgeAndon: self.tr("Andon at {station} acknowledged."),
            c.DiscardConflict: self.tr("Conflict {conflict} discarded."),
            c.ApplyConflict: self.tr("Conflict {conflict} applied."),
            c.ReceiveLot: self.tr("Lot {lot} received."),
            c.ConsumeLot: self.tr("Lot {lot} consumed into {work_order}."),
            c.ReturnLot: self.tr("Lot {lot} returned from {work_order}."),
            c.SplitLot: self.tr("Lot {lot} split."),
            c.MergeLots: self.tr("Lots merged into {into}."),
            c.HoldLot: self.tr("Lot {lot} is on hold."),
            c.ReleaseLot: self.tr("Lot {lot} is released."),
            c.ScrapLot: self.tr("Lot {lot} scrapped."),
            c.StartDowntime: self.tr("Stop started at {station}."),
            c.EndDowntime: self.tr("Stop at {station} ended."),
            c.ClassifyDowntime: self.tr("Stop at {station} given its reason."),
            c.SplitDowntime: self.tr("Stop at {station} split in two."),
            c.MachineState: self.tr("Machine state of {station} recorded."),
            c.MachineCount: self.tr("Machine count of {station} recorded."),
            c.MachineSourceStatus: self.tr("Machine connection of {station} recorded."),
            c.PrintLabel: self.tr("Label of lot {lot} sent to the printer."),
            c.PrintTraveler: self.tr("Traveler of {work_order} sent to the printer."),
            c.RecordPrintOutcome: self.tr("Print outcome recorded."),
            c.RaiseNonconformance: self.tr("Nonconformance raised."),
            c.DisposeNonconformance: self.tr("Nonconformance {nonconformance} decided."),
            c.ReviseInstructions: self.tr(
                "Instructions rev {revision} of {product} operation {operation} waits for approval."
            ),
            c.ApproveInstructions: self.tr("Instructions rev {revision} of {product} operation {operation} approved."),
            c.AcknowledgeInstructions: self.tr("Instructions rev {revision} acknowledged at {station}."),
            c.MoveInstructions: self.tr("{work_order} moved to the newest approved instructions."),
        }

    # --- helpers ---------------------------------------------------------------------------------

    def _sentence(self, error: Exception) -> str:
        if isinstance(error, MesError):
            return error.message
        log.error("the supervisor console failed unexpectedly", exc_info=error)
        return self.tr("Something went wrong; the details are in the log. Nothing you entered was lost.")

    def _set_online(self, online: bool) -> None:
        if online == self.online:
            return
        was, self.online = self.online, online
        self.connection_changed.emit(online)
        if online and was is False:
            self.feedback.emit(INFO, self.tr("The database answers again."))


class _Blank(dict):
    """Fields for a sentence: a field the command left empty reads as nothing, never as "None"."""

    def __missing__(self, key: str) -> str:
        return ""

    def __getitem__(self, key: str) -> object:
        value = super().get(key)
        return "" if value is None else value


class _WakeupThread(QThread):
    """Waits on PostgreSQL notifications off the GUI thread; `woke` is delivered queued to the GUI."""

    woke = Signal()

    def __init__(self, wakeup: EventWakeup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wakeup = wakeup
        self._running = True

    @property
    def listening(self) -> bool:
        return self._wakeup.listening

    def run(self) -> None:
        while self._running:
            if self._wakeup.wait(0.5) and self._running:
                self.woke.emit()
        self._wakeup.close()

    def stop(self) -> None:
        self._running = False
        self.wait(3000)
