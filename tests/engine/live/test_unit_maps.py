"""The neuron view's heat maps are computed in the training process: each drawn unit's activation
over the boundary grid, equal to a forward pass written out by hand, plus the last gradients."""

import numpy as np

from dlsim import resources
from dlsim.engine.live.session import TrainingSession
from dlsim.engine.live.unit_maps import grid_views
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import read_document
from dlsim.engine.views.boundary import boundary_grid
from tests.engine.helpers import chain_doc


def _xor_mlp() -> Experiment:
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    layers = [
        {"id": "h", "type": "Dense", "params": {"units": 3, "activation": "tanh"}},
        {"id": "o", "type": "Dense", "params": {"units": 1, "activation": "sigmoid"}},
    ]
    return Experiment(chain_doc(layers, 2, x, y, loss="binary_crossentropy", seed=3))


def test_a_session_publishes_each_units_map_equal_to_a_forward_pass_by_hand():
    exp = _xor_mlp()
    grid = boundary_grid(exp.dataset.x_train, 12)
    session = TrainingSession(exp)
    try:
        session.set_boundary_grid(grid.points, units=True)
        session.step(5)
        assert session.wait_idle()
        snap = session.snapshot()
    finally:
        session.close()
    assert snap.step == 5 and snap.units is not None
    p = snap.params
    h = np.tanh(grid.points @ p["h"]["W"] + p["h"]["b"])
    o = 1 / (1 + np.exp(-(h @ p["o"]["W"] + p["o"]["b"])))
    np.testing.assert_allclose(snap.units.maps["in"], grid.points, rtol=1e-6)
    np.testing.assert_allclose(snap.units.maps["h"], h, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(snap.units.maps["o"], o, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(snap.units.maps["o"], snap.boundary, rtol=1e-5)
    assert snap.units.maps["h"].dtype == np.float32


def test_the_feature_column_maps_its_terms():
    exp = Experiment(read_document(resources.examples_dir() / "features_xor.dlsim"))
    grid = boundary_grid(exp.dataset.x_train, 8)
    _boundary, units = grid_views(exp, grid.points)
    x1, x2 = grid.points[:, 0], grid.points[:, 1]
    np.testing.assert_allclose(
        units.maps["features"], np.stack([x1, x2, x1 * x2], axis=1), rtol=1e-6
    )
    assert "x" not in units.maps, "the Input is drawn as the feature column"
    assert units.grads == {}, "no gradients before the first step"


def test_gradients_are_the_last_steps():
    exp = _xor_mlp()
    exp.step()
    before = {k: v.copy() for k, v in exp.network.layers["h"].weights.items()}
    grid = boundary_grid(exp.dataset.x_train, 4)
    _boundary, units = grid_views(exp, grid.points)
    # SGD at lr 0.1: the step moved W by −0.1 · its gradient
    exp2 = _xor_mlp()
    start = exp2.network.layers["h"].weights["W"].copy()
    np.testing.assert_allclose(before["W"], start - 0.1 * units.grads["h"]["W"], rtol=1e-12)


def test_no_maps_for_a_network_too_big_to_draw():
    x = np.zeros((4, 2))
    y = np.zeros((4, 1))
    layers = [
        {"id": "wide", "type": "Dense", "params": {"units": 40}},
        {"id": "o", "type": "Dense", "params": {"units": 1}},
    ]
    exp = Experiment(chain_doc(layers, 2, x, y))
    boundary, units = grid_views(exp, boundary_grid(x + np.eye(4, 2), 4).points)
    assert boundary.shape == (16, 1) and units is None
    assert grid_views(exp, None) == (None, None)


def test_a_session_computes_maps_only_when_asked():
    exp = _xor_mlp()
    grid = boundary_grid(exp.dataset.x_train, 6)
    session = TrainingSession(exp)
    try:
        session.set_boundary_grid(grid.points)
        session.step(2)
        assert session.wait_idle()
        assert session.snapshot().boundary is not None and session.snapshot().units is None
        session.set_boundary_grid(grid.points, units=True)
        assert session.wait_idle()
        assert session.snapshot().units is not None
    finally:
        session.close()
