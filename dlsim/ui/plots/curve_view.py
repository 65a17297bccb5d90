"""The boundary plot's 1-D mode: for data with one input and one output (the noisy sine), the
network's output over x as a curve through the data points, in place of a decision plane.

The curve's values are the training process's prediction on the x grid (`views.curve`), carried
by the snapshot like a boundary map; this only draws them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from dlsim.engine.views.curve import CurveGrid
from dlsim.ui.plots.base import add_curve

CURVE_COLOUR = "#d62728"
POINT_COLOUR = "#2a5caa"


class CurveLayer:
    """The network's curve on `plot`, shown only in 1-D mode."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.curve = add_curve(plot, pen=pg.mkPen(CURVE_COLOUR, width=2))
        self.curve.setZValue(5)
        self.grid: CurveGrid | None = None
        self.show(False)

    def show(self, on: bool) -> None:
        self.curve.setVisible(on)

    def set_grid(self, grid: CurveGrid) -> None:
        """A new x grid: the axes take its box (they stay put while the curve moves)."""
        self.grid = grid
        x0, x1, y0, y1 = grid.extent
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.curve.setData([], [])

    def set_values(self, values: np.ndarray | None) -> None:
        """The prediction at the grid's x (None or a stale length: no curve)."""
        grid = self.grid
        if grid is None or values is None or values.shape[0] != grid.points.shape[0]:
            self.curve.setData([], [])
            return
        self.curve.setData(grid.x, np.asarray(values)[:, 0])

    def csv_columns(self, values: np.ndarray | None) -> dict[str, object]:
        grid = self.grid
        if grid is None or values is None or values.shape[0] != grid.points.shape[0]:
            return {"x": [], "output": []}
        return {"x": grid.x, "output": np.asarray(values)[:, 0]}
