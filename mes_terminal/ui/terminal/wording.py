"""What the terminal says after a command, in plain words, through Qt's translations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from functools import wraps
from typing import TYPE_CHECKING, Any, ParamSpec, cast

from PySide6.QtCore import QCoreApplication

from mes_terminal.domain.clock import site_time
from mes_terminal.domain.sentences import Sentence
from mes_terminal.ui.deferred_module import DeferredModule

if TYPE_CHECKING:
    from mes_terminal.services.commands import catalog as c
    from mes_terminal.services.commands import results as r
else:  # loaded with the service stack on the worker thread, not before the first paint
    c = DeferredModule("mes_terminal.services.commands.catalog")


P = ParamSpec("P")


class Said(str):
    """Words on screen that can be said again in another language: `again()` words them anew through the
    translations now installed (the banner and the scan strip do so when the language switches)."""

    again: Callable[[], str]

    def __new__(cls, text: str, again: Callable[[], str]) -> Said:
        said = super().__new__(cls, text)
        said.again = again
        return said


def again(text: str) -> str:
    """`text` in the language now installed, where it was worded by this module; other text as it is."""
    return text.again() if isinstance(text, Said) else text


def _said(word: Callable[P, str]) -> Callable[P, str]:
    @wraps(word)
    def wording(*args: P.args, **kwargs: P.kwargs) -> str:
        return Said(word(*args, **kwargs), lambda: word(*args, **kwargs))

    return wording


# pyside6-lupdate files the strings of a module-level tr() under the empty context; looked up under
# another name, none of them would ever be translated.
_CONTEXT = ""


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@_said
def sentence(text: str) -> str:
    """`text` in the operator's language: a service's `Sentence` through the translations, other text as is."""
    if not isinstance(text, Sentence):
        return text
    values = {name: sentence(value) if isinstance(value, Sentence) else value for name, value in text.values.items()}
    try:
        return QCoreApplication.translate("Sentences", text.template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that names a value the sentence lacks
        return str(text)


def quantity(value: Decimal | str | int | float) -> str:
    """A quantity without trailing zeros: 250, 0.35."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(number.normalize(), "f")
    return text


def unit_name(unit: str) -> str:
    """A unit of measure as the operator's language writes it: pcs is "Stk" in German; kg, m, l stay."""
    names = {"pcs": tr("pcs"), "pc": tr("pcs"), "ea": tr("pcs"), "pieces": tr("pcs")}
    return names.get(unit, unit)


