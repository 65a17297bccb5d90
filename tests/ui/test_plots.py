"""The live plots: fed from the workbench's timer, they show the engine's numbers, explain
themselves when empty, stay bounded over long runs, never draw NaN, and export PNG and CSV."""

from __future__ import annotations

import contextlib
import csv
import io
import math

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.live.history import MetricsHistory
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.document import Document
from dlsim.ui.plots.activations import QtActivationsPlot
from dlsim.ui.plots.base import LayerInfo, PlotFeed
from dlsim.ui.plots.boundary import QtBoundaryPlot
from dlsim.ui.plots.compare import QtComparePlot
from dlsim.ui.plots.gradients import QtGradientsPlot
from dlsim.ui.plots.loss import QtLossPlot
from dlsim.ui.plots.weights import QtWeightsPlot
from dlsim.ui.training_controller import HISTORY_POINTS, TrainingController
from dlsim.ui.training_view import BOUNDARY_RESOLUTION

EXAMPLES = resources.examples_dir()
TIMEOUT_MS = 10_000
PLOT_TYPES = (
    QtLossPlot,
    QtActivationsPlot,
    QtGradientsPlot,
    QtBoundaryPlot,
    QtWeightsPlot,
    QtComparePlot,
)


def document_of(name: str) -> Document:
    doc = Document()
    doc.load_dict(read_document(EXAMPLES / f"{name}.dlsim"), base_dir=EXAMPLES)
    return doc


@pytest.fixture
def trained(qtbot):
    """xor_learn after 30 steps, with every plot shown and fed by the controller's timer."""
    controller = TrainingController(document_of("xor_learn"))
    plots = {cls: cls() for cls in PLOT_TYPES}
    for plot in plots.values():
        qtbot.addWidget(plot)
        plot.resize(500, 350)
        plot.show()
        controller.add_panel(plot)
    controller.step(30)
    qtbot.waitUntil(
        lambda: _step(controller) == 30 and controller.state == "paused",
        timeout=TIMEOUT_MS,
    )
    qtbot.waitUntil(lambda: _settled(controller), timeout=TIMEOUT_MS)
    controller.flush()
    yield controller, plots
    controller.shutdown()


def _step(controller) -> int:
    """The step count the training process last reported (-1 before its first report)."""
    snap = controller.session.snapshot()
    return snap.step if snap is not None else -1


def _settled(controller) -> bool:
    snap = controller.session.snapshot()
    return snap.record is not None and snap.boundary is not None


def test_every_plot_shows_data_after_a_few_steps(trained):
    controller, plots = trained
    history = controller.session.history
    loss = plots[QtLossPlot]
    x, y = loss.curves["loss"].getOriginalDataset()
    assert list(x) == list(range(30)), "one batch loss per step, at x = step"
    np.testing.assert_array_equal(y, history.series("loss")[1])
    for nid in ("h", "y"):
        x, _y = plots[QtGradientsPlot].curves[nid].getData()
        assert len(x) == 30
    # the XOR batch is all 4 rows: the hidden histogram counts 4 rows × 4 units = 16 values
    stats = controller.session.snapshot().record.activation_stats()
    assert stats["h"]["hist"].sum() == 4 * 4
    edges, _heights = plots[QtActivationsPlot].curves["h"].getOriginalDataset()
    assert edges.tolist() == stats["h"]["edges"].tolist()
    res = BOUNDARY_RESOLUTION
    assert plots[QtBoundaryPlot].image.image.shape == (res, res)
    # W of h is 2 inputs × 4 units, W of y 4 × 1: side by side, one column between them
    weights = plots[QtWeightsPlot]
    assert weights.boxes == {"h": (0, 3, 4, 2), "y": (5, 3, 1, 4)}, "under a 3-row label band"
    assert weights.image.image.shape == (3 + 4, 6)
    assert not any(p.hint_visible for cls, p in plots.items() if cls is not QtComparePlot)


def test_gradient_bars_are_labelled_with_the_latest_norms(trained):
    controller, plots = trained
    labels = plots[QtGradientsPlot].bar_labels
    for nid, label in zip(("h", "y"), labels, strict=True):
        last = controller.session.history.last("grad_norm/" + nid)[1]
        assert label == f"{nid}\n{last:.1e}"


