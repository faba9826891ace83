"""Finds text a screen cuts off: a label, button, progress bar or table cell narrower than its words.

Measured with the widget's own font (QFontMetrics), as Qt lays it out: a label that does not wrap must
be as wide as its text; one that wraps as tall as its lines; a table cell at least as wide as its
longest word (and, where the view wraps, as tall as its wrapped lines); a header as wide as its title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QWidget,
)

mightBeRichText = GuiQt.mightBeRichText
CELL_PADDING = 8  # the item delegate's margins around a cell's text (both sides)
SLACK = 1  # rounding between QFontMetrics and the painter


def cut_texts(root: QWidget) -> list[str]:
    """Every text under `root` (shown on screen) that its widget cuts off, named for a failure message."""
    for _ in range(3):  # layouts settle over a few posted events
        QApplication.processEvents()
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel):
            found += [f"{name}: {text!r}" for text in _label(widget)]
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + SLACK:
                found.append(f"{name}: {widget.text()!r} needs {widget.sizeHint().width()} px of {widget.width()}")
        elif isinstance(widget, QProgressBar) and widget.isTextVisible():
            text = widget.text()
            if QFontMetrics(widget.font()).horizontalAdvance(text) > widget.contentsRect().width():
                found.append(f"{name}: {text!r}")
        elif isinstance(widget, QTableView):
            found += [f"{name}: {text}" for text in _table(widget)]
    return found


def _label(label: QLabel) -> list[str]:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    room = label.contentsRect()
    margin = label.margin() * 2 + label.indent() if label.indent() > 0 else label.margin() * 2
    width = room.width() - margin
    if label.wordWrap():
        if label.textFormat() != Qt.TextFormat.PlainText and mightBeRichText(text):
            needed = label.heightForWidth(label.width())
            return [f"{text} ({needed} px of lines in {label.height()})"] if needed > label.height() + SLACK else []
        metrics = QFontMetrics(label.font())
        longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        height = label.heightForWidth(label.width())
        if longest > width + SLACK or height > label.height() + SLACK:
            return [f"{text} ({height} px of lines in {label.height()}, longest word {longest} px of {width})"]
        return []
    if mightBeRichText(text) and label.textFormat() != Qt.TextFormat.PlainText:
        return [text] if label.sizeHint().width() > label.width() + SLACK else []
    metrics = QFontMetrics(label.font())
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    return [text] if widest > width + SLACK else []


def _table(view: QTableView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found = []
    metrics = QFontMetrics(view.font())
    header = view.horizontalHeader()
    header_metrics = QFontMetrics(header.font())
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = view.columnWidth(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if header.isVisible() and _header_text_width(header, header_metrics, title) > width + SLACK:
            found.append(f"header {title!r} in {width} px")
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            if not text:
                continue
            room = width - CELL_PADDING
            if view.wordWrap():
                words = text.split()
                if max(metrics.horizontalAdvance(word) for word in words) > room + SLACK:
                    found.append(f"{text!r}: a word wider than its {width} px column")
                    continue
                needed = view.sizeHintForRow(row)  # the lines the delegate wraps the row's cells into
                if needed > view.rowHeight(row) + SLACK:
                    found.append(f"{text!r}: {needed} px of lines in a {view.rowHeight(row)} px row")
            elif max(metrics.horizontalAdvance(line) for line in text.split("\n")) > room + SLACK:
                found.append(f"{text!r} in a {width} px column")
    return found


def _header_text_width(header: QHeaderView, metrics: QFontMetrics, title: str) -> int:
    return metrics.horizontalAdvance(title) + CELL_PADDING
