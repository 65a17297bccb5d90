"""Graphics items of the diagram: nodes with ports, edges with their shape label, drag hints.

Items hold no model state of their own beyond what they draw: the scene fills them from the
document's spec (`NodeItem.set_content`, `EdgeItem.set_label`) after every change. The only
thing an item changes itself is its position while the user drags it; the scene turns the drag
into one undo command on release.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from dlsim.ui.style import (
    CATEGORY_COLORS,
    DEFAULT_CATEGORY_COLOR,
    ERROR_COLOR,
    OK_COLOR,
    WARNING_COLOR,
    canvas_colors,
)

NODE_W = 156.0
MIN_TITLE_SCALE = 0.72  # a long title ("Dense 128 · leaky_relu") shrinks this far, then elides
NODE_H = 60.0
PORT_R = 6.0
SLOT_GAP = 16.0
HINT_WIDTH = 420.0


@dataclass
class NodeContent:
    """Everything a node draws, computed by the scene from the spec and the engine."""

    title: str
    subtitle: str
    tooltip: str
    category: str
    severity: str | None  # "error", "warning" or None
    has_input: bool
    many_inputs: bool
    n_inputs: int


def _colors(item: QGraphicsItem) -> dict[str, QColor]:
    scene = item.scene()
    return canvas_colors(scene.palette() if scene else QGuiApplication.palette())


def _severity_color(severity: str | None) -> QColor | None:
    return {"error": ERROR_COLOR, "warning": WARNING_COLOR}.get(severity or "")


class _Hoverable:
    """Items that light up under the mouse: `_hover` is true while the pointer is over them."""

    _hover = False

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = False
        self.update()


class PortItem(_Hoverable, QGraphicsEllipseItem):
    """An input (left) or output (right) port; dragging from it starts a connection."""

    def __init__(self, node: NodeItem, is_output: bool) -> None:
        super().__init__(-PORT_R, -PORT_R, 2 * PORT_R, 2 * PORT_R, node)
        self.node = node
        self.is_output = is_output
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(2)
        self._hover = False
        self.setToolTip(
            QCoreApplication.translate(
                "PortItem", "Output: drag to another layer's input to connect"
            )
            if is_output
            else QCoreApplication.translate(
                "PortItem", "Input: drag to another layer's output to connect"
            )
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colors = _colors(self)
        accent = self.node.accent()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(accent, 2))
        painter.setBrush(QBrush(accent if self.is_output or self._hover else colors["node"]))
        rect = self.rect()
        if self.node.content and self.node.content.many_inputs and not self.is_output:
            painter.drawRoundedRect(rect, PORT_R, PORT_R)
        else:
            r = PORT_R + (1.5 if self._hover else 0.0)
            painter.drawEllipse(QPointF(0, 0), r, r)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if scene is not None and hasattr(scene, "begin_connection"):
            scene.begin_connection(self, event.scenePos())
            event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.scene().update_connection(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.scene().end_connection(event.scenePos())

    def slot_pos(self, index: int, count: int) -> QPointF:
        """Scene position where the `index`-th of `count` incoming edges attaches."""
        offset = (index - (count - 1) / 2) * SLOT_GAP if count > 1 else 0.0
        return self.scenePos() + QPointF(0, offset)


def fitted_title(base: QFont, title: str, width: float) -> tuple[QFont, str]:
    """A card's bold title in `width`: smaller type first (down to MIN_TITLE_SCALE), cut short
    with "…" only if even that is too wide."""
    font = QFont(base)
    font.setBold(True)
    size = font.pointSizeF()
    smallest = size * MIN_TITLE_SCALE
    while QFontMetricsF(font).horizontalAdvance(title) > width and size - 0.5 >= smallest > 0:
        size -= 0.5  # in half points: fonts are hinted to whole pixels, a sliver changes nothing
        font.setPointSizeF(size)
    return font, QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, width)


class NodeItem(QGraphicsItem):
    """One layer: a rounded card with its title, id and parameter count, and its ports."""

    def __init__(self, node_id: str) -> None:
        super().__init__()
        self.node_id = node_id
        self.content: NodeContent | None = None
        self.height = NODE_H
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self.input_port = PortItem(self, is_output=False)
        self.output_port = PortItem(self, is_output=True)

    def accent(self) -> QColor:
        category = self.content.category if self.content else ""
        return CATEGORY_COLORS.get(category, DEFAULT_CATEGORY_COLOR)

    def set_content(self, content: NodeContent) -> None:
        """New text/problem state from the spec; geometry grows with many incoming edges."""
        self.prepareGeometryChange()
        self.content = content
        slots = max(content.n_inputs, 1) if content.many_inputs else 1
        self.height = max(NODE_H, slots * SLOT_GAP + 28)
        self.input_port.setVisible(content.has_input)
        if content.many_inputs:
            half = max(slots - 1, 0) * SLOT_GAP / 2 + PORT_R
            self.input_port.setRect(-PORT_R, -half, 2 * PORT_R, 2 * half)
        else:
            self.input_port.setRect(-PORT_R, -PORT_R, 2 * PORT_R, 2 * PORT_R)
        self.input_port.setPos(0, self.height / 2)
        self.output_port.setPos(NODE_W, self.height / 2)
        self.setToolTip(content.tooltip)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-PORT_R - 4, -6, NODE_W + 2 * PORT_R + 8, self.height + 12)

    def body_rect(self) -> QRectF:
        return QRectF(0, 0, NODE_W, self.height)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.body_rect(), 8, 8)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colors = _colors(self)
        content = self.content
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        body = self.body_rect()
        if self.isSelected():
            painter.setPen(QPen(colors["highlight"], 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(body.adjusted(-4, -4, 4, 4), 11, 11)
        problem = _severity_color(content.severity if content else None)
        border = QPen(problem, 2.5) if problem else QPen(colors["node_border"], 1.2)
        painter.setPen(border)
        painter.setBrush(colors["node"])
        painter.drawRoundedRect(body, 8, 8)
        strip = QPainterPath()
        strip.addRoundedRect(body, 8, 8)
        band = QPainterPath()
        band.addRect(QRectF(0, 0, 5, self.height))
        painter.fillPath(strip.intersected(band), self.accent())
        if content is None:
            return
        text_w = NODE_W - 28
        base = QFont(painter.font())
        font, title = fitted_title(base, content.title, text_w)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(colors["text"])
        top = self.height / 2 - metrics.height() - 1
        title_rect = QRectF(14, top, text_w, metrics.height())
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(title_rect, left, title)
        small = QFont(base)
        small.setBold(False)
        small.setPointSizeF(max(small.pointSizeF() * 0.88, 6.0))
        small_metrics = QFontMetricsF(small)
        painter.setFont(small)
        painter.setPen(colors["subtext"])
        sub_rect = QRectF(14, self.height / 2 + 3, text_w, small_metrics.height())
        painter.drawText(
            sub_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(content.subtitle, Qt.TextElideMode.ElideRight, text_w),
        )
        if problem:
            self._paint_badge(painter, problem)

    def _paint_badge(self, painter: QPainter, colour: QColor) -> None:
        centre = QPointF(NODE_W - 12, 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(centre, 8, 8)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(
            QRectF(centre.x() - 8, centre.y() - 8, 16, 16), Qt.AlignmentFlag.AlignCenter, "!"
        )

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            if scene is not None and hasattr(scene, "node_item_moved"):
                scene.node_item_moved(self.node_id)
        return super().itemChange(change, value)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if scene is not None and hasattr(scene, "node_activated"):
            scene.node_activated.emit(self.node_id)


def _edge_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A smooth S-curve leaving rightwards and arriving from the left, like data flowing."""
    path = QPainterPath(start)
    dx = max(abs(end.x() - start.x()) * 0.5, 40.0)
    path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end)
    return path


