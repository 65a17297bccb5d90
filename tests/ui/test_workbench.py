"""The training workbench as a user drives it: run, pause, step, reset, change settings while
training, divergence, engine errors, comparisons, and closing the window mid-run."""

from __future__ import annotations

import math
import multiprocessing
import threading
from types import SimpleNamespace

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.teaching.comparisons import optimizer_comparison
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.document import Document
from dlsim.ui.panels.run_controls import RunControls
from dlsim.ui.plots.compare import QtComparePlot
from dlsim.ui.training_controller import (
    GRAPH_EDIT_NOTE,
    RESTARTED_NOTE,
    TrainingController,
)
from dlsim.ui.training_view import BOUNDARY_RESOLUTION

EXAMPLES = resources.examples_dir()
TIMEOUT_MS = 10_000


def load(doc: Document, name: str) -> None:
    doc.load_dict(read_document(EXAMPLES / f"{name}.dlsim"), base_dir=EXAMPLES)


@pytest.fixture
def document(qtbot) -> Document:
    doc = Document()
    load(doc, "xor_learn")
    return doc


@pytest.fixture
def controller(document, qtbot):
    c = TrainingController(document)
    qtbot.waitUntil(lambda: c.session.snapshot() is not None, timeout=TIMEOUT_MS)
    yield c
    c.shutdown()


@pytest.fixture
def controls(controller, qtbot) -> RunControls:
    controls = RunControls(controller)
    qtbot.addWidget(controls.toolbar)
    return controls


def snap(controller):
    """The latest snapshot; a blank one (step -1) until the training process sent its first."""
    return controller.session.snapshot() or _BLANK


_BLANK = SimpleNamespace(step=-1, state="starting", params=None)


def wait_paused_at(qtbot, controller, step: int) -> None:
    def done() -> bool:
        s = snap(controller)
        return s is not None and s.step == step and controller.state == "paused"

    qtbot.waitUntil(done, timeout=TIMEOUT_MS)


def session_workers() -> list[str]:
    """The training processes still alive, and the threads that listen to them."""
    processes = [p.name for p in multiprocessing.active_children()]
    threads = [t.name for t in threading.enumerate()]
    return [name for name in processes + threads if name.startswith("dlsim-session")]


# --- run, pause, step ---------------------------------------------------------------------------


def test_step_actions_advance_the_counter_exactly(qtbot, controller, controls):
    controls.step_action.trigger()
    wait_paused_at(qtbot, controller, 1)
    controls.step10_action.trigger()
    wait_paused_at(qtbot, controller, 11)
    controls.step100_action.trigger()
    wait_paused_at(qtbot, controller, 111)
    qtbot.waitUntil(lambda: controls.step_label.text() == "step 111", timeout=TIMEOUT_MS)


def control_geometry(controls: RunControls) -> list[tuple[int, int]]:
    bar = controls.toolbar
    return [(bar.widgetForAction(a).x(), bar.widgetForAction(a).width()) for a in bar.actions()]


def test_run_then_pause_stops_the_counter(qtbot, controller, controls):
    controls.toolbar.show()
    before = control_geometry(controls)
    controls.run_action.trigger()
    qtbot.waitUntil(lambda: snap(controller).step > 20, timeout=TIMEOUT_MS)
    assert controls.run_action.text() == "Pause"
    qtbot.waitUntil(lambda: controls.step_label.text() != "step 0", timeout=TIMEOUT_MS)
    assert control_geometry(controls) == before, "Pause and the counters moved no button"
    controls.run_action.trigger()
    qtbot.waitUntil(lambda: snap(controller).state == "paused", timeout=TIMEOUT_MS)
    stopped_at = snap(controller).step
    qtbot.wait(200)
    assert snap(controller).step == stopped_at, "no step after a pause"
    qtbot.waitUntil(
        lambda: controls.step_label.text() == f"step {stopped_at:,}", timeout=TIMEOUT_MS
    )
    assert controls.run_action.text() == "Run"


def test_a_slow_speed_holds_training_back(qtbot, controller):
    controller.set_speed(10.0)
    controller.run()
    qtbot.wait(500)
    controller.pause()
    qtbot.waitUntil(lambda: snap(controller).state == "paused", timeout=TIMEOUT_MS)
    assert 1 <= snap(controller).step <= 15, "about 10 steps per second for half a second"


