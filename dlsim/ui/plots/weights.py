"""Weights: each small Dense kernel W (inputs × units) as a heat map, blue negative, red positive.

Zero is always white and each kernel is scaled by its own largest |w| (by the engine), so a
student sees the pattern of every layer; the caption and the CSV carry the actual values. Kernels
too big to read are listed, not drawn.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem, QWidget

from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.views.layouts import weight_mosaic
from dlsim.engine.views.tables import table_csv, weight_rows
from dlsim.ui.plots.base import PlotFeed, PlotPanel, header_label, style_plot

# ColorBrewer RdBu: blue negative, white zero, red positive.
DIVERGING = pg.ColorMap([0.0, 0.5, 1.0], [(33, 102, 172), (247, 247, 247), (178, 24, 43)])
MAX_SIDE = 64  # a kernel with more inputs or units than this is too big to read as a matrix
CAPTION = QT_TRANSLATE_NOOP(
    "QtWeightsPlot",
    "Dense kernels W: rows = inputs, columns = units; blue < 0 < red, scaled per layer",
)


class QtWeightsPlot(PlotPanel):
    """The Dense kernels small enough to read, side by side as one heat-map image (one image,
    not one plot per layer, so a deep network costs no more to redraw than a shallow one)."""

    title = QT_TRANSLATE_NOOP("Plots", "Weights")
    file_stem = "weights"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = header_label(self.tr(CAPTION))
        self.header.addWidget(self.caption, 1)
        self.finish_header(stretch=False)
        self.plot = self.canvas.addPlot()
        style_plot(self.plot)
        self.plot.showGrid(x=False, y=False)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.invertY(True)  # row 0 (the first input) at the top, as a matrix is written
        self.plot.setAspectLocked(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(DIVERGING.getLookupTable(nPts=256))
        self.plot.addItem(self.image)
        self.boxes: dict[str, tuple[int, int, int, int]] = {}
        self.labels: list[pg.TextItem] = []
        self._ids: list[str] = []
        self._skipped: list[str] = []
        self._structure = -1
        self._serial = -1
        self._shape: tuple[int, ...] = ()

    def changed(self, feed: PlotFeed) -> bool:
        serial = feed.snapshot.serial if feed.snapshot is not None else -1
        return serial != self._serial or feed.structure != self._structure

    def _rebuild(self, feed: PlotFeed) -> None:
        self._structure = feed.structure
        dense = [layer for layer in feed.layers if layer.type == "Dense"]
        small = [la for la in dense if la.units <= MAX_SIDE and la.inputs <= MAX_SIDE]
        self._ids = [layer.node_id for layer in small]
        self._skipped = [layer.node_id for layer in dense if layer not in small]
        self.boxes = {}
        self._shape = ()
        note = ""
        if self._skipped:
            note = self.tr("  (too big to show: {0})").format(", ".join(self._skipped))
        self.caption.setText(self.tr(CAPTION) + note)

    def _label(self, boxes: list[tuple[int, int, int, int]]) -> None:
        """Name each kernel above its tile (done when the tiles move, not every frame)."""
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        for nid, (col, row, _w, _h) in zip(self._ids, boxes, strict=True):
            label = pg.TextItem(nid, color=self.colours.text, anchor=(0, 1))
            label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            label.setPos(col, row)
            self.plot.addItem(label)
            self.labels.append(label)

    def draw(self, feed: PlotFeed) -> None:
        if feed.structure != self._structure:
            self._rebuild(feed)
        snap = feed.snapshot
        self._serial = snap.serial if snap is not None else -1
        params = snap.params if snap is not None else None
        if not feed.layers or params is None:
            self.show_hint(self.tr("Weights appear once the network is built."))
            return
        if not self._ids:
            self.show_hint(
                self.tr(
                    "Weights: no Dense layer is small enough to show as a matrix "
                    "(at most {0} inputs and units)."
                ).format(MAX_SIDE)
            )
            return
        self.show_plot()
        kernels = [params[nid]["W"] for nid in self._ids if "W" in params.get(nid, {})]
        if len(kernels) != len(self._ids):
            return  # parameters of a network from before the last rebuild
        image, boxes = weight_mosaic(kernels)
        self.image.setImage(image, levels=(-1.0, 1.0), autoLevels=False)
        if image.shape != self._shape:
            self._shape = image.shape
            self.boxes = dict(zip(self._ids, boxes, strict=True))
            self._label(boxes)
            rows, cols = image.shape
            self.plot.setRange(xRange=(0, cols), yRange=(0, rows), padding=0.02)

    def csv_text(self) -> str:
        snap = self._feed.snapshot if self._feed is not None else None
        params = snap.params if snap is not None and snap.params is not None else {}
        return table_csv(weight_rows(params))
