"""Confusion matrix: for a classifier with more than two classes, how often each true class
(rows) is predicted as each class (columns), on the training or the validation split, and each
class's accuracy. The counts are the engine's (`engine.views.confusion`), computed in the
training process when it measures the data set; this only draws them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QWidget

from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.views.tables import table_csv
from dlsim.ui.plots.base import PlotFeed, PlotPanel, header_label, style_plot

# White for none of the row, dark blue for all of it (ColorBrewer Blues).
BLUES = pg.ColorMap([0.0, 1.0], [(247, 251, 255), (8, 48, 107)])
MAX_WRITTEN = 12  # classes up to which every cell has its count written in it
SPLITS = (
    ("train", QT_TRANSLATE_NOOP("QtConfusionPlot", "Training")),
    ("val", QT_TRANSLATE_NOOP("QtConfusionPlot", "Validation")),
)


class QtConfusionPlot(PlotPanel):
    """A k × k heat map of counts (shaded by the share of its row) with the counts written in,
    true classes down the side, predicted classes along the bottom."""

    title = QT_TRANSLATE_NOOP("Plots", "Confusion")
    file_stem = "confusion"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.split = QComboBox()
        for key, label in SPLITS:
            self.split.addItem(self.tr(label), key)
        self.split.setToolTip(
            self.tr("Which samples are counted: the training or the validation split")
        )
        self.split.currentIndexChanged.connect(lambda _: self.mark_stale())
        self.caption = header_label()
        self.header.addWidget(self.split)
        self.header.addWidget(self.caption, 1)
        self.finish_header(stretch=False)
        self.plot = self.canvas.addPlot()
        style_plot(self.plot, left=self.tr("true class"), bottom=self.tr("predicted class"))
        self.plot.showGrid(x=False, y=False)
        self.plot.invertY(True)  # the first class at the top, as a matrix is written
        self.plot.setMouseEnabled(x=False, y=False)
        # cells as wide as the plot allows: square ones left the class names under them
        # running together ("setosaversicolorvirginica") in a dock of ordinary width
        self.plot.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(BLUES.getLookupTable(nPts=256))
        self.plot.addItem(self.image)
        self.cells: list[pg.TextItem] = []
        self._shown: tuple | None = None
        self._serial = -1

    @property
    def split_key(self) -> str:
        return self.split.currentData()

    def confusion(self, feed: PlotFeed | None = None):
        """The shown split's `Confusion` from the latest snapshot (None when there is none)."""
        feed = feed or self._feed
        snap = feed.snapshot if feed is not None else None
        found = getattr(snap, "confusion", None) or {}
        return found.get(self.split_key)

    def changed(self, feed: PlotFeed) -> bool:
        serial = feed.snapshot.serial if feed.snapshot is not None else -1
        return serial != self._serial

    def draw(self, feed: PlotFeed) -> None:
        self._serial = feed.snapshot.serial if feed.snapshot is not None else -1
        data = feed.dataset
        if data is None or data.task != "multiclass":
            self._shown = None
            self.caption.setText("")  # the last classifier's accuracies would stay otherwise
            self.show_hint(
                self.tr(
                    "The confusion matrix is for classification with more than two classes "
                    "(Iris, or gaussians and spiral with 3 or more classes)."
                )
            )
            return
        result = self.confusion(feed)
        if result is None:
            self._shown = None
            self.caption.setText("")
            self.show_hint(
                self.tr("The training confusion matrix appears once the network is measured.")
                if self.split_key == "train"
                else self.tr(
                    "The validation confusion matrix appears once the network is measured."
                )
            )
            return
        self.show_plot()
        key = (result.counts.tobytes(), result.counts.shape, result.classes)
        if key == self._shown:
            return
        self._shown = key
        self._draw_counts(result)

    def _draw_counts(self, result) -> None:
        counts = result.counts
        k = counts.shape[0]
        share = result.row_shares
        self.image.setImage(share, levels=(0.0, 1.0), autoLevels=False)
        ticks = [(i + 0.5, name) for i, name in enumerate(result.classes)]
        self.plot.getAxis("left").setTicks([ticks, []])
        self.plot.getAxis("bottom").setTicks([ticks, []])
        self.plot.setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
        for item in self.cells:
            self.plot.removeItem(item)
        self.cells = []
        if k <= MAX_WRITTEN:
            for (i, j), n in np.ndenumerate(counts):
                colour = "w" if share[i, j] > 0.5 else self.colours.text
                cell = pg.TextItem(str(int(n)), color=colour, anchor=(0.5, 0.5))
                cell.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                cell.setPos(j + 0.5, i + 0.5)
                self.plot.addItem(cell)
                self.cells.append(cell)
        per_class = ", ".join(
            f"{name} {'—' if np.isnan(a) else f'{100 * a:.0f} %'}"
            for name, a in zip(result.classes, result.per_class_accuracy, strict=True)
        )
        self.caption.setText(self.tr("Accuracy per class: {0}").format(per_class))

    def csv_text(self) -> str:
        snap = self._feed.snapshot if self._feed is not None else None
        found = getattr(snap, "confusion", None) or {}
        cols: dict[str, list] = {k: [] for k in ("split", "true", "predicted", "count")}
        for split, result in found.items():
            for (i, j), n in np.ndenumerate(result.counts):
                cols["split"].append(split)
                cols["true"].append(result.classes[i])
                cols["predicted"].append(result.classes[j])
                cols["count"].append(int(n))
        return table_csv(cols)