# --- settings while training --------------------------------------------------------------------


def test_a_learning_rate_changed_while_running_reaches_the_engine(qtbot, controller, document):
    controller.run()
    qtbot.waitUntil(lambda: snap(controller).step > 10, timeout=TIMEOUT_MS)
    moving = snap(controller)
    qtbot.waitUntil(lambda: snap(controller).step > moving.step + 10, timeout=TIMEOUT_MS)
    assert not np.array_equal(snap(controller).params["h"]["W"], moving.params["h"]["W"])
    optimizer = {**document.training["optimizer"], "lr": 0.0}
    document.set_training({"optimizer": optimizer}, "Set learning rate to 0")
    earlier = [snap(controller)]

    def frozen() -> bool:
        """Weights equal to those of a snapshot at least 10 steps before."""
        now, before = snap(controller), earlier[0]
        if now.step < before.step + 10:
            return False
        earlier[0] = now
        return all(np.array_equal(now.params[n]["W"], before.params[n]["W"]) for n in ("h", "y"))

    qtbot.waitUntil(frozen, timeout=TIMEOUT_MS)
    assert controller.state == "running", "a hyper-parameter change does not stop training"


def test_reset_with_the_same_seed_reproduces_the_first_loss(qtbot, controller):
    controller.step(1)
    wait_paused_at(qtbot, controller, 1)
    first = controller.session.history.series("loss")[1][0]
    controller.step(50)
    wait_paused_at(qtbot, controller, 51)
    controller.reset()
    qtbot.waitUntil(lambda: snap(controller).step == 0, timeout=TIMEOUT_MS)
    controller.step(1)
    wait_paused_at(qtbot, controller, 1)
    assert controller.session.history.series("loss")[1][0] == first
    # and it is the first loss of the file run headless
    headless = Experiment(read_document(EXAMPLES / "xor_learn.dlsim")).step().loss
    assert first == headless


def test_switching_to_float32_trains_in_float32(qtbot, controller, document):
    controller.step(5)
    wait_paused_at(qtbot, controller, 5)
    document.set_training({"dtype": "float32"}, "Use float32")
    controller.step(5)
    wait_paused_at(qtbot, controller, 10)
    assert snap(controller).params["h"]["W"].dtype == np.float32


def test_reset_while_running_goes_back_to_step_zero(qtbot, controller, controls):
    controller.run()
    qtbot.waitUntil(lambda: snap(controller).step > 30, timeout=TIMEOUT_MS)
    controls.reset_action.trigger()
    qtbot.waitUntil(
        lambda: snap(controller).step == 0 and controller.state == "idle", timeout=TIMEOUT_MS
    )
    qtbot.waitUntil(lambda: controls.step_label.text() == "step 0", timeout=TIMEOUT_MS)
    assert controller.session.history.last("loss") is None, "the history starts again"


