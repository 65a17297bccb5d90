"""Decision boundary: the network's output over the data plane, with the data on top.

For a 2-D data set the session predicts a grid of points at each publish; this view shows that
as a heat map (the probability of class 1, or the winning class for several classes) and the
training points (filled) and validation points (hollow) coloured by their true class.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QWidget

from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.views.boundary import boundary_image, class_labels
from dlsim.engine.views.tables import table_csv
from dlsim.ui.plots.base import PlotFeed, PlotPanel, colour, header_label, style_plot

# Light blue (class 0) → white (undecided) → light red (class 1): the points on top stay readable.
BINARY_MAP = pg.ColorMap([0.0, 0.5, 1.0], [(110, 150, 215), (255, 255, 255), (230, 120, 110)])
CLASS_COLOURS = (colour(0), colour(3), colour(2), colour(1), colour(4))


def _class_colour(k: int, n_classes: int) -> str:
    if n_classes <= 2:
        return ("#2a5caa", "#c0392b")[k % 2]
    return CLASS_COLOURS[k % len(CLASS_COLOURS)]


def _class_lut(n_classes: int) -> np.ndarray:
    """A light colour per class, so the points on top stay readable."""
    rows = []
    for k in range(n_classes):
        c = pg.mkColor(_class_colour(k, n_classes))
        rows.append([int(255 - 0.45 * (255 - v)) for v in (c.red(), c.green(), c.blue())])
    return np.array(rows, dtype=np.ubyte)


class QtBoundaryPlot(PlotPanel):
    """Heat map of the network's output over the plane with training and validation points."""

    title = QT_TRANSLATE_NOOP("Plots", "Decision boundary")
    file_stem = "decision_boundary"
    uses_boundary = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = header_label()
        self.header.addWidget(self.caption, 1)
        self.finish_header(stretch=False)
        self.plot = self.canvas.addPlot()
        style_plot(self.plot, left="x2", bottom="x1")
        self.plot.showGrid(x=False, y=False)
        # No locked aspect ratio: the axes show exactly the predicted grid, so its colouring
        # fills them (a locked ratio widened them past the grid, leaving bare margins).
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=1))
        self.val_points = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(None), symbol="o")
        for points in (self.train_points, self.val_points):
            # the data points stay put while the map under them changes at every publish: keep
            # them as a pixmap instead of re-rendering every marker in Python at each repaint
            points.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.plot.addItem(points)
        self._dataset = None
        self._grid = None
        self._serial = -1
        self._n_classes = 2
        self._outputs = 0
        self._rect_for = None

    def changed(self, feed: PlotFeed) -> bool:
        serial = feed.snapshot.serial if feed.snapshot is not None else -1
        return (
            serial != self._serial
            or feed.dataset is not self._dataset
            or feed.boundary_grid is not self._grid
        )

    def draw(self, feed: PlotFeed) -> None:
        data = feed.dataset
        snap = feed.snapshot
        self._serial = snap.serial if snap is not None else -1
        if data is not self._dataset:
            self._set_points(data)
        if data is None:
            self.show_hint(self.tr("No data set yet."))
            return
        if data.x_train.shape[1] != 2:
            n = data.x_train.shape[1]
            self.show_hint(
                (
                    self.tr(
                        "Decision boundary: 2-D data sets only (circle, xor, gaussians, spiral, "
                        "moons, truth tables). This data set has {0} feature."
                    )
                    if n == 1
                    else self.tr(
                        "Decision boundary: 2-D data sets only (circle, xor, gaussians, spiral, "
                        "moons, truth tables). This data set has {0} features."
                    )
                ).format(n)
            )
            return
        self.show_plot()
        grid = feed.boundary_grid
        if grid is not self._grid and grid is not None:
            self._grid = grid
            self._rect_for = None
            x0, x1, y0, y1 = grid.extent
            self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        boundary = snap.boundary if snap is not None else None
        if boundary is None or self._grid is None:
            if snap is None:
                self.image.clear()  # a new run (or none): no map from the last one
            return
        if boundary.shape[0] != self._grid.points.shape[0]:
            return  # a grid from before the data set changed; the next publish brings the new one
        img, levels = boundary_image(boundary, self._grid.resolution)
        k = boundary.shape[1]
        if k != self._outputs:
            self._outputs = k
            if k == 1:
                self.image.setLookupTable(BINARY_MAP.getLookupTable(nPts=256))
            else:
                self.image.setLookupTable(_class_lut(k))
        self.image.setImage(img, levels=levels, autoLevels=False)
        if self._rect_for is not self._grid:
            # after setImage: the rect's scale is computed from the image's size in pixels
            self._rect_for = self._grid
            x0, x1, y0, y1 = self._grid.extent
            self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))

    def _set_points(self, data) -> None:
        """A new data set: its points (2-D only), its axis names and the legend's counts; the map
        of the last one goes."""
        self._dataset = data
        self.image.clear()
        if data is None:
            self.caption.setText("")
            return
        n_val = data.x_val.shape[0]
        nbsp = "\u00a0"  # wrap between the two entries, never inside one
        train, val = self.tr("training"), self.tr("validation")
        self.caption.setText(
            f"●{nbsp}{train}{nbsp}({data.x_train.shape[0]})"
            + (f"{nbsp}{nbsp} ○{nbsp}{val}{nbsp}({n_val})" if n_val else "")
        )
        if data.x_train.shape[1] != 2:
            return
        train = class_labels(data.y_train)
        val = class_labels(data.y_val)
        self._n_classes = max(2, data.y_train.shape[1])
        brushes = [pg.mkBrush(_class_colour(k, self._n_classes)) for k in range(self._n_classes)]
        pens = [
            pg.mkPen(_class_colour(k, self._n_classes), width=2) for k in range(self._n_classes)
        ]
        self.train_points.setData(
            pos=data.x_train, brush=[brushes[k] for k in train], pen=pg.mkPen("w", width=1)
        )
        self.val_points.setData(pos=data.x_val, pen=[pens[k] for k in val], brush=None)
        names = data.feature_names
        self.plot.setLabel("bottom", names[0], color=self.colours.text)
        self.plot.setLabel("left", names[1], color=self.colours.text)

    def csv_text(self) -> str:
        feed = self._feed
        snap = feed.snapshot if feed is not None else None
        grid = self._grid
        if snap is None or snap.boundary is None or grid is None:
            return table_csv({"x1": [], "x2": [], "output": []})
        if snap.boundary.shape[0] != grid.points.shape[0]:
            return table_csv({"x1": [], "x2": [], "output": []})
        cols = {"x1": grid.points[:, 0], "x2": grid.points[:, 1]}
        for j in range(snap.boundary.shape[1]):
            cols[f"output_{j}" if snap.boundary.shape[1] > 1 else "output"] = snap.boundary[:, j]
        return table_csv(cols)
