"""Weights: each small Dense kernel W (inputs × units) as a heat map, blue negative, red positive.

Zero is always white (symmetric colour levels from the engine), so a student sees weights grow,
shrink under L2, or blow up before a divergence. Kernels too big to read are listed, not drawn.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from dlsim.engine.edits import table_csv, weight_levels, weight_rows
from dlsim.ui.plots.base import TEXT_COLOR, PlotFeed, PlotPanel, header_label, style_plot

COLOUR_MAP = "CET-D1A"
MAX_SIDE = 64  # a kernel with more inputs or units than this is too big to read as a matrix
COLUMNS = 3


class _KernelView:
    def __init__(self, plot: pg.PlotItem, node_id: str) -> None:
        self.plot = plot
        self.node_id = node_id
        style_plot(plot)
        plot.showGrid(x=False, y=False)
        plot.invertY(True)  # row 0 (the first input) at the top, as the matrix is written
        plot.setMouseEnabled(x=False, y=False)
        plot.getAxis("left").setLabel("input", color=TEXT_COLOR)
        plot.getAxis("bottom").setLabel("unit", color=TEXT_COLOR)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get(COLOUR_MAP))
        plot.addItem(self.image)
        self._title = ""

    def set(self, w) -> None:
        lo, hi = weight_levels(w)
        self.image.setImage(w, levels=(lo, hi), autoLevels=False)
        title = f"{self.node_id}: W {w.shape[0]}×{w.shape[1]}, |w| ≤ {hi:.3g}"
        if title != self._title:
            self._title = title
            self.plot.setTitle(title, color=TEXT_COLOR, size="9pt")


class QtWeightsPlot(PlotPanel):
    """Heat maps of the Dense kernels small enough to read."""

    title = "Weights"
    file_stem = "weights"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = header_label("Dense kernels W: rows = inputs, columns = units")
        self.header.addWidget(self.caption)
        self.finish_header()
        self.kernels: dict[str, _KernelView] = {}
        self._skipped: list[str] = []
        self._structure = -1
        self._serial = -1

    def changed(self, feed: PlotFeed) -> bool:
        serial = feed.snapshot.serial if feed.snapshot is not None else -1
        return serial != self._serial or feed.structure != self._structure

    def _rebuild(self, feed: PlotFeed) -> None:
        self._structure = feed.structure
        self.canvas.clear()
        self.kernels.clear()
        self._skipped = []
        dense = [layer for layer in feed.layers if layer.type == "Dense"]
        index = 0
        for layer in dense:
            if layer.units > MAX_SIDE or layer.inputs > MAX_SIDE:
                self._skipped.append(layer.node_id)
                continue
            plot = self.canvas.addPlot(row=index // COLUMNS, col=index % COLUMNS)
            self.kernels[layer.node_id] = _KernelView(plot, layer.node_id)
            index += 1

    def draw(self, feed: PlotFeed) -> None:
        if feed.structure != self._structure:
            self._rebuild(feed)
        snap = feed.snapshot
        self._serial = snap.serial if snap is not None else -1
        params = snap.params if snap is not None else None
        if not self.kernels:
            self.show_hint(
                "Weights: no Dense layer is small enough to show as a matrix "
                f"(at most {MAX_SIDE} inputs and units)."
            )
            return
        if params is None:
            self.show_hint("Weights appear once the network is built.")
            return
        self.show_plot()
        for nid, view in list(self.kernels.items()):
            w = params.get(nid, {}).get("W")
            if w is not None:
                view.set(w)
        note = f"  (too big to show: {', '.join(self._skipped)})" if self._skipped else ""
        text = "Dense kernels W: rows = inputs, columns = units" + note
        if text != self.caption.text():
            self.caption.setText(text)

    def csv_text(self) -> str:
        snap = self._feed.snapshot if self._feed is not None else None
        params = snap.params if snap is not None and snap.params is not None else {}
        return table_csv(weight_rows(params))
