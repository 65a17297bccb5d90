"""The diagram view: zoom (wheel, with limits), pan (middle mouse or space-drag), fit, drops.

Layer drops from the palette and .dlsim file drops arrive here; the view converts them to scene
coordinates and hands them on (`GraphScene.add_layer`, the `files_dropped` signal). A tap of the
space bar that did not pan is passed on as `space_tapped`, so a window-wide Space shortcut (run
/ pause) still works while the canvas has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from dlsim.ui.graph_editor.minimap import Minimap
from dlsim.ui.graph_editor.scene import GraphScene
from dlsim.ui.style import canvas_colors

LAYER_MIME = "application/x-dlsim-layer"
MIN_ZOOM = 0.25
MAX_ZOOM = 3.0
MAX_FIT_ZOOM = 1.3
READABLE_ZOOM = 0.6  # a layer card's text is still readable; an opened diagram is never smaller
ZOOM_STEP = 1.15
GRID_STEP = 20.0


class GraphView(QGraphicsView):
    """Shows a GraphScene; handles navigation and drops, nothing that edits the model."""

    files_dropped = Signal(list)
    zoom_changed = Signal(float)
    space_tapped = Signal()

    def __init__(self, scene: GraphScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.graph_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._fitted = False  # the diagram was fitted and not zoomed or panned since: stay fitted
        self._readable = False  # and that fit keeps READABLE_ZOOM (an opened document)
        self._empty = True  # no layers: the empty-canvas hint is shown
        self._space_down = False
        self._space_panned = False
        self.minimap = Minimap(self)
        self.horizontalScrollBar().valueChanged.connect(self._on_viewport_moved)
        self.verticalScrollBar().valueChanged.connect(self._on_viewport_moved)
        scene.changed.connect(self._on_viewport_moved)

    # --- zoom -----------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Zoom to an absolute factor, clamped to [MIN_ZOOM, MAX_ZOOM]."""
        self._fitted = False
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        ratio = factor / self.zoom()
        if abs(ratio - 1.0) < 1e-9:
            return
        self.scale(ratio, ratio)
        self.zoom_changed.emit(self.zoom())
        self._on_viewport_moved()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_to_view(self, readable: bool = False) -> None:
        """Show the whole diagram, never magnified beyond MAX_FIT_ZOOM (small graphs stay sane).

        `readable` (opening a document): never below READABLE_ZOOM either; a diagram too long
        for that shows its start (the input, top left) and the minimap the rest. It stays
        fitted while the view is resized (docks settling, the window maximised) until the user
        zooms or pans."""
        self._fitted = True
        self._readable = readable
        rect = self.graph_scene.diagram_rect().adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        factor = min(max(self.zoom(), MIN_ZOOM), MAX_FIT_ZOOM)
        if readable:
            factor = max(factor, READABLE_ZOOM)
        self.resetTransform()
        self.scale(factor, factor)
        port = self.viewport().rect()
        seen_w, seen_h = port.width() / factor, port.height() / factor
        centre = rect.center()
        x = rect.left() + seen_w / 2 if rect.width() > seen_w else centre.x()
        y = rect.top() + seen_h / 2 if rect.height() > seen_h else centre.y()
        self.centerOn(QPointF(x, y))
        self.zoom_changed.emit(self.zoom())
        self._on_viewport_moved()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom() * ZOOM_STEP**steps)
        event.accept()

    # --- pan ------------------------------------------------------------------------------------

    def _start_pan(self, pos: QPoint) -> None:
        self._fitted = False
        self._pan_from = pos
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space_down and event.button() == Qt.MouseButton.LeftButton):
            self._start_pan(event.position().toPoint())
            self._space_panned = True
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space_down else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        # Keep Space for panning while the canvas has focus; a tap is forwarded (space_tapped).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers()
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self._space_panned = False
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            if not self._space_panned:
                self.space_tapped.emit()
            event.accept()
            return
        super().keyReleaseEvent(event)

    # --- drops ----------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(LAYER_MIME) or mime.hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(LAYER_MIME) or mime.hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(LAYER_MIME):
            type_name = bytes(mime.data(LAYER_MIME)).decode("utf-8")
            self.drop_layer(type_name, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        elif mime.hasUrls():
            paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if paths:
                self.files_dropped.emit(paths)
            event.acceptProposedAction()
        else:
            super().dropEvent(event)

    def drop_layer(self, type_name: str, scene_pos: QPointF) -> str:
        """A palette drop: add the layer where it was dropped."""
        self.setFocus()
        return self.graph_scene.add_layer(type_name, scene_pos)

    def add_layer_at_center(self, type_name: str) -> str:
        """A palette double-click: beside the selected layer, else in the middle of what is
        visible (GraphScene.add_layer_beside_selection), then kept in view."""
        centre = self.mapToScene(self.viewport().rect().center())
        nid = self.graph_scene.add_layer_beside_selection(type_name, centre)
        item = self.graph_scene.node_item(nid)
        if item is not None:
            self.ensureVisible(item, 20, 20)
        return nid

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    # --- drawing --------------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        colors = canvas_colors(self.palette())
        painter.fillRect(rect, colors["background"])
        if self.zoom() < 0.5:
            return
        painter.setPen(QPen(colors["grid"], 1.6 / self.zoom()))
        left = int(rect.left() // GRID_STEP) * GRID_STEP
        top = int(rect.top() // GRID_STEP) * GRID_STEP
        points = []
        y = top
        while y < rect.bottom():
            x = left
            while x < rect.right():
                points.append(QPointF(x, y))
                x += GRID_STEP
            y += GRID_STEP
        painter.drawPoints(points)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if self.graph_scene.node_items():
            return
        painter.save()
        painter.resetTransform()
        colors = canvas_colors(self.palette())
        painter.setPen(colors["subtext"])
        painter.drawText(
            self.viewport().rect(),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.tr(
                "Drag a layer here from the Layers palette (or double-click it),\n"
                "then connect an output port (right) to an input port (left)."
            ),
        )
        painter.restore()

    # --- minimap --------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit_to_view(self._readable)
        self.minimap.place()
        self._on_viewport_moved()

    def _on_viewport_moved(self, *_: object) -> None:
        empty = not self.graph_scene.node_items()
        if empty != self._empty:  # the hint is painted over the whole view: repaint all of it
            self._empty = empty
            self.viewport().update()
        self.minimap.refresh()
