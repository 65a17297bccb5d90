"""Loss over training: the batch loss of every step, the whole training set's and the
validation set's loss, and for classification the accuracy alongside (a second, linked plot).

A gap opening between training and validation loss is the lecture's picture of overfitting, so
both share one axis; a log y axis (the default) keeps late progress visible.
"""

from __future__ import annotations

import html
import math

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QWidget

from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.views.axes import decade_span, nice_ceiling, value_span
from dlsim.engine.views.tables import table_csv
from dlsim.ui.plots.base import (
    Curve,
    FixedRanges,
    PlotFeed,
    PlotPanel,
    add_curve,
    colour,
    header_label,
    legend_html,
    style_plot,
)
from dlsim.ui.plots.loss_overlay import PastOverlay

LOSS_SERIES = (
    ("loss", QT_TRANSLATE_NOOP("QtLossPlot", "batch"), "#a0a0a0", 1),
    ("train_loss", QT_TRANSLATE_NOOP("QtLossPlot", "training"), colour(0), 1),
    ("val_loss", QT_TRANSLATE_NOOP("QtLossPlot", "validation"), colour(1), 1),
)
ACCURACY_SERIES = (
    ("accuracy", QT_TRANSLATE_NOOP("QtLossPlot", "training"), colour(0)),
    ("val_accuracy", QT_TRANSLATE_NOOP("QtLossPlot", "validation"), colour(1)),
)
ACCURACY_TEXT = (
    ("accuracy", QT_TRANSLATE_NOOP("QtLossPlot", "acc")),
    ("val_accuracy", QT_TRANSLATE_NOOP("QtLossPlot", "val acc")),
)
LOSS_NAMES = tuple(name for name, *_ in LOSS_SERIES)
CLASSIFICATION = ("binary", "multiclass")


def _unbroken(text: str) -> str:
    """`text` as HTML that never wraps inside itself."""
    return html.escape(text).replace(" ", "&nbsp;")


