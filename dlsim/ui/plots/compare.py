"""Compare runs: copies of the current network, from the same initial weights, trained side by side
under different settings (SGD vs Momentum vs Adam, sigmoid vs ReLU, …), their losses overlaid.

The plot only draws; the workbench owns the comparison's sessions and feeds their histories in.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from dlsim.engine.edits import COMPARISONS, table_csv
from dlsim.ui.plots.base import PlotFeed, PlotPanel, colour, style_plot

STATE_WORDS = {"diverged": "diverged", "error": "failed", "running": "", "paused": "", "idle": ""}


class QtComparePlot(PlotPanel):
    """Overlaid, labelled loss curves of a comparison's runs, and the controls to start one."""

    title = "Compare runs"
    file_stem = "comparison"
    comparison_requested = Signal(str, int)  # comparison key, steps per run
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox()
        for key, comp in COMPARISONS.items():
            self.choice.addItem(comp.title, key)
            self.choice.setItemData(self.choice.count() - 1, comp.help, pg.QtCore.Qt.ToolTipRole)
        self.steps = QSpinBox()
        self.steps.setRange(10, 1_000_000)
        self.steps.setValue(2000)
        self.steps.setSingleStep(500)
        self.steps.setSuffix(" steps")
        self.steps.setToolTip("How many steps each run trains")
        self.run_button = QPushButton("Run a comparison")
        self.run_button.setToolTip(
            "Train copies of the current network from the same initial weights, one per setting"
        )
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_requested)
        self.status = QLabel("")
        self.status.setStyleSheet("color: #404040;")
        for w in (self.choice, self.steps, self.run_button, self.stop_button, self.status):
            self.header.addWidget(w)
        self.finish_header()
        self.plot = self.canvas.addPlot()
        style_plot(self.plot, left="loss (each step)", bottom="step")
        self.plot.setLogMode(y=True)
        self.legend = self.plot.addLegend(offset=(-8, 8), labelTextColor="#303030")
        self.curves: list[pg.PlotDataItem] = []
        self._labels: list[str] = []
        self._run_labels: list[str] = []
        self._version = -1
        self.show_hint(
            "Pick what to compare and press “Run a comparison”: copies of the current network "
            "train from the same initial weights, one per setting, and their losses appear here."
        )

    def _on_run_button_clicked(self) -> None:
        self.comparison_requested.emit(self.choice.currentData(), self.steps.value())

    def changed(self, feed: PlotFeed) -> bool:
        return feed.comparison_version != self._version or any(
            run.state == "running" for run in feed.comparison
        )

    def _rebuild(self, labels: list[str]) -> None:
        for curve in self.curves:
            self.plot.removeItem(curve)
        self.legend.clear()
        self.curves = []
        for i, label in enumerate(labels):
            curve = self.plot.plot(pen=pg.mkPen(colour(i), width=2), name=label, connect="finite")
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.curves.append(curve)
        self._labels = labels

    def draw(self, feed: PlotFeed) -> None:
        self._version = feed.comparison_version
        runs = feed.comparison
        running = any(run.state == "running" for run in runs)
        self.stop_button.setEnabled(running)
        if not runs:
            return
        self.show_plot()
        labels = [self._legend_text(run) for run in runs]
        if [run.label for run in runs] != self._run_labels:
            self._run_labels = [run.label for run in runs]
            self._rebuild(labels)
        for i, (run, curve) in enumerate(zip(runs, self.curves, strict=True)):
            x, y = run.history.series("loss")
            curve.setData(x, y)
            if labels[i] != self._labels[i]:
                self._labels[i] = labels[i]
                self._set_legend_text(curve, labels[i])
        steps = ", ".join(f"{run.label} {run.step}" for run in runs)
        self.status.setText(("running: " if running else "done: ") + steps)

    def _set_legend_text(self, curve: pg.PlotDataItem, text: str) -> None:
        for sample, label in self.legend.items:
            if sample.item is curve:
                label.setText(text)

    @staticmethod
    def _legend_text(run) -> str:
        word = STATE_WORDS.get(run.state, "")
        return f"{run.label} — {word} at step {run.step}" if word else run.label

    def csv_text(self) -> str:
        cols: dict[str, list] = {"run": [], "step": [], "loss": []}
        if self._feed is not None:
            for run in self._feed.comparison:
                x, y = run.history.series("loss")
                cols["run"].extend([run.label] * len(x))
                cols["step"].extend(x.astype(int).tolist())
                cols["loss"].extend(y.tolist())
        return table_csv(cols)
