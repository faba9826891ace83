"""Setting a dynamic property that the QSS theme selects on, and making the style see the change."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget


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
