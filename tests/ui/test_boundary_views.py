"""The boundary plot beyond the plane: for data with one input and one output it draws the
network's curve over x (the training process's prediction on the x grid, equal to a forward pass
by hand); the view preferences hide the validation points and discretize the map; and in the
whole window, New and Open leave the data controls showing the new document."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.training.fileformat import read_document
from dlsim.engine.views.boundary import MAX_DRAWN_POINTS, class_labels, drawn_rows
from dlsim.engine.views.curve import CurveGrid
from dlsim.ui.document import Document
from dlsim.ui.plots.boundary import QtBoundaryPlot
from dlsim.ui.training_controller import TrainingController

EXAMPLES = resources.examples_dir()
TIMEOUT_MS = 15_000

CURVE_DOC = {
    "format": "dlsim",
    "version": 1,
    "name": "A curve",
    "graph": {
        "nodes": [
            {"id": "x", "type": "Input", "params": {"units": 1}},
            {"id": "h", "type": "Dense", "params": {"units": 8, "activation": "tanh"}},
            {"id": "y", "type": "Dense", "params": {"units": 1, "activation": "linear"}},
        ],
        "edges": [{"from": "x", "to": "h"}, {"from": "h", "to": "y"}],
    },
    "training": {
        "dataset": {"type": "regression_1d"},
        "loss": "mse",
        "optimizer": {"type": "adam", "lr": 0.05},
    },
}


def controller_with_plot(qtbot, doc_dict: dict) -> tuple[TrainingController, QtBoundaryPlot]:
    doc = Document()
    doc.load_dict(doc_dict, base_dir=EXAMPLES)
    controller = TrainingController(doc)
    plot = QtBoundaryPlot()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    controller.add_panel(plot)
    return controller, plot


def train(qtbot, controller: TrainingController, steps: int):
    controller.step(steps)

    def done() -> bool:
        snap = controller.session.snapshot()
        return (
            snap is not None
            and snap.step == steps
            and snap.boundary is not None
            and controller.state == "paused"
        )

    qtbot.waitUntil(done, timeout=TIMEOUT_MS)
    controller.flush()
    return controller.session.snapshot()


def test_the_curve_is_a_forward_pass_of_the_published_weights_on_the_x_grid(qtbot):
    controller, plot = controller_with_plot(qtbot, CURVE_DOC)
    try:
        snap = train(qtbot, controller, 40)
        grid = controller.data.grid
        assert isinstance(grid, CurveGrid) and not plot.hint_visible
        x, y = plot.curve.curve.getOriginalDataset()
        np.testing.assert_array_equal(x, grid.x)
        p = snap.params
        hidden = np.tanh(grid.points @ p["h"]["W"] + p["h"]["b"])
        by_hand = (hidden @ p["y"]["W"] + p["y"]["b"])[:, 0]
        np.testing.assert_allclose(y, by_hand, rtol=1e-12, atol=1e-12)
        data = controller.data.dataset
        shown_x, shown_y = plot.train_points.getData()
        np.testing.assert_array_equal(shown_x, data.x_train[:, 0])
        np.testing.assert_array_equal(shown_y, data.y_train[:, 0])
        assert len(plot.val_points.getData()[0]) == data.n_val
        rows = list(csv.DictReader(io.StringIO(plot.csv_text())))
        assert len(rows) == grid.resolution
        assert float(rows[7]["x"]) == grid.x[7] and float(rows[7]["output"]) == y[7]
    finally:
        controller.shutdown()


def test_a_plane_data_set_after_a_curve_gets_its_map_back(qtbot):
    controller, plot = controller_with_plot(qtbot, CURVE_DOC)
    try:
        train(qtbot, controller, 5)
        assert plot.curve.curve.isVisible() and not plot.image.isVisible()
        doc = controller.document
        doc.load_dict(read_document(EXAMPLES / "xor_learn.dlsim"), base_dir=EXAMPLES)
        train(qtbot, controller, 5)
        assert plot.image.isVisible() and not plot.curve.curve.isVisible()
        assert plot.image.image is not None and not plot.hint_visible
    finally:
        controller.shutdown()


def test_a_snapshot_that_shares_the_last_map_costs_the_plot_no_redraw(qtbot):
    controller, plot = controller_with_plot(qtbot, read_document(EXAMPLES / "xor_learn.dlsim"))
    try:
        snap = train(qtbot, controller, 5)
        feed = plot.feed
        assert feed.snapshot is snap and not plot.changed(feed)
        later = replace(snap, serial=snap.serial + 1, step=snap.step + 1)
        assert not plot.changed(replace(feed, snapshot=later)), "the map is the one drawn"
        anew = replace(later, boundary=snap.boundary.copy())
        assert plot.changed(replace(feed, snapshot=anew)), "a map predicted anew is drawn"
        assert plot.changed(replace(feed, snapshot=None)), "no run: the map goes"
    finally:
        controller.shutdown()


def test_hidden_validation_points_and_discrete_colours(qtbot):
    doc = read_document(EXAMPLES / "xor_learn.dlsim")
    doc["training"]["dataset"] = {"type": "circle", "n": 100}
    controller, plot = controller_with_plot(qtbot, doc)
    try:
        train(qtbot, controller, 20)
        assert plot.val_points.isVisible() and "validation" in plot.caption.text()
        smooth = np.unique(plot.image.image)
        assert smooth.size > 2
        plot.prefs.show_validation = False
        plot.prefs.discretize = True
        controller.flush()
        assert not plot.val_points.isVisible() and "validation" not in plot.caption.text()
        assert set(np.unique(plot.image.image)) <= {0.0, 1.0}
        expected = (controller.session.snapshot().boundary[:, 0] > 0.5).astype(float)
        np.testing.assert_array_equal(plot.image.image.ravel(), expected)
        assert controller.document.undo_stack.count() == 0, "a way of looking, not an edit"
    finally:
        plot.prefs.show_validation = True
        plot.prefs.discretize = False
        controller.shutdown()


def test_a_big_data_set_draws_a_share_of_its_points_and_says_so(qtbot):
    """80,000 points took 0.4 s of the GUI thread to draw and hid one another anyway."""
    doc = read_document(EXAMPLES / "xor_learn.dlsim")
    doc["training"]["dataset"] = {"type": "circle", "n": 20_000}
    controller, plot = controller_with_plot(qtbot, doc)
    try:
        train(qtbot, controller, 1)
        xs, _ = plot.train_points.getData()
        val_xs, _ = plot.val_points.getData()
        assert len(xs) == len(val_xs) == MAX_DRAWN_POINTS
        assert f"(at most {MAX_DRAWN_POINTS} of each drawn)" in plot.caption.text()
        data = controller.data.dataset
        drawn = class_labels(data.y_train[drawn_rows(len(data.x_train))])
        assert abs(drawn.mean() - class_labels(data.y_train).mean()) < 0.01
    finally:
        controller.shutdown()


@pytest.fixture
def window(user_window):
    return user_window


def test_new_and_open_after_data_edits_show_the_new_documents_data(qtbot, window):
    bench = window.workbench
    controls = bench.data_controls
    assert bench.plots["boundary"].controls is controls and controls.isVisibleTo(window)
    controls.picture_buttons["spiral"].click()
    controls.form.editor("noise").setValue(0.3)
    controls.regenerate_button.click()
    assert window.document.undo_stack.count() == 3
    assert bench.training_panel.dataset_form.editor("seed").value() == 1
    window.document.undo_stack.setClean()  # no "save changes?" question
    assert window.new_document()
    assert window.document.undo_stack.count() == 0
    assert [k for k, b in controls.picture_buttons.items() if b.isChecked()] == ["xor"]
    assert controls.form.editor("noise").value() == 0.1
    assert window.open_path(EXAMPLES / "iris_keras.dlsim")
    assert not any(b.isChecked() for b in controls.picture_buttons.values())
    assert not controls.regenerate_button.isEnabled()
    assert bench.controller.data.dataset.n_features == 4
