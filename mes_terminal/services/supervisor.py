"""What the supervisor console asks and does: the board, its changes, orders, dispatch lists, audit.

    service = SupervisorService(engine, bus, clock)
    user = service.sign_in("B2001", "1234")          # refused unless lead, supervisor, quality or admin
    rows = service.board()                            # every workstation, grouped by line
    service.reports / service.quality / service.printing   # the reports, quality and printing tabs
    changes = service.changes_since(last_id)          # which stations the new events touched

The console calls this off the GUI thread and gets frozen views back. Every action is a command through
the bus, whose handlers check the actor's roles: a hidden button is not what keeps an operator out.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine

from mes_terminal.documents.trace_report import recall_pdf, trace_pdf
from mes_terminal.domain.clock import Clock, site_time
from mes_terminal.domain.error_codes import UNKNOWN_STATION
from mes_terminal.domain.errors import InvalidInput, UnknownEntity
from mes_terminal.domain.execution import format_quantity
from mes_terminal.domain.statuses import OPEN_ORDER, OperationStatus
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus, Outcome
from mes_terminal.services.commands.results import SupervisorSignInResult
from mes_terminal.services.conflict_desk import ConflictDesk
from mes_terminal.services.lot_scans import lot_number_for_text, supplier_lot_for_text
from mes_terminal.services.planning.chart import PlanChart, plan_chart
from mes_terminal.services.printing.service import PrintService
from mes_terminal.services.printing.supervisor_printing import SupervisorPrinting
from mes_terminal.services.queries import board as bq
from mes_terminal.services.queries import documents as documents_q
from mes_terminal.services.queries import instructions as instruction_queries
from mes_terminal.services.queries import shift_status, trace
from mes_terminal.services.queries import supervisor_tables as cq
from mes_terminal.services.queries.board_checks import checks_due
from mes_terminal.services.queries.corrections import CORRECTABLE, corrections_of
from mes_terminal.services.queries.dispatch import station_dispatch
from mes_terminal.services.queries.instruction_views import InstructionRevisionRow, RevisionStepRow
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.supervisor_quality import SupervisorQuality
from mes_terminal.services.queries.supervisor_views import (
    AndonCall,
    AuditFilter,
    AuditRow,
    BoardRow,
    ChangeSet,
    ConflictView,
    DispatchRow,
    MasterSection,
    StationTimeline,
    SupervisorUser,
    TimelineCount,
    TimelineSpan,
    WorkOrderRow,
)
from mes_terminal.services.reports.supervisor_reports import SupervisorReports

# Calls for help older than this are no longer shown (a shift and a half).
ANDON_HORIZON = timedelta(hours=12)
# Beyond this many new events a full refresh is cheaper than sorting out what they touched.
MAX_SORTED_EVENTS = 2000
ORDER_EVENTS = frozenset({"work_order", "operation"})
ANDON_EVENTS = frozenset({bq.CALLED, bq.ANSWERED})
QUALITY_EVENTS = frozenset({"LotHeld", "LotReleased", "LotScrapped", "LotReturnedToSupplier"})


class SupervisorService:
    def __init__(
        self,
        engine: Engine,
        bus: CommandBus,
        clock: Clock,
        *,
        printing: PrintService | None = None,
        label_printer: str | None = None,
    ) -> None:
        """`printing` with the transports this program has (the command line adds system printers);
        without one, PDF files and folders, TCP and serial printers. `label_printer`: settings' [printer] label."""
        self._engine = engine
        self._bus = bus
        self._clock = clock
        self._zone: str | None = None
        self._idle_minutes: int | None = None
        self.reports = SupervisorReports(engine, clock)
        self.quality = SupervisorQuality(engine)
        self.printing = SupervisorPrinting(
            engine, bus, clock, printing or _file_and_device_printing(engine, bus, clock), label_printer=label_printer
        )

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def site_timezone(self) -> str:
        """The site's IANA zone, in which every time on the console is shown (read once, at sign-in)."""
        if self._zone is None:
            with read_connection(self._engine) as connection:
                self._zone = documents_q.site_timezone(connection)
        return self._zone

    @property
    def signature_idle_minutes(self) -> int:
        """How long a signing session lasts without a signature (read at sign-in, on the worker thread)."""
        if self._idle_minutes is None:
            with read_connection(self._engine) as connection:
                self._idle_minutes = documents_q.signature_idle_minutes(connection)
        return self._idle_minutes

    # --- acting --------------------------------------------------------------------------------

    def sign_in(self, badge: str, pin: str) -> SupervisorUser:
        """The console's user; `AuthenticationFailed` or `NotPermitted` (operators) with one sentence."""
        outcome = self.execute(c.SignInConsole(**self._common(badge), badge=badge, pin=pin))
        user = cast(SupervisorSignInResult, outcome.result)
        self.site_timezone  # noqa: B018  # read here, on the worker thread, not when a table first paints
        self._idle_minutes = None  # the plant file may have changed it since the last sign-in
        self.signature_idle_minutes  # noqa: B018
        return SupervisorUser(user["badge"], user["name"], tuple(user["roles"]))

    def execute(self, command: c.Command) -> Outcome:
        """Run a command; a refusal is a `MesError` with the sentence to show."""
        return self._bus.execute(command)

    def command(self, cls: type[c.Command], actor: str, **fields: Any) -> c.Command:
        """A new command of `cls` issued now by `actor`."""
        return cls(**self._common(actor), **fields)

    def _common(self, actor: str) -> dict[str, Any]:
        return {"command_id": uuid.uuid4(), "actor": actor, "issued_at": self._clock.now()}

    # --- the board -----------------------------------------------------------------------------

    def board(self, stations: frozenset[str] | None = None) -> list[BoardRow]:
        """Every workstation (or those named), grouped by line; states derived from the records now."""
        now = self._clock.now()
        with read_connection(self._engine) as connection:
            ids = None if stations is None else list(bq.station_ids_by_code(connection, sorted(stations)).values())
            if ids == []:
                return []
            infos = bq.stations(connection, ids)
            downtimes = bq.open_downtimes(connection, ids)
            jobs = bq.active_jobs(connection, ids)
            runs = bq.runs_of_active_jobs(connection, ids)
            people = bq.people(connection, ids)
            calls = bq.open_calls(connection, now - ANDON_HORIZON)
            due = checks_due(connection, [job["id"] for job in jobs], now)
            machines = bq.machines(connection, ids)
            short = bq.without_material(connection, [f"{job['work_order']}/{job['seq']}" for job in jobs])
        # Grouped once, so that shaping 200 rows stays linear.
        jobs_at: dict[int, list[dict[str, Any]]] = {}
        for job in jobs:
            jobs_at.setdefault(job["workstation_id"], []).append(job)
        runs_of: dict[int, list[Any]] = {}
        for run in runs:
            runs_of.setdefault(run.operation_id, []).append(run)
        first_call: dict[str, dict[str, Any]] = {}
        for call in calls:
            first_call.setdefault(call["station"], call)
        return [
            _with_machine(
                _board_row(info, downtimes, jobs_at, runs_of, people, first_call, due, short, now), machines, info
            )
            for info in infos
        ]

    def last_event_id(self) -> int:
        with read_connection(self._engine) as connection:
            return bq.last_event_id(connection)

    def changes_since(self, after: int) -> ChangeSet:
        """What the events after `after` touched; the board then reads only those stations again."""
        with read_connection(self._engine) as connection:
            upto = bq.last_event_id(connection)
            if upto <= after:
                return ChangeSet(after)
            if upto - after > MAX_SORTED_EVENTS:
                return ChangeSet(upto, everything=True)
            events = bq.changes(connection, after, upto)
            stations: set[str] = set()
            keys: list[tuple[str, int]] = []
            for event in events:
                if event.station:
                    stations.add(event.station)
                if event.entity == "workstation":
                    stations.add(event.entity_id)
                elif event.entity == "operation" and not event.station:
                    number, _, seq = event.entity_id.rpartition("/")
                    if seq.isdigit():
                        keys.append((number, int(seq)))
            stations |= bq.station_of_operations(connection, keys)
        return ChangeSet(
            upto,
            stations=frozenset(stations),
            orders=any(e.entity in ORDER_EVENTS or e.type == "DispatchReordered" for e in events),
            andon=any(e.type in ANDON_EVENTS for e in events),
            quality=any(e.entity == "nonconformance" or e.type in QUALITY_EVENTS for e in events),
        )

    def open_calls(self) -> list[AndonCall]:
        with read_connection(self._engine) as connection:
            calls = bq.open_calls(connection, self._clock.now() - ANDON_HORIZON)
        return [
            AndonCall(
                call["id"],
                call["station"],
                call["occurred_at"],
                call["payload"].get("name") or call["actor"],
                call["payload"].get("message"),
            )
            for call in calls
        ]

    def timeline(self, station: str, start: datetime, end: datetime) -> StationTimeline:
        with read_connection(self._engine) as connection:
            ids = bq.station_ids_by_code(connection, [station])
            if station not in ids:
                raise UnknownEntity(UNKNOWN_STATION.sentence(code=station), code=UNKNOWN_STATION)
            found = bq.timeline(connection, ids[station], start, end)
        return StationTimeline(
            station=station,
            start=start,
            end=end,
            runs=tuple(TimelineSpan(r.started_at, r.ended_at, f"{r.number}/{r.seq} {r.name}") for r in found["runs"]),
            stops=tuple(TimelineSpan(s.started_at, s.ended_at, s.reason or "") for s in found["stops"]),
            counts=tuple(TimelineCount(n.reported_at, n.good, n.scrap) for n in found["counts"]),
        )

    def shift_timeline(self, station: str) -> StationTimeline:
        """The station's timeline over its line's current shift (or the last eight hours without one)."""
        now = self._clock.now()
        with read_connection(self._engine) as connection:
            line = bq.line_of_station(connection, station)
        span = shift_status.current_shifts(self._engine, now).get(line or "")
        if span is None:
            return self.timeline(station, now - shift_status.FALLBACK, now)
        return self.timeline(station, span.start, span.end)

    def shift_oee(self) -> dict[str, Decimal | None]:
        """Station code -> OEE of its line's shift so far (the OEE report of the reports area)."""
        return shift_status.shift_oee(self._engine, self._clock)

    # --- work orders and dispatch ----------------------------------------------------------------

    def work_orders(self) -> list[WorkOrderRow]:
        now = self._clock.now()
        with read_connection(self._engine) as connection:
            rows = cq.work_orders(connection)
        return [WorkOrderRow(**row, late=row["due_at"] < now and row["status"] in OPEN_ORDER) for row in rows]

    def products(self) -> list[str]:
        with read_connection(self._engine) as connection:
            return cq.products(connection)

    def stations(self) -> list[str]:
        with read_connection(self._engine) as connection:
            return cq.station_codes(connection)

    def plan_chart(self, days: int = 2) -> PlanChart:
        """The published plan (mes-terminal schedule --apply) per station over the next days, for a Gantt."""
        return plan_chart(self._engine, self._clock.now(), days)

    def dispatch_list(self, station: str) -> list[DispatchRow]:
        """The operations assigned to the station, then those open to it, in the terminal's order and with
        the terminal's readiness (`queries.dispatch`): the people signed in there decide qualification."""
        with read_connection(self._engine) as connection:
            # Operations assigned to another station are that station's to order, not this one's.
            lines = [
                line
                for line in station_dispatch(connection, station, self._clock.now())
                if line.assigned_to in (None, station)
            ]
            routing_ids = {line.routing_operation_id for line in lines if line.routing_operation_id is not None}
            eligible = cq.eligible_stations(connection, sorted(routing_ids))
        return [
            DispatchRow(
                work_order=line.item.work_order,
                operation=line.item.operation,
                operation_name=line.item.operation_name,
                product=line.item.product,
                quantity=line.item.quantity,
                good=line.item.good,
                status=line.item.status,
                order_status=line.order_status,
                due_at=line.item.due_at,
                priority=line.item.priority,
                assigned=line.assigned_to == station,
                eligible_stations=tuple(eligible.get(line.routing_operation_id, ()))
                if line.routing_operation_id is not None
                else (),
                readiness=line.item.readiness,
                reason=line.item.reason,
                reasons=line.item.reasons,
            )
            for line in lines
        ]

    # --- audit and master data -----------------------------------------------------------------

    def audit(self, wanted: AuditFilter) -> list[AuditRow]:
        with read_connection(self._engine) as connection:
            rows = cq.audit(
                connection,
                actor=(wanted.user or "").strip() or None,
                station=(wanted.station or "").strip() or None,
                entity=(wanted.entity or "").strip() or None,
                start=wanted.start,
                end=wanted.end,
                limit=wanted.limit,
            )
            corrected = corrections_of(connection, [row["id"] for row in rows if row["type"] in CORRECTABLE])
        return [AuditRow(**row, corrected_by=tuple(corrected.get(row["id"], ()))) for row in rows]

    def master_data(self) -> list[MasterSection]:
        with read_connection(self._engine) as connection:
            sections = cq.master_data(connection)
        return [MasterSection(name, cols, tuple(tuple(row) for row in rows)) for name, (cols, rows) in sections.items()]

    # --- work instructions -----------------------------------------------------------------------

    # --- conflicts: actions terminals took offline that a rule refused on delivery (docs/offline.md) ---

    def conflicts(self) -> list[ConflictView]:
        """The open conflicts, oldest first."""
        return ConflictDesk(self._engine, self._bus, self._clock).list()

    def apply_conflict(self, number: int, actor: str) -> Outcome:
        """Run conflict `number`'s command again and settle it as applied; its refusal if a rule still refuses."""
        return ConflictDesk(self._engine, self._bus, self._clock).apply(number, actor)

    def instruction_revisions(self) -> list[InstructionRevisionRow]:
        """Every revision of every operation's instructions, newest first within an operation."""
        with read_connection(self._engine) as connection:
            return instruction_queries.revision_rows(connection, self.site_timezone)

    def instruction_steps(self, product: str, operation: int, revision: int) -> list[RevisionStepRow]:
        """The steps of one revision, for the console's editor."""
        with read_connection(self._engine) as connection:
            return instruction_queries.revision_steps(connection, product, operation, revision)

    # --- genealogy -------------------------------------------------------------------------------

    def trace(self, lot: str, *, forward: bool, depth: int) -> dict[str, Any]:
        """The genealogy of a lot typed or scanned (our label, a GS1-128, DataMatrix or Digital Link)."""
        return trace.trace(self._engine, self.lot_number(lot), forward=forward, depth=depth)

    def lot_number(self, text: str) -> str:
        """The lot a typed or scanned text names (our label, a GS1 element string or Digital Link)."""
        return lot_number_for_text(self._engine, text, self._clock.now().date())

    def recall(self, supplier_lot: str) -> dict[str, Any]:
        """A recall of a supplier lot typed, or scanned from the supplier's GS1 label (its (10) batch)."""
        return trace.recall(self._engine, supplier_lot_for_text(supplier_lot, self._clock.now().date()))

    def save_genealogy_pdf(self, kind: str, answer: dict[str, Any], path: str) -> str:
        """Write a trace or recall shown on screen as PDF; returns the path written."""
        generated = site_time(self._clock.now(), self.site_timezone, "zoned")
        if kind == "trace":
            pdf = trace_pdf(
                answer,
                title=f"Genealogy of lot {answer['tree']['lot']}",
                generated=generated,
                timezone=self.site_timezone,
            )
        else:
            pdf = recall_pdf(answer, generated=generated)
        try:
            Path(path).write_bytes(pdf)
        except OSError as error:
            raise InvalidInput(f"Cannot write {path}: {error.strerror or error}.") from None
        return path


