"""The dispatch tab: a station's list, dragged into a new order; operations assigned to other stations."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QHeaderView, QWidget

from mes_terminal.domain.statuses import WAITING_OPERATION
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.queries.supervisor_views import DispatchRow
from mes_terminal.ui.forms.supervisor_dispatch_ui import Ui_SupervisorDispatch
from mes_terminal.ui.supervisor.dispatch_model import JOB, DispatchModel
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel


class DispatchPage(QWidget):
    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.ui = Ui_SupervisorDispatch()
        self.ui.setupUi(self)
        self.model = DispatchModel(self, vm.site_zone)
        self.ui.dispatchView.setModel(self.model)
        self.ui.dispatchView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.dispatchView.horizontalHeader().setSectionResizeMode(JOB, QHeaderView.ResizeMode.Stretch)
        self.ui.dispatchView.verticalHeader().hide()
        vm.stations_changed.connect(self.on_stations_changed)
        vm.dispatch_changed.connect(self.on_dispatch_changed)
        self.model.reordered.connect(self.on_reordered)
        self.ui.stationCombo.currentTextChanged.connect(self.on_station_chosen)
        self.ui.dispatchView.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.ui.upButton.clicked.connect(self.on_up_clicked)
        self.ui.downButton.clicked.connect(self.on_down_clicked)
        self.ui.assignButton.clicked.connect(self.on_assign_clicked)
        self.ui.startButton.clicked.connect(self.on_start_clicked)
        self._render_actions()

    @property
    def station(self) -> str:
        return self.ui.stationCombo.currentText()

    def on_stations_changed(self, stations: list[str]) -> None:
        current = self.station
        self.ui.stationCombo.blockSignals(True)
        self.ui.stationCombo.clear()
        self.ui.stationCombo.addItems(stations)
        if current in stations:
            self.ui.stationCombo.setCurrentText(current)
        self.ui.stationCombo.blockSignals(False)
        if self.station:
            self.vm.load_dispatch(self.station)

    def on_station_chosen(self, station: str) -> None:
        if station:
            self.vm.load_dispatch(station)

    def on_dispatch_changed(self, station: str, rows: list[DispatchRow]) -> None:
        if station != self.station:
            return
        chosen = self.selected()
        self.model.set_rows(rows)
        keys = self.model.operation_keys()
        if chosen is not None and chosen.key in keys:
            self.ui.dispatchView.selectRow(keys.index(chosen.key))
        self._render_actions()

    def on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._render_actions()

    def selected(self) -> DispatchRow | None:
        index = self.ui.dispatchView.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _render_actions(self) -> None:
        row = self.selected()
        at = self.ui.dispatchView.currentIndex().row()
        self.ui.upButton.setEnabled(row is not None and at > 0)
        self.ui.downButton.setEnabled(row is not None and at < self.model.rowCount() - 1)
        self.ui.assignCombo.clear()
        if row is not None:
            self.ui.assignCombo.addItems([s for s in row.eligible_stations if s != self.station])
        movable = row is not None and row.status in WAITING_OPERATION
        self.ui.assignButton.setEnabled(movable and self.ui.assignCombo.count() > 0)
        # Start on someone's behalf only where the terminal's Start would go ahead (advice does not block).
        startable = row is not None and row.status == "ready" and not any(r.blocking for r in row.reasons)
        self.ui.startButton.setEnabled(startable)

    # --- actions ---------------------------------------------------------------------------------

    def on_reordered(self, keys: list[str]) -> None:
        self.vm.act(c.ReorderDispatch, station=self.station, operations=tuple(keys))

    def on_up_clicked(self) -> None:
        self._move(-1)

    def on_down_clicked(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        at = self.ui.dispatchView.currentIndex().row()
        target = at - 1 if step < 0 else at + 2  # move_row places the row before `target`
        if at >= 0 and self.model.move_row(at, target):
            self.ui.dispatchView.selectRow(at + step)

    def on_assign_clicked(self) -> None:
        row = self.selected()
        to = self.ui.assignCombo.currentText()
        if row is not None and to:
            self.vm.act(c.AssignOperation, work_order=row.work_order, operation=row.operation, station=to)

    def on_start_clicked(self) -> None:
        row = self.selected()
        if row is not None:
            self.vm.act(c.StartJob, station=self.station, work_order=row.work_order, operation=row.operation)
