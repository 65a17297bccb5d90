"""The inspector's view of one layer's weights: a table named the lecture's way, or a summary."""

import json

import numpy as np

from dlsim import resources
from dlsim.engine import Experiment
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.views.weight_table import (
    MAX_COLUMNS,
    WeightSummary,
    WeightTable,
    cell,
    layer_weights,
    shape_text,
    unit_name,
)


def example(name: str) -> dict:
    return json.loads(resources.example_path(name).read_text())


def test_a_dense_layer_is_w_with_inputs_as_rows_and_units_as_columns_then_b():
    exp = Experiment(example("xor_learn"))
    params = exp.params()
    table = layer_weights(exp.graph, "y", params["y"])
    assert isinstance(table, WeightTable)
    assert table.rows == ("h1", "h2", "h3", "h4", "b")
    assert table.columns == ("y1",)
    np.testing.assert_array_equal(table.values[:4], params["y"]["W"])
    np.testing.assert_array_equal(table.values[4], params["y"]["b"])
    assert table.origin == (("W", 0), ("W", 1), ("W", 2), ("W", 3), ("b", None))
    first = layer_weights(exp.graph, "h", params["h"])
    assert first.rows[:2] == ("x1", "x2"), "the Input's units are x1, x2"
    lecture = Experiment(example("backprop_lecture"))
    table = layer_weights(lecture.graph, "o", lecture.params()["o"])
    assert table.columns == ("o1", "o2") and table.rows[:2] == ("h1", "h2")


def test_a_features_input_names_the_rows_by_their_terms():
    exp = Experiment(example("features_xor"))
    table = layer_weights(exp.graph, "y", exp.params()["y"])
    terms = tuple(exp.graph.nodes["features"].params["terms"])
    assert table.rows == (*terms, "b")
    assert table.columns == ("y1",)


def test_a_normalization_shows_gamma_and_beta_as_rows():
    graph = GraphSpec.from_dict(
        {
            "nodes": [
                {"id": "x", "type": "Input", "params": {"units": 2}},
                {"id": "h1", "type": "Dense", "params": {"units": 3}},
                {"id": "bn", "type": "BatchNorm", "params": {}},
            ],
            "edges": [{"from": "x", "to": "h1"}, {"from": "h1", "to": "bn"}],
        }
    )
    arrays = {"gamma": np.ones(3), "beta": np.zeros(3)}
    table = layer_weights(graph, "bn", arrays)
    assert table.rows == ("γ", "β")  # noqa: RUF001 (the lecture's letters)
    assert table.columns == ("bn1", "bn2", "bn3")
    assert unit_name("h1", 2) == "h1_3", "an id with a digit keeps its units apart"


def test_a_big_layer_is_summarised_per_array():
    rng = np.random.default_rng(1)
    W, b = rng.normal(size=(2, MAX_COLUMNS + 1)), rng.normal(size=MAX_COLUMNS + 1)
    summary = layer_weights(None, "h", {"W": W, "b": b})
    assert isinstance(summary, WeightSummary)
    w = summary.arrays[0]
    assert (w.name, w.shape) == ("W", (2, MAX_COLUMNS + 1))
    assert (w.minimum, w.maximum) == (W.min(), W.max())
    assert w.mean == W.mean() and w.std == W.std()
    assert shape_text(w.shape) == "2 × 17"


def test_no_arrays_is_none_and_cells_read_as_the_lessons_write_numbers():
    assert layer_weights(None, "d", {}) is None
    assert cell(-0.123456) == "−0.1235"
    assert cell(0.5) == "0.5"
    assert cell(float("nan")) == "nan"