def _board_row(
    info: dict[str, Any],
    downtimes: dict[int, dict[str, Any]],
    jobs_at: dict[int, list[dict[str, Any]]],
    runs_of: dict[int, list[Any]],
    people: dict[int, list[str]],
    first_call: dict[str, dict[str, Any]],
    due: dict[int, tuple[str, ...]],
    short: dict[str, list[dict[str, Any]]],
    now: datetime,
) -> BoardRow:
    station_id = info["id"]
    mine = jobs_at.get(station_id, [])
    job = mine[0] if mine else None  # running before paused (the query's order)
    downtime = downtimes.get(station_id)
    operators = tuple(people.get(station_id, ()))
    call = first_call.get(info["code"])
    its_runs = runs_of.get(job["id"], []) if job is not None else []
    run_seconds = sum(((run.ended_at or now) - run.started_at).total_seconds() for run in its_runs)
    state, since = _state(info, job, downtime, operators, its_runs)
    common: dict[str, Any] = {
        "station": info["code"],
        "station_name": info["name"],
        "line_code": info["line_code"],
        "line_name": info["line_name"],
        "state": state,
        "state_since": since,
        "operators": operators,
        "downtime_reason": None if downtime is None else (downtime["reason"] or ""),
        "downtime_since": None if downtime is None else downtime["started_at"],
        "andon_call_id": call["id"] if call else None,
        "andon_since": call["occurred_at"] if call else None,
        "andon_by": (call["payload"].get("name") or call["actor"]) if call else None,
    }
    if job is None:
        return BoardRow(**common)
    reported = job["good"] + job["scrap"]
    actual = None
    if reported > 0 and run_seconds > 0:
        actual = (Decimal(str(round(run_seconds, 3))) / reported).quantize(Decimal("0.1"))
    return BoardRow(
        **common,
        work_order=job["work_order"],
        operation=job["seq"],
        operation_name=job["name"],
        product=job["product"],
        good=job["good"],
        scrap=job["scrap"],
        target=job["target"],
        run_seconds=run_seconds,
        ideal_cycle_seconds=job["ideal_cycle_seconds"],
        actual_cycle_seconds=actual,
        checks_due=due.get(job["id"], ()),
        without_material=tuple(
            f"{m['material']} {format_quantity(Decimal(str(m['missing'])))} {m['unit']}"
            for m in short.get(f"{job['work_order']}/{job['seq']}", ())
        ),
    )


def _with_machine(row: BoardRow, machines: dict[int, tuple[bool | None, Any]], info: dict[str, Any]) -> BoardRow:
    if info["id"] not in machines:
        return row
    online, parts = machines[info["id"]]
    return replace(row, machine_online=online, machine_unassigned=Decimal(parts))


def _file_and_device_printing(engine: Engine, bus: CommandBus, clock: Clock) -> PrintService:
    from mes_terminal.devices.printers import open_transport

    return PrintService(engine, bus, clock, open_transport=lambda target: open_transport(target, now=clock.now))


def _state(
    info: dict[str, Any], job: dict | None, downtime: dict | None, operators: tuple[str, ...], runs: list[Any]
) -> tuple[str, datetime | None]:
    if not info["active"]:
        return "offline", None
    if downtime is not None:
        return "down", downtime["started_at"]
    if job is not None and job["status"] == OperationStatus.RUNNING:
        return "running", max((r.started_at for r in runs if r.ended_at is None), default=None)
    if job is not None:
        return "paused", max((r.ended_at for r in runs if r.ended_at is not None), default=None)
    return ("idle" if operators else "offline"), None
