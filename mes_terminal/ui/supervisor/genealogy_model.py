"""A genealogy tree (or a recall's list of finished lots) as a Qt item model over the service's nodes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mes_terminal.domain.clock import site_time
from mes_terminal.ui.supervisor.formatting import ZoneSource, utc_zone

Node = Mapping[str, Any]
COLUMNS = ("lot", "material", "quantity", "work_order", "operation", "station", "operator", "linked_at", "status")
HELD = "#9a6700"  # a lot on hold stands out in a recall
WHERE = ("operation", "station", "operator", "linked_at")  # of a link: for several, on the link rows


class _Item:
    __slots__ = ("children", "node", "parent", "row")

    def __init__(self, node: Node, parent: _Item | None, row: int) -> None:
        self.node, self.parent, self.row = node, parent, row
        # A lot reached by several links (scanned twice): its row holds the sum, a row per link below it.
        links = node.get("links", ())
        below = [{**link, "link": True} for link in links] if len(links) > 1 else []
        self.children = [_Item(child, self, i) for i, child in enumerate([*below, *node.get("children", ())])]


class GenealogyModel(QAbstractItemModel):
    def __init__(self, parent=None, site_zone: ZoneSource = utc_zone) -> None:
        super().__init__(parent)
        self.site_zone = site_zone  # link times are written in the site's zone
        self._roots: list[_Item] = []

    def set_nodes(self, nodes: Sequence[Node]) -> None:
        self.beginResetModel()
        self._roots = [_Item(node, None, i) for i, node in enumerate(nodes)]
        self.endResetModel()

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node | None:
        return index.internalPointer().node if index.isValid() else None

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._children(parent)
        if not (0 <= row < len(siblings) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    # Qt overloads parent() (the QObject) with parent(index); a model overrides the second only.
    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        return QModelIndex() if up is None else self.createIndex(up.row, 0, up)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Lot"),
            self.tr("Material"),
            self.tr("Quantity"),
            self.tr("Work order"),
            self.tr("Operation"),
            self.tr("Station"),
            self.tr("Operator"),
            self.tr("When"),
            self.tr("Status"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = index.internalPointer().node
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(node, key, self.site_zone())
        if role == Qt.ItemDataRole.ToolTipRole and key == "material":
            return node.get("material_name")
        if role == Qt.ItemDataRole.ForegroundRole and key == "status" and node.get("status") == "on_hold":
            return QBrush(QColor(HELD))
        return None

    def _children(self, parent: QModelIndex | QPersistentModelIndex) -> list[_Item]:
        return parent.internalPointer().children if parent.isValid() else self._roots


def _text(node: Node, key: str, zone: str = "UTC") -> str:
    value = node.get(key)
    if node.get("link") and key == "lot":
        return "\u21b3"
    if key in WHERE and len(node.get("links", ())) > 1:
        return ""
    if key == "quantity":
        quantity = node.get("quantity", node.get("on_hand"))
        return "" if quantity is None else f"{quantity} {node.get('unit', '')}"
    if key == "linked_at":
        return "" if not value else site_time(datetime.fromisoformat(str(value).replace("Z", "+00:00")), zone)
    if key == "lot" and node.get("cycle"):
        return f"{value} ↺"
    if key == "status":
        return "" if value is None else str(value).replace("_", " ")
    return "" if value is None else str(value)
