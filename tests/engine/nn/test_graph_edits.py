"""Whole-graph edits: normalization after every hidden Dense, initializers, hidden activations."""

import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import Edge, Node
from dlsim.engine.nn.graph_edits import (
    apply_initializer,
    hidden_dense_ids,
    insert_normalization,
    same_structure,
    set_hidden_activation,
)
from tests.engine.helpers import mlp


def test_hidden_dense_layers_are_every_dense_but_the_output():
    assert hidden_dense_ids(mlp(3, 4)) == ["h1", "h2"]
    assert hidden_dense_ids(mlp()) == []


def test_insert_batchnorm_puts_one_after_every_hidden_dense_and_nothing_after_the_output():
    g = mlp(3, 4)
    out = insert_normalization(g, "BatchNorm")
    norms = [n for n in out.nodes.values() if n.type == "BatchNorm"]
    assert len(norms) == 2
    # x → h1 → bn → h2 → bn → y: each Dense feeds exactly its new BatchNorm
    for dense in ("h1", "h2"):
        (after,) = out.outputs_of(dense)
        assert out.nodes[after].type == "BatchNorm"
    assert out.outputs_of(out.outputs_of("h2")[0]) == ["y"]
    assert out.outputs_of("y") == []
    assert not out.validate()
    assert g.nodes.keys() == {"x", "h1", "h2", "y"}, "the original graph is untouched"


def test_insert_normalization_twice_changes_nothing_the_second_time():
    once = insert_normalization(mlp(3), "LayerNorm")
    assert insert_normalization(once, "LayerNorm") == once


def test_inserted_layer_keeps_the_consumers_input_order():
    g = mlp(3)
    g.add_node(Node("skip", "Dense", {"units": 3}))
    g.add_edge(Edge("x", "skip"))
    g.add_node(Node("cat", "Concatenate", {}))
    g.remove_edge(Edge("h1", "y"))
    g.add_edge(Edge("h1", "cat"))
    g.add_edge(Edge("skip", "cat"))
    g.add_edge(Edge("cat", "y"))
    out = insert_normalization(g, "BatchNorm")
    first, second = out.inputs_of("cat")
    assert out.inputs_of(first) == ["h1"] and out.inputs_of(second) == ["skip"]


def test_unknown_normalization_is_refused_by_name():
    with pytest.raises(DlsimError, match="GroupNorm"):
        insert_normalization(mlp(3), "GroupNorm")


def test_apply_initializer_sets_every_dense_kernel_and_keeps_biases():
    out = apply_initializer(mlp(3, 4), "he_normal")
    for nid in ("h1", "h2", "y"):
        assert out.nodes[nid].params["kernel_initializer"] == "he_normal"
        assert "bias_initializer" not in out.nodes[nid].params


def test_set_hidden_activation_leaves_the_output_layer_alone():
    out = set_hidden_activation(mlp(3, 4), "relu")
    assert [out.nodes[n].params["activation"] for n in ("h1", "h2", "y")] == [
        "relu",
        "relu",
        "sigmoid",
    ]


def test_moving_a_node_is_not_a_structural_change_but_changing_units_is():
    a = mlp(3)
    b = a.copy()
    b.nodes["h1"].pos = (999.0, 5.0)
    assert same_structure(a, b)
    b.nodes["h1"].params["units"] = 5
    assert not same_structure(a, b)
