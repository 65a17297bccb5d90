"""Gradient magnitude per layer: the vanishing/exploding picture.

Top: each layer's gradient norm over time on a log axis — with sigmoid hidden layers the curves
of early layers sink decades below the later ones; with ReLU + He they stay together. Bottom: the
latest value of every layer side by side, input side on the left.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QWidget

from dlsim.engine.edits import decade_bars, table_csv
from dlsim.ui.plots.base import (
    LayerInfo,
    PlotFeed,
    PlotPanel,
    colour,
    header_label,
    legend_html,
    style_plot,
)

PREFIX = "grad_norm/"


class QtGradientsPlot(PlotPanel):
    """Per-layer gradient norm over time (log y) and the current values as bars."""

    title = "Gradients"
    file_stem = "gradients"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        caption = QLabel("‖∂loss/∂weights‖ per layer:")
        caption.setStyleSheet("color: #404040;")
        self.legend = header_label()
        self.header.addWidget(caption)
        self.header.addWidget(self.legend)
        self.finish_header()
        self.time_plot = self.canvas.addPlot(row=0, col=0)
        style_plot(self.time_plot, left="gradient norm", bottom="step")
        self.time_plot.setLogMode(y=True)
        self.bar_plot = self.canvas.addPlot(row=1, col=0)
        style_plot(self.bar_plot)
        self.bar_plot.setLogMode(y=True)  # axis labels only: the bars are drawn in decades
        self.bar_plot.setMouseEnabled(x=False, y=False)
        self.bar_plot.showGrid(x=False, y=True, alpha=0.15)
        self.bars = pg.BarGraphItem(x=[], y0=[], y1=[], width=0.6)
        self.bar_plot.addItem(self.bars)
        self.canvas.ci.layout.setRowStretchFactor(0, 3)
        self.canvas.ci.layout.setRowStretchFactor(1, 2)
        for plot in (self.time_plot, self.bar_plot):
            plot.getAxis("left").setWidth(58)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._layers: list[LayerInfo] = []
        self._structure = -1
        self._version = -1
        self._ticks: list = []
        self._decades: list = []

    def changed(self, feed: PlotFeed) -> bool:
        return feed.history_version != self._version or feed.structure != self._structure

    def _rebuild(self, feed: PlotFeed) -> None:
        self._structure = feed.structure
        for item in self.curves.values():
            self.time_plot.removeItem(item)
        self.curves.clear()
        self._layers = [layer for layer in feed.layers if layer.trainable]
        for i, layer in enumerate(self._layers):
            pen = pg.mkPen(colour(i), width=2)
            curve = self.time_plot.plot(pen=pen, connect="finite")
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.curves[layer.node_id] = curve
        self._brushes = [pg.mkBrush(colour(i)) for i in range(len(self._layers))]
        self.legend.setText(
            legend_html([(la.node_id, colour(i)) for i, la in enumerate(self._layers)])
        )
        self.bar_plot.setXRange(-0.6, max(len(self._layers), 1) - 0.4, padding=0)
        self._ticks = []

    def draw(self, feed: PlotFeed) -> None:
        if feed.structure != self._structure:
            self._rebuild(feed)
        self._version = feed.history_version
        history = feed.history
        latest: list[float] = []
        for layer in self._layers:
            name = PREFIX + layer.node_id
            x, y = history.series(name)
            self.curves[layer.node_id].setData(x, y)
            last = history.last(name)
            latest.append(last[1] if last is not None else float("nan"))
        if not self._layers:
            self.show_hint("This network has no trainable layers, so there are no gradients.")
            return
        if all(math.isnan(v) for v in latest):
            self.show_hint("Press Step (→) or Run (Space): gradient norms appear here.")
            return
        self.show_plot()
        tops, base = decade_bars(latest)
        shown = [i for i, t in enumerate(tops) if not math.isnan(t)]
        self.bars.setOpts(
            x=shown,
            y0=[base] * len(shown),
            y1=[tops[i] for i in shown],
            brushes=[self._brushes[i] for i in shown],
            pens=[pg.mkPen(None)] * len(shown),
        )
        top = max(tops[i] for i in shown)
        decades = [(e, f"1e{e}") for e in range(int(base), math.ceil(top) + 1)]
        if decades != self._decades:  # whole decades only: no crowded minor labels
            self._decades = decades
            self.bar_plot.getAxis("left").setTicks([decades, []])
        ticks = [
            (i, f"{layer.node_id}  {latest[i]:.1e}" if i in shown else f"{layer.node_id}  0")
            for i, layer in enumerate(self._layers)
        ]
        if ticks != self._ticks:
            self._ticks = ticks
            self.bar_plot.getAxis("bottom").setTicks([ticks])

    def csv_text(self) -> str:
        cols: dict[str, list] = {"layer": [], "step": [], "grad_norm": []}
        if self._feed is not None:
            for layer in self._layers:
                x, y = self._feed.history.series(PREFIX + layer.node_id)
                cols["layer"].extend([layer.node_id] * len(x))
                cols["step"].extend(x.astype(int).tolist())
                cols["grad_norm"].extend(y.tolist())
        return table_csv(cols)
