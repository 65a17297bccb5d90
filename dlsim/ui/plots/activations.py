"""Activation distribution per layer: a histogram of each layer's outputs on the latest batch.

The histograms are rows of one plot on a shared value axis, first layer at the top (one plot,
not one per layer, so a deep network costs no more to redraw than a shallow one). Saturated
sigmoid/tanh units pile up at the ends of their range and dead ReLUs at zero; the fractions the
engine measures are printed at the end of each row so the student need not guess. Each row's
name and fractions are written inside the plot, at the row's top corners, not on side axes:
axes wide enough for "y (output) · sigmoid" and "saturated 0%" left the histograms a third of a
dock's width.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem, QWidget

from dlsim.engine.nn.activations import output_range as activation_range
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.views.axes import nice_range
from dlsim.engine.views.layouts import ridgeline
from dlsim.engine.views.tables import histogram_rows, table_csv
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

ROW_HEIGHT = 0.7  # of each row's unit height; above it the row's name, then the next row
LABEL_TOP = 0.98  # where a row's name and fractions hang from, in row units above its base


def _warning_text(stats: dict) -> str:
    """The fractions that signal trouble: dead ReLUs, saturated sigmoid/tanh units."""
    parts = []
    if stats.get("dead_fraction") is not None:
        parts.append(
            translate("QtActivationsPlot", "dead {0}").format(f"{stats['dead_fraction']:.0%}")
        )
    if stats.get("saturated_fraction") is not None:
        parts.append(
            translate("QtActivationsPlot", "saturated {0}").format(
                f"{stats['saturated_fraction']:.0%}"
            )
        )
    return ", ".join(parts)


class QtActivationsPlot(PlotPanel):
    """Every layer's activation histogram (hidden layers first, the output last) as rows."""

    title = QT_TRANSLATE_NOOP("Plots", "Activations")
    file_stem = "activations"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = header_label(self.tr("Outputs of each layer on the latest batch"))
        self.header.addWidget(self.caption, 1)
        self.finish_header(stretch=False)
        self.plot = self.canvas.addPlot()
        style_plot(self.plot, bottom=self.tr("activation value"))
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideAxis("left")  # the rows are named inside the plot (see the docstring)
        self.ranges = FixedRanges(self.plot)
        self.plot.getViewBox().sigXRangeChanged.connect(self._place_labels)
        self.curves: dict[str, Curve] = {}
        self.names: dict[str, pg.TextItem] = {}
        self.notes: dict[str, pg.TextItem] = {}
        self._notes: list[str] = []
        self._layers: list[LayerInfo] = []
        self._fixed_x: tuple[float, float] | None = None
        self._structure = -1
        self._serial = -1

    def changed(self, feed: PlotFeed) -> bool:
        serial = feed.snapshot.serial if feed.snapshot is not None else -1
        return serial != self._serial or feed.structure != self._structure

    def _rebuild(self, feed: PlotFeed) -> None:
        self._structure = feed.structure
        for item in (*self.curves.values(), *self.names.values(), *self.notes.values()):
            self.plot.removeItem(item)
        self.curves.clear()
        self.names.clear()
        self.notes.clear()
        self._notes = []
        self._layers = [layer for layer in feed.layers if layer.type != "Input"]
        n = len(self._layers)
        backdrop = pg.mkColor(self.colours.background)
        backdrop.setAlpha(170)  # a bar under a name dims instead of hiding it
        for i, layer in enumerate(self._layers):
            fill = pg.mkColor(colour(i))
            fill.setAlpha(130)
            curve = add_curve(self.plot, fillLevel=n - 1 - i, brush=fill, pen=pg.mkPen(colour(i)))
            curve.setData([0.0], [], stepMode="center")  # bin edges: one more than heights
            self.curves[layer.node_id] = curve
            name = pg.TextItem(layer.label, color=self.colours.text, anchor=(0, 0), fill=backdrop)
            note = pg.TextItem("", color="#b03020", anchor=(1, 0), fill=backdrop)
            for item in (name, note):
                item.setZValue(10)
                # a pixmap copied each frame, not text laid out again over the new histograms
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self.plot.addItem(item, ignoreBounds=True)
            self.names[layer.node_id] = name
            self.notes[layer.node_id] = note
        self.ranges.set_y(-0.05, max(n, 1))
        self._place_labels()
        ranges = [activation_range(layer.activation) for layer in self._layers]
        self._fixed_x = None
        if ranges and all(r is not None for r in ranges):
            self._fixed_x = (min(r[0] for r in ranges), max(r[1] for r in ranges))
        self.ranges.forget()

    def draw(self, feed: PlotFeed) -> None:
        if feed.structure != self._structure:
            self._rebuild(feed)
        snap = feed.snapshot
        self._serial = snap.serial if snap is not None else -1
        record = snap.record if snap is not None else None
        if not self._layers:
            self.show_hint(self.tr("The network has no layers to show yet."))
            return
        if record is None:
            self.show_hint(
                self.tr("Press Step (→) or Run (Space): each layer's activations appear here.")
            )
            return
        self.show_plot()
        stats = record.activation_stats()
        shown = [layer for layer in self._layers if layer.node_id in stats]
        rows = ridgeline(
            [(stats[la.node_id]["edges"], stats[la.node_id]["hist"]) for la in shown], ROW_HEIGHT
        )
        lo = min(float(edges[0]) for edges, _h, _b in rows)
        hi = max(float(edges[-1]) for edges, _h, _b in rows)
        self._set_x_range(lo, hi)
        for layer, (edges, heights, _base) in zip(shown, rows, strict=True):
            self.curves[layer.node_id].setData(edges, heights)
        if self.readout_due():
            notes = [_warning_text(stats[layer.node_id]) for layer in shown]
            if notes != self._notes:
                self._notes = notes
                for layer, text in zip(shown, notes, strict=True):
                    self.notes[layer.node_id].setText(text)

    def _place_labels(self, *_: object) -> None:
        """Each row's name at its top left, its fractions at its top right, wherever the value
        axis goes."""
        (x0, x1), _y = self.plot.getViewBox().viewRange()
        n = len(self._layers)
        for i, layer in enumerate(self._layers):
            top = n - 1 - i + LABEL_TOP
            self.names[layer.node_id].setPos(x0, top)
            self.notes[layer.node_id].setPos(x1, top)

    def _set_x_range(self, lo: float, hi: float) -> None:
        """Bounded activations: their fixed range. Others: nice numbers, kept while the data
        fill a fair part of them (so the axis is not redrawn every frame)."""
        if self._fixed_x is not None:
            self.ranges.set_x(*self._fixed_x)
            return
        current = self.ranges.x
        outgrown = current is None or lo < current[0] or hi > current[1]
        if outgrown or (hi - lo) < 0.3 * (current[1] - current[0]):
            self.ranges.set_x(*nice_range(lo, hi))

    def csv_text(self) -> str:
        snap = self._feed.snapshot if self._feed is not None else None
        if snap is None or snap.record is None:
            return table_csv(histogram_rows({}))
        return table_csv(histogram_rows(snap.record.activation_stats()))