class QtLossPlot(PlotPanel):
    """Training and validation loss (linear or log y) with accuracy below for classifiers."""

    title = QT_TRANSLATE_NOOP("Plots", "Loss")
    file_stem = "loss"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_box = QCheckBox(self.tr("log y"))
        self.log_box.setChecked(True)
        self.log_box.setToolTip(
            self.tr("Logarithmic loss axis: late, small improvements stay visible")
        )
        self.log_box.toggled.connect(self._on_log_box_toggled)
        self.log_steps_box = QCheckBox(self.tr("log step"))
        self.log_steps_box.setToolTip(
            self.tr(
                "Logarithmic step axis: the first hundred steps get as much room as the next "
                "thousands (an overfitting run's late rise in validation loss stays visible)"
            )
        )
        self.log_steps_box.toggled.connect(self._on_log_steps_box_toggled)
        # One wrapping line names each curve by its colour with its latest value, on a row of
        # its own under the controls: beside them a narrow dock stacked it four lines high.
        self.legend = header_label()
        self.header.addWidget(self.log_box)
        self.header.addWidget(self.log_steps_box)
        self.finish_header()
        self.layout().insertWidget(1, self.legend)
        self._legend_key: tuple = ()
        self._plain = ""

        self.loss_plot = self.canvas.addPlot(row=0, col=0)
        style_plot(self.loss_plot, left=self.tr("loss"))
        self.loss_plot.setLogMode(y=True)
        self.curves: dict[str, Curve] = {}
        for name, label, pen_colour, width in LOSS_SERIES:
            self.curves[name] = self._curve(self.loss_plot, pen_colour, width, label)
        self.acc_plot = pg.PlotItem()
        style_plot(self.acc_plot, left=self.tr("accuracy"), bottom=self.tr("step"))
        self.acc_plot.setMaximumHeight(150)
        for name, label, pen_colour in ACCURACY_SERIES:
            self.curves[name] = self._curve(self.acc_plot, pen_colour, 1, label)
        self._acc_shown = False
        self.loss_plot.setLabel("bottom", self.tr("step"), color=self.colours.text)
        self._markers: list[pg.InfiniteLine] = []
        self._dots: dict[str, pg.ScatterPlotItem] = {}  # for curves too short to draw a line
        self._version = -1
        self.ranges = FixedRanges(self.loss_plot)
        self.acc_ranges = FixedRanges(self.acc_plot)
        self.acc_ranges.set_y(0.0, 1.02)
        self._lasts: dict[str, tuple[float, float] | None] = {}
        self.overlay = PastOverlay(self.loss_plot)  # branches, and the viewed step (time travel)
        self._branches_version = -1

    @staticmethod
    def _curve(plot: pg.PlotItem, pen_colour: str, width: int, name: str) -> Curve:
        return add_curve(plot, pen=pg.mkPen(pen_colour, width=width), connect="finite")

    def _show_accuracy(self, show: bool) -> None:
        if show == self._acc_shown:
            return
        self._acc_shown = show
        # linked only while shown: a removed plot keeps its old width, and pyqtgraph aligns
        # linked views by their pixels, so the loss plot's steps ended at 1.52 instead of 2
        if show:
            self.canvas.ci.addItem(self.acc_plot, row=1, col=0)
            self.acc_plot.setXLink(self.loss_plot)
            self.loss_plot.setLabel("bottom", "")
            self.loss_plot.showAxis("bottom")
        else:
            self.acc_plot.setXLink(None)
            self.canvas.ci.removeItem(self.acc_plot)
            self.loss_plot.setLabel("bottom", self.tr("step"), color=self.colours.text)

    def _on_log_steps_box_toggled(self, on: bool) -> None:
        self.loss_plot.setLogMode(x=on)
        self.acc_plot.setLogMode(x=on)
        self.ranges.forget()
        self.acc_ranges.forget()
        self.acc_ranges.set_y(0.0, 1.02)
        self.mark_stale()

    def _on_log_box_toggled(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self.ranges.forget()
        self.mark_stale()

    def changed(self, feed: PlotFeed) -> bool:
        return (
            feed.history_version != self._version or feed.branches_version != self._branches_version
        )

    def draw(self, feed: PlotFeed) -> None:
        self._version = feed.history_version
        branches_moved = feed.branches_version != self._branches_version
        self._branches_version = feed.branches_version
        history = feed.history
        task = feed.dataset.task if feed.dataset is not None else None
        self._show_accuracy(task in CLASSIFICATION)
        last_loss = history.last("loss")  # once: the history may be cleared meanwhile
        if last_loss is None and feed.latest is None and not feed.branches:
            # no step yet: a lone initial point plots badly
            self.show_hint(
                self.tr("Press Run (Space) or Step (→) to train; the loss appears here.")
            )
            for curve in self.curves.values():
                curve.setData([], [])
            self._set_markers([])
            self._set_legend((), {})
            return
        self.show_plot()
        present = []
        losses = []
        for name, curve in self.curves.items():
            last = history.last(name)
            if last != self._lasts.get(name) or self._forced:  # metrics come less often
                self._lasts[name] = last
                x, y = history.series(name)
                curve.setData(x, y)
            self._dot_if_sparse(name, curve)
            if last is not None:
                present.append(name)
                if name in LOSS_NAMES:
                    losses.append(curve.getOriginalDataset()[1])
        losses.extend(self.overlay.draw(feed, self.log_steps_box.isChecked()))
        self._set_markers([x for x, _text in history.events()])
        # ranges in nice numbers: the axes are redrawn only when the data outgrow them
        last_x = max(last_loss[0] if last_loss is not None else 0.0, self.overlay.x_end(feed))
        x_end = nice_ceiling(last_x + 1)
        if self.log_steps_box.isChecked():  # whole decades from step 1
            decades = max(1, math.ceil(math.log10(x_end)))
            self.ranges.set_log_x(0, decades)
            self.acc_ranges.set_log_x(0, decades)
        else:
            self.ranges.set_x(0.0, x_end)
            self.acc_ranges.set_x(0.0, x_end)
        if self.log_box.isChecked():
            self.ranges.set_log_y(*decade_span(losses))
        else:
            self.ranges.set_y(*value_span(losses))
        if self.readout_due() or branches_moved:
            self._set_legend(tuple(present), self._latest_values(history))

    @property
    def readout(self) -> str:
        """The header as plain text: each curve's name with its latest value, then accuracy."""
        return self._plain

    def _set_legend(self, names: tuple[str, ...], values: dict[str, str]) -> None:
        """Name only the curves that have data (no 'validation' without a validation set), each
        with its latest value, in one label that wraps between entries when the dock is narrow."""
        runs = [(name, c.name(QColor.NameFormat.HexArgb)) for name, c in self.overlay.names]
        key = (names, tuple(values.items()), tuple(runs))
        if key == self._legend_key:
            return
        self._legend_key = key
        entries = [
            (f"{self.tr(label)} {values[n]}" if n in values else self.tr(label), c)
            for n, label, c, _w in LOSS_SERIES
            if n in names
        ]
        extra = [f"{self.tr(label)} {values[n]}" for n, label in ACCURACY_TEXT if n in values]
        self._plain = " · ".join([name for name, _c in entries] + extra)
        keep = [(_unbroken(name), c) for name, c in entries]  # break between entries only
        html_parts = ([legend_html(keep)] if keep else []) + [_unbroken(t) for t in extra]
        if runs:  # earlier runs (branches), dashed and faded in the plot
            self._plain = " · ".join([self._plain, *(name for name, _c in runs)])
            html_parts.append(legend_html([(_unbroken(n), "#" + c[3:]) for n, c in runs]))
        self.legend.setText("&nbsp; ".join(html_parts))

    def _dot_if_sparse(self, name: str, curve: Curve) -> None:
        """Dots on a curve with fewer than three points to draw, whose line would not show (a
        run that diverged at step 2; step 0 has no place on a log step axis)."""
        x, y = curve.getData()
        few = x is not None and len(x) < 4
        if few:
            points = [(a, b) for a, b in zip(x, y, strict=False) if math.isfinite(a + b)]
            few = 0 < len(points) < 3
        dots = self._dots.get(name)
        if not few:
            if dots is not None and len(dots.data):
                dots.clear()
            return
        if dots is None:
            accuracy = name in {n for n, _label, _colour in ACCURACY_SERIES}
            colour = curve.opts["pen"].color()
            dots = pg.ScatterPlotItem(size=6, pen=pg.mkPen(colour), brush=pg.mkBrush(colour))
            (self.acc_plot if accuracy else self.loss_plot).addItem(dots)
            self._dots[name] = dots
        dots.setData([a for a, _b in points], [b for _a, b in points])

    def _set_markers(self, steps: list[float]) -> None:
        """A red vertical line where training diverged (the loss itself is not plotted there)."""
        while len(self._markers) < len(steps):
            line = pg.InfiniteLine(
                angle=90,
                pen=pg.mkPen("#d62728", width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
                label=self.tr("diverged"),
                labelOpts={"position": 0.9, "color": "#d62728"},
            )
            self.loss_plot.addItem(line)
            self._markers.append(line)
        log = self.log_steps_box.isChecked()
        for line, step in zip(self._markers, steps, strict=False):
            line.setPos(math.log10(max(step, 1.0)) if log else step)
            line.show()
        for line in self._markers[len(steps) :]:
            line.hide()

    @staticmethod
    def _latest_values(history) -> dict[str, str]:
        """Each curve's own latest value, formatted for the header (the batch loss too: after
        a blow-up it is the curve that shows it, while the whole-set loss was measured before)."""
        values = {}
        for name in LOSS_NAMES:
            last = history.last(name)
            if last is not None:
                values[name] = f"{last[1]:.4g}"
        for name, _label in ACCURACY_TEXT:
            last = history.last(name)
            if last is not None:
                values[name] = f"{last[1]:.1%}"
        return values

    def csv_text(self) -> str:
        cols: dict[str, list] = {"series": [], "step": [], "value": []}
        if self._feed is not None:
            for name in [n for n, *_ in LOSS_SERIES] + [n for n, *_ in ACCURACY_SERIES]:
                x, y = self._feed.history.series(name)
                cols["series"].extend([name] * len(x))
                cols["step"].extend(x.astype(int).tolist())
                cols["value"].extend(y.tolist())
        return table_csv(cols)
