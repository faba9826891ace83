"""Styling helpers: dynamic properties the QSS theme selects on, styled labels, the start of a touch dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QDialog, QLabel, QVBoxLayout, QWidget


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
