"""The loss landscape: its centre is the current loss, the two-weight surface is the loss itself,
directions are filter-normalised as Li et al. 2018 do, the path ends at the centre, and a
cancelled landscape stops and leaves the weights as they were."""

from __future__ import annotations

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.live.landscape_job import frozen
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.views.directions import filter_normalized, filter_norms, weight_labels
from dlsim.engine.views.landscape import (
    Cancelled,
    LandscapeRequest,
    checked_request,
    compute,
    grid_axis,
    project,
    shown_values,
)


def example(name: str, steps: int = 0) -> Experiment:
    exp = Experiment.load(resources.example_path(name))
    for _ in range(steps):
        exp.step()
    return exp


def two_weights(steps: int = 0) -> Experiment:
    """The AND perceptron without a bias and with sigmoid units trained by backprop: w1, w2."""
    exp = example("and_gate")
    doc = exp.to_dict()
    doc["graph"]["nodes"][1]["params"].update(use_bias=False, activation="sigmoid")
    doc["weights"] = {"y": {"W": [[0.5], [0.5]]}}
    doc["training"]["rule"] = "backprop"
    doc["training"]["optimizer"] = {"type": "sgd", "lr": 0.5}
    exp = Experiment(doc)
    for _ in range(steps):
        exp.step()
    return exp


@pytest.mark.parametrize("name", ["xor_learn", "overfitting", "iris_keras", "backprop_lecture"])
@pytest.mark.parametrize("mode", ["random", "start"])
def test_the_centre_is_the_current_loss(name: str, mode: str) -> None:
    exp = example(name, 30)
    land = compute(frozen(exp), LandscapeRequest(mode=mode, resolution=7))
    middle = land.loss.shape[0] // 2
    assert land.a[middle] == 0 and land.b[middle] == 0
    assert land.loss[middle, middle] == pytest.approx(exp.evaluate(), rel=1e-12)
    assert land.centre_loss == pytest.approx(exp.evaluate(), rel=1e-12)
    assert land.step == 30


def test_dropout_and_batchnorm_are_evaluated_in_inference_mode() -> None:
    exp = example("overfitting")
    doc = exp.to_dict()
    nodes = doc["graph"]["nodes"]
    nodes.insert(2, {"id": "bn", "type": "BatchNorm", "params": {}})
    nodes.insert(3, {"id": "drop", "type": "Dropout", "params": {"rate": 0.5}})
    first, second = nodes[1]["id"], nodes[4]["id"]
    doc["graph"]["edges"] = [
        e for e in doc["graph"]["edges"] if not (e["from"] == first and e["to"] == second)
    ] + [
        {"from": first, "to": "bn"},
        {"from": "bn", "to": "drop"},
        {"from": "drop", "to": second},
    ]
    doc["weights"] = {}
    exp = Experiment(doc)
    for _ in range(20):
        exp.step()
    land = compute(frozen(exp), LandscapeRequest(resolution=5))
    assert land.loss[2, 2] == pytest.approx(exp.evaluate(), rel=1e-12)
    again = compute(frozen(exp), LandscapeRequest(resolution=5))
    np.testing.assert_array_equal(land.loss, again.loss)  # no dropout draws in it


def test_weight_names_are_made_when_asked_for() -> None:
    """Every scalar's name in flat order, as a sequence that makes none of them up front."""
    exp = Experiment.load(resources.example_path("xor_learn"))
    names = weight_labels(exp.network)
    assert len(names) == exp.network.flat_weights.size == 17
    assert names[0] == "h.W[0,0]" and names[5] == "h.W[1,1]" and names[8] == "h.b[0]"
    assert names[-1] == "y.b[0]" and names[12:14] == ("y.W[0,0]", "y.W[1,0]")
    assert names == weight_labels(exp.network) and names != names[:-1]
    with pytest.raises(IndexError):
        names[17]


def test_two_weight_surface_is_the_loss_at_each_w1_w2() -> None:
    exp = two_weights(25)
    assert weight_labels(exp.network) == ("y.W[0,0]", "y.W[1,0]")
    land = compute(frozen(exp), LandscapeRequest(mode="weights", resolution=9, extent=2.0))
    w = exp.params()["y"]["W"].ravel()
    assert land.centre == (w[0], w[1])
    assert land.labels == ("y.W[0,0]", "y.W[1,0]")
    x, y = exp.dataset.x_train, exp.dataset.y_train
    probe = two_weights()
    for i, j in [(0, 0), (4, 4), (2, 7), (8, 1), (5, 3)]:
        w1, w2 = land.a[j], land.b[i]
        probe.network.set_weights({"y": {"W": [[w1], [w2]]}})
        assert land.loss[i, j] == pytest.approx(probe.evaluate(), rel=1e-12)
        pred = 1 / (1 + np.exp(-(x @ np.array([w1, w2]))))
        by_hand = 0.5 * np.sum((pred - y[:, 0]) ** 2) / len(x)  # half_sse per sample
        assert land.loss[i, j] == pytest.approx(by_hand, rel=1e-12)
    # the path is the run's own (w1, w2): the last point is the current weights, exactly
    np.testing.assert_array_equal(land.path[-1], w)
    assert land.off_plane == 0.0