def test_editing_the_graph_while_running_pauses_rebuilds_and_says_so(qtbot, controller, document):
    messages = []
    controller.message_changed.connect(lambda text, node, level: messages.append(text))
    controller.run()
    qtbot.waitUntil(lambda: snap(controller).step > 20, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(controller.network_rebuilt, timeout=TIMEOUT_MS):
        document.set_node_params("h", {"activation": "relu"})
    assert controller.state == "paused"
    assert GRAPH_EDIT_NOTE in messages
    assert {layer.node_id: layer.activation for layer in controller.layers}["h"] == "relu"
    qtbot.waitUntil(lambda: snap(controller).state == "paused", timeout=TIMEOUT_MS)
    assert snap(controller).step > 20, "the step count goes on"


def test_a_rebuild_keeps_the_weights_of_unchanged_layers_only(qtbot, controller, document):
    controller.step(30)
    wait_paused_at(qtbot, controller, 30)
    trained = snap(controller).params
    document.set_node_params("h", {"kernel_initializer": "he_normal"})
    qtbot.waitUntil(lambda: snap(controller).params is not trained, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: snap(controller).step == 30, timeout=TIMEOUT_MS)
    now = snap(controller).params
    np.testing.assert_array_equal(now["y"]["W"], trained["y"]["W"])
    assert not np.array_equal(now["h"]["W"], trained["h"]["W"]), "the edited layer starts anew"


def test_a_new_activation_keeps_the_layers_trained_weights(qtbot, controller, document):
    # The same rule as undo/redo (nn.weight_carry): an activation does not decide the weights.
    controller.step(30)
    wait_paused_at(qtbot, controller, 30)
    trained = snap(controller).params
    document.set_node_params("h", {"activation": "relu"})
    qtbot.waitUntil(lambda: snap(controller).params is not trained, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: snap(controller).step == 30, timeout=TIMEOUT_MS)
    now = snap(controller).params
    for nid in ("h", "y"):
        np.testing.assert_array_equal(now[nid]["W"], trained[nid]["W"])


def test_moving_a_node_does_not_interrupt_training(qtbot, controller, document):
    controller.run()
    qtbot.waitUntil(lambda: snap(controller).step > 10, timeout=TIMEOUT_MS)
    document.move_nodes({"h": (500.0, 300.0)})
    qtbot.wait(100)
    assert controller.state == "running"


# --- things going wrong -------------------------------------------------------------------------


def divergent_document() -> Document:
    """A linear regression with a learning rate a thousand times too large."""
    doc = Document()
    doc.load_dict(
        {
            "format": "dlsim",
            "version": 1,
            "graph": {
                "nodes": [
                    {"id": "x", "type": "Input", "params": {"units": 1}},
                    {"id": "y", "type": "Dense", "params": {"units": 1}},
                ],
                "edges": [{"from": "x", "to": "y"}],
            },
            "training": {
                "dataset": {"type": "regression_1d"},
                "loss": "mse",
                "optimizer": {"type": "sgd", "lr": 100.0},
            },
        }
    )
    return doc


def test_a_huge_learning_rate_pauses_with_a_plain_message(qtbot):
    from dlsim.ui.plots.loss import QtLossPlot

    controller = TrainingController(divergent_document())
    plot = QtLossPlot()
    qtbot.addWidget(plot)
    plot.show()
    controller.add_panel(plot)
    try:
        controller.run()
        qtbot.waitUntil(lambda: controller.state == "diverged", timeout=TIMEOUT_MS)
        message = controller.message
        assert "diverged at step" in message
        assert "learning rate" in message and "clipping" in message
        qtbot.waitUntil(lambda: plot.refresh_count > 0 and not plot.hint_visible)
        qtbot.wait(100)
        for curve in plot.curves.values():
            _x, y = curve.getOriginalDataset()
            assert y is None or all(math.isfinite(v) for v in y), "no NaN/inf is plotted"
    finally:
        controller.shutdown()


def test_an_engine_error_is_tied_to_its_node_and_the_app_stays_usable(qtbot, controller, document):
    seen = []
    controller.message_changed.connect(lambda text, node, level: seen.append((text, node)))
    # Iris has 4 features; the XOR network's Input layer 'x' has 2 units
    document.set_training({"dataset": {"type": "iris"}}, "Use Iris")
    qtbot.waitUntil(lambda: controller.state == "error", timeout=TIMEOUT_MS)
    text, node = seen[-1]
    assert node == "x" and "4 features" in text
    document.undo_stack.undo()
    controller.step(5)
    wait_paused_at(qtbot, controller, 5)


def test_an_unbuildable_graph_refuses_to_run_with_a_reason(qtbot, controller, document):
    statuses = []
    controller.status_message.connect(statuses.append)
    document.disconnect("h", "y")
    assert controller.build_error is not None
    controller.run()
    assert statuses and "cannot be trained" in statuses[-1]
    document.undo_stack.undo()
    assert controller.build_error is None
    controller.step(3)
    wait_paused_at(qtbot, controller, 3)


# --- comparisons --------------------------------------------------------------------------------


def test_comparing_two_optimizers_gives_two_labelled_curves(qtbot, controller):
    plot = QtComparePlot()
    qtbot.addWidget(plot)
    plot.show()
    controller.add_panel(plot)
    controller.start_comparison(optimizer_comparison("sgd", "adam"), 200)
    qtbot.waitUntil(
        lambda: all(
            s.snapshot() and s.snapshot().step == 200 for _l, s in controller.comparison_sessions
        ),
        timeout=TIMEOUT_MS,
    )
    qtbot.waitUntil(lambda: "Done" in plot.status.text(), timeout=TIMEOUT_MS)
    assert [label for label, _s in controller.comparison_sessions] == ["SGD", "Adam"]
    assert len(plot.curves) == 2
    for curve in plot.curves:
        x, _y = curve.getData()
        assert len(x) == 200
    assert "SGD" in plot.status.text() and "Adam" in plot.status.text()


def test_comparison_runs_start_from_the_same_weights(qtbot, controller):
    # The first step's loss is measured before any update, so runs that start from the same
    # weights on the same data report the same first loss, whatever their optimizer.
    controller.start_comparison("optimizers", 3)
    qtbot.waitUntil(
        lambda: all(
            s.snapshot() and s.snapshot().step == 3 for _l, s in controller.comparison_sessions
        ),
        timeout=TIMEOUT_MS,
    )
    first = [s.history.series("loss")[1][0] for _l, s in controller.comparison_sessions]
    headless = Experiment(read_document(EXAMPLES / "xor_learn.dlsim")).step().loss
    assert first == [headless] * 3
    # momentum's first update equals SGD's (its buffer starts as the gradient); the second not
    third = [s.history.series("loss")[1][2] for _l, s in controller.comparison_sessions]
    assert len(set(third)) == 3, "after two updates the three optimizers have parted ways"


# --- saving and closing -------------------------------------------------------------------------


def test_saving_after_training_writes_the_trained_weights(qtbot, controller, document, tmp_path):
    document.set_weights_provider(controller.current_weights)
    controller.step(40)
    wait_paused_at(qtbot, controller, 40)
    document.save(tmp_path / "trained.dlsim")
    saved = read_document(tmp_path / "trained.dlsim")
    np.testing.assert_array_equal(saved["weights"]["h"]["W"], snap(controller).params["h"]["W"])


def test_undo_and_redo_back_to_the_saved_state_give_the_saved_weights(
    qtbot, controller, document, tmp_path
):
    """Issue 10 #5: clean means equal to the file, trained weights included, whatever the
    training process holds after the undo and the redo."""
    document.set_weights_provider(controller.current_weights)
    controller.step(20)
    wait_paused_at(qtbot, controller, 20)
    document.set_node_params("h", {"units": 3})  # h and y start afresh, the step count goes on
    qtbot.waitUntil(lambda: snap(controller).params["h"]["W"].shape == (2, 3), timeout=TIMEOUT_MS)
    controller.step(20)
    wait_paused_at(qtbot, controller, 40)
    document.save(tmp_path / "saved.dlsim")
    saved = read_document(tmp_path / "saved.dlsim")
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert not document.is_dirty
    assert controller.session.wait_idle(timeout=TIMEOUT_MS / 1000)
    qtbot.waitUntil(lambda: snap(controller).params["h"]["W"].shape == (2, 3), timeout=TIMEOUT_MS)
    assert document.to_dict() == saved


def test_closing_the_window_while_training_stops_the_worker(qtbot):
    from dlsim.ui.main_window import MainWindow
    from dlsim.ui.workbench import install_workbench

    window = MainWindow()
    window.remember_layout = False
    bench = install_workbench(window)
    load(window.document, "xor_learn")
    window.show()
    qtbot.waitExposed(window)
    bench.controller.run()
    qtbot.waitUntil(lambda: snap(bench.controller).step > 50, timeout=TIMEOUT_MS)
    assert session_workers()
    window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not session_workers(), timeout=TIMEOUT_MS)
    assert not bench.controller.timer.isActive()


