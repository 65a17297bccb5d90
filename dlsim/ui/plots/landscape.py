"""Loss landscape: the training loss over a plane through the current weights, coloured, with
contour lines, the run's path projected onto the plane and the current weights marked.

The numbers are the engine's (`engine.views.landscape`), computed in the training process when
the learner presses Compute; this draws them and says what the axes and the path mean.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QMessageBox, QWidget

from dlsim.engine.errors import DlsimError
from dlsim.engine.views.contours import contour_levels, contour_segments
from dlsim.engine.views.landscape import Landscape, shown_values
from dlsim.ui.plots.base import PlotFeed, PlotPanel, style_plot
from dlsim.ui.plots.landscape_controls import LandscapeControls, LandscapeRunner

CONTOURS = 10
COLOURS = pg.colormap.get("viridis")
PATH_PEN = pg.mkPen("#ff7f0e", width=2)
NOW_BRUSH = pg.mkBrush("#d62728")
START_BRUSH = pg.mkBrush("#ffffff")


class QtLandscapePlot(PlotPanel):
    """The landscape dock: controls above, the picture and a colour bar, a caption below."""

    title = "Landscape"
    file_stem = "landscape"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Landscape")
        self.controls = LandscapeControls()
        self.header.addWidget(self.controls, 1)
        self.finish_header(stretch=False)
        # the title is a row of its own: in the plot's title row it would widen the plot's
        # middle column by its length and push the colour bar off a narrow dock
        self.title_label = self.canvas.addLabel(
            row=0, col=0, color=self.colours.caption, size="9pt"
        )
        self.plot = self.canvas.addPlot(row=1, col=0)
        style_plot(self.plot)
        self.plot.showGrid(x=False, y=False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(COLOURS)
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(colorMap=COLOURS, interactive=False, width=14)
        self.bar.setImageItem(self.image, insert_in=self.plot)
        self.bar.axis.enableAutoSIPrefix(False)  # "loss (x0.001)" reads as nonsense
        room_for_the_label(self.bar.axis)
        self.contours = pg.PlotCurveItem(pen=pg.mkPen((255, 255, 255, 110), width=1))
        self.plot.addItem(self.contours)
        self.path = pg.PlotCurveItem(pen=PATH_PEN)
        self.plot.addItem(self.path)
        self.marks = pg.ScatterPlotItem(pxMode=True)
        self.plot.addItem(self.marks)
        self.runner: LandscapeRunner | None = None
        self.result: Landscape | None = None
        self._shown: Landscape | None = None
        self._structure = -1
        self._asked = -1  # the controller's structure when the last landscape was asked for
        self.controls.compute_requested.connect(self.compute)
        self.controls.cancel.clicked.connect(self.cancel)

    def attach(self, controller) -> None:
        """Compute landscapes with `controller`'s training session."""
        self.runner = LandscapeRunner(controller, self)
        self.runner.progress.connect(self.controls.show_progress)
        self.runner.finished.connect(self._finished)
        self.runner.ended.connect(self._ended)

    # --- the job --------------------------------------------------------------------------------

    def compute(self) -> None:
        """Ask for the landscape the controls describe (the training process computes it)."""
        if self.runner is None:
            return
        try:
            self.runner.start(self.controls.request())
        except DlsimError as exc:
            QMessageBox.warning(self, self.tr("Cannot compute the landscape"), str(exc))
            return
        self.controls.set_running(True)
        self._asked = self.runner.controller.structure

    def cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()

    def _finished(self, land: Landscape) -> None:
        self.controls.set_running(False)
        if self.runner.controller.structure != self._asked:  # a landscape of another network
            self.controls.note.setText(
                self.tr("The network was edited meanwhile: compute the landscape again.")
            )
            return
        self.controls.note.setText(
            self.tr("{0} points in {1:.1f} s").format(land.loss.size, land.seconds)
        )
        self.result = land
        self.mark_stale()

    def _ended(self, why: str) -> None:
        self.controls.set_running(False)
        self.controls.note.setText(why)

    # --- drawing --------------------------------------------------------------------------------

    def changed(self, feed: PlotFeed) -> bool:
        return feed.structure != self._structure or self.result is not self._shown

    def draw(self, feed: PlotFeed) -> None:
        if feed.structure != self._structure:
            self._structure = feed.structure
            labels = self.runner.controller.weight_labels if self.runner is not None else ()
            self.controls.set_weights(labels)
            if self.result is not None and feed.structure != self._asked:  # another network's
                self.result = None
                self.cancel()
        if self.result is None:
            self._shown = None
            self.title_label.setText("")
            if not feed.layers:
                self.show_hint(
                    self.tr("Nothing to map yet: this works once the diagram can be trained.")
                )
            else:
                self.show_hint(
                    self.tr(
                        "Press Compute to map the training loss around the current weights. "
                        "Training goes on while the training process computes it."
                    )
                )
            return
        self.show_plot()
        if self.result is not self._shown:
            self._shown = self.result
            self._draw_landscape(self.result)

    def _draw_landscape(self, land: Landscape) -> None:
        values, logged = shown_values(land)
        lo, hi = float(values.min()), float(values.max())
        if hi <= lo:
            hi = lo + 1.0
        n = len(land.a)
        da, db = (land.a[-1] - land.a[0]) / (n - 1), (land.b[-1] - land.b[0]) / (n - 1)
        self.image.setImage(values, levels=(lo, hi), autoLevels=False)
        self.image.setRect(QRectF(land.a[0] - da / 2, land.b[0] - db / 2, da * n, db * n))
        self.bar.setLevels((lo, hi))
        self.bar.axis.setLabel(self.tr("log₁₀ loss") if logged else self.tr("loss"))
        segments = contour_segments(values, land.a, land.b, contour_levels(values, CONTOURS))
        self.contours.setData(segments[..., 0].ravel(), segments[..., 1].ravel(), connect="pairs")
        self.path.setData(land.path[:, 0], land.path[:, 1])
        self.marks.setData(
            spots=[
                {"pos": land.path[0], "symbol": "s", "size": 8, "brush": START_BRUSH},
                {"pos": land.centre, "symbol": "star", "size": 14, "brush": NOW_BRUSH},
            ]
        )
        bottom, left = self._axis_names(land)
        self.plot.setLabel("bottom", bottom, color=self.colours.text)
        self.plot.setLabel("left", left, color=self.colours.text)
        self.plot.setRange(
            xRange=(land.a[0] - da / 2, land.a[-1] + da / 2),
            yRange=(land.b[0] - db / 2, land.b[-1] + db / 2),
            padding=0,
        )
        self.title_label.setText(self._title(land))
        self.canvas.setToolTip(self._explanation(land))

    def _axis_names(self, land: Landscape) -> tuple[str, str]:
        if land.mode == "weights":
            return land.labels
        if land.mode == "start":
            return self.tr("start → now"), self.tr("random direction")
        return self.tr("random direction 1"), self.tr("random direction 2")

    def _title(self, land: Landscape) -> str:
        """One line on the picture (and in its PNG): the step, and what the path's projection
        leaves out of the picture."""
        if land.off_plane <= 1e-9:
            return self.tr("Step {0} · the path lies in the plane").format(land.step)
        if land.mode == "weights":
            return self.tr("Step {0} · the path moved other weights too").format(land.step)
        return self.tr("Step {0} · up to {1:.0f} % of the path off the plane").format(
            land.step, 100 * land.off_plane
        )

    def _explanation(self, land: Landscape) -> str:
        """What the picture is, at which step, and what the path's projection leaves out."""
        first, last = int(land.path_steps[0]), int(land.path_steps[-1])
        if land.mode == "weights":
            what = self.tr(
                "Training loss (whole training set, inference mode) at step {0} over two weights; "
                "every other weight is held at its current value. Path: steps {1}–{2} (□ start, "
                "★ now)."
            ).format(land.step, first, last)
            if land.off_plane > 1e-9:
                what += " " + self.tr(
                    "The other weights moved too, so the path's own loss is not the colour "
                    "under it."
                )
            return what
        if land.mode == "start":
            what = self.tr(
                "Training loss (whole training set, inference mode) at step {0} around the "
                "current weights θ (★, at 0): across, the line from the run's start (□, at −1) "
                "to now; up, a random direction scaled unit by unit to the weights (Li et al. "
                "2018)."
            ).format(land.step)
        else:
            what = self.tr(
                "Training loss (whole training set, inference mode) at step {0} around the "
                "current weights θ (★): two random directions, each scaled unit by unit to the "
                "weights (Li et al. 2018), biases not moved."
            ).format(land.step)
        angle = math.degrees(math.acos(max(-1.0, min(1.0, land.cosine))))
        lost = self.tr(
            " Path (steps {0}–{1}) projected onto the plane by least squares: the directions "
            "are {2:.0f}° apart, and up to {3:.0f} % of the path's distance from θ lies off the "
            "plane and is not shown."
        ).format(first, last, angle, 100 * land.off_plane)
        return what + lost

    def csv_text(self) -> str:
        if self.result is None:
            return "a,b,loss,path_step,path_a,path_b\n"
        return self.result.csv_text()


LABEL_GAP = 8  # px between the colour bar's numbers and its rotated "loss" label


def room_for_the_label(axis: pg.AxisItem) -> None:
    """Size a colour bar's axis by its numbers and label, plus LABEL_GAP, so the label does not
    touch the numbers (ColorBarItem fixes the axis at 45 px; pyqtgraph's own width counts only
    80 % of the label's height)."""
    narrow = axis._updateWidth

    def wider() -> None:
        narrow()
        if axis.fixedWidth is None and axis.label.isVisible():
            width = axis.maximumWidth() + LABEL_GAP
            axis.setMaximumWidth(width)
            axis.setMinimumWidth(width)

    axis._updateWidth = wider
    axis.setWidth(None)
