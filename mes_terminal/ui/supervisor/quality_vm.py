"""The quality tab's intentions: read the open nonconformances and held lots; dispose, hold, release.

A disposition is signed by whoever types their badge and PIN in the dialog: the command's actor is the
signer, and the handler decides (quality role only, the PIN, the comment, the two-person rule). A
refusal is its sentence in the banner; a wrong PIN is recorded by the bus as a refused signature.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.results import DispositionResult, LotResult
from mes_terminal.services.queries.supervisor_views import ChangeSet
from mes_terminal.ui.supervisor.tab_view_model import TabViewModel
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel


class QualityViewModel(TabViewModel):
    lists_changed = Signal(object)  # QualityLists
    refreshed_by = (c.DisposeNonconformance, c.HoldLot, c.ReleaseLot)

    def __init__(self, vm: SupervisorViewModel, parent: QObject | None = None) -> None:
        super().__init__(vm, parent)
        vm.changes_read.connect(self.on_changes_read)  # quality events from the floor, too

    def read(self) -> None:
        self.vm.submit(self.vm.service.quality.lists, self.lists_changed.emit)

    def on_changes_read(self, changes: ChangeSet) -> None:
        if self.loaded and (changes.quality or changes.everything):
            self.load()

    def dispose(
        self,
        nonconformance: str,
        decision: str,
        *,
        badge: str,
        pin: str,
        comment: str | None,
        quantity: Any = None,
        pin_only: bool = False,
    ) -> None:
        """`DisposeNonconformance` signed by `badge` with `pin`; the signature means approval."""
        self.vm.act(
            c.DisposeNonconformance,
            actor=badge,
            say=self._disposed,
            nonconformance=nonconformance,
            decision=decision,
            quantity=quantity,
            pin=pin,
            meaning="approved",
            comment=comment,
            pin_only=pin_only,
        )

    def hold(self, lot: str, reason: str) -> None:
        self.vm.act(c.HoldLot, say=self._held, lot=lot, reason=reason)

    def release(self, lot: str, reason: str | None) -> None:
        self.vm.act(c.ReleaseLot, say=self._released, lot=lot, reason=reason)

    def _disposed(self, result: DispositionResult) -> str:
        return self.tr("{nc}: {decision}. Signed: {signature}.").format(
            nc=result["nonconformance"], decision=result["decision"].replace("_", " "), signature=result["signature"]
        )

    def _held(self, result: LotResult) -> str:
        return self.tr("Lot {lot} is on hold.").format(lot=result["lot"])

    def _released(self, result: LotResult) -> str:
        return self.tr("Lot {lot} is released.").format(lot=result["lot"])