# --- the whole workbench in the editor's window -------------------------------------------------


@pytest.fixture
def window(qtbot):
    from dlsim.ui.main_window import MainWindow
    from dlsim.ui.workbench import install_workbench

    win = MainWindow()
    win.remember_layout = False
    install_workbench(win)
    load(win.document, "xor_learn")
    win.workbench.run_controls.set_pace(None)  # these tests count steps, not watch them
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()
    win.close()


def test_a_newcomer_trains_on_a_spiral_and_swaps_sigmoid_for_relu(qtbot, window):
    bench = window.workbench
    controller, panel, doc = bench.controller, bench.training_panel, window.document
    boundary = bench.plots["boundary"]
    gradients = bench.plots["gradients"]
    qtbot.waitUntil(lambda: boundary.isVisible() and gradients.isVisible(), timeout=TIMEOUT_MS)
    # a 2-D spiral from the Training dock, sigmoid hidden units from the inspector's model
    panel.dataset_type.activated.emit(panel.dataset_type.findData("spiral"))
    doc.set_node_params("h", {"units": 16, "activation": "sigmoid"})
    controller.step(200)
    wait_paused_at(qtbot, controller, 200)
    controller.flush()
    first = boundary.image.image.copy()
    assert first.shape == (BOUNDARY_RESOLUTION, BOUNDARY_RESOLUTION)
    controller.run()
    qtbot.waitUntil(lambda: snap(controller).step > 800, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(controller.network_rebuilt, timeout=TIMEOUT_MS):
        doc.set_node_params("h", {"activation": "relu"})  # while running
    assert controller.state == "paused"
    assert GRAPH_EDIT_NOTE in panel.banner.text
    qtbot.waitUntil(lambda: snap(controller).state == "paused", timeout=TIMEOUT_MS)
    at_switch = snap(controller).step
    controller.step(300)
    wait_paused_at(qtbot, controller, at_switch + 300)
    controller.flush()
    assert not np.array_equal(boundary.image.image, first), "the boundary has moved"
    x, _y = gradients.curves["h"].getOriginalDataset()
    assert x[0] == 0, "one gradient history across the switch, from the first step"
    assert controller.session.history.last("grad_norm/h")[0] == at_switch + 299


def test_an_error_banner_offers_to_show_the_layer(qtbot, window):
    bench = window.workbench
    banner = bench.training_panel.banner
    window.document.set_training({"dataset": {"type": "iris"}}, "Use Iris")
    qtbot.waitUntil(lambda: bench.controller.state == "error", timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "4 features" in banner.text, timeout=TIMEOUT_MS)
    assert banner.node_id == "x"
    with qtbot.waitSignal(banner.node_requested) as blocker:
        banner.label.linkActivated.emit("node:x")
    assert blocker.args == ["x"]
    assert window.selected_node_ids() == ["x"], "the editor selects the Input layer"


def test_the_training_menu_holds_the_run_actions(window):
    menu = window.workbench.training_menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:5] == ["Run", "Step", "Step 10", "Step 100", "Reset"]
    assert any("Comparison" in t for t in texts)


