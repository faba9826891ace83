"""How a dispatch row's readiness looks, the same on the terminal and on the supervisor console."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

# readiness -> (background, text): green ready, blue running, amber paused or advice, grey waiting, red blocked
COLOURS = {
    "ready": ("#116329", "#ffffff"),
    "running_here": ("#0550ae", "#ffffff"),
    "paused_here": ("#e3b341", "#000000"),
    "running_elsewhere": ("#30363d", "#ffffff"),
    "waiting_previous": ("#30363d", "#ffffff"),
    "material_short": ("#9a6700", "#ffffff"),
    "check_due": ("#116329", "#ffffff"),
    "completed": ("#30363d", "#c9d1d9"),
    "order_on_hold": ("#8e1519", "#ffffff"),
    "order_not_released": ("#8e1519", "#ffffff"),
    "not_eligible": ("#8e1519", "#ffffff"),
    "not_qualified": ("#8e1519", "#ffffff"),
}
_UNKNOWN = ("#30363d", "#ffffff")


def background(readiness: str) -> QBrush:
    return QBrush(QColor(COLOURS.get(readiness, _UNKNOWN)[0]))


def foreground(readiness: str) -> QBrush:
    return QBrush(QColor(COLOURS.get(readiness, _UNKNOWN)[1]))