class EdgeItem(_Hoverable, QGraphicsPathItem):
    """A connection src → dst, labelled with the number of features flowing along it."""

    def __init__(self, src: str, dst: str) -> None:
        super().__init__()
        self.src, self.dst = src, dst
        self.label = ""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self._hover = False

    def set_label(self, label: str, tooltip: str) -> None:
        self.prepareGeometryChange()
        self.label = label
        self.setToolTip(tooltip)
        self.update()

    def set_ends(self, start: QPointF, end: QPointF) -> None:
        self.setPath(_edge_path(start, end))

    def _label_rect(self) -> QRectF:
        metrics = QFontMetricsF(self.scene().font() if self.scene() else QFont())
        w = metrics.horizontalAdvance(self.label) + 12
        h = metrics.height() + 2
        mid = self.path().pointAtPercent(0.5)
        return QRectF(mid.x() - w / 2, mid.y() - h / 2, w, h)

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect().adjusted(-6, -6, 6, 6)
        return rect.united(self._label_rect()) if self.label else rect

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        shape = stroker.createStroke(self.path())
        if self.label:
            shape.addRect(self._label_rect())
        return shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colors = _colors(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        active = self.isSelected() or self._hover
        colour = colors["highlight"] if active else colors["edge"]
        painter.setPen(QPen(colour, 2.6 if active else 1.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = self.path()
        painter.drawPath(path)
        end = path.pointAtPercent(1.0)
        arrow = QPolygonF([end, end + QPointF(-9, -4.5), end + QPointF(-9, 4.5)])
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(arrow)
        if self.label:
            rect = self._label_rect()
            painter.setBrush(colors["label_bg"])
            painter.setPen(QPen(colour, 1))
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(colors["text"])
            painter.setFont(self.scene().font())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label)


class PendingEdge(QGraphicsPathItem):
    """The line that follows the cursor while a connection is dragged; green ok, red refused."""

    def __init__(self, start: QPointF, from_output: bool) -> None:
        super().__init__()
        self.start = start
        self.from_output = from_output
        self.setZValue(3)
        self.set_end(start, None)

    def set_end(self, end: QPointF, ok: bool | None) -> None:
        a, b = (self.start, end) if self.from_output else (end, self.start)
        self.setPath(_edge_path(a, b))
        colour = QColor("#7b828c") if ok is None else OK_COLOR if ok else ERROR_COLOR
        self.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))


class HintItem(QGraphicsItem):
    """A short message shown beside the cursor (constant size at any zoom)."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.error = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(10)

    def set_text(self, text: str, error: bool) -> None:
        self.prepareGeometryChange()
        self.text, self.error = text, error
        self.update()

    def _font(self) -> QFont:
        return self.scene().font() if self.scene() else QFont()

    def boundingRect(self) -> QRectF:
        metrics = QFontMetricsF(self._font())
        flags = Qt.TextFlag.TextWordWrap
        text = metrics.boundingRect(QRectF(0, 0, HINT_WIDTH, 10_000), flags, self.text)
        return QRectF(14, 14, text.width() + 20, text.height() + 10)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ERROR_COLOR if self.error else QColor("#334155"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(self._font())
        painter.drawText(
            rect.adjusted(10, 5, -10, -5),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            self.text,
        )
