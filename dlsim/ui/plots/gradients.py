"""Gradient magnitude per layer: the vanishing/exploding picture.

Top: each layer's gradient norm over time on a log axis — with sigmoid hidden layers the curves
of early layers sink decades below the later ones; with ReLU + He they stay together. Bottom: the
latest value of every layer side by side, input side on the left; the header names each colour
with its latest value.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.views.axes import decade_bars, decade_span, nice_ceiling
from dlsim.engine.views.tables import table_csv
from dlsim.ui.plots.base import (
    Curve,
    FixedRanges,
    LayerInfo,
    PlotFeed,
    PlotPanel,
    add_curve,
    colour,
    header_label,
    style_plot,
)

PREFIX = "grad_norm/"
MIN_LABEL_PX = 56  # room a bar needs for "h1 / 1.2e-05" under it


class QtGradientsPlot(PlotPanel):
    """Per-layer gradient norm over time (log y) and the current values as bars."""

    title = QT_TRANSLATE_NOOP("Plots", "Gradients")
    file_stem = "gradients"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        caption = header_label(self.tr("‖∂loss/∂W‖ per layer"))
        caption.setToolTip(
            self.tr(
                "The L2 norm of each layer's parameter gradients, over time (top) and now (bars). "
                "Early layers far below the late ones: vanishing gradients. Growing without "
                "bound: exploding gradients."
            )
        )
        self.header.addWidget(caption, 1)
        self.finish_header(stretch=False)
        self.time_plot = self.canvas.addPlot(row=0, col=0)
        style_plot(self.time_plot, left=self.tr("gradient norm"), bottom=self.tr("step"))
        self.time_plot.setLogMode(y=True)
        self.bar_plot = self.canvas.addPlot(row=1, col=0)
        style_plot(self.bar_plot, left=self.tr("latest"))
        self.bar_plot.setLogMode(y=True)  # axis labels only: the bars are drawn in decades
        self.bar_plot.setMouseEnabled(x=False, y=False)
        self.bar_plot.showGrid(x=False, y=True, alpha=0.15)
        # one shared (invisible) pen: a per-bar `pens` list that is empty — every norm zero,
        # nothing to draw on a log axis — raises inside pyqtgraph's BarGraphItem
        self.bars = pg.BarGraphItem(x=[], y0=[], y1=[], width=0.6, pen=pg.mkPen(None))
        self.bar_plot.addItem(self.bars)
        self.canvas.ci.layout.setRowStretchFactor(0, 3)
        self.canvas.ci.layout.setRowStretchFactor(1, 2)
        for plot in (self.time_plot, self.bar_plot):
            plot.getAxis("left").setWidth(58)
        self.bar_plot.getAxis("bottom").setHeight(36)  # two lines: layer, latest norm
        self.time_ranges = FixedRanges(self.time_plot)
        self.bar_ranges = FixedRanges(self.bar_plot)
        self.curves: dict[str, Curve] = {}
        self._layers: list[LayerInfo] = []
        self._brushes: list = []
        self._structure = -1
        self._version = -1
        self._ticks: list = []

    def changed(self, feed: PlotFeed) -> bool:
        return feed.history_version != self._version or feed.structure != self._structure

    def _rebuild(self, feed: PlotFeed) -> None:
        self._structure = feed.structure
        for item in self.curves.values():
            self.time_plot.removeItem(item)
        self.curves.clear()
        self._layers = [layer for layer in feed.layers if layer.trainable]
        for i, layer in enumerate(self._layers):
            # width-1 pens: thicker lines cost the raster engine several times more per frame
            curve = add_curve(self.time_plot, pen=pg.mkPen(colour(i), width=1), connect="finite")
            self.curves[layer.node_id] = curve
        self._brushes = [pg.mkBrush(colour(i)) for i in range(len(self._layers))]
        self.bar_ranges.set_x(-0.6, max(len(self._layers), 1) - 0.4)
        self._ticks = [(i, layer.node_id) for i, layer in enumerate(self._layers)]
        self.bar_plot.getAxis("bottom").setTicks([self._ticks, []])
        self.bars.setOpts(x=[], y0=[], y1=[])

    def draw(self, feed: PlotFeed) -> None:
        if feed.structure != self._structure:
            self._rebuild(feed)
        self._version = feed.history_version
        history = feed.history
        latest: list[float] = []
        series = []
        last_step = 0.0
        for layer in self._layers:
            name = PREFIX + layer.node_id
            x, y = history.series(name)
            self.curves[layer.node_id].setData(x, y)
            series.append(y)
            last = history.last(name)
            latest.append(last[1] if last is not None else math.nan)
            last_step = max(last_step, last[0] if last is not None else 0.0)
        if not self._layers:
            self.show_hint(
                self.tr("This network has no trainable layers, so there are no gradients.")
            )
            return
        if all(math.isnan(v) for v in latest):
            self.show_hint(self.tr("Press Step (→) or Run (Space): gradient norms appear here."))
            return
        self.show_plot()
        self.time_ranges.set_x(0.0, nice_ceiling(last_step + 1))
        self.time_ranges.set_log_y(*decade_span(series))
        tops, base = decade_bars(latest)
        shown = [i for i, t in enumerate(tops) if not math.isnan(t)]
        self.bars.setOpts(
            x=shown,
            y0=[base] * len(shown),
            y1=[tops[i] for i in shown],
            brushes=[self._brushes[i] for i in shown],
        )
        self.bar_ranges.set_log_y(int(base), decade_span(latest)[1], fine=False)
        if self.readout_due():
            # the latest values under the bars when there is room for them, else names only
            roomy = self.bar_plot.vb.width() / max(len(self._layers), 1) >= MIN_LABEL_PX
            ticks = [
                (i, f"{layer.node_id}\n{latest[i]:.1e}" if i in shown else f"{layer.node_id}\n0")
                if roomy
                else (i, layer.node_id)
                for i, layer in enumerate(self._layers)
            ]
            if ticks != self._ticks:
                self._ticks = ticks
                self.bar_plot.getAxis("bottom").setTicks([ticks, []])

    @property
    def bar_labels(self) -> list[str]:
        """The labels under the bars: each layer's name and its latest gradient norm."""
        return [text for _pos, text in self._ticks]

    def csv_text(self) -> str:
        cols: dict[str, list] = {"layer": [], "step": [], "grad_norm": []}
        if self._feed is not None:
            for layer in self._layers:
                x, y = self._feed.history.series(PREFIX + layer.node_id)
                cols["layer"].extend([layer.node_id] * len(x))
                cols["step"].extend(x.astype(int).tolist())
                cols["grad_norm"].extend(y.tolist())
        return table_csv(cols)
