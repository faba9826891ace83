"""Tables of the quality tab: open nonconformances and lots on hold, over the service's frozen views."""

from __future__ import annotations

from collections.abc import Sequence

from mes_terminal.services.queries.supervisor_quality import HeldLotView, NonconformanceView
from mes_terminal.ui.supervisor.formatting import ZoneSource, quantity, utc_zone
from mes_terminal.ui.supervisor.simple_models import TableModel


class NonconformanceModel(TableModel):
    def __init__(self, parent=None, site_zone: ZoneSource = utc_zone) -> None:
        super().__init__(parent, site_zone)
        self.items: list[NonconformanceView] = []

    def set_nonconformances(self, items: Sequence[NonconformanceView]) -> None:
        self.items = list(items)
        titles = (
            self.tr("Number"),
            self.tr("Status"),
            self.tr("Lot"),
            self.tr("Job"),
            self.tr("Quantity"),
            self.tr("Defect"),
            self.tr("Description"),
            self.tr("Raised by"),
            self.tr("Raised at"),
        )
        status = {"open": self.tr("open"), "dispositioned": self.tr("rework under way")}
        rows = [
            (
                n.number,
                status.get(n.status, n.status),
                n.lot,
                n.job,
                n.quantity,
                n.defect_code,
                n.description,
                n.raised_by,
                n.raised_at,
            )
            for n in items
        ]
        self.set_table(titles, rows)

    def item(self, row: int) -> NonconformanceView | None:
        return self.items[row] if 0 <= row < len(self.items) else None


class HeldLotsModel(TableModel):
    def __init__(self, parent=None, site_zone: ZoneSource = utc_zone) -> None:
        super().__init__(parent, site_zone)
        self.items: list[HeldLotView] = []

    def set_lots(self, items: Sequence[HeldLotView]) -> None:
        self.items = list(items)
        titles = (
            self.tr("Lot"),
            self.tr("Material"),
            self.tr("Quantity"),
            self.tr("Held since"),
            self.tr("Held by"),
            self.tr("Reason"),
            self.tr("For nonconformance"),
        )
        rows = [
            (h.lot, h.material, f"{quantity(h.quantity)} {h.unit}", h.held_at, h.held_by, h.reason, h.nonconformance)
            for h in items
        ]
        self.set_table(titles, rows)

    def item(self, row: int) -> HeldLotView | None:
        return self.items[row] if 0 <= row < len(self.items) else None