def test_a_training_process_that_dies_shows_an_error_and_the_window_goes_on(qtbot, controller):
    import os
    import signal

    controller.run()
    qtbot.waitUntil(lambda: snap(controller).step > 20, timeout=TIMEOUT_MS)
    controller.pause()
    controller.run()  # commands the dead process will never answer
    os.kill(controller.session.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: controller.state == "error", timeout=TIMEOUT_MS)
    assert controller.message.startswith("The training process stopped unexpectedly")
    notes = []
    controller.status_message.connect(notes.append)
    controller.step(3)  # a new training process, from the document
    wait_paused_at(qtbot, controller, 3)
    assert notes == [RESTARTED_NOTE]


def test_a_plot_that_keeps_failing_does_not_stop_the_others(qtbot, controller):
    from dlsim.ui.plots.loss import QtLossPlot

    plots = [QtLossPlot(), QtLossPlot()]
    for plot in plots:
        qtbot.addWidget(plot)
        plot.show()
        controller.add_panel(plot)

    def broken(feed):
        raise RuntimeError("a bug in one plot")

    plots[0].refresh = broken
    with qtbot.capture_exceptions() as errors:
        controller.run()
        qtbot.waitUntil(lambda: plots[1].refresh_count > 3, timeout=5000)
        controller.shutdown()  # no more ticks, so no more errors after this block
    assert errors and all(str(e[1]) == "a bug in one plot" for e in errors)


def test_a_run_stuck_at_chance_says_so_with_what_to_try(qtbot):
    """One zero-started sigmoid layer at a negligible rate: the output stays 0.5, the accuracy
    at chance; after STALL_STEPS the banner says why (one layer draws a straight line)."""
    from dlsim.engine.live.stall import STALL_STEPS
    from dlsim.engine.training.settings import NEW_DIAGRAM_TRAINING, normalize_training

    doc = Document()
    doc.new()
    assert doc.training == normalize_training(NEW_DIAGRAM_TRAINING)
    x = doc.add_node("Input", {"units": 2}, (0.0, 0.0))
    doc.add_node(
        "Dense",
        {"units": 1, "activation": "sigmoid", "kernel_initializer": "zeros"},
        (220.0, 0.0),
        source=x,
    )
    doc.set_training({"optimizer": {"type": "sgd", "lr": 1e-9}}, "a rate that learns nothing")
    controller = TrainingController(doc)
    try:
        qtbot.waitUntil(lambda: controller.session.snapshot() is not None, timeout=TIMEOUT_MS)
        controller.run()
        qtbot.waitUntil(lambda: snap(controller).step > STALL_STEPS + 50, timeout=TIMEOUT_MS)
        qtbot.waitUntil(lambda: controller.message is not None, timeout=TIMEOUT_MS)
        assert "no better than always guessing" in controller.message
        assert "straight boundary" in controller.message
    finally:
        controller.shutdown()


