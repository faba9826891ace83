"""A few days of history for the demo, so that the reports have something real to show.

Every past shift of the bracket line (WS-01 > WS-02 > WS-03 > WS-06) on the last weekdays before today
gets a work order run through its four operations: starts, hourly counts (a little scrap), a
changeover, breakdowns and jams with reasons, machine micro-stops, a stop left for someone to
classify. Material is taken as a plant records it: each order's lots are received before its shift,
every count is preceded by a scan of what it needs of each lot-controlled BOM line, and backflushed
lines are taken at completion, so that a trace of any finished lot names all of them. Everything goes
through the command bus at its past time, exactly as terminals would have sent it; the same day gives
the same history (seeded by the date).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, select

from mes_terminal.db.records import BomLine, Material
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.intervals import Span, subtract
from mes_terminal.domain.intervals import total as total_time
from mes_terminal.domain.scrap_scope import ScrapScope
from mes_terminal.domain.shift_calendar import occurrences, patterns_from
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.demo.inspector import pass_due_checks
from mes_terminal.services.queries.read_only import read_connection
from mes_terminal.services.queries.reasons import scrap_reasons
from mes_terminal.services.reports import queries as q

LINE = "L1"
PRODUCT = "BRACKET-A"
# Operation, station and ideal cycle (s) as in demo.toml: a balanced line, each step a little slower than the
# one before, so a station does not stand starved (which a real line avoids too) once parts have arrived.
ROUTE = [(10, "WS-01", 40), (20, "WS-02", 42), (30, "WS-03", 45), (40, "WS-06", 48)]
DAYS = 3
ORDER_QUANTITY = Decimal(2000)
STOPS = [("MECH", 12, 40), ("ELEC", 6, 25), ("TOOL", 10, 30), ("MAT-LATE", 5, 20), ("JAM", 3, 8), ("SENSOR", 3, 6)]
# The scrap reasons the history names, in turn, among those that apply at the count's station (a plant file
# scopes some, as "Crack at bend" to the press brake): the rule of domain.scrap_scope, as the terminal's.
SCRAP = ["SETUP", "BURR", "DIM", "BEND-CRACK", "WELD-PORE", "WELD-MISS"]
WIRE_LOT = "DEMO-WIRE-001"  # welding wire, backflushed at the robot cell


@dataclass(order=True)
class _Action:
    at: datetime
    order: int
    kind: str = field(compare=False)
    data: dict = field(compare=False, default_factory=dict)


def create_history(engine: Engine, bus: CommandBus, clock: Clock, actor: str) -> str:
    """Run the history's commands; returns one line saying what it made."""
    now = clock.now()
    with read_connection(engine) as connection:
        stations = q.stations(connection, line=LINE)
        if not stations:
            return "History: the demo plant has no line L1; no history was made."
        zone = ZoneInfo(stations[0].timezone)
        patterns = patterns_from(q.line_shifts(connection, [stations[0].line_id])[stations[0].line_id])
        scanned = scanned_lines(connection, PRODUCT)
        scopes = {reason.code: reason.scope for reason in scrap_reasons(connection)}
    today = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    first = today - timedelta(days=1)
    while sum(1 for d in range((today - first).days) if (first + timedelta(days=d)).weekday() < 5) < DAYS:
        first -= timedelta(days=1)
    latest_end = min(today, now - timedelta(hours=1))
    shifts = [
        s for s in occurrences(patterns, zone, Span(first, today)) if s.span.start >= first and s.span.end <= latest_end
    ]
    if not shifts:
        return "History: no past shift to fill."

    run = _Runner(bus, actor, scanned, scopes)
    run.send(c.ReceiveLot, shifts[0].span.start - timedelta(hours=1), lot=WIRE_LOT, material="WIRE-G3SI1",
             quantity=Decimal(500))  # fmt: skip
    actions: list[_Action] = []
    for shift in shifts:
        rng = random.Random(f"{shift.day}-{shift.code}")
        actions += _shift_actions(f"WO-H{shift.day:%m%d}-{shift.code[0]}", shift.span, shift.breaks, rng)
    for action in sorted(actions):
        run.act(action)
    days = sorted({s.day for s in shifts})
    return (
        f"History: {len(shifts)} past shifts of line {LINE} from {days[0]} to {days[-1]}: "
        f"{run.commands} commands, {run.stops} stops ({run.unclassified} left to classify), "
        f"{run.good} good and {run.scrap} scrap at the last operation."
    )


