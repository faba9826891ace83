"""Styling helpers: dynamic properties the QSS theme selects on, styled labels, the start and the end of a
touch dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set `name` (e.g. "kind", "role") and re-polish, so `QLabel[kind="error"]` rules apply at once."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def add_label(layout: QBoxLayout, parent: QWidget, text: str, role: str | None = None) -> QLabel:
    """A word-wrapped label styled by `role` ("title", "hint"...) at the end of `layout`."""
    label = QLabel(text, parent)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(True)
    layout.addWidget(label)
    return label


def dialog_layout(dialog: QDialog, name: str, title: str, *, hint: str = "", spacing: int = 10) -> QVBoxLayout:
    """The start every touch dialog shares: modal, named for the theme, its title (and hint) on top."""
    dialog.setObjectName(name)
    dialog.setModal(True)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.setSpacing(spacing)
    add_label(layout, dialog, title, "title")
    if hint:
        add_label(layout, dialog, hint, "hint")
    return layout


def cancel_and_go(
    dialog: QDialog, layout: QBoxLayout, cancel: str, go: str, on_go: Callable[[], None]
) -> tuple[QPushButton, QPushButton]:
    """The row every touch dialog ends with: Cancel (rejects) beside the go button, which runs `on_go`.
    The words come translated from the dialog, so each keeps its own."""
    row = QHBoxLayout()
    cancel_button = QPushButton(cancel, dialog)
    cancel_button.setObjectName("cancelButton")
    cancel_button.clicked.connect(dialog.reject)
    go_button = QPushButton(go, dialog)
    go_button.setObjectName("okButton")
    go_button.setProperty("role", "go")
    go_button.clicked.connect(on_go)
    row.addWidget(cancel_button)
    row.addWidget(go_button)
    layout.addLayout(row)
    return cancel_button, go_button
