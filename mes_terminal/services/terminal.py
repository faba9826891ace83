"""What the operator terminal asks and does: one station's view, its dispatch list, its commands.

The UI calls this (off the GUI thread) and gets frozen views back; it never sees a record.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from mes_terminal.domain import materials as m
from mes_terminal.domain.clock import Clock, site_date
from mes_terminal.domain.errors import MesError
from mes_terminal.domain.scans import Scan
from mes_terminal.domain.statuses import OperationStatus
from mes_terminal.services.commands.bus import CommandBus, Outcome
from mes_terminal.services.commands.catalog import Command, ConsumeLot
from mes_terminal.services.commands.delivery import OutboxDelivery, Queued, Round
from mes_terminal.services.lot_scans import lot_number_for_scan
from mes_terminal.services.printing.station_labels import StationLabels, no_label_printer
from mes_terminal.services.queries import checklists as quality
from mes_terminal.services.queries import downtime as dq
from mes_terminal.services.queries import instructions as instruction_queries
from mes_terminal.services.queries import materials as mq
from mes_terminal.services.queries import reasons
from mes_terminal.services.queries import station as q
from mes_terminal.services.queries.dispatch import station_dispatch
from mes_terminal.services.queries.downtime_views import DowntimeView, ReasonNode
from mes_terminal.services.queries.instruction_views import InstructionsView
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.station_views import (
    ChecklistView,
    DispatchItem,
    JobView,
    MaterialLineView,
    OperatorView,
    ReasonView,
    StationView,
)
from mes_terminal.services.terminal_snapshot import Snapshot, SnapshotFile

if TYPE_CHECKING:
    from mes_terminal.services.printing.service import PrintOutcome


@dataclass(frozen=True)
class ScannedLot:
    """A lot scan taken to the bus: the ConsumeLot sent (its lot found), and its outcome or its refusal."""

    command: ConsumeLot
    outcome: Outcome | Queued | None = None  # Queued: kept in the terminal's outbox, sent when the database answers
    refusal: MesError | None = None  # DatabaseUnavailable (no outbox): not sent; send `command` again, with its id


class TerminalService:
    def __init__(
        self,
        engine: Engine,
        bus: CommandBus,
        clock: Clock,
        *,
        labels: StationLabels | None = None,
        delivery: OutboxDelivery | None = None,
        snapshot: SnapshotFile | None = None,
    ) -> None:
        self._engine = engine
        self._bus = bus
        self._clock = clock
        self._labels = labels  # None: this terminal has no label printer
        self._delivery = delivery  # None: no outbox, a command that cannot reach the database is refused
        self._snapshot = snapshot  # None: no station snapshot is kept (the terminal cannot start offline)

    def execute(self, command: Command) -> Outcome | Queued:
        """Run a command; raises a `MesError` with a sentence for the operator when refused.

        With an outbox the command is kept on this terminal first: `Queued` when it waits there (the
        database cannot be reached, or others wait ahead of it), to be sent by `deliver_waiting`.
        """
        if self._delivery is None:
            return self._bus.execute(command)
        return self._delivery.send(command)

    def deliver_waiting(self, limit: int | None = None) -> Round:
        """Send up to `limit` commands waiting in the outbox, oldest first (`OutboxDelivery.deliver`)."""
        if self._delivery is None:
            return Round(sent=0, left=0, reachable=True)
        return self._delivery.deliver(limit)

    def waiting(self) -> int:
        """How many commands wait in this terminal's outbox."""
        return 0 if self._delivery is None else self._delivery.waiting()

    # --- the station snapshot (docs/offline.md: starting offline) ------------------------------------

    def remember_station(
        self, station: StationView, dispatch: list[DispatchItem], downtime: DowntimeView | None
    ) -> None:
        """Keep what was just read of the station, so that the terminal can start from it offline."""
        if self._snapshot is not None:
            self._snapshot.keep_station(station, dispatch, downtime, self._clock.now())

    def remember_reasons(self, scrap_reasons: list[ReasonView], downtime_tree: list[ReasonNode]) -> None:
        if self._snapshot is not None:
            self._snapshot.keep_reasons(scrap_reasons, downtime_tree, self._clock.now())

    def remember_materials(self, work_order: str, operation: int, lines: list[MaterialLineView]) -> None:
        if self._snapshot is not None:
            self._snapshot.keep_materials(work_order, operation, lines, self._clock.now())

    def remembered_materials(self, code: str, work_order: str, operation: int) -> list[MaterialLineView] | None:
        """A job's Materials panel as this terminal last read it (offline), or None."""
        return None if self._snapshot is None else self._snapshot.materials(code, work_order, operation)

    def snapshot(self, code: str) -> Snapshot | None:
        """The station as last read by this terminal, or None when none is kept."""
        return None if self._snapshot is None else self._snapshot.read(code)

    def waiting_commands(self, limit: int = 1000) -> list[Command]:
        """The commands waiting in this terminal's outbox, oldest first (shown as done while offline)."""
        return [] if self._delivery is None else [waiting.command for waiting in self._delivery.outbox.oldest(limit)]

    def station(self, code: str) -> StationView:
        now = self._clock.now()
        with read_connection(self._engine) as connection:
            info = q.station(connection, code)
            people = q.operators(connection, info["id"])
            jobs = q.jobs(connection, info["id"], now)
            downtime = q.open_downtime(connection, info["id"])
            due = quality.due_for_operations(connection, [job["id"] for job in jobs], now)
        views = tuple(replace(_job_view(job), checks_due=due.get(job["id"], ())) for job in jobs)
        state, since = _state(jobs, downtime)
        return StationView(
            code=info["code"],
            name=info["name"],
            line_code=info["line_code"],
            line_name=info["line_name"],
            state=state,
            state_since=since,
            operators=tuple(OperatorView(p["badge"], p["name"], p["signed_in_at"]) for p in people),
            jobs=views,
            open_downtime_reason=None if downtime is None else (downtime["reason"] or ""),
            badge_only=info["badge_only"],
            timezone=info["timezone"],
        )

    def dispatch_list(self, code: str) -> list[DispatchItem]:
        """The station's dispatch list, each row with the verdict Start would give (`queries.dispatch`)."""
        with read_connection(self._engine) as connection:
            return [line.item for line in station_dispatch(connection, code, self._clock.now())]

    def materials(self, code: str, work_order: str, operation: int) -> list[MaterialLineView]:
        """The Materials panel of a job: per BOM line what the reported work needs, what was taken, what is
        left to take for the planned quantity, and whether taking kept up (`domain.materials.coverage`)."""
        with read_connection(self._engine) as connection:
            info = q.station(connection, code)
            site = q.site_rules(connection, info["id"])
            job = q.operation_ref(connection, work_order, operation)
            lines = mq.bom_with_stock(connection, [job.ref], self._today(site["timezone"]))[job.ref.operation_id]
        views = []
        for line, on_hand in lines:
            where = m.coverage(line, job.reported, job.planned)
            views.append(
                MaterialLineView(
                    material=line.material,
                    name=line.name,
                    unit=line.unit,
                    needed=where.needed,
                    taken=where.taken,
                    left=where.left,
                    on_hand=on_hand,
                    state=where.state.value,
                    backflush=line.backflush,
                    substitutes=line.substitutes,
                    lot_controlled=line.lot_controlled,
                    required=line.required(max(job.planned, job.reported)),
                )
            )
        return views

    def lot_for_scan(self, scan: Scan) -> str:
        """Our lot number for a lot scan: our own label, or GS1 (01) GTIN + (10) batch from a GS1-128,
        a GS1 DataMatrix or a GS1 Digital Link (`services.lot_scans`)."""
        return lot_number_for_scan(self._engine, scan, self._clock.now().date())

    def lot_named(self, code: str) -> str | None:
        """The lot whose number is `code` (a bare code scanned or typed), or None: no such lot."""
        with read_connection(self._engine) as connection:
            return mq.lot_number_if_exists(connection, code)

    def consume_scanned_lot(
        self,
        station: str,
        actor: str,
        work_order: str,
        operation: int,
        scan: Scan,
        *,
        command_id: uuid.UUID,
        issued_at: datetime | None = None,
    ) -> ScannedLot:
        """Take the scanned lot into the job in one call: find its number (`lot_for_scan`), run ConsumeLot.

        A scan that names no lot (unknown lot, a GS1 label without (01)+(10), a GS1 label while the
        database is unreachable) raises its `MesError`: nothing was sent. Once the lot is known the answer
        carries the command, so that a refusal can be acted on (asking for a quantity) and a command
        that could not reach the database kept and sent again with the same `command_id`.
        """
        command = ConsumeLot(
            command_id=command_id,
            actor=actor,
            issued_at=issued_at or self._clock.now(),
            station=station,
            work_order=work_order,
            operation=operation,
            lot=self.lot_for_scan(scan),
            entry=m.LotEntry.SCANNED,
        )
        try:
            return ScannedLot(command, outcome=self.execute(command))
        except MesError as refusal:
            return ScannedLot(command, refusal=refusal)

    def scrap_reasons(self) -> list[ReasonView]:
        with read_connection(self._engine) as connection:
            return reasons.scrap_reasons(connection)

    def downtime_reasons(self) -> list[ReasonView]:
        with read_connection(self._engine) as connection:
            return reasons.downtime_reasons(connection)

    # --- downtime (the terminal's downtime screen) ----------------------------------------------

    def open_downtime(self, code: str) -> DowntimeView | None:
        """The station's open stop, or None; `reason_needed` tells the screen to ask for a reason."""
        with read_connection(self._engine) as connection:
            row = dq.open_stop(connection, code)
        if row is None:
            return None
        return DowntimeView(
            downtime_id=row["id"],
            station=code,
            started_at=row["started_at"],
            reason=row["reason"],
            reason_name=row["reason_name"],
            source=row["source"],
            machine_state=row["machine_state"],
            comment=row["comment"],
            micro_stop_seconds=row["micro_stop_seconds"],
            work_order=row["work_order"],
            operation=row["operation"],
        )

    def downtime_reason_tree(self) -> list[ReasonNode]:
        """The reason tree depth first, children by name; only leaves classify a stop."""
        with read_connection(self._engine) as connection:
            rows = dq.reason_rows(connection)
        children: dict[str | None, list[dict]] = {}
        for row in rows:
            children.setdefault(row["parent"], []).append(row)
        nodes: list[ReasonNode] = []

        def walk(parent: str | None, depth: int) -> None:
            for row in children.get(parent, []):
                leaf = row["code"] not in children
                nodes.append(ReasonNode(leaf=leaf, depth=depth, **row))
                walk(row["code"], depth + 1)

        walk(None, 0)
        return nodes

    # --- printing (the Print label button, and the label at completion) -------------------------------

    def print_output_label(
        self,
        station: str,
        actor: str,
        work_order: str,
        *,
        reason: str | None = None,
        command_id: uuid.UUID | None = None,
    ) -> PrintOutcome:
        """Print the label of the work order's output lot on the station's label printer (blocks on it).

        Refusals are `MesError`s in plain words (`print.no_label_printer`, `print.no_output_lot`,
        `print.reason_required` for a reprint without reason); a printer that failed is `DeviceUnavailable`.
        """
        if self._labels is None:
            raise no_label_printer()
        return self._labels.print_output_label(station, actor, work_order, reason=reason, command_id=command_id)

    # --- quality (the checklist screen) ------------------------------------------------------------

    def checklist(self, work_order: str, operation: int) -> ChecklistView:
        """The job's checklist item by item: limits, what is due now and the last answers."""
        with read_connection(self._engine) as connection:
            return quality.job_checklist(connection, work_order, operation, self._clock.now())

    # --- work instructions -------------------------------------------------------------------------

    def instructions(self, work_order: str, operation: int, badge: str | None) -> InstructionsView:
        """The instructions revision the operation shows, with its files, and whether `badge` must
        acknowledge it; `InvalidState` (instructions.none) when it has no approved instructions."""
        with read_connection(self._engine) as connection:
            return instruction_queries.operation_instructions(connection, work_order, operation, badge)

    def _today(self, timezone: str) -> date:
        return site_date(self._clock.now(), timezone)


def _job_view(job: dict) -> JobView:
    reported = job["good"] + job["scrap"]
    actual = None
    if reported > 0 and job["run_seconds"] > 0:
        actual = (Decimal(str(job["run_seconds"])) / reported).quantize(Decimal("0.01"))
    return JobView(
        work_order=job["work_order"],
        operation=job["seq"],
        operation_name=job["name"],
        product=job["product"],
        product_name=job["product_name"],
        unit=job["unit"],
        status=job["status"],
        target=job["target"],
        good=job["good"],
        scrap=job["scrap"],
        run_started_at=job["run_started_at"],
        run_seconds=job["run_seconds"],
        ideal_cycle_seconds=job["ideal_cycle_seconds"] or Decimal(0),
        actual_cycle_seconds=actual,
        operators=job["operators"],
    )


def _state(jobs: list[dict], downtime: dict | None) -> tuple[str, datetime | None]:
    running = [j for j in jobs if j["status"] == OperationStatus.RUNNING]
    if downtime is not None:
        return "down", downtime["started_at"]
    if running:
        return "running", max(j["run_started_at"] for j in running)
    if jobs:
        return "paused", max((j["last_run_ended_at"] for j in jobs if j["last_run_ended_at"]), default=None)
    return "idle", None
