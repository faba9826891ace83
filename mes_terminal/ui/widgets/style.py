"""Setting a dynamic property that the QSS theme selects on, and making the style see the change."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set `name` (e.g. "kind", "role") and re-polish, so `QLabel[kind="error"]` rules apply at once."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
