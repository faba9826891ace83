"""The reports tab: where the charts of the reports (#5, #6) and the print actions (#8) are hosted.

Until those land it shows the OEE of each station's current shift, which the board also uses, and says
where the rest comes from.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from mes_terminal.ui.supervisor.formatting import percent
from mes_terminal.ui.supervisor.simple_models import TableModel
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel


class ReportsPage(QWidget):
    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.hint = QLabel(
            self.tr(
                "OEE of the current shift so far, per station. Production, downtime Pareto, scrap and SPC "
                "reports: 'mes-terminal report'. Labels and travelers: 'mes-terminal print'."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.table = QTableView(self)
        self.model = TableModel(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        vm.oee_changed.connect(self.on_oee_changed)

    def on_oee_changed(self, oee: dict[str, Decimal | None]) -> None:
        rows = [(station, percent(value) or "–") for station, value in sorted(oee.items())]
        self.model.set_table((self.tr("Station"), self.tr("OEE of the shift so far")), rows)
