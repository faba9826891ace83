"""The quality tab: open nonconformances with their signed disposition, and lots on hold, held and released.

Who may do what is the handlers' decision (quality alone disposes; leads, supervisors and quality hold
and release); the page shows their refusal in the banner as they say it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QHeaderView, QWidget

from mes_terminal.services.queries.supervisor_quality import NonconformanceView, QualityLists
from mes_terminal.ui.forms.supervisor_quality_ui import Ui_SupervisorQuality
from mes_terminal.ui.supervisor.disposition_dialog import DispositionDialog
from mes_terminal.ui.supervisor.lot_reason_dialog import LotReasonDialog
from mes_terminal.ui.supervisor.quality_models import HeldLotsModel, NonconformanceModel
from mes_terminal.ui.supervisor.quality_vm import QualityViewModel


class QualityPage(QWidget):
    def __init__(self, quality: QualityViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quality = quality
        self.two_person = False
        self.ui = Ui_SupervisorQuality()
        self.ui.setupUi(self)
        self.nc_model = NonconformanceModel(self, quality.vm.site_zone)
        self.held_model = HeldLotsModel(self, quality.vm.site_zone)
        for view, model in ((self.ui.ncView, self.nc_model), (self.ui.heldView, self.held_model)):
            view.setModel(model)
            view.verticalHeader().hide()
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        quality.lists_changed.connect(self.on_lists_changed)
        self.ui.ncView.selectionModel().selectionChanged.connect(self.on_nc_selection_changed)
        self.ui.heldView.selectionModel().selectionChanged.connect(self.on_held_selection_changed)
        self.ui.disposeButton.clicked.connect(self.on_dispose_clicked)
        self.ui.holdButton.clicked.connect(self.on_hold_clicked)
        self.ui.releaseButton.clicked.connect(self.on_release_clicked)

    def on_lists_changed(self, lists: QualityLists) -> None:
        chosen = self.selected_nonconformance()
        self.two_person = lists.two_person_signatures
        self.nc_model.set_nonconformances(lists.nonconformances)
        self.held_model.set_lots(lists.held_lots)
        for view in (self.ui.ncView, self.ui.heldView):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        open_count = sum(n.status == "open" for n in lists.nonconformances)
        self.ui.ncCountLabel.setText(
            self.tr("Open: {open} · rework under way: {rework}").format(
                open=open_count, rework=len(lists.nonconformances) - open_count
            )
        )
        self.ui.heldCountLabel.setText(self.tr("Lots on hold: {count}").format(count=len(lists.held_lots)))
        self.ui.ruleLabel.setText(
            self.tr("Signed with badge and PIN by quality; two-person rule: the one who raised it does not sign.")
            if self.two_person
            else self.tr("Signed with badge and PIN by quality.")
        )
        if chosen is not None:
            self.select(chosen.number)
        self._render_actions()

    def select(self, number: str) -> None:
        for row, item in enumerate(self.nc_model.items):
            if item.number == number:
                self.ui.ncView.selectRow(row)
                return

    def selected_nonconformance(self) -> NonconformanceView | None:
        index = self.ui.ncView.currentIndex()
        return self.nc_model.item(index.row()) if index.isValid() else None

    def on_nc_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        nc = self.selected_nonconformance()
        if nc is not None and nc.lot:
            self.ui.lotEdit.setText(nc.lot)
        self._render_actions()

    def on_held_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        index = self.ui.heldView.currentIndex()
        lot = self.held_model.item(index.row()) if index.isValid() else None
        if lot is not None:
            self.ui.lotEdit.setText(lot.lot)

    def _render_actions(self) -> None:
        nc = self.selected_nonconformance()
        self.ui.disposeButton.setEnabled(nc is not None and nc.status == "open")

    def on_dispose_clicked(self) -> None:
        nc = self.selected_nonconformance()
        if nc is None:
            return
        vm = self.quality.vm
        signed = DispositionDialog.ask(self, nc, self.two_person, vm.site_zone(), vm.pin_alone_signer())
        if signed is not None:
            self.quality.dispose(
                nc.number,
                signed.decision,
                badge=signed.badge,
                pin=signed.pin,
                pin_only=signed.pin_only,
                comment=signed.comment,
                quantity=signed.quantity,
            )

    def on_hold_clicked(self) -> None:
        answer = LotReasonDialog.ask(self, self.tr("Hold lot"), self.ui.lotEdit.text().strip(), True)
        if answer is not None:
            self.quality.hold(answer[0], answer[1] or "")

    def on_release_clicked(self) -> None:
        answer = LotReasonDialog.ask(self, self.tr("Release lot"), self.ui.lotEdit.text().strip(), False)
        if answer is not None:
            self.quality.release(*answer)
