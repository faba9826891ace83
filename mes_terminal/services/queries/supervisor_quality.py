"""What the console's quality tab shows: open nonconformances, lots on hold, the site's signature rules.

Read-only; dispositions, holds and releases are commands (`DisposeNonconformance`, `HoldLot`,
`ReleaseLot`) whose handlers decide who may do them — the quality role alone disposes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Engine, select

from mes_terminal.db.records import Hold, Lot, Material, Nonconformance, User
from mes_terminal.domain.statuses import HELD_LOT
from mes_terminal.services.queries import quality as qq
from mes_terminal.services.queries.read_only import read_connection


@dataclass(frozen=True)
class NonconformanceView:
    number: str
    status: str  # open | dispositioned (rework under way)
    lot: str | None
    work_order: str | None
    operation: int | None
    quantity: Decimal | None
    defect_code: str | None
    description: str
    raised_by: str
    raised_at: datetime

    @property
    def job(self) -> str | None:
        return f"{self.work_order}/{self.operation}" if self.work_order else None


@dataclass(frozen=True)
class HeldLotView:
    lot: str
    material: str
    quantity: Decimal
    unit: str
    status: str  # on_hold | quarantined
    held_at: datetime | None  # the newest open hold
    held_by: str | None
    reason: str | None
    nonconformance: str | None  # a hold for a nonconformance is released by its disposition


@dataclass(frozen=True)
class QualityLists:
    nonconformances: tuple[NonconformanceView, ...]
    held_lots: tuple[HeldLotView, ...]
    two_person_signatures: bool


class SupervisorQuality:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def lists(self) -> QualityLists:
        """Nonconformances not yet closed (newest first) and the lots on hold (newest hold first)."""
        with read_connection(self._engine) as connection:
            ncs = qq.open_nonconformances(connection)
            held = connection.execute(
                select(Lot.id, Lot.number, Material.code, Lot.quantity, Material.unit, Lot.status)
                .join(Material, Material.id == Lot.material_id)
                .where(Lot.status.in_(HELD_LOT))
            ).all()
            holds = connection.execute(
                select(Hold.lot_id, Hold.placed_at, User.name, Hold.reason, Nonconformance.number)
                .join(User, User.id == Hold.placed_by_id)
                .outerjoin(Nonconformance, Nonconformance.id == Hold.nonconformance_id)
                .where(Hold.lot_id.in_([row.id for row in held]), Hold.released_at.is_(None))
                .order_by(Hold.placed_at, Hold.id)
            ).all()
            rules = qq.site_quality_rules(connection)
        newest = {h.lot_id: h for h in holds}  # ordered oldest first: the last one wins
        lots = []
        for row in held:
            hold = newest.get(row.id)
            lots.append(
                HeldLotView(
                    lot=row.number,
                    material=row.code,
                    quantity=row.quantity,
                    unit=row.unit,
                    status=row.status,
                    held_at=hold.placed_at if hold else None,
                    held_by=hold.name if hold else None,
                    reason=hold.reason if hold else None,
                    nonconformance=hold.number if hold else None,
                )
            )
        lots.sort(key=lambda lot: (lot.held_at is None, -(lot.held_at.timestamp() if lot.held_at else 0), lot.lot))
        return QualityLists(
            nonconformances=tuple(
                NonconformanceView(
                    n.number,
                    n.status,
                    n.lot,
                    n.work_order,
                    n.operation,
                    n.quantity,
                    n.defect_code,
                    n.description,
                    n.raised_by,
                    n.raised_at,
                )
                for n in ncs
            ),
            held_lots=tuple(lots),
            two_person_signatures=rules.two_person_signatures,
        )
