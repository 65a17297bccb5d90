"""The perceptron lab's picture: the four inputs, the decision line(s) and the two coloured sides.

Each point's label goes on a side of the point that no decision line crosses, and a line's name
stays off the point labels (`dlsim.engine.teaching.placement`), so nothing a class must read is
struck through. The picture is redrawn when the plot is resized, because the labels' size in
data units changes with it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPolygonItem, QWidget

from dlsim.engine.notation import fmt
from dlsim.engine.teaching import lab, placement
from dlsim.engine.teaching.lab import PLOT_BOX
from dlsim.ui.lessons.common import INK, NEGATIVE, POSITIVE, big_font, with_alpha

POINT_SIZE = 26
LABEL_GAP_PX = 4
SMALLER_LABELS = 3  # points smaller: the point labels' type on a plot too small for the usual
MIN_PLOT_SIZE = 240


def _polygon(points: Sequence[tuple[float, float]]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


class DecisionPlot(pg.PlotWidget):
    """The input plane of one step unit (or of XOR's two hidden units) with the gate's targets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setAspectLocked(True)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        x0, x1, y0, y1 = PLOT_BOX
        self.setXRange(x0, x1, padding=0)
        self.setYRange(y0, y1, padding=0)
        self.setLabel("bottom", "x1")
        self.setLabel("left", "x2")
        self.setMinimumSize(MIN_PLOT_SIZE, MIN_PLOT_SIZE)
        # room above the view for the top tick label ("1.5"), which is centred on its tick
        self.getPlotItem().setContentsMargins(0, 10, 10, 0)
        for axis in ("bottom", "left"):
            self.getAxis(axis).setTickFont(big_font(-1))
        self._items: list[QGraphicsItem] = []
        self._lines: dict[str | None, tuple[float, float, float]] = {}
        self._gate = "and"
        self._two_layers = False
        # a resize redraws once the layout has settled: building and showing the lab resized
        # the plot several times in one go, each a whole redraw
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(0)
        self._redraw.timeout.connect(self._draw)
        self.getViewBox().sigResized.connect(self._redraw.start)

    # --- what the lab shows -------------------------------------------------------------------

    def show_unit(self, w1: float, w2: float, b: float, gate_name: str) -> None:
        """One step unit's line and sides, with `gate_name`'s targets on the points."""
        self._gate, self._two_layers = gate_name, False
        self._lines = {None: (w1, w2, b)}
        self._draw()

    def show_two_layers(self) -> None:
        """XOR = AND(NAND, OR): both hidden lines, y = 1 only in the band between them."""
        self._gate, self._two_layers = "xor", True
        self._lines = dict(lab.xor_hidden_lines())
        self._draw()

    # --- reading back -------------------------------------------------------------------------

    def drawn_lines(self) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        """The decision lines on the plot, as their two ends."""
        out = []
        for item in self._items:
            if isinstance(item, pg.PlotDataItem) and getattr(item, "is_decision_line", False):
                xs, ys = item.getData()
                out.append(((float(xs[0]), float(ys[0])), (float(xs[1]), float(ys[1]))))
        return out

    def label_rects(self) -> dict[str, placement.Rect]:
        """Every text on the plot (points' and lines' labels) as a rectangle in data units."""
        out = {}
        for item in self._items:
            if isinstance(item, pg.TextItem):
                rect = item.mapRectToView(item.boundingRect())
                out[item.toPlainText()] = (rect.left(), rect.top(), rect.right(), rect.bottom())
        return out

    def line_weights(self) -> list[tuple[float, float, float]]:
        return list(self._lines.values())

    # --- drawing ------------------------------------------------------------------------------

    def _draw(self, *_: object) -> None:
        for item in self._items:
            self.removeItem(item)
        self._items = []
        ones_fill = with_alpha(POSITIVE, 45)
        zeros_fill = with_alpha(NEGATIVE, 40)
        if self._two_layers:
            for region in lab.xor_zeros_regions():
                self._add_polygon(region, zeros_fill)
            self._add_polygon(lab.xor_ones_region(), ones_fill)
        else:
            (w1, w2, b) = self._lines[None]
            self._add_polygon(lab.half_plane(w1, w2, b, True), ones_fill)
            self._add_polygon(lab.half_plane(w1, w2, b, False), zeros_fill)
        for w1, w2, b in self._lines.values():
            self._add_line(w1, w2, b)
        avoid = self._add_points()
        # NAND's name on its 1 side, OR's on its 0 side, so the two never meet.
        for (name, weights), offset in zip(self._lines.items(), (-0.1, 0.1), strict=False):
            if name is not None:
                avoid.append(self._add_line_name(name, weights, offset, avoid))

    def _pixel(self) -> tuple[float, float]:
        """The size of one screen pixel in data units (positive in both directions)."""
        px, py = self.getViewBox().viewPixelSize()
        return abs(px) or 0.01, abs(py) or 0.01

    def _view_box(self) -> tuple[float, float, float, float]:
        """The visible part of the plane (wider than the plot box when the widget is wide)."""
        (x0, x1), (y0, y1) = self.getViewBox().viewRange()
        px, py = self._pixel()
        return x0 + 2 * px, x1 - 2 * px, y0 + 2 * py, y1 - 2 * py

    def _text(self, text: str, fill: str | None = None, smaller: int = 0) -> pg.TextItem:
        item = pg.TextItem(text, color=INK, anchor=(0.5, 0.5), fill=fill)
        item.setFont(big_font(-smaller, bold=True))
        return item

    def _size(self, item: pg.TextItem) -> placement.Size:
        px, py = self._pixel()
        rect = item.textItem.boundingRect()
        return rect.width() * px, rect.height() * py

    def _add_points(self) -> list[placement.Rect]:
        """The four inputs coloured by target, each labelled where no line crosses the label:
        "(1,0) → 1" on one line where they all fit, on two lines where the lines leave less
        room, in a smaller type on a small plot, and only where even that fails closer together
        than a point's width."""
        targets = lab.targets(self._gate)
        points = [(float(x1), float(x2)) for x1, x2 in lab.TRUTH_X]
        wide = [
            f"({fmt(x1)},{fmt(x2)}) \u2192 {fmt(t)}"
            for (x1, x2), t in zip(points, targets, strict=True)
        ]
        px, py = self._pixel()
        radius = (POINT_SIZE / 2 + LABEL_GAP_PX) * max(px, py)
        lines, box = list(self._lines.values()), self._view_box()
        tall = [text.replace(" \u2192", "\n\u2192") for text in wide]

        def place(labels: list[str], spaced: bool, smaller: int) -> tuple[list, list, list]:
            texts = [self._text(text, smaller=smaller) for text in labels]
            sizes = [self._size(t) for t in texts]
            return (
                texts,
                sizes,
                placement.point_label_centres(points, sizes, radius, lines, box, spaced),
            )

        tries = []  # the first that leaves no label without a clear place wins
        for spaced, smaller in ((True, 0), (True, SMALLER_LABELS), (False, 0)):
            one_line = place(wide, spaced, smaller)
            mixed = [tall[k] if c is None else wide[k] for k, c in enumerate(one_line[2])]
            tries += [one_line, place(mixed, spaced, smaller), place(tall, spaced, smaller)]
        texts, sizes, centres = min(
            tries, key=lambda found: self._unplaced(*found[1:], points, radius)
        )
        rects = []
        for k, ((x1, x2), t) in enumerate(zip(points, targets, strict=True)):
            colour = POSITIVE if t else NEGATIVE
            point = pg.ScatterPlotItem(
                [x1], [x2], size=POINT_SIZE, brush=pg.mkBrush(colour), pen=pg.mkPen(INK, width=2)
            )
            point.setZValue(10)
            self._add(point)
            centre = centres[k] or (x1, x2 - radius - sizes[k][1] / 2)
            texts[k].setPos(*centre)
            texts[k].setZValue(11)
            self._add(texts[k])
            rects.append(placement.rect_at(centre, sizes[k]))
            rects.append(placement.rect_at((x1, x2), (2 * radius, 2 * radius)))
        return rects

    def _unplaced(self, sizes: list, centres: list, points: list, radius: float) -> int:
        """How many labels a placement of the point labels leaves without a clear place: its
        own, and the lines' names that could then not be written clear of them and each other."""
        avoid = [
            placement.rect_at(centre, size)
            for centre, size in zip(centres, sizes, strict=True)
            if centre is not None
        ]
        avoid += [placement.rect_at(p, (2 * radius, 2 * radius)) for p in points]
        missing = centres.count(None)
        for (name, weights), offset in zip(self._lines.items(), (-0.1, 0.1), strict=False):
            if name is None:
                continue
            size = self._size(self._text(name, fill="w"))
            centre = placement.line_label_centre(
                weights, size, avoid, offset, self._view_box(), strict=True
            )
            if centre is None:
                missing += 1
            else:
                avoid.append(placement.rect_at(centre, size))
        return missing

    def _add_line_name(
        self,
        name: str,
        weights: tuple[float, float, float],
        offset: float,
        avoid: list[placement.Rect],
    ) -> placement.Rect:
        text = self._text(name, fill="w")
        size = self._size(text)
        centre = placement.line_label_centre(weights, size, avoid, offset, self._view_box())
        if centre is None:
            return (0.0, 0.0, 0.0, 0.0)
        text.setPos(*centre)
        text.setZValue(6)
        self._add(text)
        return placement.rect_at(centre, size)

    def _add(self, item: QGraphicsItem) -> None:
        self.addItem(item)
        self._items.append(item)

    def _add_polygon(self, points: Sequence[tuple[float, float]], fill: QColor) -> None:
        if len(points) < 3:
            return
        item = QGraphicsPolygonItem(_polygon(points))
        item.setBrush(QBrush(fill))
        item.setPen(QPen(Qt.PenStyle.NoPen))
        item.setZValue(-10)
        self._add(item)

    def _add_line(self, w1: float, w2: float, b: float) -> None:
        ends = lab.decision_line(w1, w2, b)
        if ends is None:
            return
        (ax, ay), (bx, by) = ends
        line = pg.PlotDataItem([ax, bx], [ay, by], pen=pg.mkPen(INK, width=4))
        line.is_decision_line = True
        line.setZValue(5)
        self._add(line)
