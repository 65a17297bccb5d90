"""The neuron view: every unit's heat map is its activation over the boundary grid (as a forward
pass by hand gives it), edges follow the weights, a typed weight or a + / − is one undoable
document edit the running session follows, other weights kept; big networks get a reason."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from dlsim import resources
from dlsim.engine.training.fileformat import read_document
from dlsim.engine.views.neurons import SHADES, edge_weights, shade_values, tile, tile_gap
from dlsim.ui.document import Document
from dlsim.ui.plots.neurons import QtNeuronPlot
from dlsim.ui.training_controller import TrainingController

EXAMPLES = resources.examples_dir()
TIMEOUT_MS = 15_000


@pytest.fixture
def shown(qtbot):
    """A controller training xor_learn (2 → 4 tanh → 1 sigmoid) and a visible neuron view."""
    made = []

    def make(name: str = "xor_learn", doc_dict: dict | None = None):
        doc = Document()
        doc.load_dict(doc_dict or read_document(EXAMPLES / f"{name}.dlsim"), base_dir=EXAMPLES)
        controller = TrainingController(doc)
        plot = QtNeuronPlot()
        plot.document = doc
        qtbot.addWidget(plot)
        plot.resize(700, 450)
        plot.show()
        controller.add_panel(plot)
        made.append(controller)
        return doc, controller, plot

    yield make
    for controller in made:
        controller.shutdown()


def steps_done(qtbot, controller, n: int, check=lambda snap: True) -> None:
    def done() -> bool:
        controller.tick()
        snap = controller.session.snapshot()
        return (
            snap is not None
            and snap.step == n
            and snap.units is not None
            and controller.state != "running"
            and check(snap)
        )

    qtbot.waitUntil(done, timeout=TIMEOUT_MS)
    controller.flush()


def test_each_tile_shows_its_units_activation_over_the_grid(qtbot, shown):
    doc, controller, plot = shown()
    controller.step(25)
    steps_done(qtbot, controller, 25)
    snap = controller.session.snapshot()
    grid = controller.data.grid
    p = snap.params
    h = np.tanh(grid.points @ p["h"]["W"] + p["h"]["b"])
    y = 1 / (1 + np.exp(-(h @ p["y"]["W"] + p["y"]["b"])))
    res = grid.resolution
    for nid, expected in (("x", grid.points), ("h", h), ("y", y)):
        levels = plot.levels[nid]
        shown = shade_values(plot.images[nid].image, levels)
        half_shade = (levels[1] - levels[0]) / (SHADES - 1) / 2
        for j in range(expected.shape[1]):
            shown_map = tile(shown, j, res).reshape(-1)
            np.testing.assert_allclose(shown_map, expected[:, j], rtol=0, atol=half_shade * 1.001)
    values = edge_weights(plot.layout_, p)
    np.testing.assert_array_equal(values[:8], p["h"]["W"].ravel())
    drawn = sum(len(curve.getData()[0]) for curve in plot.edge_curves)
    assert drawn == 2 * 12, "every weight edge is drawn once (two points a segment)"
    assert "last gradient" in plot.describe(("edge", 0))
    assert "h #1" in plot.describe(("unit", ("h", 0)))


class _Click:
    def __init__(self, pos) -> None:
        self._pos = pos
        self.accepted = False

    def button(self):
        return Qt.MouseButton.LeftButton

    def scenePos(self):  # noqa: N802 (Qt's name)
        return self._pos

    def accept(self) -> None:
        self.accepted = True


def test_clicking_an_edge_types_a_weight_the_session_follows_and_undo_restores(
    qtbot, shown, monkeypatch
):
    doc, controller, plot = shown()
    controller.step(10)
    steps_done(qtbot, controller, 10)
    before = {
        k: {n: a.copy() for n, a in v.items()}
        for k, v in controller.session.snapshot().params.items()
    }
    layout = plot.layout_
    k = layout.edge_index("h", 1, 2)
    mid = layout.edge_a[k] * 0.6 + layout.edge_b[k] * 0.4
    monkeypatch.setattr("dlsim.ui.plots.neurons.QInputDialog.getDouble", lambda *args: (2.5, True))
    click = _Click(plot.view.mapViewToScene(QPointF(*mid)))
    plot._on_scene_mouse_clicked(click)
    assert click.accepted
    assert doc.undo_stack.count() == 1 and doc.is_dirty
    assert doc.weights["h"]["W"][1][2] == 2.5
    assert doc.weights["y"]["W"] == before["y"]["W"].tolist(), "the file keeps the rest"
    steps_done(qtbot, controller, 10, lambda s: s.params["h"]["W"][1, 2] == 2.5)
    after = controller.session.snapshot().params
    expected = before["h"]["W"].copy()
    expected[1, 2] = 2.5
    np.testing.assert_array_equal(after["h"]["W"], expected)
    np.testing.assert_array_equal(after["y"]["W"], before["y"]["W"])
    doc.undo_stack.undo()
    assert doc.weights == {}, "undo gives the document its weights back"
    steps_done(qtbot, controller, 10, lambda s: s.params["h"]["W"][1, 2] != 2.5)
    np.testing.assert_array_equal(controller.session.snapshot().params["h"]["W"], before["h"]["W"])


def test_a_bias_typed_before_training_is_saved_and_where_the_run_starts(qtbot, shown, tmp_path):
    doc, controller, plot = shown()
    steps_done(qtbot, controller, 0)
    plot.set_value("y", "b", (0,), -0.75)
    assert doc.weights["y"]["b"] == [-0.75]
    doc.save(tmp_path / "edited.dlsim")
    assert read_document(tmp_path / "edited.dlsim")["weights"]["y"]["b"] == [-0.75]
    steps_done(qtbot, controller, 0, lambda s: s.params["y"]["b"][0] == -0.75)
    controller.step(1)
    steps_done(qtbot, controller, 1)
    assert controller.session.snapshot().params["y"]["b"][0] != -0.75


def test_plus_and_minus_keep_the_other_units_weights(qtbot, shown):
    doc, controller, plot = shown()
    controller.step(10)
    steps_done(qtbot, controller, 10)
    before = controller.session.snapshot().params
    plot.resize_layer("h", +1)
    assert doc.graph.nodes["h"].params["units"] == 5
    assert doc.undo_stack.count() == 1
    steps_done(qtbot, controller, 10, lambda s: s.params["h"]["W"].shape == (2, 5))
    grown = controller.session.snapshot().params
    np.testing.assert_array_equal(grown["h"]["W"][:, :4], before["h"]["W"])
    np.testing.assert_array_equal(grown["h"]["b"][:4], before["h"]["b"])
    np.testing.assert_array_equal(grown["y"]["W"][:4], before["y"]["W"])
    assert plot.images["h"].image.shape[0] == 5 * 40 + 4 * tile_gap(40)
    plot.resize_layer("h", -1)
    plot.resize_layer("h", -1)
    assert doc.graph.nodes["h"].params["units"] == 3
    steps_done(qtbot, controller, 10, lambda s: s.params["h"]["W"].shape == (2, 3))
    shrunk = controller.session.snapshot().params
    np.testing.assert_array_equal(shrunk["h"]["W"], before["h"]["W"][:, :3])
    np.testing.assert_array_equal(shrunk["y"]["W"], before["y"]["W"][:3])
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.graph.nodes["h"].params["units"] == 4 and doc.weights == {}


def test_a_network_too_big_to_draw_says_which_layer(qtbot, shown):
    doc_dict = read_document(EXAMPLES / "xor_learn.dlsim")
    for node in doc_dict["graph"]["nodes"]:
        if node["id"] == "h":
            node["params"]["units"] = 40
    _doc, controller, plot = shown(doc_dict=doc_dict)
    controller.step(2)
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=TIMEOUT_MS)
    controller.flush()
    assert plot.hint_visible
    assert "'h'" in plot.hint.text() and "40" in plot.hint.text()
    assert controller.session.snapshot().units is None, "no maps computed for it"


def test_features_xor_shows_its_feature_column(qtbot, shown):
    _doc, controller, plot = shown("features_xor")
    controller.step(5)
    steps_done(qtbot, controller, 5)
    first = plot.layout_.columns[0]
    assert first.node_id == "features" and first.names == ("x1", "x2", "x1*x2")
    texts = [item.textItem.toPlainText() for item in plot._items if hasattr(item, "textItem")]
    assert {"x1", "x2", "x1*x2"} <= set(texts)
    assert "input feature 3" in plot.describe(("unit", ("features", 2)))
    snap = controller.session.snapshot()
    grid = controller.data.grid
    levels = plot.levels["features"]
    shown = shade_values(plot.images["features"].image, levels)
    product = tile(shown, 2, grid.resolution).reshape(-1)
    half_shade = (levels[1] - levels[0]) / (SHADES - 1) / 2
    np.testing.assert_allclose(
        product, grid.points[:, 0] * grid.points[:, 1], rtol=0, atol=half_shade * 1.001
    )
    assert snap.units.maps["features"].shape == (grid.points.shape[0], 3)


def test_no_edit_while_the_diagram_cannot_be_trained(qtbot, shown, monkeypatch):
    doc, controller, plot = shown()
    controller.step(2)
    steps_done(qtbot, controller, 2)
    said = []
    monkeypatch.setattr(
        "dlsim.ui.plots.neurons.QMessageBox.information", lambda *args: said.append(args[1])
    )
    doc.disconnect("h", "y")
    controller.flush()
    assert not plot.hint_visible, "the last trained network stays on screen"
    plot.set_value("y", "b", (0,), 1.0)
    plot.resize_layer("h", +1)
    assert len(said) == 2 and doc.undo_stack.count() == 1, "only the disconnect was done"
    assert doc.graph.nodes["h"].params["units"] == 4 and doc.weights == {}


def test_a_snapshot_sharing_the_last_maps_redraws_the_edges_but_not_the_heat_maps(qtbot, shown):
    _doc, controller, plot = shown()
    controller.step(5)
    steps_done(qtbot, controller, 5)
    snap = plot.feed.snapshot
    image = plot.images["h"].image
    drawn = [len(curve.getData()[0]) for curve in plot.edge_curves]  # (−, +) per width
    params = {k: {n: -a for n, a in v.items()} for k, v in snap.params.items()}
    later = replace(snap, serial=snap.serial + 1, params=params)
    plot.refresh(replace(plot.feed, snapshot=later))
    assert plot.images["h"].image is image, "the same maps: the picture is kept"
    flipped = [len(curve.getData()[0]) for curve in plot.edge_curves]
    assert flipped == [n for pair in zip(drawn[1::2], drawn[::2], strict=True) for n in pair], (
        "every weight's sign flipped: its edge changed colour"
    )
    maps = replace(snap.units, maps={k: v.copy() for k, v in snap.units.maps.items()})
    plot.refresh(replace(plot.feed, snapshot=replace(later, serial=later.serial + 1, units=maps)))
    assert plot.images["h"].image is not image, "maps predicted anew are drawn"
