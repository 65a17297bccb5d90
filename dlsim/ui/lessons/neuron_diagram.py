"""The backprop stepper's picture: every unit a circle with its value, every weight a labelled edge.

It draws what a `teaching.stepper.Phase` says — the values known so far, each weight's label,
which units and edges the current phase is about — and computes nothing. Edge colour gives the
weight's sign (blue +, orange −) and width its size, so a class sees the weights change after the
update. The view scales the whole picture to fit, so it stays readable on a projector.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from dlsim.engine.teaching.stepper import NetLayout, Phase
from dlsim.ui.lessons.common import (
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    INK,
    MUTED,
    PAPER,
    mono_font,
    sign_color,
    with_alpha,
)

RADIUS = 62.0
COLUMN_GAP = 390.0
ROW_GAP = 320.0
ROW_GAP_CROWDED = 160.0
LABEL_AT = 0.65
MAX_LABELLED_UNITS = 3


class TextBox(QGraphicsItem):
    """Lines of text on a rounded white card, centred on its position (labels must not hide)."""

    def __init__(self, font: QFont, card: bool = True, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self._font = font
        self._card = card
        self._lines: list[tuple[str, QColor, bool]] = []
        self._rect = QRectF()
        self._frame: QColor | None = None

    def set_lines(self, lines: list[tuple[str, QColor, bool]], frame: QColor | None = None) -> None:
        self.prepareGeometryChange()
        self._lines = [line for line in lines if line[0]]
        self._frame = frame
        bold = QFont(self._font)
        bold.setBold(True)
        width, height = 0.0, 0.0
        for text, _colour, is_bold in self._lines:
            metrics = QFontMetricsF(bold if is_bold else self._font)
            width = max(width, metrics.horizontalAdvance(text))
            height += metrics.height()
        pad = 6.0
        self._rect = QRectF(-width / 2 - pad, -height / 2 - pad / 2, width + 2 * pad, height + pad)
        self.setVisible(bool(self._lines))
        self.update()

    def text(self) -> str:
        return "\n".join(line[0] for line in self._lines)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._card:
            painter.setBrush(QBrush(with_alpha(PAPER, 235)))
            frame = self._frame or with_alpha(MUTED, 160)
            painter.setPen(QPen(frame, 2.0 if self._frame else 1.0))
            painter.drawRoundedRect(self._rect, 6, 6)
        y = self._rect.top() + 3.0
        for text, colour, is_bold in self._lines:
            font = QFont(self._font)
            font.setBold(is_bold)
            metrics = QFontMetricsF(font)
            painter.setFont(font)
            painter.setPen(colour)
            rect = QRectF(self._rect.left(), y, self._rect.width(), metrics.height())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            y += metrics.height()


class _Unit:
    """A unit's circle with its name and value inside and its notes (target, E, ∂E/∂z) beside."""

    def __init__(
        self, scene: QGraphicsScene, name: str, pos: QPointF, note_side: str | None
    ) -> None:
        self.name = name
        self.pos = pos
        self.circle = QGraphicsEllipseItem(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        self.circle.setPos(pos)
        self.circle.setZValue(2)
        scene.addItem(self.circle)
        self.label = TextBox(mono_font(2), card=False)
        self.label.setPos(pos)
        self.label.setZValue(3)
        scene.addItem(self.label)
        self.note = TextBox(mono_font(-1))
        self.note.setZValue(4)
        self.note_side = note_side
        scene.addItem(self.note)
        self.value = ""

    def show(self, value: str, note: str, active: bool) -> None:
        self.value = value
        self.circle.setBrush(QBrush(HIGHLIGHT_FILL if active else QColor("#f1f5f9")))
        self.circle.setPen(QPen(HIGHLIGHT if active else INK, 5.0 if active else 2.0))
        lines = [(self.name, INK, True), (value or "?", INK if value else MUTED, False)]
        self.label.set_lines(lines, frame=None)
        self.label.setOpacity(1.0)
        note_lines = [(line, INK, False) for line in note.split("\n") if line]
        if self.note_side is None:
            note_lines = []
        self.note.set_lines(note_lines, frame=HIGHLIGHT if active and note_lines else None)
        rect = self.note.boundingRect()
        if self.note_side == "right":
            self.note.setPos(self.pos + QPointF(RADIUS + 14 + rect.width() / 2, 0))
        else:
            self.note.setPos(self.pos + QPointF(0, RADIUS + 10 + rect.height() / 2))


class _Edge:
    """A weight's line (colour = sign, width = size) and its label at a fixed point along it."""

    def __init__(
        self, scene: QGraphicsScene, name: str, a: QPointF, b: QPointF, t: float, labelled: bool
    ) -> None:
        self.name = name
        d = b - a
        length = math.hypot(d.x(), d.y()) or 1.0
        u = QPointF(d.x() / length, d.y() / length)
        self.line = QGraphicsLineItem(
            a.x() + u.x() * RADIUS,
            a.y() + u.y() * RADIUS,
            b.x() - u.x() * RADIUS,
            b.y() - u.y() * RADIUS,
        )
        self.line.setZValue(0)
        scene.addItem(self.line)
        self.label = TextBox(mono_font(0))
        self.label.setPos(a + d * t)
        self.label.setZValue(1)
        self.labelled = labelled
        scene.addItem(self.label)
        self.text = ""

    def show(self, value: float, label: str, biggest: float, active: bool, dim: bool) -> None:
        self.text = label
        width = 1.5 + 7.0 * min(abs(value) / biggest, 1.0) if biggest > 0 else 1.5
        colour = with_alpha(sign_color(value), 70 if dim else 255)
        self.line.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        self.line.setToolTip(label)
        lines = label.split("\n")
        styled = [(lines[0], sign_color(value), True)] + [(text, INK, False) for text in lines[1:]]
        self.label.set_lines(styled, frame=HIGHLIGHT if active else None)
        self.label.setVisible(self.labelled)
        self.label.setOpacity(0.45 if dim else 1.0)
        self.label.setZValue(1.5 if active else 1)


class NeuronDiagram(QGraphicsView):
    """The network of the stepper, redrawn for each phase from the phase's own values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(PAPER))
        self.setMinimumSize(360, 260)
        self._units: dict[str, _Unit] = {}
        self._edges: dict[str, _Edge] = {}
        self._frame = QRectF()

    def set_network(self, net: NetLayout) -> None:
        """Lay the units out in columns, one per layer, and connect them in the lecture's order."""
        scene = self.scene()
        # Remove the old items one by one (not scene.clear()): Python still holds their
        # wrappers, and letting Qt delete them underneath crashes PySide at exit.
        for unit in self._units.values():
            for item in (unit.circle, unit.label, unit.note):
                scene.removeItem(item)
        for edge in self._edges.values():
            scene.removeItem(edge.line)
            scene.removeItem(edge.label)
        self._units.clear()
        self._edges.clear()
        n_layers = len(net.layers)
        tallest = max(len(net.units[layer]) for layer in net.layers)
        row_gap = ROW_GAP if tallest <= 3 else ROW_GAP_CROWDED
        crowded = row_gap == ROW_GAP_CROWDED
        for col, layer in enumerate(net.layers):
            units = net.units[layer]
            # Notes go below a unit, unless the units are packed too tightly: then only the
            # outputs carry theirs, on the right (the formula panel has every number anyway).
            side: str | None = "below"
            if crowded:
                side = "right" if col == n_layers - 1 else None
            for unit in units:
                y = (unit.index - (len(units) - 1) / 2) * row_gap
                self._units[unit.name] = _Unit(scene, unit.name, QPointF(col * COLUMN_GAP, y), side)
        for layer in net.dense_layers:
            weights = net.weights_into(layer)
            # Labels only fit between layers of up to three units; bigger layers show each
            # weight as a tooltip (and every weight is written out in the formula panel).
            prev = net.layers[net.layers.index(layer) - 1]
            labelled = max(len(net.units[prev]), len(net.units[layer])) <= MAX_LABELLED_UNITS
            for w in weights:
                a, b = self._units[w.src].pos, self._units[w.dst].pos
                # Every label sits at the same fraction of its edge, nearer the destination:
                # edges fanning into one unit spread their labels apart, and two edges crossing
                # in the middle have theirs on opposite sides of the crossing.
                self._edges[w.name] = _Edge(scene, w.name, a, b, LABEL_AT, labelled)
        # A fixed frame (room for the notes beside the outputs and below the hidden units), so
        # the picture does not jump when a phase adds or removes a note.
        half = (tallest - 1) / 2 * row_gap
        right = (n_layers - 1) * COLUMN_GAP + RADIUS + (230 if crowded else 30)
        self._frame = QRectF(-RADIUS - 30, -half - RADIUS - 20, right + RADIUS + 30, 0)
        self._frame.setBottom(half + RADIUS + 110)
        self._fit()

    def show_phase(self, phase: Phase) -> None:
        for name, unit in self._units.items():
            unit.show(
                phase.unit_values.get(name, ""),
                phase.unit_notes.get(name, ""),
                name in phase.active_units,
            )
        biggest = max((abs(v) for v in phase.edge_values.values()), default=0.0)
        for name, edge in self._edges.items():
            active = name in phase.active_edges
            dim = bool(phase.active_edges) and not active
            edge.show(
                phase.edge_values.get(name, 0.0),
                phase.edge_labels.get(name, name),
                biggest,
                active,
                dim,
            )
        self._fit()

    def unit_names(self) -> list[str]:
        return list(self._units)

    def edge_names(self) -> list[str]:
        return list(self._edges)

    def unit_text(self, name: str) -> str:
        """What the circle of unit `name` shows (name and value), for tests and read-back."""
        return self._units[name].label.text()

    def unit_note(self, name: str) -> str:
        return self._units[name].note.text()

    def edge_text(self, name: str) -> str:
        return self._edges[name].text

    def _fit(self) -> None:
        rect = self._frame.united(self.scene().itemsBoundingRect()).adjusted(-10, -10, 10, 10)
        self.scene().setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
