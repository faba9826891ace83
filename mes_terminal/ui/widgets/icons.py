"""The terminal's line icons (resources/icons/*.svg, drawn for MES Terminal, MIT like the rest of it).

Each SVG is drawn in black; `icon(name)` paints it in the theme's text colour for a usable button and in
its grey for a disabled one, so that an icon reads like the words beside it in the high-contrast theme."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton

from mes_terminal.paths import resources_dir

ENABLED = "#ffffff"  # the theme's button text
DISABLED = "#8b949e"  # the theme's greyed-out button text
ICON_SIZE = QSize(28, 28)
_DRAWN = "#000000"
_RENDER_PX = 96  # rendered large once; Qt scales down crisply


@cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(svg: str, colour: str) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace(_DRAWN, colour).encode("utf-8")))
    pixmap = QPixmap(_RENDER_PX, _RENDER_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def icon(name: str) -> QIcon:
    """The icon `name` (a file in resources/icons); an empty icon if the file is missing."""
    try:
        svg = _svg(name)
    except OSError:
        return QIcon()
    result = QIcon()
    result.addPixmap(_pixmap(svg, ENABLED), QIcon.Mode.Normal)
    result.addPixmap(_pixmap(svg, ENABLED), QIcon.Mode.Active)
    result.addPixmap(_pixmap(svg, DISABLED), QIcon.Mode.Disabled)
    return result


def set_icon(button: QAbstractButton, name: str) -> None:
    """Put icon `name` beside the button's words (a button shown again with another name swaps it)."""
    if button.property("icon_name") == name:
        return
    button.setProperty("icon_name", name)
    button.setIcon(icon(name))
    button.setIconSize(ICON_SIZE)
