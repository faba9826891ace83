"""The line-status tab: the board, open calls for help, the selected station's shift, on-behalf actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QListWidgetItem, QWidget

from mes_terminal.services.commands import catalog as c
from mes_terminal.services.queries.supervisor_views import AndonCall, BoardRow, StationTimeline
from mes_terminal.ui.forms.supervisor_board_ui import Ui_SupervisorBoard
from mes_terminal.ui.supervisor.board_model import (
    ANDON,
    CHECKS,
    COLOURS,
    COLUMNS,
    DOWNTIME,
    JOB,
    LINE,
    OPERATORS,
    RATE,
    STATION,
    BoardModel,
)
from mes_terminal.ui.supervisor.formatting import local_time
from mes_terminal.ui.supervisor.view_model import BoardUpdate, SupervisorViewModel
from mes_terminal.ui.widgets.confirm_dialog import ConfirmDialog

CallRole = Qt.ItemDataRole.UserRole + 1

# On a narrow screen these columns give way first, in this order: station, state, job, operators,
# progress, andon and OEE always stay (the line is in the station's tooltip, the stop in its state).
HIDDEN_FIRST = (RATE, LINE, DOWNTIME, CHECKS)
JOB_NARROWEST = 160  # px: the job column never shrinks below this; its text is elided, the tooltip whole
WIDEST = {STATION: 190, OPERATORS: 160, ANDON: 190, CHECKS: 220, DOWNTIME: 200, LINE: 150}
SQUEEZABLE = (STATION, ANDON, OPERATORS)  # elided down to SQUEEZED px when the job still lacks room
SQUEEZED = 110


class BoardPage(QWidget):
    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.ui = Ui_SupervisorBoard()
        self.ui.setupUi(self)
        self.model = BoardModel(self, now=vm.service.clock.now)
        self.ui.boardView.setModel(self.model)
        header = self.ui.boardView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(JOB, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.ui.boardView.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.ui.boardView.verticalHeader().hide()
        self.ui.boardView.viewport().installEventFilter(self)
        self.ui.splitter.setStretchFactor(0, 4)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([4000, 1])  # the board takes the room; the side its minimum
        self.ui.legendLabel.setText(self._legend())
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.on_tick)
        vm.board_changed.connect(self.on_board_changed)
        vm.calls_changed.connect(self.on_calls_changed)
        vm.timeline_changed.connect(self.on_timeline_changed)
        vm.oee_changed.connect(self.model.set_oee)
        vm.oee_changed.connect(self.fit_columns)
        self.ui.boardView.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.ui.acknowledgeButton.clicked.connect(self.on_acknowledge_clicked)
        self.ui.andonList.currentRowChanged.connect(self.on_call_chosen)
        self.ui.pauseButton.clicked.connect(self.on_pause_clicked)
        self.ui.resumeButton.clicked.connect(self.on_resume_clicked)
        self.ui.completeButton.clicked.connect(self.on_complete_clicked)
        self._render_actions()

    def start(self) -> None:
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()

    # --- rendering -------------------------------------------------------------------------------

    def on_board_changed(self, update: BoardUpdate) -> None:
        if update.full:
            self.model.set_rows(update.rows)
        else:
            self.model.update_rows(update.rows)
        if self.ui.boardView.currentIndex().isValid() is False and self.model.rowCount():
            self.ui.boardView.selectRow(0)
        self.fit_columns()
        self._render_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.boardView.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Every column as wide as its widest cell (capped), the job taking what is left, elided with its
        full text as a tooltip; when the board is too narrow, the columns least needed at a glance go
        first (`HIDDEN_FIRST`), never a horizontal scroll bar."""
        view = self.ui.boardView
        header = view.horizontalHeader()
        room = view.viewport().width()
        widths = {}
        for column in range(COLUMNS):
            if column == JOB:
                continue
            wanted = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            widths[column] = min(wanted, WIDEST.get(column, wanted))
        hidden: set[int] = set()
        for column in HIDDEN_FIRST:
            if sum(w for c, w in widths.items() if c not in hidden) + JOB_NARROWEST <= room:
                break
            hidden.add(column)
        over = sum(w for c, w in widths.items() if c not in hidden) + JOB_NARROWEST - room
        if over > 0:  # still too narrow: the long names give some of their width, elided with a tooltip
            give = {c: max(widths[c] - SQUEEZED, 0) for c in SQUEEZABLE if c not in hidden}
            spare = sum(give.values())
            for column, can in give.items():
                widths[column] -= min(can, can * over / spare) if spare else 0
        for column in range(COLUMNS):
            header.setSectionHidden(column, column in hidden)
            if column in widths and column not in hidden:
                header.resizeSection(column, int(widths[column]))

    def on_calls_changed(self, calls: list[AndonCall]) -> None:
        chosen = self.chosen_call()
        self.ui.andonList.clear()
        for call in calls:
            text = self.tr("{station}: {name} at {time}").format(
                station=call.station, name=call.called_by, time=local_time(call.called_at, self.vm.site_zone())
            )
            if call.message:
                text += f" — {call.message}"
            item = QListWidgetItem(text, self.ui.andonList)
            item.setData(CallRole, call)
            if chosen is not None and call.call_id == chosen.call_id:
                self.ui.andonList.setCurrentItem(item)
        if self.ui.andonList.currentRow() < 0 and calls:
            self.ui.andonList.setCurrentRow(0)
        self.ui.andonBox.setTitle(self.tr("Calls for help ({count})").format(count=len(calls)))
        self.ui.acknowledgeButton.setEnabled(bool(calls))

    def on_timeline_changed(self, timeline: StationTimeline) -> None:
        if timeline.station != self.selected_station():
            return
        self.ui.timeline.set_timeline(timeline, self.vm.service.clock.now(), self.vm.site_zone())
        self.ui.stationLabel.setText(
            self.tr("{station}: {start} – {end}").format(
                station=timeline.station,
                start=local_time(timeline.start, self.vm.site_zone()),
                end=local_time(timeline.end, self.vm.site_zone()),
            )
        )

    def on_tick(self) -> None:
        self.model.tick(self.vm.service.clock.now())
        self.fit_columns()

    def _render_actions(self) -> None:
        row = self.selected_row()
        job = row is not None and row.work_order is not None
        state = row.state if row is not None else None
        self.ui.pauseButton.setEnabled(job and state in ("running", "down"))
        self.ui.resumeButton.setEnabled(job and state == "paused")
        self.ui.completeButton.setEnabled(job)

    def _legend(self) -> str:
        names = {
            "running": self.tr("Running"),
            "paused": self.tr("Paused"),
            "down": self.tr("Down"),
            "idle": self.tr("Idle"),
            "offline": self.tr("Offline"),
        }
        chips = [
            f'<span style="background:{COLOURS[state][0]};color:{COLOURS[state][1]}">&nbsp;{name}&nbsp;</span>'
            for state, name in names.items()
        ]
        return "&nbsp;".join(chips)

    # --- selection and actions -------------------------------------------------------------------

    def selected_row(self) -> BoardRow | None:
        index = self.ui.boardView.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def selected_station(self) -> str | None:
        row = self.selected_row()
        return row.station if row else None

    def select_station(self, station: str) -> None:
        at = self.model.row_of(station)
        if at is not None:
            self.ui.boardView.selectRow(at)

    def chosen_call(self) -> AndonCall | None:
        item = self.ui.andonList.currentItem()
        return item.data(CallRole) if item is not None else None

    def on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        station = self.selected_station()
        self._render_actions()
        if station is not None:
            self.ui.timeline.set_timeline(None)
            self.ui.stationLabel.setText(station)
            self.vm.load_timeline(station)

    def on_call_chosen(self, row: int) -> None:
        call = self.chosen_call()
        if call is not None:
            self.select_station(call.station)

    def on_acknowledge_clicked(self) -> None:
        call = self.chosen_call()
        if call is not None:
            self.vm.act(c.AcknowledgeAndon, station=call.station, call_id=call.call_id)

    def on_pause_clicked(self) -> None:
        self._on_behalf(c.PauseJob, self.tr("Pause"))

    def on_resume_clicked(self) -> None:
        self._on_behalf(c.ResumeJob, self.tr("Resume"))

    def on_complete_clicked(self) -> None:
        self._on_behalf(c.CompleteJob, self.tr("Complete"))

    def _on_behalf(self, cls: type[c.Command], verb: str) -> None:
        row = self.selected_row()
        if row is None or row.work_order is None:
            return
        question = self.tr("{verb} {job} at {station} on the operator's behalf? It is recorded under your name.")
        text = question.format(verb=verb, job=f"{row.work_order}/{row.operation}", station=row.station)
        if ConfirmDialog.ask(self, verb, text, verb):
            self.vm.act(cls, station=row.station, work_order=row.work_order, operation=row.operation)
