"""Which trained weights survive an edit: the one rule, case by case (see nn/weight_carry.py)."""

import numpy as np
import pytest

from dlsim.engine.nn.graph import Edge, Node
from dlsim.engine.nn.graph_edits import insert_normalization, set_hidden_activation
from dlsim.engine.nn.weight_carry import carry_weights, weight_signatures
from dlsim.engine.training.experiment import Experiment
from tests.engine.helpers import chain_doc, mlp, network_weights


def test_a_resized_layer_and_its_consumer_keep_the_surviving_rows_and_columns():
    old = mlp(3, 4)
    weights = network_weights(old)
    new = old.copy()
    new.nodes["h2"].params["units"] = 5  # a unit added to h2; y reads 5 features instead of 4
    fresh = network_weights(new)
    kept = carry_weights(new, weights, old, fresh)
    assert set(kept) == {"h1", "h2", "y"}
    np.testing.assert_array_equal(kept["h1"]["W"], weights["h1"]["W"])
    np.testing.assert_array_equal(kept["h2"]["W"][:, :4], weights["h2"]["W"])
    np.testing.assert_array_equal(kept["h2"]["W"][:, 4], fresh["h2"]["W"][:, 4])
    np.testing.assert_array_equal(kept["h2"]["b"][:4], weights["h2"]["b"])
    np.testing.assert_array_equal(kept["y"]["W"][:4], weights["y"]["W"])
    np.testing.assert_array_equal(kept["y"]["W"][4], fresh["y"]["W"][4])
    np.testing.assert_array_equal(kept["y"]["b"], weights["y"]["b"])
    smaller = old.copy()
    smaller.nodes["h2"].params["units"] = 3  # the last unit removed
    kept = carry_weights(smaller, weights, old)
    np.testing.assert_array_equal(kept["h2"]["W"], weights["h2"]["W"][:, :3])
    np.testing.assert_array_equal(kept["y"]["W"], weights["y"]["W"][:3])


def test_a_resize_with_another_change_drops_the_layer():
    old = mlp(3, 4)
    new = old.copy()
    new.nodes["h2"].params["units"] = 5
    new.nodes["h2"].params["kernel_initializer"] = "he_normal"
    assert set(carry_weights(new, network_weights(old), old)) == {"h1", "y"}


def test_weights_typed_by_hand_win_over_the_carried_ones():
    x = np.random.default_rng(0).normal(size=(8, 2))
    y = x[:, :1] * 0.5
    layers = [
        {"id": "h", "type": "Dense", "params": {"units": 3, "activation": "tanh"}},
        {"id": "o", "type": "Dense", "params": {"units": 1}},
    ]
    old = Experiment(chain_doc(layers, 2, x, y))
    for _ in range(3):
        old.step()
    new = Experiment(chain_doc(layers, 2, x, y))
    new.hand_set = [("h", "W", (1, 2), 0.75), ("o", "b", (0,), -2.0), ("o", "W", (9, 0), 1.0)]
    new.continue_from(old)
    expected = old.params()
    expected["h"]["W"][1, 2] = 0.75
    expected["o"]["b"][0] = -2.0
    for nid in ("h", "o"):
        for name in ("W", "b"):
            np.testing.assert_array_equal(new.params()[nid][name], expected[nid][name])
    assert new.step_count == 3


def test_a_layer_whose_activation_changed_keeps_its_weights():
    old = mlp(3)
    weights = network_weights(old)
    new = set_hidden_activation(old, "relu")
    kept = carry_weights(new, weights, old)
    assert set(kept) == {"h1", "y"}
    np.testing.assert_array_equal(kept["h1"]["W"], weights["h1"]["W"])


def test_a_layer_whose_regularizer_changed_keeps_its_weights():
    old = mlp(3)
    new = old.copy()
    new.nodes["h1"].params["kernel_regularizer"] = {"l2": 0.01}
    assert set(carry_weights(new, network_weights(old), old)) == {"h1", "y"}


@pytest.mark.parametrize(
    ("key", "value"),
    [("kernel_initializer", "he_normal"), ("use_bias", False), ("bias_initializer", "ones")],
)
def test_a_changed_weight_deciding_parameter_drops_the_layer(key, value):
    old = mlp(3)
    new = old.copy()
    new.nodes["h1"].params[key] = value
    assert set(carry_weights(new, network_weights(old), old)) == {"y"}


def test_a_removed_layer_is_dropped_and_a_new_one_starts_fresh():
    old = mlp(3, 4)
    weights = network_weights(old)
    new = insert_normalization(old, "BatchNorm")  # new BatchNorm nodes after h1 and h2
    kept = carry_weights(new, weights, old)
    assert set(kept) == {"h1", "h2", "y"}
    shorter = mlp(3)  # h2 gone; y now reads h1 (3 features instead of 4)
    assert set(carry_weights(shorter, weights, old)) == {"h1"}


def test_without_an_old_graph_shapes_decide():
    old = mlp(3)
    weights = network_weights(old)
    assert set(carry_weights(set_hidden_activation(old, "relu"), weights)) == {"h1", "y"}
    kept = carry_weights(mlp(5), weights)
    assert set(kept) == {"y"} and set(kept["y"]) == {"b"}, "only y's bias keeps its shape"


def test_arrays_of_the_wrong_shape_or_not_finite_are_dropped():
    g = mlp(3)
    weights = network_weights(g)
    weights["h1"]["W"] = np.full_like(weights["h1"]["W"], np.nan)
    weights["y"]["W"] = np.zeros((4, 1))
    kept = carry_weights(g, weights, g)
    assert {nid: set(v) for nid, v in kept.items()} == {"h1": {"b"}, "y": {"b"}}


def test_an_invalid_graph_keeps_nothing():
    g = mlp(3)
    g.remove_edge(Edge("x", "h1"))
    assert carry_weights(g, network_weights(mlp(3))) == {}


def test_signatures_ignore_how_a_default_is_written():
    a = mlp(3)
    b = a.copy()
    b.nodes["h1"].params["use_bias"] = True  # the default, now explicit
    b.add_node(Node("extra", "Dense", {"units": 2}, (0.0, 0.0)))
    assert weight_signatures(a)["h1"] == weight_signatures(b)["h1"]


def test_training_goes_on_by_the_same_rule():
    # Experiment.continue_from (the training process's path) keeps h across an activation change.
    x = np.random.default_rng(0).normal(size=(8, 2))
    y = x[:, :1] * 0.5
    layers = [
        {"id": "h", "type": "Dense", "params": {"units": 3, "activation": "tanh"}},
        {"id": "o", "type": "Dense", "params": {"units": 1}},
    ]
    old = Experiment(chain_doc(layers, 2, x, y))
    for _ in range(5):
        old.step()
    layers[0]["params"]["activation"] = "relu"
    layers[1]["params"]["units"] = 1
    new = Experiment(chain_doc(layers, 2, x, y))
    new.continue_from(old)
    np.testing.assert_array_equal(new.params()["h"]["W"], old.params()["h"]["W"])
    np.testing.assert_array_equal(new.params()["o"]["W"], old.params()["o"]["W"])
    assert new.step_count == 5
    layers[0]["params"]["units"] = 4
    resized = Experiment(chain_doc(layers, 2, x, y))
    resized.continue_from(old)
    assert resized.params()["o"]["W"].shape == (4, 1)
    np.testing.assert_array_equal(resized.params()["o"]["W"][:3], old.params()["o"]["W"])
    np.testing.assert_array_equal(resized.params()["h"]["W"][:, :3], old.params()["h"]["W"])
