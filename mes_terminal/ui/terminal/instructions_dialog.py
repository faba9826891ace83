"""Work instructions at the station: one big page per step, swiped or tapped through, images to zoom.

`InstructionsDialog.ask(parent, view)` shows the revision an operation shows (an `InstructionsView`)
and returns True when the operator confirmed having read it (only offered where the operation asks for
it, and only on the last step, so every step has been on screen). A PDF page is rendered with QtPdf; a
page that cannot be rendered says so in words, never as an empty frame.

`InstructionsPanel` is what the station screen holds: the Instructions button beside the others, and
the dialog opened when a job starts, when the button is tapped, or when a traveler's code is scanned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, QSize, Qt
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent, QPainter, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QGestureEvent,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPinchGesture,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.ui.deferred_module import DeferredModule
from mes_terminal.ui.terminal.scan_decisions import JobKey
from mes_terminal.ui.widgets.style import set_style_property

if TYPE_CHECKING:
    from mes_terminal.services.commands import catalog as c
    from mes_terminal.services.queries.instruction_views import InstructionStepView, InstructionsView
    from mes_terminal.ui.terminal.view_model import TerminalViewModel
else:  # loaded with the service stack on the worker thread, not before the first paint
    c = DeferredModule("mes_terminal.services.commands.catalog")

SWIPE_PIXELS = 90  # a horizontal drag this long turns the page
PDF_RENDER_WIDTH = 1600  # pixels: sharp at terminal size, and room to zoom
MIN_ZOOM, MAX_ZOOM = 1.0, 6.0  # relative to the picture fitted to the page


def render_pdf_page(data: bytes, page: int, width: int = PDF_RENDER_WIDTH) -> QImage | None:
    """Page `page` (from 1) of the PDF `data` as an image, or None when it cannot be rendered."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or not 1 <= page <= document.pageCount():
            return None
        points = document.pagePointSize(page - 1)
        height = round(width * points.height() / points.width()) if points.width() > 0 else width
        rendered = document.render(page - 1, QSize(width, height))
        if rendered.isNull():
            return None
        # QtPdf leaves the paper transparent; on the terminal's dark page it must be paper white.
        image = QImage(rendered.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return image
    finally:
        document.close()
        buffer.close()


def step_picture(step: InstructionStepView) -> QImage | None:
    """The picture a step shows (its image, or its PDF page rendered), None when it has none or it is
    unreadable (`step.media_type` then says there should have been one)."""
    if step.content is None or step.media_type is None:
        return None
    if step.media_type == "application/pdf":
        return render_pdf_page(step.content, step.page or 1)
    image = QImage.fromData(step.content)
    return None if image.isNull() else image


class ZoomView(QGraphicsView):
    """A picture fitted to its frame; pinch, wheel, double-tap or the buttons zoom in, drag pans."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instructionPicture")
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.zoom = MIN_ZOOM

    def show_image(self, image: QImage) -> None:
        self._item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(self._item.boundingRect())
        self.zoom = MIN_ZOOM
        self._apply()

    def zoom_by(self, factor: float) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        self._apply()

    def reset(self) -> None:
        self.zoom = MIN_ZOOM
        self._apply()

    def _apply(self) -> None:
        if self._item.pixmap().isNull():
            return
        self.resetTransform()
        self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)
        self.scale(self.zoom, self.zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(1.25 if event.angleDelta().y() > 0 else 0.8)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.zoom > MIN_ZOOM:
            self.reset()
        else:
            self.zoom_by(2.5)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                return True
        return super().viewportEvent(event)


class InstructionsDialog(QDialog):
    def __init__(self, parent: QWidget | None, view: InstructionsView) -> None:
        super().__init__(parent)
        self.view = view
        self.position = 0
        self.setObjectName("instructionsDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Work instructions"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.position_label = QLabel(self)
        self.position_label.setObjectName("stepPosition")
        self.position_label.setStyleSheet("font-size: 20pt;")
        top.addWidget(self.position_label)
        layout.addLayout(top)

        self.summary = QLabel(view.summary or "", self)
        self.summary.setProperty("role", "hint")
        self.summary.setWordWrap(True)
        self.summary.setVisible(bool(view.summary))
        layout.addWidget(self.summary)

        self.notice = QLabel(self)  # the acknowledge prompt: a new revision to read and confirm
        self.notice.setObjectName("acknowledgeNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "background-color: #0d2a4d; border: 2px solid #58a6ff; color: #ffffff; font-size: 18pt; padding: 10px;"
        )
        layout.addWidget(self.notice)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("stepPages")
        self.pictures: list[ZoomView | None] = []
        for step in view.steps:
            self.pages.addWidget(self._step_page(step))
        if not view.steps:
            empty = QLabel(self.tr("This revision has no steps."), self)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.pages.addWidget(empty)
        layout.addWidget(self.pages, 1)

        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back"), self)
        self.back_button.setObjectName("backButton")
        self.zoom_out_button = QPushButton(self.tr("Zoom −"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom +"), self)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.next_button.setObjectName("nextButton")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")
        self.acknowledge_button = QPushButton(self)
        self.acknowledge_button.setObjectName("acknowledgeButton")
        self.acknowledge_button.setProperty("role", "go")
        for button in (self.back_button, self.zoom_out_button, self.zoom_in_button, self.next_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addWidget(self.acknowledge_button)
        layout.addLayout(row)

        self.back_button.clicked.connect(self.on_back_clicked)
        self.next_button.clicked.connect(self.on_next_clicked)
        self.zoom_in_button.clicked.connect(self.on_zoom_in_clicked)
        self.zoom_out_button.clicked.connect(self.on_zoom_out_clicked)
        self.close_button.clicked.connect(self.reject)
        self.acknowledge_button.clicked.connect(self.accept)
        self.pages.installEventFilter(self)
        self._press: QPointF | None = None
        if parent is not None:
            self.resize(parent.window().size())
        else:
            self.resize(1280, 800)
        self.redraw()

    @classmethod
    def ask(cls, parent: QWidget | None, view: InstructionsView) -> bool:
        """Show the instructions and wait; True when the operator confirmed having read them. Tests replace this."""
        dialog = cls(parent, view)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    # --- building ------------------------------------------------------------------------------

    def _step_page(self, step: InstructionStepView) -> QWidget:
        page = QWidget(self)
        page.setObjectName(f"step{step.position}")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        picture = None
        if step.media_type is not None:
            image = step_picture(step)
            if image is None:
                missing = QLabel(self._unreadable(step), page)
                missing.setObjectName("pictureMissing")
                missing.setWordWrap(True)
                missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
                missing.setStyleSheet("color: #ff7b72; font-size: 20pt;")
                column.addWidget(missing, 1)
            else:
                picture = ZoomView(page)
                picture.show_image(image)
                column.addWidget(picture, 1)
                picture.viewport().installEventFilter(self)
        self.pictures.append(picture)
        if step.text:
            text = QLabel(step.text, page)
            text.setObjectName("stepText")
            text.setWordWrap(True)
            text.setStyleSheet("font-size: 22pt;")
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column.addWidget(text, 0 if picture is not None else 1)
        if step.caution:
            caution = QLabel(self.tr("⚠ Caution: {text}").format(text=step.caution), page)
            caution.setObjectName("stepCaution")
            caution.setWordWrap(True)
            caution.setStyleSheet(
                "background-color: #7d4e00; border: 2px solid #e3b341; color: #ffffff; "
                "font-size: 20pt; font-weight: bold; padding: 8px;"
            )
            column.addWidget(caution)
        return page

    def _unreadable(self, step: InstructionStepView) -> str:
        if step.media_type == "application/pdf":
            return self.tr(
                "Page {page} of this step's PDF cannot be shown here. Ask your supervisor for the paper copy."
            ).format(page=step.page or 1)
        return self.tr("This step's picture cannot be shown here. Ask your supervisor for the paper copy.")

    # --- rendering -----------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self.view.steps)

    @property
    def on_last_step(self) -> bool:
        return self.position >= self.count - 1

    def redraw(self) -> None:
        view = self.view
        self.title.setText(
            self.tr("{work_order} operation {operation} · {name} — Instructions rev {revision}").format(
                work_order=view.work_order, operation=view.operation, name=view.operation_name, revision=view.revision
            )
        )
        self.position_label.setText(
            self.tr("Step {index} of {count}").format(index=self.position + 1, count=max(self.count, 1))
        )
        self.pages.setCurrentIndex(self.position)
        asks = view.needs_acknowledgement
        self.notice.setVisible(asks)
        if asks:
            self.notice.setText(
                self.tr("New instructions: revision {revision}. Read every step, then confirm on the last one.").format(
                    revision=view.revision
                )
            )
        self.acknowledge_button.setVisible(asks)
        self.acknowledge_button.setEnabled(asks and self.on_last_step)
        self.acknowledge_button.setText(self.tr("I have read revision {revision}").format(revision=view.revision))
        self.back_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(not self.on_last_step)
        has_picture = self.count > 0 and self.pictures[self.position] is not None
        self.zoom_in_button.setVisible(has_picture)
        self.zoom_out_button.setVisible(has_picture)
        set_style_property(self.next_button, "role", "go" if not asks or not self.on_last_step else "")

    # --- slots ---------------------------------------------------------------------------------

    def on_back_clicked(self) -> None:
        self.go_to(self.position - 1)

    def on_next_clicked(self) -> None:
        self.go_to(self.position + 1)

    def on_zoom_in_clicked(self) -> None:
        if (picture := self.pictures[self.position]) is not None:
            picture.zoom_by(1.5)

    def on_zoom_out_clicked(self) -> None:
        if (picture := self.pictures[self.position]) is not None:
            picture.zoom_by(1 / 1.5)

    def go_to(self, position: int) -> None:
        if 0 <= position < self.count and position != self.position:
            self.position = position
            self.redraw()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A horizontal swipe on the page turns it; on a zoomed picture the drag pans it instead."""
        if isinstance(event, QMouseEvent):
            picture = self.pictures[self.position] if self.count else None
            zoomed = picture is not None and picture.zoom > MIN_ZOOM
            if event.type() == QEvent.Type.MouseButtonPress:
                self._press = event.globalPosition()
            elif event.type() == QEvent.Type.MouseButtonRelease and self._press is not None and not zoomed:
                moved = event.globalPosition() - self._press
                self._press = None
                if abs(moved.x()) >= SWIPE_PIXELS and abs(moved.x()) > 2 * abs(moved.y()):
                    self.go_to(self.position + (1 if moved.x() < 0 else -1))
                    return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.on_next_clicked()
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.on_back_clicked()
        else:
            super().keyPressEvent(event)


class InstructionsPanel(QObject):
    """The station screen's part in work instructions: its button, and the dialog when it is due.

    Opens the instructions of the selected job on a tap, of a job just started, and of an operation
    whose traveler code was scanned; a confirmed reading is sent as `AcknowledgeInstructions`.
    """

    def __init__(self, screen: QWidget, vm: TerminalViewModel, beside: QPushButton) -> None:
        super().__init__(screen)
        self.screen = screen
        self.vm = vm
        self.button = QPushButton(screen)
        self.button.setObjectName("instructionsButton")
        self.retranslate()
        self.button.setSizePolicy(beside.sizePolicy())
        self.button.setMinimumSize(beside.minimumSize())
        _place_beside(self.button, beside)
        self.button.clicked.connect(self.on_button_clicked)
        vm.selection_changed.connect(self.on_selection_changed)
        vm.command_succeeded.connect(self.on_command_succeeded)
        vm.instructions_loaded.connect(self.on_instructions_loaded)
        self.on_selection_changed(None)

    def retranslate(self) -> None:
        """The button's word in the language on screen (the station screen calls it when that changes)."""
        self.button.setText(self.tr("Instructions"))

    def on_selection_changed(self, _key: object) -> None:
        self.button.setEnabled(self._key() is not None)

    def on_button_clicked(self) -> None:
        if (key := self._key()) is not None:
            self.vm.load_instructions(key)

    def on_command_succeeded(self, command: object, _result: object) -> None:
        if isinstance(command, c.StartJob):
            self.vm.load_instructions(JobKey(command.work_order, command.operation), on_start=True)

    def on_instructions_loaded(self, view: InstructionsView, _on_start: bool) -> None:
        if InstructionsDialog.ask(self.screen.window(), view) and view.needs_acknowledgement:
            self.vm.acknowledge_instructions(JobKey(view.work_order, view.operation), view.revision)

    def _key(self) -> JobKey | None:
        job = self.vm.current_job()
        if job is not None:
            return JobKey(job.work_order, job.operation)
        item = self.vm.selected_item()
        return JobKey(item.work_order, item.operation) if item is not None else None


def _place_beside(button: QPushButton, beside: QPushButton) -> None:
    """Put `button` into the layout that holds `beside` without making the screen taller: in a grid it
    shares the cell of a button that spans columns (else it takes a row of its own); in a row or column it
    comes right after it. So the station screen's form needs no change for it."""
    parent = beside.parentWidget()
    layout = parent.layout() if parent is not None else None
    holder = _layout_holding(layout, beside) if layout is not None else None
    if holder is None:
        return
    if isinstance(holder, QBoxLayout):
        holder.insertWidget(holder.indexOf(beside) + 1, button)
    elif isinstance(holder, QGridLayout):
        position: tuple[int, int, int, int] = holder.getItemPosition(holder.indexOf(beside))  # type: ignore[assignment]
        row, column, rows, columns = position
        if columns >= 2:
            holder.removeWidget(beside)
            holder.addWidget(beside, row, column, rows, columns - 1)
            holder.addWidget(button, row, column + columns - 1, rows, 1)
        else:
            holder.addWidget(button, holder.rowCount(), 0, 1, max(holder.columnCount(), 1))
    else:
        holder.addWidget(button)


def _layout_holding(layout: QLayout, widget: QWidget) -> QLayout | None:
    if layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        item = layout.itemAt(index)
        child = item.layout() if item is not None else None
        if child is not None and (found := _layout_holding(child, widget)) is not None:
            return found
    return None
