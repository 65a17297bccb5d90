"""The minimap: an overview of a diagram too large for the window, in the view's corner.

It is a second, non-interactive view of the same scene, scaled to show the whole diagram, with
the main view's visible area outlined; clicking or dragging in it recentres the main view. It
hides itself while the whole diagram is visible, since then it would only repeat the canvas, and
while it would cover a layer, since the layer matters more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView

from dlsim.ui.style import canvas_colors

if TYPE_CHECKING:
    from dlsim.ui.graph_editor.view import GraphView

SIZE = (220, 140)
MARGIN = 12


class Minimap(QGraphicsView):
    """A small overview of the whole diagram; click or drag to move the main view."""

    def __init__(self, view: GraphView) -> None:
        super().__init__(view.scene(), view)
        self.main = view
        self.enabled = True
        self.resize(*SIZE)
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.Box)
        self.setToolTip(self.tr("Overview: click or drag to move the view"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hide()

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.refresh()

    def place(self) -> None:
        """Sit in the bottom-right corner of the main view's viewport."""
        port = self.main.viewport().geometry()
        self.move(port.right() - self.width() - MARGIN, port.bottom() - self.height() - MARGIN)

    def needed(self) -> bool:
        """True when part of the diagram lies outside the main view."""
        diagram = self.main.graph_scene.diagram_rect()
        return bool(self.main.graph_scene.node_items()) and not (
            self.main.visible_scene_rect().contains(diagram)
        )

    def covers_a_layer(self) -> bool:
        """True when, placed in its corner, it would hide part of a layer."""
        self.place()
        port = self.main.viewport().geometry()
        corner = self.main.mapToScene(self.geometry().translated(-port.topLeft())).boundingRect()
        items = self.main.graph_scene.node_items()
        return any(item.sceneBoundingRect().intersects(corner) for item in items)

    def refresh(self) -> None:
        show = self.enabled and self.needed() and not self.covers_a_layer()
        self.setVisible(show)
        if show:
            self.place()
            rect = self.main.graph_scene.diagram_rect().adjusted(-30, -30, 30, 30)
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            self.viewport().update()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, canvas_colors(self.palette())["background"])

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        visible = self.main.visible_scene_rect()
        highlight = QColor(canvas_colors(self.palette())["highlight"])
        pen = QPen(highlight, 2)
        pen.setCosmetic(True)
        painter.setPen(pen)
        highlight.setAlpha(40)
        painter.setBrush(highlight)
        painter.drawRect(visible)

    def _centre_main(self, event: QMouseEvent) -> None:
        self.main.centerOn(self.mapToScene(event.position().toPoint()))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._centre_main(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre_main(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.main.wheelEvent(event)