def duration(seconds: float) -> str:
    """A length of time in words, to the second below a minute: "12 s", "6 min 42 s", "47 min", "2 h 05 min"."""
    whole = max(0, int(seconds))
    if whole < 60:
        return tr("{seconds} s").format(seconds=whole)
    minutes, secs = divmod(whole, 60)
    if minutes < 10 and secs:
        return tr("{minutes} min {seconds} s").format(minutes=minutes, seconds=secs)
    if minutes < 60:
        return tr("{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    return tr("{hours} h {minutes} min").format(hours=hours, minutes=f"{minutes:02d}")


def timer(seconds: float) -> str:
    """A running timer: 00:06:42."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


@_said
def succeeded(command: c.Command, result: Mapping[str, Any], *, reason_name: str = "") -> str:
    """The green banner after `command` went through; `reason_name` names a downtime reason's code.

    `result` is the command's result (services/commands/results.py) as stored: quantities and times as text.
    """
    job = {"work_order": getattr(command, "work_order", ""), "operation": getattr(command, "operation", "")}
    if isinstance(command, c.SignIn):
        signed_in = cast("r.SignInResult", result)
        return tr("Welcome, {name}. You are signed in.").format(name=signed_in.get("name", command.badge))
    if isinstance(command, c.ChangePin):
        return tr("Your new PIN is set.")
    if isinstance(command, c.SignOut):
        signed_out = cast("r.SignOutResult", result)
        return tr("{name} is signed out.").format(name=signed_out.get("name", command.badge))
    if isinstance(command, c.StartJob):
        return tr("Started {work_order} operation {operation}.").format(**job)
    if isinstance(command, c.PauseJob):
        if command.reason:
            return tr("{work_order} operation {operation} stopped: downtime {reason}.").format(
                reason=reason_name or command.reason, **job
            )
        return tr("Paused {work_order} operation {operation}.").format(**job)
    if isinstance(command, c.StartDowntime):
        if command.reason:
            return tr("The station is down: {reason}. Tap End downtime when it runs again.").format(
                reason=reason_name or command.reason
            )
        return tr("The station is down; the reason is still needed.")
    if isinstance(command, c.EndDowntime):
        return tr("Downtime ended after {duration}.").format(duration=_stop_length(cast("r.DowntimeResult", result)))
    if isinstance(command, c.ClassifyDowntime):
        return tr("The stop now has its reason: {reason}.").format(reason=reason_name or command.reason)
    if isinstance(command, c.ResumeJob):
        return tr("Resumed {work_order} operation {operation}.").format(**job)
    if isinstance(command, c.ReportCount):
        counted = cast("r.CountResult", result)
        reported = tr("Reported {good} good and {scrap} scrap. Now {total_good} good, {total_scrap} scrap.").format(
            good=quantity(command.good),
            scrap=quantity(command.scrap),
            total_good=quantity(counted.get("good", 0)),
            total_scrap=quantity(counted.get("scrap", 0)),
        )
        return _with_warning(reported, counted.get("warning"))
    if isinstance(command, c.CompleteJob):
        completed = cast("r.CompletionResult", result)
        if completed.get("short_closed"):
            done = tr("Completed {work_order} operation {operation} with a short close.").format(**job)
        else:
            done = tr("Completed {work_order} operation {operation}.").format(**job)
        return _with_warning(done, completed.get("warning"))
    if isinstance(command, c.CallSupervisor):
        return tr("A supervisor has been called to this station.")
    if isinstance(command, c.AcknowledgeInstructions):
        return tr(
            "Thank you: you have read instructions revision {revision} of {work_order} operation {operation}."
        ).format(revision=command.revision, **job)
    if isinstance(command, c.ConsumeLot):
        consumed = cast("r.ConsumptionResult", result)
        taken = tr("Lot {lot}: {quantity} {unit} of {material} taken into {work_order} operation {operation}.").format(
            lot=command.lot,
            quantity=quantity(consumed.get("consumed", 0)),
            unit=unit_name(consumed.get("unit", "")),
            material=consumed.get("material", ""),
            **job,
        )
        return f"{taken} {consumed['warning']}" if consumed.get("warning") else taken
    if isinstance(command, c.RecordCheck):
        checked = cast("r.CheckResult", result)
        recorded = tr("{item}: {value} recorded.").format(
            item=checked.get("text", command.item),
            value=" ".join(
                str(v) for v in (checked.get("value", command.value), unit_name(checked.get("unit") or "")) if v
            ),
        )
        return f"{recorded} {checked['warning']}" if checked.get("warning") else recorded
    return tr("Done.")


def _with_warning(said: str, warning: str | None) -> str:
    """What was done, then what the operator must know about it (reported without material)."""
    return f"{said} {sentence(warning)}" if warning else said


@_said
def describe(command: c.Command) -> str:
    """What a command that could not be sent would do, for the "Send again" strip."""
    job = {"work_order": getattr(command, "work_order", ""), "operation": getattr(command, "operation", "")}
    if isinstance(command, c.SignOut):
        return tr("Sign out {badge}").format(badge=command.badge)
    if isinstance(command, c.StartJob):
        return tr("Start {work_order} operation {operation}").format(**job)
    if isinstance(command, c.PauseJob):
        return tr("Pause {work_order} operation {operation}").format(**job)
    if isinstance(command, c.StartDowntime):
        return tr("Stop the station ({reason})").format(reason=command.reason or tr("reason needed"))
    if isinstance(command, c.EndDowntime):
        return tr("End the downtime")
    if isinstance(command, c.ClassifyDowntime):
        return tr("Give the stop the reason {reason}").format(reason=command.reason)
    if isinstance(command, c.ResumeJob):
        return tr("Resume {work_order} operation {operation}").format(**job)
    if isinstance(command, c.ReportCount):
        return tr("Report {good} good and {scrap} scrap for {work_order} operation {operation}").format(
            good=quantity(command.good), scrap=quantity(command.scrap), **job
        )
    if isinstance(command, c.CompleteJob):
        return tr("Complete {work_order} operation {operation}").format(**job)
    if isinstance(command, c.CallSupervisor):
        return tr("Call a supervisor")
    if isinstance(command, c.ConsumeLot):
        return tr("Take lot {lot} into {work_order} operation {operation}").format(lot=command.lot, **job)
    if isinstance(command, c.RecordCheck):
        return tr("Record {item} = {value} for {work_order} operation {operation}").format(
            item=command.item, value=command.value, **job
        )
    return command.type


def _stop_length(result: r.DowntimeResult) -> str:
    """How long a stop lasted, from its result's RFC 3339 times: "12 s", "6 min 42 s"."""
    try:
        started = datetime.fromisoformat(str(result["started_at"]).replace("Z", "+00:00"))
        ended = datetime.fromisoformat(str(result["ended_at"]).replace("Z", "+00:00"))
    except (KeyError, ValueError):
        return "–"
    return duration((ended - started).total_seconds())


@_said
def reason_needed(source: str) -> str:
    if source == "machine":
        return tr("The machine stopped: tap Reason needed and choose why.")
    return tr("The station is down without a reason: tap Reason needed and choose why.")


@_said
def label_printed(outcome: Any) -> str:
    """After a lot label reached its printer (`outcome` is a PrintOutcome)."""
    if outcome.reprint:
        return tr("Label of lot {lot} printed again ({where}).").format(lot=outcome.subject, where=outcome.sent_to)
    return tr("Label of lot {lot} printed ({where}).").format(lot=outcome.subject, where=outcome.sent_to)


@_said
def label_not_printed(why: str) -> str:
    return tr("Label not printed. {why}").format(why=why)


@_said
def check_due(checks: tuple[str, ...]) -> str:
    return tr("Check due: {checks}.").format(checks="; ".join(checks))


@_said
def unexpected() -> str:
    return tr("Something went wrong. Nothing you entered is lost; try again, or call a supervisor.")


@_said
def offline() -> str:
    return tr("Not sent: the database cannot be reached. What you entered is kept; tap Send again.")


@_said
def kept_on_terminal(command: c.Command, waiting: int) -> str:
    """A command kept in the outbox: honest that nothing was checked yet, and who decides if it fails."""
    return tr(
        "Saved here, not checked yet ({waiting} waiting): {what}. "
        "If it no longer applies when sent, a supervisor decides."
    ).format(what=describe(command), waiting=waiting)


@_said
def conflicts_kept(count: int) -> str:
    return tr(
        "Actions saved here no longer applied when sent ({count}). Nothing is lost: a supervisor will decide."
    ).format(count=count)


@_said
def offline_too_long(minutes: int, waiting: int) -> str:
    return tr(
        "This terminal has not reached the database for {minutes} minutes. It still saves starts, pauses, counts, "
        "scans of lot labels, downtime and checks here, unchecked ({waiting} waiting); signing in with a PIN "
        "needs the database. Tell a supervisor or IT now."
    ).format(minutes=minutes, waiting=waiting)


@_said
def started_offline(taken_at: datetime, zone: str) -> str:
    """The terminal opened from its snapshot: what it shows may be old, and what still works."""
    return tr(
        "Started offline, from this terminal's data of {time}. What you do is saved here and sent when the "
        "database answers; signing in with a PIN needs the database."
    ).format(time=site_time(taken_at, zone, "date_time"))


@_said
def pending_here() -> str:
    """A dispatch row changed by an action saved offline: shown as done, not yet checked."""
    return tr("Pending: saved here, not sent yet")


@_said
def back_online() -> str:
    return tr("The database is reachable again.")


@_said
def everyone_signed_out() -> str:
    return tr("Nobody used the terminal for a while: everyone is signed out.")


@_said
def sign_in_first() -> str:
    return tr("Sign in first: scan your badge.")


@_said
def no_job_for_material() -> str:
    return tr("No job is running here: start the job, then scan its material.")


# --- what a scan says (ui/terminal/scan_decisions.py) -----------------------------------------------


@_said
def pin_needed(badge: str) -> str:
    return tr("Badge {badge} scanned: enter your PIN.").format(badge=badge)


@_said
def not_dispatched(work_order: str, operation: int) -> str:
    return tr("{work_order} operation {operation} is not in this station's dispatch list.").format(
        work_order=work_order, operation=operation
    )


@_said
def nothing_to_do(work_order: str) -> str:
    return tr("Work order {work_order} has nothing to do at this station.").format(work_order=work_order)


@_said
def this_station(station: str) -> str:
    return tr("This is station {station}.").format(station=station)


@_said
def other_station(here: str, there: str) -> str:
    return tr("This terminal is station {here}; the sign says {there}.").format(here=here, there=there)


@_said
def not_recognised(reason: str) -> str:
    return tr("Scan not recognised. {reason}").format(reason=sentence(reason))
