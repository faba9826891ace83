"""What machines count and whether their signal sources answer.

A machine's count goes to the job running at its station through the same rules as a person's count
(too many for the order, a required check due); when no job runs, or a rule refuses it, it is kept as
an unassigned machine count (shown on the board), never dropped. A total counter's last value is kept
in the database, in the same transaction as the count it made, so a connector's restart or a delivery
repeated after a lost acknowledgement counts nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy.orm import Session

from mes_terminal.db.records import MachineCount
from mes_terminal.db.repositories.machines import Machines
from mes_terminal.db.repositories.shared import Workstations
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain import execution as rules
from mes_terminal.domain import machine_signals as signals
from mes_terminal.domain.error_codes import JOB_NOT_RUNNING, MACHINE_NOT_CONFIGURED
from mes_terminal.domain.errors import InvalidInput, InvalidState, MesError, UnknownEntity
from mes_terminal.domain.roles import SHOP_FLOOR
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import ACTIVE_OPERATION
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.handlers import check_gate
from mes_terminal.services.commands.handlers.execution import record_count
from mes_terminal.services.commands.results import MachineCountResult, MachineSourceResult

log = logging.getLogger(__name__)

NO_JOB = "no_job"


def prefetch(session: Session, cmds: Sequence[c.Command]) -> None:
    """What a group of machine readings will look up, read in a few statements for all of them: the
    stations, then the running jobs and total counters of those that count (`db.lookups`)."""
    stations = Workstations(session).preload({cmd.station for cmd in cmds if cmd.station})
    counting = [cmd for cmd in cmds if isinstance(cmd, c.MachineCount) and cmd.station in stations]
    Machines(session).preload(
        {stations[cmd.station].id for cmd in counting},
        {(stations[cmd.station].id, cmd.signal) for cmd in counting if cmd.mode == "total"},
    )


def machine_count(cmd: c.MachineCount, uow: UnitOfWork) -> MachineCountResult:
    station = uow.workstations.by_code(cmd.station)
    person = uow.users.acting(cmd.actor, SHOP_FLOOR, "report machine counts")
    signal = _one_of(cmd.signal, ("count", "scrap"), "signal")
    mode = _one_of(cmd.mode, signals.COUNT_MODES, "mode")
    if cmd.value < 0:
        raise InvalidInput(Sentence("value must be 0 or more, not {value}.", value=str(cmd.value)))
    machines = Machines(uow.session)
    if mode == "total":
        counter = machines.counter(station, signal)
        last = counter.last_value if counter is not None else None
        step = signals.counter_step(last, cmd.value, cmd.wrap)
        machines.remember(station, signal, counter, step.last, cmd.issued_at)
        if step.event in (signals.CounterEvent.RESET, signals.CounterEvent.WRAPPED):
            log.warning("%s counter of %s %s: %s after %s", signal, station.code, step.event.value, cmd.value, last)
        if step.event is not signals.CounterEvent.COUNTED:
            uow.events.add(
                "MachineCounterReset" if last is not None else "MachineCounterStarted",
                "workstation",
                station.code,
                signal=signal,
                counter=step.event.value,
                last=last,
                value=cmd.value,
                counted=step.counted,
            )
    else:
        step = signals.increment_step(cmd.value)
    result: MachineCountResult = {
        "station": station.code,
        "signal": signal,
        "counter": step.event.value,
        "counted": step.counted,
        "work_order": None,
        "operation": None,
        "unassigned_because": None,
    }
    if step.counted == 0:
        return result

    good, scrap = (step.counted, Decimal(0)) if signal == "count" else (Decimal(0), step.counted)
    because: str | None = NO_JOB
    count_id: int | None = None
    job = machines.running_job(station)
    if job is not None:
        order, operation = uow.jobs.lock(*job)
        result["work_order"], result["operation"] = order.number, operation.seq
        try:
            facts = uow.jobs.facts(order, operation)
            if operation.status not in ACTIVE_OPERATION:
                raise InvalidState(
                    JOB_NOT_RUNNING.sentence(job=facts.label, station=station.code), code=JOB_NOT_RUNNING
                )
            rules.check_count(facts, good, scrap, uow.jobs.site_rules(station).overrun_percent)
            check_gate.refuse_if_checks_due(uow, station, order, operation, cmd.issued_at, completing=False)
        except MesError as refusal:  # the terminal's rule says no: keep the parts, unassigned
            because = refusal.code
            result["work_order"], result["operation"] = None, None
        else:
            count, _ = record_count(
                uow, station, person, order, operation, good, scrap, None, cmd.issued_at, source="machine"
            )
            uow.session.flush()
            count_id, because = count.id, None
    uow.session.add(
        MachineCount(
            workstation_id=station.id,
            count_id=count_id,
            good=good,
            scrap=scrap,
            counted_at=cmd.issued_at,
            unassigned_because=because,
        )
    )
    if because is not None:
        uow.events.add("MachineCountUnassigned", "workstation", station.code, good=good, scrap=scrap, because=because)
    result["unassigned_because"] = because
    return result


def machine_source_status(cmd: c.MachineSourceStatus, uow: UnitOfWork) -> MachineSourceResult:
    station = uow.workstations.by_code(cmd.station)
    uow.users.acting(cmd.actor, SHOP_FLOOR, "report machine states")
    source = Machines(uow.session).source(station, cmd.url)
    if source is None:
        raise UnknownEntity(MACHINE_NOT_CONFIGURED.sentence(station=station.code), code=MACHINE_NOT_CONFIGURED)
    changed = source.online is not cmd.online
    if changed:
        source.online, source.online_changed_at = cmd.online, cmd.issued_at
        uow.events.add(
            "MachineSourceOnline" if cmd.online else "MachineSourceOffline", "workstation", station.code, url=cmd.url
        )
    return {"station": station.code, "url": cmd.url, "online": cmd.online, "changed": changed}


def _one_of(value: str, allowed: tuple[str, ...], field: str) -> str:
    if value not in allowed:
        raise InvalidInput(
            Sentence(
                "{field} must be {allowed}, not {value!r}.", field=field, allowed=" or ".join(allowed), value=value[:40]
            )
        )
    return value