def _shift_actions(order: str, span: Span, breaks: tuple[Span, ...], rng: random.Random) -> list[_Action]:
    start = span.start
    hours = int(span.length.total_seconds() // 3600)
    actions = [_Action(start - timedelta(minutes=20), 0, "order", {"number": order})]
    actions.append(_Action(start - timedelta(minutes=50), 0, "receive", {"number": order}))
    for index, (seq, station, ideal) in enumerate(ROUTE):
        # Each later operation starts 25 minutes after the one before, which reports its first parts just
        # before (the start needs them), past its changeover.
        begin = start + timedelta(minutes=25 * index)
        job = {"station": station, "work_order": order, "operation": seq}
        actions.append(_Action(begin, 1, "start", {"job": job}))
        changeover = {"station": station, "reason": "CHANGEOVER", "minutes": rng.randint(8, 15)}
        actions.append(_Action(begin + timedelta(minutes=1), 2, "stop", changeover))  # a planned stop
        free = range(max(2, index + 1), hours - 1)  # hours after the changeover, before the last
        for hour in rng.sample(free, k=min(3, len(free))):  # one stop an hour at most: they never overlap
            at = start + timedelta(hours=hour, minutes=rng.randint(5, 20))
            if any(b.start - timedelta(minutes=40) <= at <= b.end for b in breaks):
                continue  # nobody records a breakdown in the middle of a break
            if rng.random() < 0.35:
                actions.append(_Action(at, 2, "micro", {"station": station, "seconds": rng.randint(20, 70)}))
                continue
            reason, low, high = rng.choice(STOPS)
            stop = {"station": station, "reason": reason, "minutes": rng.randint(low, high)}
            if rng.random() < 0.25:  # given without a reason; a lead classifies some of them later
                stop.update(reason=None, classify_as=reason if rng.random() < 0.5 else None)
            actions.append(_Action(at, 2, "stop", stop))
        if index < len(ROUTE) - 1:
            first_parts = begin + timedelta(minutes=23)
            actions.append(
                _Action(first_parts, 3, "count", {"job": job, "ideal": ideal, "rate": 0.8, "breaks": breaks})
            )
        for hour in range(1, hours + 1):
            report = min(start + timedelta(hours=hour, minutes=2 + 3 * index), span.end - timedelta(minutes=3))
            if report > begin:
                actions.append(
                    _Action(
                        report,
                        3,
                        "count",
                        {"job": job, "ideal": ideal, "rate": rng.uniform(0.7, 0.95), "breaks": breaks},
                    )
                )
        actions.append(_Action(span.end - timedelta(minutes=2), 4 + index, "complete", {"job": job}))
    return actions


class _Runner:
    """Executes the actions in time order, tracking what each operation may still report."""

    def __init__(
        self,
        bus: CommandBus,
        actor: str,
        scanned: dict[int, list[tuple[str, Decimal]]],
        scopes: dict[str, ScrapScope],
    ) -> None:
        self.bus, self.actor = bus, actor
        self.scopes = scopes  # the plant's active scrap reasons, with where each applies
        self.scanned = scanned  # per operation: the lot-controlled BOM lines scanned there, with their quantity
        self.commands = self.stops = self.unclassified = 0
        self.good = self.scrap = Decimal(0)
        self._good: dict[tuple[str, int], Decimal] = {}  # per order and operation
        self._reported: dict[tuple[str, int], Decimal] = {}
        self._last: dict[tuple[str, int], datetime] = {}
        self._stopped: dict[str, list[Span]] = {}  # per station: its stops so far, micro-stops included

    def send(self, cls: Callable[..., c.Command], at: datetime, **fields: object) -> dict:
        self.commands += 1
        return dict(self.bus.execute(cls(command_id=uuid.uuid4(), actor=self.actor, issued_at=at, **fields)).result)

    def act(self, action: _Action) -> None:
        at, data = action.at, action.data
        if action.kind == "order":
            self.send(c.CreateWorkOrder, at, number=data["number"], product=PRODUCT, quantity=ORDER_QUANTITY,
                      due=at + timedelta(days=1))  # fmt: skip
            self.send(c.ReleaseWorkOrder, at, number=data["number"])
        elif action.kind == "receive":  # the order's material, staged for it: enough for its whole quantity
            for lines in self.scanned.values():
                for material, per in lines:
                    self.send(c.ReceiveLot, at, lot=_lot(data["number"], material), material=material,
                              quantity=per * ORDER_QUANTITY, supplier_lot=f"S-{data['number'][5:]}")  # fmt: skip
        elif action.kind == "start":
            self.send(c.StartJob, at, **data["job"])
            self._last[self._key(data["job"])] = at
        elif action.kind == "count":
            self._count(at, data)
        elif action.kind == "complete":
            self.commands += pass_due_checks(self.bus, self.actor, at, **data["job"])  # completion waits for them
            self.send(c.CompleteJob, at, **data["job"], short_close=True)
        elif action.kind == "micro":
            self.send(c.MachineState, at, station=data["station"], state="stopped")
            self.send(c.MachineState, at + timedelta(seconds=data["seconds"]), station=data["station"], state="running")
            self._stopped.setdefault(data["station"], []).append(Span(at, at + timedelta(seconds=data["seconds"])))
        else:
            stop = self.send(c.StartDowntime, at, station=data["station"], reason=data["reason"])
            end = at + timedelta(minutes=data["minutes"])
            self.send(c.EndDowntime, end, station=data["station"])
            self._stopped.setdefault(data["station"], []).append(Span(at, end))
            self.stops += 1
            if data.get("classify_as"):
                self.send(c.ClassifyDowntime, end + timedelta(minutes=20), downtime_id=stop["downtime_id"],
                          reason=data["classify_as"])  # fmt: skip
            else:
                self.unclassified += data["reason"] is None

    def _count(self, at: datetime, data: dict) -> None:
        job = data["job"]
        key = self._key(job)
        since = Span(self._last[key], at)
        self._last[key] = at
        # Parts come from running time: the stretch since the last report less its stops and breaks,
        # at a share (`rate`) of the ideal speed, so performance stays below 100 % as on a real line.
        idle = [*self._stopped.get(job["station"], []), *data["breaks"]]
        running = total_time(subtract([since], idle)).total_seconds()
        wanted = Decimal(int(running / data["ideal"] * data["rate"]))
        # An operation works on what the one before has made good (the first on the order quantity).
        supply = self._good.get((job["work_order"], job["operation"] - 10), ORDER_QUANTITY)
        total = min(wanted, supply - self._reported.get(key, Decimal(0)))
        if total <= 0:
            return
        reasons = self._scrap_reasons(job)
        scrap = (
            Decimal(int(total * Decimal("0.03") + Decimal("0.5")))
            if job["operation"] in (10, 30) and reasons
            else Decimal(0)
        )
        reason = reasons[(job["operation"] // 10 + at.hour) % len(reasons)] if scrap else None
        for material, per in self.scanned.get(job["operation"], ()):  # the lots these parts need, scanned first
            self.send(c.ConsumeLot, at, **job, lot=_lot(job["work_order"], material), quantity=per * total)
        self.send(c.ReportCount, at, **job, good=total - scrap, scrap=scrap, scrap_reason=reason)
        self._good[key] = self._good.get(key, Decimal(0)) + total - scrap
        self._reported[key] = self._reported.get(key, Decimal(0)) + total
        if job["operation"] == ROUTE[-1][0]:
            self.good += total - scrap
            self.scrap += scrap

    def _scrap_reasons(self, job: dict) -> list[str]:
        """The history's reasons the terminal would offer for this job at its station."""
        return [
            code
            for code in SCRAP
            if code in self.scopes
            and self.scopes[code].applies(
                line=LINE, station=job["station"], product=PRODUCT, operation=job["operation"]
            )
        ]

    @staticmethod
    def _key(job: dict) -> tuple[str, int]:
        return (job["work_order"], job["operation"])


def scanned_lines(connection: Connection, product: str) -> dict[int, list[tuple[str, Decimal]]]:
    """The product's lot-controlled BOM lines that are scanned (not backflushed), by operation."""
    rows = connection.execute(
        select(BomLine.operation_seq, Material.code, BomLine.quantity_per)
        .join(Material, Material.id == BomLine.component_id)
        .where(
            BomLine.product_id == select(Material.id).where(Material.code == product).scalar_subquery(),
            Material.lot_controlled,
            ~BomLine.backflush,
        )
        .order_by(BomLine.operation_seq, Material.code)
    )
    lines: dict[int, list[tuple[str, Decimal]]] = {}
    for seq, material, per in rows:
        lines.setdefault(seq, []).append((material, Decimal(per)))
    return lines


def _lot(order: str, material: str) -> str:
    """The lot staged for an order: "WO-H1203-E" and STEEL-2MM make "H1203-E-STEEL-2MM"."""
    return f"{order[3:]}-{material}"
