"""Compare runs: copies of the current network, from the same initial weights, trained side by side
under different settings (SGD vs Momentum vs Adam, sigmoid vs ReLU, …), their losses overlaid.

The plot only draws; the workbench owns the comparison's sessions and feeds their histories in.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from dlsim.engine.teaching.comparisons import COMPARISONS
from dlsim.engine.text import QT_TRANSLATE_NOOP
from dlsim.engine.views.axes import coincide, decade_span, nice_ceiling
from dlsim.engine.views.tables import table_csv
from dlsim.ui.plots.base import FixedRanges, PlotFeed, PlotPanel, colour, legend_html, style_plot

START_HINT = QT_TRANSLATE_NOOP(
    "QtComparePlot",
    "Pick what to compare and press “Run a comparison”: copies of the current network "
    "train from the same initial weights (an initializer comparison starts each as its "
    "initializer does), one per setting, and their losses appear here.",
)
STATE_WORDS = {
    "diverged": QT_TRANSLATE_NOOP("QtComparePlot", "{0} (diverged at step {1})"),
    "error": QT_TRANSLATE_NOOP("QtComparePlot", "{0} (failed at step {1})"),
}


class QtComparePlot(PlotPanel):
    """Overlaid, labelled loss curves of a comparison's runs, and the controls to start one."""

    title = QT_TRANSLATE_NOOP("Plots", "Compare runs")
    tab_title = QT_TRANSLATE_NOOP("Plots", "Compare")
    file_stem = "comparison"
    comparison_requested = Signal(str, int)  # comparison key, steps per run
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox()
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(12)
        for key, comp in COMPARISONS.items():
            self.choice.addItem(comp.shown_title, key)
            self.choice.setItemData(self.choice.count() - 1, comp.tip, pg.QtCore.Qt.ToolTipRole)
        self.steps = QSpinBox()
        self.steps.setRange(10, 100_000)
        self.steps.setValue(2000)
        self.steps.setSingleStep(500)
        self.steps.setSuffix(self.tr(" steps"))
        self.steps.setToolTip(self.tr("How many steps each run trains"))
        self.run_button = QPushButton(self.tr("Run comparison"))
        self.run_button.setToolTip(
            self.tr(
                "Train copies of the current network, one per setting, from the same initial "
                "weights (except what the setting changes: another initializer starts its "
                "layers anew)"
            )
        )
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_requested)
        self.header.addWidget(self.choice, 1)
        self.header.addWidget(self.export_button)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 0, 0)
        for w in (self.steps, self.run_button, self.stop_button):
            row.addWidget(w)
        row.addStretch(1)
        self.layout().insertLayout(1, row)
        self.status = QLabel()  # which run is which colour, and how far it got
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {self.colours.caption}; padding-left: 4px;")
        self.layout().insertWidget(2, self.status)
        self.plot = self.canvas.addPlot()
        style_plot(self.plot, left=self.tr("loss (each step)"), bottom=self.tr("step"))
        self.plot.setLogMode(y=True)
        self.ranges = FixedRanges(self.plot)
        self.curves: list[pg.PlotDataItem] = []
        self._run_labels: list[str] = []
        self._version = -1
        self.show_hint(START_HINT)

    def _on_run_button_clicked(self) -> None:
        self.comparison_requested.emit(self.choice.currentData(), self.steps.value())

    def changed(self, feed: PlotFeed) -> bool:
        return feed.comparison_version != self._version or any(
            run.state == "running" for run in feed.comparison
        )

    def _rebuild(self, count: int) -> None:
        for curve in self.curves:
            self.plot.removeItem(curve)
        self.curves = []
        for i in range(count):
            curve = self.plot.plot(pen=pg.mkPen(colour(i), width=1.5), connect="finite")
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.curves.append(curve)

    def draw(self, feed: PlotFeed) -> None:
        self._version = feed.comparison_version
        runs = feed.comparison
        running = any(run.state == "running" for run in runs)
        self.stop_button.setEnabled(running)
        if not runs:  # none started yet, or stopped with the document it compared
            self._run_labels = []
            self._rebuild(0)
            self.ranges.forget()
            self.status.setText("")
            self.show_hint(self.tr(START_HINT))
            return
        self.show_plot()
        if [run.label for run in runs] != self._run_labels:
            self._run_labels = [run.label for run in runs]
            self._rebuild(len(runs))
        losses = []
        for i, (run, curve) in enumerate(zip(runs, self.curves, strict=True)):
            x, y = run.history.series("loss")
            curve.setData(x, y)
            # a curve on top of an earlier one (zeros and small uniform both at ln 2) is dashed,
            # so the one under it shows between its dashes
            under = any(coincide(earlier, y) for earlier in losses)
            dashed = curve.opts["pen"].style() == Qt.PenStyle.CustomDashLine
            if under != dashed:
                dash = {"dash": [4, 4]} if under else {}
                curve.setPen(pg.mkPen(colour(i), width=1.5, **dash))
            losses.append(y)
        self.ranges.set_x(0.0, nice_ceiling(max(run.step for run in runs)))
        self.ranges.set_log_y(*decade_span(losses))
        entries = [(self._legend_text(run), colour(i)) for i, run in enumerate(runs)]
        text = (self.tr("Running — ") if running else self.tr("Done — ")) + legend_html(entries)
        if text != self.status.text():
            self.status.setText(text)

    def _legend_text(self, run) -> str:
        template = STATE_WORDS.get(run.state, QT_TRANSLATE_NOOP("QtComparePlot", "{0} (step {1})"))
        return self.tr(template).format(run.label, f"{run.step:,}")

    def csv_text(self) -> str:
        cols: dict[str, list] = {"run": [], "step": [], "loss": []}
        if self._feed is not None:
            for run in self._feed.comparison:
                x, y = run.history.series("loss")
                cols["run"].extend([run.label] * len(x))
                cols["step"].extend(x.astype(int).tolist())
                cols["loss"].extend(y.tolist())
        return table_csv(cols)
