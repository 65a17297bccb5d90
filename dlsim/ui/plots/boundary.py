"""Decision boundary: the network's output over the data plane, with the data on top.

For a 2-D data set the session predicts a grid of points at each publish; this view shows that
as a heat map (the probability of class 1, or the winning class for several classes) and the
training points (filled) and validation points (hollow) coloured by their true class. For data
with one input and one output it shows the network's curve over x instead (`curve_view`). The
data controls (`panels.data_controls`) sit in a column beside it; whether the validation points
show and whether the map is discretized are their `DataViewPrefs`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QToolButton, QWidget

from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.views.boundary import (
    MAX_DRAWN_POINTS,
    BoundaryGrid,
    boundary_image,
    class_labels,
    drawn_rows,
)
from dlsim.engine.views.curve import CurveGrid
from dlsim.engine.views.tables import table_csv
from dlsim.ui.dock_layout import app_settings
from dlsim.ui.panels.data_controls import DataViewPrefs
from dlsim.ui.plots.base import PlotFeed, PlotPanel, colour, header_label, style_plot
from dlsim.ui.plots.curve_view import POINT_COLOUR, CurveLayer

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
    tab_title = QT_TRANSLATE_NOOP("Plots", "Boundary")
    file_stem = "decision_boundary"
    uses_boundary = True

    def __init__(self, prefs: DataViewPrefs | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs if prefs is not None else DataViewPrefs(self)
        self.prefs.changed.connect(self._on_prefs_changed)
        self.controls: QWidget | None = None
        self.caption = header_label()
        self.header.addWidget(self.caption, 1)
        self.data_button = QToolButton()
        self.data_button.setText(self.tr("Data"))
        self.data_button.setCheckable(True)
        self.data_button.setToolTip(self.tr("Show or hide the data controls beside the plot"))
        self.data_button.toggled.connect(self._on_data_button_toggled)
        self.data_button.hide()  # until controls are added
        self.header.addWidget(self.data_button)
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
        self.curve = CurveLayer(self.plot)
        self._dataset = None
        self._grid = None
        self._serial = -1
        self._boundary = None  # the map last drawn
        self._n_classes = 2
        self._outputs = 0
        self._rect_for = None

    def changed(self, feed: PlotFeed) -> bool:
        """A new map (a run predicts the grid a tenth of the time: the snapshots in between
        share the last map, so it is the same object), a snapshot or none, data or grid."""
        snap = feed.snapshot
        boundary = snap.boundary if snap is not None else None
        return (
            boundary is not self._boundary
            or (snap is None) != (self._serial == -1)
            or feed.dataset is not self._dataset
            or feed.boundary_grid is not self._grid
        )

    def draw(self, feed: PlotFeed) -> None:
        data = feed.dataset
        snap = feed.snapshot
        self._serial = snap.serial if snap is not None else -1
        self._boundary = snap.boundary if snap is not None else None
        if data is not self._dataset:
            self._set_points(data)
        if data is None:
            self.show_hint(self.tr("No data set yet."))
            return
        grid = feed.boundary_grid
        if isinstance(grid, CurveGrid):
            self._draw_curve(grid, snap)
            return
        if data.x_train.shape[1] != 2 or not isinstance(grid, BoundaryGrid):
            n = data.x_train.shape[1]
            self.show_hint(
                self.tr(
                    "Decision boundary: 2-D data sets only (circle, xor, gaussians, spiral, "
                    "moons, function, truth tables), or a curve for one input and one output. "
                    "This data set has {0} features and {1} outputs."
                ).format(n, data.y_train.shape[1])
            )
            return
        self.show_plot()
        if grid is not self._grid:
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
        img, levels = boundary_image(boundary, self._grid.resolution, self.prefs.discretize)
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

    def _draw_curve(self, grid: CurveGrid, snap) -> None:
        """1-D mode: the network's output over x through the data points."""
        self.show_plot()
        if grid is not self._grid:
            self._grid = grid
            self.curve.set_grid(grid)
            self.canvas.setToolTip(self.tr("Points: the data. Red line: the network's output."))
        self.curve.set_values(snap.boundary if snap is not None else None)

    def _set_points(self, data) -> None:
        """A new data set: its points (2-D, or x against y for 1-D), its axis names and the
        legend's counts; the map (or curve) of the last one goes."""
        self._dataset = data
        self._grid = None
        self.image.clear()
        self.curve.set_values(None)
        if data is None:
            self.caption.setText("")
            return
        self._show_caption()
        one_d = data.x_train.shape[1] == 1 and data.y_train.shape[1] == 1
        self.image.setVisible(not one_d)
        self.curve.show(one_d)
        if one_d:
            self._set_curve_points(data)
            return
        if data.x_train.shape[1] != 2:
            return
        shown, shown_val = drawn_rows(len(data.x_train)), drawn_rows(len(data.x_val))
        train = class_labels(data.y_train[shown])
        val = class_labels(data.y_val[shown_val])
        self._n_classes = max(2, data.y_train.shape[1])
        brushes = [pg.mkBrush(_class_colour(k, self._n_classes)) for k in range(self._n_classes)]
        pens = [
            pg.mkPen(_class_colour(k, self._n_classes), width=2) for k in range(self._n_classes)
        ]
        self.train_points.setData(
            pos=data.x_train[shown], brush=[brushes[k] for k in train], pen=pg.mkPen("w", width=1)
        )
        self.val_points.setData(pos=data.x_val[shown_val], pen=[pens[k] for k in val], brush=None)
        self.val_points.setVisible(self.prefs.show_validation)
        names = data.feature_names
        self.plot.setLabel("bottom", names[0], color=self.colours.text)
        self.plot.setLabel("left", names[1], color=self.colours.text)

    def _set_curve_points(self, data) -> None:
        """1-D data: each sample at (x, y); a classifier's coloured by class, targets in blue."""
        shown, shown_val = drawn_rows(len(data.x_train)), drawn_rows(len(data.x_val))
        x, y = data.x_train[shown, 0], data.y_train[shown]
        x_val, y_val = data.x_val[shown_val, 0], data.y_val[shown_val]
        if data.task == "regression":
            train_brush, val_pen = pg.mkBrush(POINT_COLOUR), pg.mkPen(POINT_COLOUR, width=2)
        else:
            colours = [_class_colour(k, 2) for k in range(2)]
            train_brush = [pg.mkBrush(colours[k]) for k in class_labels(y)]
            val_pen = [pg.mkPen(colours[k], width=2) for k in class_labels(y_val)]
        self.train_points.setData(x=x, y=y[:, 0], brush=train_brush, pen=pg.mkPen("w"))
        self.val_points.setData(x=x_val, y=y_val[:, 0], pen=val_pen, brush=None)
        self.val_points.setVisible(self.prefs.show_validation)
        self.plot.setLabel("bottom", data.feature_names[0], color=self.colours.text)
        self.plot.setLabel("left", data.target_names[0], color=self.colours.text)

    def _show_caption(self) -> None:
        data = self._dataset
        if data is None:
            return
        nbsp = "\u00a0"  # wrap between the entries, never inside one
        n_val = data.x_val.shape[0]
        text = self.tr("●{0}training{0}({1})").format(nbsp, data.x_train.shape[0])
        if n_val and self.prefs.show_validation:
            text += nbsp * 2 + self.tr(" ○{0}validation{0}({1})").format(nbsp, n_val)
        if max(data.x_train.shape[0], n_val) > MAX_DRAWN_POINTS:
            text += nbsp * 2 + self.tr("(at most {0} of each drawn)").format(MAX_DRAWN_POINTS)
        self.caption.setText(text)

    # --- the data controls and the view preferences -------------------------------------------

    def add_controls(self, controls: QWidget) -> None:
        """Put the data controls in a column left of the plot; the header's Data button shows or
        hides them (remembered in QSettings)."""
        self.controls = controls
        self.canvas.setMinimumWidth(40)  # the column takes room; the dock stays as narrow
        self.hint.setMinimumWidth(40)
        outer = self.layout()
        outer.removeWidget(self.stack)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(controls)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        shown = app_settings().value("data_view/controls", True) in (True, "true", "1", 1)
        self.data_button.show()
        self.data_button.setChecked(shown)
        controls.setVisible(shown)

    def _on_data_button_toggled(self, on: bool) -> None:
        if self.controls is not None:
            self.controls.setVisible(on)
            app_settings().setValue("data_view/controls", bool(on))

    def _on_prefs_changed(self) -> None:
        self.val_points.setVisible(self.prefs.show_validation)
        self._show_caption()
        self.mark_stale()  # the map again, discretized or not

    def csv_text(self) -> str:
        feed = self._feed
        snap = feed.snapshot if feed is not None else None
        grid = self._grid
        if isinstance(grid, CurveGrid):
            return table_csv(self.curve.csv_columns(snap.boundary if snap is not None else None))
        if snap is None or snap.boundary is None or grid is None:
            return table_csv({"x1": [], "x2": [], "output": []})
        if snap.boundary.shape[0] != grid.points.shape[0]:
            return table_csv({"x1": [], "x2": [], "output": []})
        cols = {"x1": grid.points[:, 0], "x2": grid.points[:, 1]}
        for j in range(snap.boundary.shape[1]):
            cols[f"output_{j}" if snap.boundary.shape[1] > 1 else "output"] = snap.boundary[:, j]
        return table_csv(cols)
