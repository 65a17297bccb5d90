"""What time travel adds to the loss plot: the kept branches as faded curves (named in the
legend, so runs can be compared), and while a past step is shown, a line at that step with the
run's later steps faded beyond it."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dlsim.ui.plots.base import Curve, PlotFeed, add_curve, colour

FADED_ALPHA = 110
VIEW_COLOUR = "#2563eb"
BRANCH_COLOURS = (2, 4, 5, 6, 8, 9, 3)  # palette indices: none of the live curves' colours


def faded(index: int) -> QColor:
    """Branch `index`'s colour, faded: it is the past, not the run being trained."""
    c = QColor(colour(BRANCH_COLOURS[index % len(BRANCH_COLOURS)]))
    c.setAlpha(FADED_ALPHA)
    return c


class PastOverlay:
    """The branch curves, the viewed step's line and the later steps' faded curve of one plot."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        later = QColor(colour(0))
        later.setAlpha(70)
        self.later = add_curve(plot, pen=pg.mkPen(later, width=1), connect="finite")
        self.line = pg.InfiniteLine(angle=90, pen=pg.mkPen(VIEW_COLOUR, width=2))
        self.line.hide()
        plot.addItem(self.line)
        self.curves: list[Curve] = []
        self.names: list[tuple[str, QColor]] = []  # legend entries of the curves shown

    def draw(self, feed: PlotFeed, log_x: bool) -> list[np.ndarray]:
        """Update every item from `feed`; the y values drawn (for the axis range)."""
        shown = [b for b in feed.branches]
        while len(self.curves) < len(shown):
            self.curves.append(add_curve(self.plot, connect="finite"))
        ys = []
        self.names = []
        for i, (curve, branch) in enumerate(zip(self.curves, shown, strict=False)):
            pen = pg.mkPen(faded(i), width=2, style=Qt.PenStyle.DashLine)
            curve.setPen(pen)
            curve.setData(branch.x, branch.y)
            curve.show()
            ys.append(branch.y)
            self.names.append((branch.name, faded(i)))
        for curve in self.curves[len(shown) :]:
            curve.setData([], [])
            curve.hide()
        step = feed.view_step
        if step is None or feed.latest is None:
            self.line.hide()
            self.later.setData([], [])
            return ys
        x, y = feed.latest.series("train_loss")
        if not len(x):
            x, y = feed.latest.series("loss")
        keep = x >= step
        self.later.setData(x[keep], y[keep])
        ys.append(y[keep])
        self.line.setPos(math.log10(max(step, 1)) if log_x else step)
        self.line.show()
        return ys

    def x_end(self, feed: PlotFeed) -> float:
        """The last step any drawn curve reaches (the live run's end while viewing the past)."""
        ends = [float(b.x[-1]) for b in feed.branches if len(b.x)]
        if feed.latest is not None:
            last = feed.latest.last("loss")
            if last is not None:
                ends.append(last[0])
        return max(ends, default=0.0)
