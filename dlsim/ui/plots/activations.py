"""Activation distribution per layer: a histogram of each layer's outputs on the latest batch.

Saturated sigmoid/tanh units pile up at the ends of their range and dead ReLUs at zero; the
fractions the engine measures are printed on each histogram so the student need not guess.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from dlsim.engine.edits import histogram_rows, table_csv
from dlsim.ui.plots.base import (
    TEXT_COLOR,
    LayerInfo,
    PlotFeed,
    PlotPanel,
    colour,
    header_label,
    style_plot,
)

COLUMNS = 3


class _LayerHistogram:
    """One small plot: a filled step histogram titled with the layer and its warning signs."""

    def __init__(self, plot: pg.PlotItem, layer: LayerInfo, index: int) -> None:
        self.plot = plot
        self.layer = layer
        style_plot(plot)
        plot.hideAxis("left")
        plot.showGrid(x=False, y=False)
        plot.setMouseEnabled(x=False, y=False)
        fill = pg.mkColor(colour(index))
        fill.setAlpha(130)
        self.curve = plot.plot(
            stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(colour(index), width=1)
        )
        self._title = ""
        self._set_title(layer.label)

    def _set_title(self, text: str) -> None:
        if text != self._title:
            self._title = text
            self.plot.setTitle(text, color=TEXT_COLOR, size="9pt")

    def set(self, stats: dict) -> None:
        self.curve.setData(stats["edges"], stats["hist"])
        self._set_title(self.layer.label + _warning_text(stats))


def _warning_text(stats: dict) -> str:
    """The fractions that signal trouble: dead ReLUs, saturated sigmoid/tanh units."""
    parts = []
    if stats.get("dead_fraction") is not None:
        parts.append(f"dead {stats['dead_fraction']:.0%}")
    if stats.get("saturated_fraction") is not None:
        parts.append(f"saturated {stats['saturated_fraction']:.0%}")
    return " — " + ", ".join(parts) if parts else ""


class QtActivationsPlot(PlotPanel):
    """A histogram per layer (hidden layers first, the output last) of the latest batch."""

    title = "Activations"
    file_stem = "activations"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = header_label("Outputs of each layer on the latest batch")
        self.header.addWidget(self.caption)
        self.finish_header()
        self.histograms: dict[str, _LayerHistogram] = {}
        self._structure = -1
        self._serial = -1

    def changed(self, feed: PlotFeed) -> bool:
        serial = feed.snapshot.serial if feed.snapshot is not None else -1
        return serial != self._serial or feed.structure != self._structure

    def _rebuild(self, feed: PlotFeed) -> None:
        self._structure = feed.structure
        self.canvas.clear()
        self.histograms.clear()
        layers = [layer for layer in feed.layers if layer.type != "Input"]
        for i, layer in enumerate(layers):
            plot = self.canvas.addPlot(row=i // COLUMNS, col=i % COLUMNS)
            self.histograms[layer.node_id] = _LayerHistogram(plot, layer, i)

    def draw(self, feed: PlotFeed) -> None:
        if feed.structure != self._structure:
            self._rebuild(feed)
        snap = feed.snapshot
        self._serial = snap.serial if snap is not None else -1
        record = snap.record if snap is not None else None
        if not self.histograms:
            self.show_hint("The network has no layers to show yet.")
            return
        if record is None:
            self.show_hint("Press Step (→) or Run (Space): each layer's activations appear here.")
            return
        self.show_plot()
        stats = record.activation_stats()
        for nid, hist in self.histograms.items():
            if nid in stats:
                hist.set(stats[nid])

    def csv_text(self) -> str:
        snap = self._feed.snapshot if self._feed is not None else None
        if snap is None or snap.record is None:
            return table_csv(histogram_rows({}))
        return table_csv(histogram_rows(snap.record.activation_stats()))
