"""The Schedule tab: a draft of the plan as a Gantt per station over its shift calendar, pushed around
by hand and published.

Off-shift time and breaks are shaded, late operations red, the changeover before an operation
hatched, a locked operation outlined, a station planned as down cross-hatched. Drag an operation to
another station or time: the plan after the drop is checked (`scheduling/check.py`) and a drop that
breaks a rule is refused with its sentence, the bar going back. Right-click (or "Lock") keeps an
operation where it is through "Reschedule"; a station that is down offers a reschedule without it
until a moment. "Publish" puts the draft in force (docs/scheduling.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QContextMenuEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.domain.clock import from_site_wall_clock, site_time, site_wall_clock
from mes_terminal.services.planning import draft as d
from mes_terminal.services.planning.chart import ChartBar, PlanChart
from mes_terminal.ui.supervisor.schedule_vm import ScheduleViewModel
from mes_terminal.ui.supervisor.view_model import SupervisorViewModel

OFF, WORK, BAR, LATE, SETUP, GRID, LOCK, DOWN, PICK = (
    QColor("#d0d7de"),
    QColor("#ffffff"),
    QColor("#0969da"),
    QColor("#cf222e"),
    QColor("#57606a"),
    QColor("#8c959f"),
    QColor("#1f2328"),
    QColor("#82071e"),
    QColor("#bf8700"),
)
LANE, LABELS, AXIS = 44, 84, 22  # pixels: a station's row, the station column, the time axis
SNAP = timedelta(minutes=5)  # a drop moves an operation by whole steps of this
DRAG = 4  # pixels the mouse moves before a press becomes a drag


class GanttWidget(QWidget):
    """Draws a `PlanChart`; a bar dragged and dropped asks `moved`, a right-click asks `lock_requested`."""

    moved = Signal(str, str, object)  # operation key, station, new start (UTC datetime)
    lock_requested = Signal(str, bool)  # operation key, lock (True) or unlock
    selection_changed = Signal(object)  # the selected ChartBar or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: PlanChart | None = None
        self.selected: str | None = None  # operation key
        self._drag: tuple[ChartBar, int, QPointF] | None = None  # bar, its lane, where it was pressed
        self._ghost: tuple[int, datetime, datetime] | None = None  # lane, start, end while dragging
        self.eligible: Callable[[str], tuple[str, ...]] | None = None  # operation key -> stations that can do it
        self.setMinimumHeight(200)

    def set_chart(self, chart: PlanChart | None) -> None:
        self.chart = chart
        self._drag = self._ghost = None
        if chart is not None:
            self.setMinimumHeight(AXIS + LANE * len(chart.lanes) + 8)
            keys = {bar.key for lane in chart.lanes for bar in lane.bars}
            if self.selected not in keys:
                self._select(None)
            else:
                self.selection_changed.emit(self.bar(self.selected))
        self.update()

    # --- geometry ----------------------------------------------------------------------------------

    def _width(self) -> float:
        return max(self.width() - LABELS - 8, 1)

    def x_of(self, moment: datetime) -> float:
        chart = self.chart
        assert chart is not None
        span = (chart.end - chart.start).total_seconds()
        share = (min(max(moment, chart.start), chart.end) - chart.start).total_seconds() / span
        return LABELS + share * self._width()

    def time_at(self, x: float) -> datetime:
        chart = self.chart
        assert chart is not None
        span = (chart.end - chart.start).total_seconds()
        return chart.start + timedelta(seconds=(x - LABELS) / self._width() * span)

    def lane_at(self, y: float) -> int | None:
        if self.chart is None or y < AXIS:
            return None
        row = int((y - AXIS) // LANE)
        return row if row < len(self.chart.lanes) else None

    def bar(self, key: str | None) -> ChartBar | None:
        for lane in self.chart.lanes if self.chart else ():
            for bar in lane.bars:
                if bar.key == key:
                    return bar
        return None

    def bar_rect(self, key: str) -> QRectF | None:
        """Where the bar of `key` is drawn (its whole span, pauses included)."""
        for row, lane in enumerate(self.chart.lanes if self.chart else ()):
            for bar in lane.bars:
                if bar.key == key:
                    return self._box(row, bar.start, bar.end)
        return None

    def lane_centre(self, station: str) -> float | None:
        for row, lane in enumerate(self.chart.lanes if self.chart else ()):
            if lane.station == station:
                return AXIS + row * LANE + (LANE - 6) / 2
        return None

    def _box(self, row: int, start: datetime, end: datetime) -> QRectF:
        top = AXIS + row * LANE
        return QRectF(self.x_of(start), top + 4, max(self.x_of(end) - self.x_of(start), 2), LANE - 14)

    def _hit(self, point: QPointF) -> tuple[ChartBar, int] | None:
        row = self.lane_at(point.y())
        if row is None or self.chart is None:
            return None
        for bar in self.chart.lanes[row].bars:
            if self._box(row, bar.start, bar.end).adjusted(-2, 0, 2, 0).contains(point):
                return bar, row
        return None

    # --- the mouse ---------------------------------------------------------------------------------

    def select(self, key: str | None) -> None:
        """Select the bar of `key` (what "Lock" acts on), as a click on it does."""
        self._select(self.bar(key))

    def _select(self, bar: ChartBar | None) -> None:
        self.selected = bar.key if bar else None
        self.selection_changed.emit(bar)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        hit = self._hit(event.position())
        self._select(hit[0] if hit else None)
        self._drag = (hit[0], hit[1], event.position()) if hit else None
        self._ghost = None

    def _target(self, point: QPointF) -> tuple[int, datetime, datetime] | None:
        if self._drag is None or self.chart is None:
            return None
        bar, row, pressed = self._drag
        if (point - pressed).manhattanLength() < DRAG:
            return None
        lane = self.lane_at(point.y())
        lane = row if lane is None else lane
        shift = self.time_at(point.x()) - self.time_at(pressed.x())
        steps = round(shift / SNAP)
        return lane, bar.start + steps * SNAP, bar.end + steps * SNAP

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return super().mouseMoveEvent(event)
        self._ghost = self._target(event.position())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._drag is None:
            return super().mouseReleaseEvent(event)
        target = self._target(event.position())
        bar = self._drag[0]
        self._drag = self._ghost = None
        self.update()
        if target is not None and self.chart is not None:
            lane, start, _ = target
            station = self.chart.lanes[lane].station
            self.moved.emit(bar.key, station, start)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        hit = self._hit(QPointF(event.pos()))
        if hit is None:
            return
        bar = hit[0]
        self._select(bar)
        menu = QMenu(self)
        action = menu.addAction(self.tr("Unlock {key}") if bar.locked else self.tr("Lock {key} where it is"))
        action.setText(action.text().format(key=bar.key))
        action.triggered.connect(lambda: self.lock_requested.emit(bar.key, not bar.locked))
        menu.exec(event.globalPos())

    # --- drawing -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        chart = self.chart
        if chart is None or not chart.lanes:
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No stations"))
            return
        width = self._width()
        x = self.x_of
        text = self.palette().windowText().color()
        for row, lane in enumerate(chart.lanes):
            top = AXIS + row * LANE
            painter.fillRect(QRectF(LABELS, top, width, LANE - 6), OFF)
            for begin, finish in lane.working:
                painter.fillRect(QRectF(x(begin), top, max(x(finish) - x(begin), 1), LANE - 6), WORK)
            if lane.down is not None:
                down = QRectF(x(lane.down[0]), top, max(x(lane.down[1]) - x(lane.down[0]), 1), LANE - 6)
                painter.fillRect(down, QBrush(DOWN, Qt.BrushStyle.DiagCrossPattern))
            painter.setPen(text)
            painter.drawText(QRectF(4, top, LABELS - 8, LANE - 6), Qt.AlignmentFlag.AlignVCenter, lane.station)
            for bar in lane.bars:
                self._draw_bar(painter, row, lane.working, bar)
        if self._ghost is not None and self._drag is not None and self.eligible is not None:
            can = self.eligible(self._drag[0].key)  # while dragging, the stations that cannot do it are greyed
            for row, lane in enumerate(chart.lanes):
                if lane.station not in can:
                    painter.fillRect(QRectF(LABELS, AXIS + row * LANE, width, LANE - 6), QColor(87, 96, 106, 90))
        if self._ghost is not None:
            row, start, end = self._ghost
            painter.setPen(QPen(LOCK, 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(9, 105, 218, 70))
            painter.drawRect(self._box(row, start, end))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        # The time axis: a line every six hours, the site's local time written at each.
        painter.setPen(GRID)
        bottom = AXIS + LANE * len(chart.lanes) - 6
        tick = chart.start
        while tick <= chart.end:
            at = x(tick)
            painter.drawLine(int(at), AXIS - 4, int(at), bottom)
            when = site_time(tick, chart.timezone, "week_time")
            painter.drawText(QRectF(at + 2, 2, 90, AXIS - 4), Qt.AlignmentFlag.AlignLeft, when)
            tick += timedelta(hours=6)

    def _draw_bar(
        self, painter: QPainter, row: int, working: tuple[tuple[datetime, datetime], ...], bar: ChartBar
    ) -> None:
        x = self.x_of
        box = self._box(row, bar.start, bar.end)
        if bar.setup_minutes:
            setup_start = bar.start - timedelta(minutes=bar.setup_minutes)
            hatch = QRectF(x(setup_start), box.top(), max(x(bar.start) - x(setup_start), 1), box.height())
            painter.fillRect(hatch, QBrush(SETUP, Qt.BrushStyle.BDiagPattern))
        colour = LATE if bar.late else BAR
        # Work only inside planned time; across a break or a night a thin line shows it pauses.
        painter.setPen(colour)
        painter.drawLine(int(box.left()), int(box.center().y()), int(box.right()), int(box.center().y()))
        pieces = [
            QRectF(x(max(a, bar.start)), box.top(), max(x(min(b, bar.end)) - x(max(a, bar.start)), 1), box.height())
            for a, b in working
            if max(a, bar.start) < min(b, bar.end)
        ]
        for piece in pieces:
            painter.fillRect(piece, colour)
        painter.setPen(WORK)
        painter.drawLine(int(box.left()), int(box.top()), int(box.left()), int(box.bottom()))
        if bar.locked:  # outlined, with a bolt at its left end
            painter.setPen(QPen(LOCK, 3))
            painter.drawRect(box.adjusted(1, 1, -1, -1))
            painter.fillRect(QRectF(box.left(), box.top(), 6, box.height()), LOCK)
        if bar.key == self.selected:
            painter.setPen(QPen(PICK, 2, Qt.PenStyle.DashLine))
            painter.drawRect(box.adjusted(-2, -2, 2, 2))
        painter.setPen(QColor("#ffffff"))
        label = bar.key
        first = pieces[0] if pieces else box
        if painter.fontMetrics().horizontalAdvance(label) + 10 < first.width():
            painter.drawText(first.adjusted(8 if bar.locked else 3, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, label)


class StopOffer(QWidget):
    """For a station that is down: "Reschedule without WS-02 until [T]"."""

    requested = Signal(str, object)  # station, until (UTC datetime)

    def __init__(self, stop: object, now: datetime, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station: str = stop.station  # type: ignore[attr-defined]
        self.zone = zone
        since = site_time(stop.since, zone, "time")  # type: ignore[attr-defined]
        reason = stop.reason or self.tr("no reason yet")  # type: ignore[attr-defined]
        self.label = QLabel(
            self.tr("{station} is down since {since} ({reason}).").format(
                station=self.station, since=since, reason=reason
            ),
            self,
        )
        self.until = QDateTimeEdit(self)
        self.until.setDisplayFormat("ddd dd.MM. HH:mm")
        self.until.setCalendarPopup(True)
        self.set_until(_next_step(now + timedelta(hours=1)))
        self.button = QPushButton(self.tr("Reschedule without {station} until").format(station=self.station), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.until)
        self.button.clicked.connect(lambda: self.requested.emit(self.station, self.until_value()))

    def set_until(self, moment: datetime) -> None:
        local = site_wall_clock(moment, self.zone)
        self.until.setDateTime(QDateTime.fromString(local.strftime("%Y-%m-%dT%H:%M:00"), Qt.DateFormat.ISODate))

    def until_value(self) -> datetime:
        local = self.until.dateTime().toPython()
        assert isinstance(local, datetime)
        return from_site_wall_clock(local.replace(second=0, microsecond=0), self.zone)


def _next_step(at: datetime) -> datetime:
    """`at` rounded up to the next five minutes."""
    rounded = at.replace(second=0, microsecond=0)
    if rounded < at:
        rounded += timedelta(minutes=1)
    return rounded + timedelta(minutes=-rounded.minute % 5)


class SchedulePage(QWidget):
    def __init__(self, vm: SupervisorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.model = ScheduleViewModel(vm, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.notice = QLabel(self)  # the last refusal, in words
        self.notice.setWordWrap(True)
        self.notice.setObjectName("scheduleNotice")
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.lock_button.setEnabled(False)
        self.reschedule_button = QPushButton(self.tr("Reschedule"), self)
        self.publish_button = QPushButton(self.tr("Publish"), self)
        self.publish_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.gantt = GanttWidget(self)
        self.gantt.eligible = lambda key: self.model.draft.eligible(key) if self.model.draft else ()
        self.stops = QWidget(self)
        self.stops_layout = QVBoxLayout(self.stops)
        self.stops_layout.setContentsMargins(0, 0, 0, 0)
        self.offers: list[StopOffer] = []
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for button in (self.lock_button, self.reschedule_button, self.publish_button, self.refresh_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stops)
        layout.addWidget(self.notice)
        layout.addWidget(self.gantt, 1)
        self.refresh_button.clicked.connect(self.open)
        self.reschedule_button.clicked.connect(lambda: self.model.reschedule())
        self.publish_button.clicked.connect(self.model.publish)
        self.lock_button.clicked.connect(self.on_lock_clicked)
        self.gantt.moved.connect(self.on_moved)
        self.gantt.lock_requested.connect(self.model.set_locked)
        self.gantt.selection_changed.connect(self.on_selection_changed)
        self.model.draft_changed.connect(self.show_draft)
        self.model.refused.connect(self.say)
        self.notice.hide()
        self.model.solving_changed.connect(self.on_solving_changed)

    def open(self) -> None:
        self.model.load()

    def say(self, sentence: str) -> None:
        """The last refusal, under the buttons (the banner says it too, for a while)."""
        self.notice.setText(sentence)
        self.notice.setVisible(bool(sentence))

    def on_moved(self, key: str, station: str, start: datetime) -> None:
        self.say("")
        self.model.move(key, station, start)

    def on_lock_clicked(self) -> None:
        bar = self.gantt.bar(self.gantt.selected)
        if bar is not None:
            self.model.set_locked(bar.key, not bar.locked)

    def on_selection_changed(self, bar: ChartBar | None) -> None:
        self.lock_button.setEnabled(bar is not None)
        self.lock_button.setText(self.tr("Unlock") if bar is not None and bar.locked else self.tr("Lock"))

    def on_solving_changed(self, solving: bool) -> None:
        self.reschedule_button.setEnabled(not solving)
        self.reschedule_button.setText(self.tr("Planning…") if solving else self.tr("Reschedule"))
        for offer in self.offers:
            offer.button.setEnabled(not solving)

    def show_draft(self, draft: d.Draft) -> None:
        chart = d.chart(draft)
        count, unplanned = len(draft.operations), draft.unplanned()
        late = draft.figures.late_jobs if draft.operations else 0
        if draft.changed:
            text = self.tr("Draft, not in force until published: {count} operations; late orders: {late}.")
        elif draft.operations:
            text = self.tr("Plan in force: {count} operations; late orders: {late}.")
        else:
            text = self.tr(
                "No plan is in force yet: Reschedule makes a draft, Publish puts it in force"
                " (or run 'mes-terminal schedule --apply')."
            )
        parts = [text.format(count=count, late=late)]
        if unplanned:
            parts.append(self.tr("{count} open operations are not planned: Reschedule.").format(count=unplanned))
        if draft.down_until:
            downs = ", ".join(
                f"{code} {site_time(until, draft.timezone, 'week_time')}"
                for code, until in sorted(draft.down_until.items())
            )
            parts.append(self.tr("Planned without: {stations}.").format(stations=downs))
        parts += self._material(draft)
        parts.append(self.tr("Shaded: off shift and breaks; hatched: changeovers; outlined: locked."))
        self.summary.setText(" ".join(parts))
        self.publish_button.setEnabled(draft.changed and bool(draft.operations))
        self._show_stops(draft)
        self.gantt.set_chart(chart)

    def _material(self, draft: d.Draft) -> list[str]:
        """Operations held back by lots on their way, and what nothing on hand or expected covers."""
        material, parts = draft.facts.material(), []
        if material.waits:
            waits = ", ".join(
                f"{w.work_order}/{w.operation} {site_time(w.until, draft.timezone, 'week_time')} "
                + (f"({w.lot}, {w.lot_material})" if w.substitute else f"({w.lot})")
                for w in material.waits[:3]
            )
            more = len(material.waits) - 3
            parts.append(
                (self.tr("Waiting for material: {waits} and {more} more.") if more > 0 else
                 self.tr("Waiting for material: {waits}.")).format(waits=waits, more=more)
            )  # fmt: skip
        if material.shortages:
            parts.append(
                self.tr("{count} operations are short of material nothing on hand or expected covers.").format(
                    count=len(material.shortages)
                )
            )
        return parts

    def _show_stops(self, draft: d.Draft) -> None:
        wanted = [stop.station for stop in draft.stops]
        if wanted == [offer.station for offer in self.offers]:
            return
        for offer in self.offers:
            offer.deleteLater()
        self.offers = []
        for stop in draft.stops:
            offer = StopOffer(stop, draft.now, draft.timezone, self.stops)
            offer.requested.connect(lambda station, until: self.model.reschedule({station: until}))
            self.stops_layout.addWidget(offer)
            self.offers.append(offer)
        self.stops.setVisible(bool(self.offers))

    def offer(self, station: str) -> StopOffer | None:
        return next((o for o in self.offers if o.station == station), None)