def test_every_plot_has_a_dock_a_learner_can_bring_forward(qtbot, window):
    bench = window.workbench
    for key, plot in bench.plots.items():
        dock = bench.docks[key]
        assert dock.widget() is plot, key
        dock.raise_()
        qtbot.waitUntil(plot.isVisible, timeout=TIMEOUT_MS)


def test_iris_brings_the_confusion_tab_forward_and_2d_data_the_boundary(qtbot, window):
    """Iris (4 inputs, 3 classes) has no decision boundary to draw: its tab group shows the
    Confusion matrix instead of a "2-D only" note; a 2-D example, or a curve, shows the boundary
    again, and a tab the learner chose stays in front."""
    from dlsim.ui.workbench import in_front

    docks = window.workbench.docks
    qtbot.waitUntil(lambda: in_front(docks["boundary"]), timeout=TIMEOUT_MS)
    assert window.open_example("iris_keras")
    qtbot.waitUntil(lambda: in_front(docks["confusion"]), timeout=TIMEOUT_MS)
    assert not in_front(docks["boundary"])
    assert window.open_example("xor_learn")
    qtbot.waitUntil(lambda: in_front(docks["boundary"]), timeout=TIMEOUT_MS)
    assert not in_front(docks["confusion"])
    docks["activations"].raise_()
    qtbot.waitUntil(lambda: in_front(docks["activations"]), timeout=TIMEOUT_MS)
    assert window.open_example("iris_keras")
    assert window.open_example("xor_gates")
    assert in_front(docks["activations"])
    window.reset_layout_action.trigger()
    qtbot.waitUntil(lambda: in_front(docks["boundary"]), timeout=TIMEOUT_MS)
    assert window.open_example("iris_keras")
    qtbot.waitUntil(lambda: in_front(docks["confusion"]), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "setosa" in window.workbench.plots["confusion"].caption.text())
    # a curve (one input, one output): the boundary draws it; the matrix would be a note, and
    # Iris's accuracies stayed in its caption
    assert window.open_example("exploding_gradients")
    qtbot.waitUntil(lambda: in_front(docks["boundary"]), timeout=TIMEOUT_MS)
    docks["confusion"].raise_()
    qtbot.waitUntil(lambda: window.workbench.plots["confusion"].hint_visible, timeout=TIMEOUT_MS)
    assert window.workbench.plots["confusion"].caption.text() == ""


def test_a_comparison_curve_on_top_of_another_is_dashed_so_both_show(qtbot):
    """Weight initialization: zeros and small uniform both sit at ln 2, and the second hid the
    first (three curves for a legend of four)."""
    import numpy as np
    from PySide6.QtCore import Qt

    from dlsim.ui.plots.base import ComparisonRun, PlotFeed

    class Series:
        def __init__(self, y):
            self.y = np.asarray(y, dtype=float)

        def series(self, _name):
            return np.arange(1, len(self.y) + 1, dtype=float), self.y

    flat = [np.log(2)] * 50
    falling = list(np.geomspace(0.7, 0.01, 50))
    runs = tuple(
        ComparisonRun(label, Series(y), "done", 50)
        for label, y in (("zeros", flat), ("uniform", flat), ("he_normal", falling))
    )
    plot = QtComparePlot()
    qtbot.addWidget(plot)
    plot.draw(PlotFeed(None, None, 0, None, (), 0, None, comparison=runs, comparison_version=1))
    styles = [curve.opts["pen"].style() for curve in plot.curves]
    assert styles == [Qt.PenStyle.SolidLine, Qt.PenStyle.CustomDashLine, Qt.PenStyle.SolidLine]