def test_directions_are_filter_normalised() -> None:
    exp = example("iris_keras", 10)
    net = exp.network
    d = filter_normalized(net, np.random.default_rng(3))
    want = filter_norms(net, net.flat_weights.astype(float))
    got = filter_norms(net, d)
    assert set(got) == {(nid, "W") for nid in ("h1", "h2", "y")}
    for key in want:
        np.testing.assert_allclose(got[key], want[key], rtol=1e-12)
    offset = 0
    for (_nid, name), arr in net.parameters().items():
        part = d[offset : offset + arr.size]
        if arr.ndim == 1:  # biases are not moved
            assert name == "b" and not part.any()
        offset += arr.size
    other = filter_normalized(net, np.random.default_rng(4))
    assert not np.allclose(d, other)  # random: another seed, another direction


def test_batchnorm_parameters_are_not_moved() -> None:
    exp = example("xor_learn")
    doc = exp.to_dict()
    doc["graph"]["nodes"].append({"id": "bn", "type": "BatchNorm", "params": {}})
    hidden, out = doc["graph"]["nodes"][1]["id"], doc["graph"]["nodes"][2]["id"]
    doc["graph"]["edges"] = [
        {"from": doc["graph"]["nodes"][0]["id"], "to": hidden},
        {"from": hidden, "to": "bn"},
        {"from": "bn", "to": out},
    ]
    doc["weights"] = {}
    net = Experiment(doc).network
    d = filter_normalized(net, np.random.default_rng(0))
    offset = 0
    for (nid, name), arr in net.parameters().items():
        if nid == "bn":
            assert name in ("gamma", "beta") and not d[offset : offset + arr.size].any()
        offset += arr.size


@pytest.mark.parametrize("mode", ["random", "start", "weights"])
def test_the_path_ends_at_the_centre(mode: str) -> None:
    exp = two_weights(40) if mode == "weights" else example("xor_learn", 40)
    land = compute(frozen(exp), LandscapeRequest(mode=mode, resolution=5, path_points=9))
    assert land.path_steps[0] == 0 and land.path_steps[-1] == 40
    assert len(land.path_steps) == 9
    np.testing.assert_allclose(land.path[-1], land.centre, atol=1e-12)
    if mode == "start":
        np.testing.assert_allclose(land.path[0], (-1.0, 0.0), atol=1e-9)
    # a path point is the run's real weights at its step (state_at is exact)
    past = exp.state_at(int(land.path_steps[3])).network.flat_weights
    if mode == "weights":
        np.testing.assert_array_equal(land.path[3], past)


def test_projection_is_least_squares_and_says_what_it_loses() -> None:
    d1, d2 = np.array([1.0, 0.0, 0.0]), np.array([1.0, 1.0, 0.0])  # 45°, not orthogonal
    disp = np.array([[2.0, 3.0, 0.0], [1.0, 1.0, 1.0]])
    coords, lost = project(disp, d1, d2)
    np.testing.assert_allclose(coords[0], (-1.0, 3.0), atol=1e-12)
    np.testing.assert_allclose(coords[1], (0.0, 1.0), atol=1e-12)
    assert lost == pytest.approx(1 / np.sqrt(3))


def test_fitted_extent_covers_the_path() -> None:
    exp = example("xor_learn", 60)
    land = compute(frozen(exp), LandscapeRequest(mode="start", resolution=5, extent=None))
    assert land.a.min() <= land.path[:, 0].min() and land.a.max() >= land.path[:, 0].max()
    assert land.b.min() <= land.path[:, 1].min() and land.b.max() >= land.path[:, 1].max()


def test_cancel_stops_and_restores_the_weights() -> None:
    exp = example("overfitting", 5)
    copy = frozen(exp)
    before = copy.network.flat_weights.copy()
    seen: list[int] = []

    def cancelled() -> bool:
        return len(seen) >= 3

    with pytest.raises(Cancelled):
        compute(copy, LandscapeRequest(resolution=101), lambda d, t: seen.append(d), cancelled)
    assert len(seen) == 3  # it stopped at once, not after the 10⁴ points
    np.testing.assert_array_equal(copy.network.flat_weights, before)


def test_start_plane_needs_a_run_that_moved() -> None:
    with pytest.raises(DlsimError, match="not moved"):
        compute(frozen(example("xor_learn")), LandscapeRequest(mode="start", resolution=5))


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        (LandscapeRequest(mode="sideways"), "unknown landscape plane"),
        (LandscapeRequest(resolution=2), "resolution"),
        (LandscapeRequest(extent=-1.0), "extent"),
        (LandscapeRequest(mode="weights", pair=(1, 1)), "two different weights"),
    ],
)
def test_bad_requests_are_one_sentence(request_: LandscapeRequest, words: str) -> None:
    with pytest.raises(DlsimError, match=words):
        checked_request(request_)


def test_grid_axis_has_an_exact_centre_and_csv_has_every_point() -> None:
    assert grid_axis(41)[20] == 0.0 and grid_axis(41)[0] == -1.0 and grid_axis(41)[-1] == 1.0
    land = compute(frozen(example("xor_learn", 10)), LandscapeRequest(resolution=5))
    lines = land.csv_text().strip().splitlines()
    assert lines[0] == "a,b,loss,path_step,path_a,path_b"
    assert len(lines) == 1 + 25
    values, logged = shown_values(land)
    assert values.shape == (5, 5) and isinstance(logged, bool)
