"""The layer palette: every registered layer type, grouped by category, ready to drag.

Generated from the engine's registry, so a new layer type appears here without UI code. Dragging
an entry onto the canvas drops that layer there; double-click (or Enter) adds it in the middle
of the view. The one-line help from the registry is the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dlsim.engine.nn.registry import layer_types
from dlsim.ui.graph_editor.view import LAYER_MIME
from dlsim.ui.style import CATEGORY_COLORS, DEFAULT_CATEGORY_COLOR

TYPE_ROLE = Qt.ItemDataRole.UserRole


def _swatch(colour: QColor) -> QIcon:
    """A small rounded colour chip matching the node's category band."""
    pix = QPixmap(12, 12)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QBrush(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    painter.end()
    return QIcon(pix)


class LayerTree(QTreeWidget):
    """The draggable list itself: each entry carries its type name as a drag payload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(8)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for ltype in layer_types():
            group = groups.get(ltype.category)
            if group is None:
                group = groups[ltype.category] = QTreeWidgetItem(self, [ltype.category_title])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
            item = QTreeWidgetItem(group, [ltype.name])
            item.setData(0, TYPE_ROLE, ltype.name)
            item.setToolTip(0, ltype.tip)
            item.setStatusTip(0, ltype.tip)
            colour = CATEGORY_COLORS.get(ltype.category, DEFAULT_CATEGORY_COLOR)
            item.setIcon(0, _swatch(colour))
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
        self.expandAll()

    def type_names(self) -> list[str]:
        """Every layer type listed, in palette order."""
        names = []
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            names += [group.child(j).data(0, TYPE_ROLE) for j in range(group.childCount())]
        return names

    def item_for(self, type_name: str) -> QTreeWidgetItem:
        for item in self.findItems(
            type_name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        ):
            if item.data(0, TYPE_ROLE) == type_name:
                return item
        raise KeyError(type_name)

    def mimeTypes(self) -> list[str]:
        return [LAYER_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        mime = QMimeData()
        names = [i.data(0, TYPE_ROLE) for i in items if i.data(0, TYPE_ROLE)]
        if names:
            mime.setData(LAYER_MIME, names[0].encode("utf-8"))
        return mime


class LayerPalette(QWidget):
    """Layer types by category with the hovered one's help below; emits
    `layer_activated(type)` on double-click or Enter."""

    layer_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = LayerTree()
        self.help = QLabel(self.tr("Drag a layer onto the canvas, or double-click it."))
        self.help.setWordWrap(True)
        self.help.setMargin(6)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.help)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemEntered.connect(self._show_help)
        self.tree.currentItemChanged.connect(self._show_help)

    def type_names(self) -> list[str]:
        return self.tree.type_names()

    def fitting_height(self) -> int:
        """The height that shows every category and layer type without scrolling, with two
        lines of help below (the window gives the rest of the column to the examples)."""
        rows = self.tree.topLevelItemCount() + len(self.type_names())
        row = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height())
        frame = 2 * self.tree.frameWidth() + 4
        help_lines = 2 * self.help.fontMetrics().lineSpacing() + 2 * self.help.margin()
        return rows * row + frame + help_lines

    def item_for(self, type_name: str) -> QTreeWidgetItem:
        return self.tree.item_for(type_name)

    def activate(self, type_name: str) -> None:
        """What a double-click on the entry does (add the layer in the middle of the view)."""
        self.tree.itemActivated.emit(self.item_for(type_name), 0)

    def _show_help(self, item: QTreeWidgetItem | None, *_: object) -> None:
        if item is not None and item.data(0, TYPE_ROLE):
            self.help.setText(item.toolTip(0))

    def _on_item_activated(self, item: QTreeWidgetItem, column: int) -> None:
        name = item.data(0, TYPE_ROLE)
        if name:
            self.layer_activated.emit(name)