def test_loss_csv_holds_exactly_the_plotted_series(trained, tmp_path):
    controller, plots = trained
    plots[QtLossPlot].export_csv(tmp_path / "loss.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "loss.csv").read_text())))
    batch = [float(r["value"]) for r in rows if r["series"] == "loss"]
    assert batch == controller.session.history.series("loss")[1].tolist()
    assert {r["series"] for r in rows} >= {"loss", "train_loss", "accuracy"}


@pytest.mark.parametrize("cls", PLOT_TYPES[:-1])
def test_every_plot_exports_a_png_and_a_csv(trained, tmp_path, cls):
    _controller, plots = trained
    plot = plots[cls]
    plot.export_png(tmp_path / "plot.png")
    data = (tmp_path / "plot.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000
    plot.export_csv(tmp_path / "plot.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "plot.csv").read_text())))
    assert len(rows) > 1, "a header and at least one row of data"


def test_weights_csv_lists_every_entry_of_every_parameter(trained, tmp_path):
    controller, plots = trained
    plots[QtWeightsPlot].export_csv(tmp_path / "w.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "w.csv").read_text())))
    # h: W 2×4 + b 4; y: W 4×1 + b 1
    assert len(rows) == 8 + 4 + 4 + 1
    w = controller.session.snapshot().params["h"]["W"]
    entry = next(
        r
        for r in rows
        if (r["layer"], r["parameter"], r["row"], r["column"]) == ("h", "W", "1", "2")
    )
    assert float(entry["value"]) == w[1, 2]


def test_boundary_explains_itself_for_data_that_is_not_2d(qtbot):
    controller = TrainingController(document_of("iris_keras"))
    plot = QtBoundaryPlot()
    qtbot.addWidget(plot)
    plot.show()
    controller.add_panel(plot)
    try:
        qtbot.waitUntil(lambda: plot.refresh_count > 0, timeout=TIMEOUT_MS)
        assert plot.hint_visible
        assert "2-D data sets only" in plot.hint.text() and "4 features" in plot.hint.text()
    finally:
        controller.shutdown()


def test_plots_ask_for_a_step_before_the_first_one(qtbot):
    controller = TrainingController(document_of("xor_learn"))
    plots = [QtLossPlot(), QtGradientsPlot(), QtActivationsPlot()]
    for plot in plots:
        qtbot.addWidget(plot)
        plot.show()
        controller.add_panel(plot)
    try:
        qtbot.waitUntil(lambda: all(p.refresh_count > 0 for p in plots), timeout=TIMEOUT_MS)
        for plot in plots:
            assert plot.hint_visible and "Step" in plot.hint.text()
    finally:
        controller.shutdown()


def test_hidden_plots_cost_nothing_and_catch_up_when_shown(qtbot):
    controller = TrainingController(document_of("xor_learn"))
    plot = QtLossPlot()
    qtbot.addWidget(plot)
    controller.add_panel(plot)  # never shown yet
    try:
        controller.step(5)
        qtbot.waitUntil(lambda: _step(controller) == 5, timeout=TIMEOUT_MS)
        qtbot.wait(100)
        assert plot.refresh_count == 0
        plot.show()
        qtbot.waitUntil(lambda: plot.refresh_count > 0, timeout=TIMEOUT_MS)
        assert len(plot.curves["loss"].getData()[0]) == 5
    finally:
        controller.shutdown()


def test_the_boundary_is_predicted_only_while_its_plot_is_shown(qtbot):
    controller = TrainingController(document_of("xor_learn"))
    plot = QtBoundaryPlot()
    qtbot.addWidget(plot)
    controller.add_panel(plot)  # hidden: the training process need not predict the grid
    try:
        controller.step(5)
        qtbot.waitUntil(lambda: _step(controller) == 5, timeout=TIMEOUT_MS)
        qtbot.wait(100)
        assert controller.session.snapshot().boundary is None
        plot.show()
        qtbot.waitUntil(lambda: controller.session.snapshot().boundary is not None, timeout=5000)
        qtbot.waitUntil(lambda: plot.refresh_count > 0 and not plot.hint_visible, timeout=5000)
        plot.hide()
        controller.step(5)
        qtbot.waitUntil(lambda: _step(controller) == 10, timeout=TIMEOUT_MS)
        qtbot.waitUntil(lambda: controller.session.snapshot().boundary is None, timeout=5000)
    finally:
        controller.shutdown()


def synthetic_feed(history: MetricsHistory, serial: int = 1) -> PlotFeed:
    class Snap:
        pass

    snap = Snap()
    snap.serial, snap.record, snap.params, snap.boundary = serial, None, None, None
    layers = (LayerInfo("h", "Dense", "sigmoid", 4, False),)
    return PlotFeed(snap, history, history.version, None, layers, 1, None)


def test_a_million_steps_stay_a_few_hundred_points(qtbot):
    history = MetricsHistory(HISTORY_POINTS)  # as the workbench's sessions keep them
    steps = np.arange(1_000_000)
    for i in steps[::10]:  # 100,000 appends reach step 999,990
        history.extend(int(i), {"loss": 1.0 / (1 + i), "grad_norm/h": 1.0})
    plot, grads = QtLossPlot(), QtGradientsPlot()
    for p in (plot, grads):
        qtbot.addWidget(p)
        p.show()
        p.refresh(synthetic_feed(history))
    x, _y = plot.curves["loss"].getData()
    assert len(x) <= history.series("loss")[0].size <= HISTORY_POINTS + 1
    assert x[-1] >= 990_000, "the end of the run is still there (to within one bucket)"
    assert len(grads.curves["h"].getData()[0]) <= HISTORY_POINTS + 1


def test_nan_losses_are_never_plotted(qtbot):
    history = MetricsHistory()
    for i, value in enumerate([0.5, 0.4, float("nan"), float("inf"), 0.3]):
        history.extend(i, {"loss": value})
    plot = QtLossPlot()
    qtbot.addWidget(plot)
    plot.show()
    plot.refresh(synthetic_feed(history))
    _x, y = plot.curves["loss"].getOriginalDataset()
    assert all(math.isfinite(v) for v in y)
    assert list(y) == [0.5, 0.4, 0.3]


@contextlib.contextmanager
def diverged_loss_plot(qtbot):
    """A loss plot beside the exploding-gradients example, run until it diverged."""
    controller = TrainingController(document_of("exploding_gradients"))
    plot = QtLossPlot()
    qtbot.addWidget(plot)
    plot.resize(500, 350)
    plot.show()
    controller.add_panel(plot)
    try:
        controller.run()
        qtbot.waitUntil(lambda: controller.state == "diverged", timeout=TIMEOUT_MS)
        controller.flush()
        yield controller, plot
    finally:
        controller.shutdown()


def test_after_a_blow_up_the_legend_gives_each_curve_its_own_last_value(qtbot):
    """Exploding gradients: the header once said "training 548.1" while the curve stood at
    1e+122; every entry now carries the last value of the curve it names."""
    with diverged_loss_plot(qtbot) as (controller, plot):
        history = controller.session.history
        for name, label in (("loss", "batch"), ("train_loss", "training")):
            x, y = plot.curves[name].getOriginalDataset()
            assert y[-1] == history.last(name)[1]
            assert f"{label} {y[-1]:.4g}" in plot.readout


def test_a_run_that_diverged_at_step_2_is_marked_there_and_shows_on_a_log_step_axis(qtbot):
    """Exploding gradients: the "diverged" line stood at x = 1 while the message said step 2,
    and with log step the plot was empty (one point per curve left, no line to draw)."""
    with diverged_loss_plot(qtbot) as (controller, plot):
        step = controller.session.history.events()[0][0]
        assert f"diverged at step {step:g}:" in controller.session.snapshot().message
        assert [m.value() for m in plot._markers if m.isVisible()] == [step]
        plot.log_steps_box.setChecked(True)
        controller.flush()
        assert [m.value() for m in plot._markers if m.isVisible()] == [math.log10(step)]
        for name in ("loss", "train_loss"):
            x, _y = plot.curves[name].getData()
            drawn = [value for value in x if np.isfinite(value)]
            dots = plot._dots.get(name)
            assert len(drawn) >= 2 or (drawn and dots is not None and len(dots.data)), name


def test_a_log_step_axis_spans_the_run_in_decades(trained):
    controller, plots = trained
    loss = plots[QtLossPlot]
    loss.log_steps_box.setChecked(True)
    controller.flush()
    lo, hi = loss.loss_plot.viewRange()[0]
    assert (lo, hi) == (0.0, 2.0)  # 30 steps: decades 1 … 100
    ticks = loss.loss_plot.getAxis("bottom")._tickLevels[0]
    assert [label for _pos, label in ticks] == ["1", "2", "5", "10", "20", "50", "100"]
    x, _ = loss.curves["loss"].getOriginalDataset()
    assert x[-1] == 29  # steps are counted from 0 in the history
    loss.log_steps_box.setChecked(False)
    controller.flush()
    assert loss.loss_plot.viewRange()[0] == [0.0, 50.0]


def test_the_boundary_colouring_fills_the_axes(trained):
    controller, plots = trained
    boundary = plots[QtBoundaryPlot]
    boundary.resize(700, 300)  # a wide dock: the axes must not widen past the grid
    controller.flush()
    x0, x1, y0, y1 = controller.data.grid.extent
    (vx0, vx1), (vy0, vy1) = boundary.plot.viewRange()
    assert (vx0, vx1, vy0, vy1) == pytest.approx((x0, x1, y0, y1))
    rect = boundary.image.mapRectToParent(boundary.image.boundingRect())
    assert (rect.left(), rect.right()) == pytest.approx((x0, x1))


def test_activation_rows_are_named_inside_the_plot_so_the_histograms_get_the_width(trained):
    """At a dock's width (360 px at 1280×800) the histograms span nearly all of it: the rows'
    names and dead/saturated fractions sit inside the plot, not on axes beside it."""
    controller, plots = trained
    plot = plots[QtActivationsPlot]
    plot.resize(360, 260)
    controller.flush()
    data_width = plot.plot.getViewBox().width()
    assert data_width >= 0.8 * plot.canvas.width()
    assert plot.names["h"].toPlainText() == "h · tanh"
    assert plot.names["y"].toPlainText() == "y (output) · sigmoid"
    assert plot.notes["h"].toPlainText().startswith("saturated ")
    (x0, x1), _ = plot.plot.getViewBox().viewRange()
    assert plot.names["h"].pos().x() == x0 and plot.notes["h"].pos().x() == x1


def test_the_loss_legend_has_a_row_of_its_own_and_the_controls_stay_put(qtbot, trained):
    """In a narrow dock (1024 × 640) the legend wraps under the controls instead of stacking
    four lines high beside them and pushing the check boxes down as it fills in."""
    from PySide6.QtCore import QPoint

    controller, plots = trained
    loss = plots[QtLossPlot]
    loss.resize(320, 230)
    controller.flush()
    qtbot.waitUntil(lambda: "acc" in loss.readout, timeout=TIMEOUT_MS)
    loss.layout().activate()
    below = loss.legend.mapTo(loss, QPoint(0, 0)).y()
    box = loss.log_box.mapTo(loss, QPoint(0, 0)).y()
    assert below > box + loss.log_box.height() - 2
    assert loss.legend.width() >= 0.9 * loss.width()
    assert loss.legend.height() <= 3 * loss.legend.fontMetrics().lineSpacing()


def test_log_axis_labels_between_decades_are_a_level_the_axis_may_drop():
    from dlsim.engine.views.axes import log_ticks
    from dlsim.ui.plots.base import decades_first

    major, minor = decades_first(log_ticks(-2, 0))
    assert [label for _p, label in major] == ["0.01", "0.1", "1"]
    assert [label for _p, label in minor] == ["0.02", "0.05", "0.2", "0.5"]
    major, minor = decades_first(log_ticks(-6, 3, fine=False))
    assert minor == [] and len(major) >= 4


def test_the_step_axis_spans_the_run_after_a_classifier_was_shown(qtbot):
    """XOR, then the Exploding gradients example (regression): the loss plot's steps ended at
    1.52 instead of 2, the curve's end off the plot — the accuracy plot, removed but still
    linked to the loss plot with its old width, pulled the step axis."""
    from dataclasses import replace

    class Data:
        def __init__(self, task):
            self.task = task

    plot = QtLossPlot()
    qtbot.addWidget(plot)
    plot.resize(500, 350)
    plot.show()
    plot.refresh(replace(synthetic_feed(MetricsHistory()), dataset=Data("binary")))  # XOR, no step
    qtbot.wait(20)
    regression = MetricsHistory()
    regression.extend(0, {"loss": 2.7})
    regression.extend(1, {"loss": 18.9})
    plot.refresh(replace(synthetic_feed(regression, serial=2), dataset=Data("regression")))
    qtbot.wait(20)
    (x0, x1), _ = plot.loss_plot.getViewBox().viewRange()
    assert (x0, x1) == (0.0, 2.0)
