"""The workbench's pure helpers: whole-graph edits, weight carrying, comparisons, plot data."""

import csv
import io
import json

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine import edits
from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import Edge, GraphSpec, Node
from dlsim.engine.training.experiment import Experiment

EXAMPLES = resources.examples_dir()


def mlp(*hidden: int, activation: str = "sigmoid") -> GraphSpec:
    """Input(2) → Dense(h) for each h → Dense(1, sigmoid), laid out left to right."""
    g = GraphSpec([Node("x", "Input", {"units": 2}, (0.0, 0.0))])
    prev = "x"
    for i, units in enumerate(hidden):
        nid = f"h{i + 1}"
        g.add_node(
            Node(nid, "Dense", {"units": units, "activation": activation}, (200.0 * (i + 1), 0))
        )
        g.add_edge(Edge(prev, nid))
        prev = nid
    g.add_node(
        Node("y", "Dense", {"units": 1, "activation": "sigmoid"}, (200.0 * (len(hidden) + 1), 0))
    )
    g.add_edge(Edge(prev, "y"))
    return g


def test_hidden_dense_layers_are_every_dense_but_the_output():
    assert edits.hidden_dense_ids(mlp(3, 4)) == ["h1", "h2"]
    assert edits.hidden_dense_ids(mlp()) == []


def test_insert_batchnorm_puts_one_after_every_hidden_dense_and_nothing_after_the_output():
    g = mlp(3, 4)
    out = edits.insert_normalization(g, "BatchNorm")
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
    once = edits.insert_normalization(mlp(3), "LayerNorm")
    assert edits.insert_normalization(once, "LayerNorm") == once


def test_inserted_layer_keeps_the_consumers_input_order():
    g = mlp(3)
    g.add_node(Node("skip", "Dense", {"units": 3}))
    g.add_edge(Edge("x", "skip"))
    g.add_node(Node("cat", "Concatenate", {}))
    g.remove_edge(Edge("h1", "y"))
    g.add_edge(Edge("h1", "cat"))
    g.add_edge(Edge("skip", "cat"))
    g.add_edge(Edge("cat", "y"))
    out = edits.insert_normalization(g, "BatchNorm")
    first, second = out.inputs_of("cat")
    assert out.inputs_of(first) == ["h1"] and out.inputs_of(second) == ["skip"]


def test_unknown_normalization_is_refused_by_name():
    with pytest.raises(DlsimError, match="GroupNorm"):
        edits.insert_normalization(mlp(3), "GroupNorm")


def test_apply_initializer_sets_every_dense_kernel_and_keeps_biases():
    out = edits.apply_initializer(mlp(3, 4), "he_normal")
    for nid in ("h1", "h2", "y"):
        assert out.nodes[nid].params["kernel_initializer"] == "he_normal"
        assert "bias_initializer" not in out.nodes[nid].params


def test_set_hidden_activation_leaves_the_output_layer_alone():
    out = edits.set_hidden_activation(mlp(3, 4), "relu")
    assert [out.nodes[n].params["activation"] for n in ("h1", "h2", "y")] == [
        "relu",
        "relu",
        "sigmoid",
    ]


def test_moving_a_node_is_not_a_structural_change_but_changing_units_is():
    a = mlp(3)
    b = a.copy()
    b.nodes["h1"].pos = (999.0, 5.0)
    assert edits.same_structure(a, b)
    b.nodes["h1"].params["units"] = 5
    assert not edits.same_structure(a, b)


def test_carry_weights_keeps_unchanged_layers_and_drops_edited_ones():
    old = mlp(3, 4)
    weights = network_weights(old)
    new = old.copy()
    new.nodes["h2"].params["units"] = 5  # h2 changes shape, and so does y's input
    kept = edits.carry_weights(new, weights, old)
    assert set(kept) == {"h1"}
    np.testing.assert_array_equal(kept["h1"]["W"], weights["h1"]["W"])


def test_carry_weights_drops_a_layer_whose_activation_changed():
    old = mlp(3)
    weights = network_weights(old)
    new = edits.set_hidden_activation(old, "relu")
    assert set(edits.carry_weights(new, weights, old)) == {"y"}
    assert set(edits.carry_weights(new, weights)) == {"h1", "y"}, "without the old graph: shapes"


def test_carry_weights_of_an_invalid_graph_is_empty():
    g = mlp(3)
    g.remove_edge(Edge("x", "h1"))
    assert edits.carry_weights(g, network_weights(mlp(3))) == {}


def network_weights(graph: GraphSpec) -> dict:
    from dlsim.engine.nn.network import Network

    return Network(graph, np.random.default_rng(7)).get_weights()


def xor_doc() -> dict:
    return json.loads((EXAMPLES / "xor_learn.dlsim").read_text())


def test_an_optimizer_comparison_gives_three_labelled_documents_with_the_same_start():
    doc = xor_doc()
    start = Experiment(doc).params()
    docs = edits.comparison_documents(doc, "optimizers", start)
    assert [label for label, _ in docs] == ["SGD", "Momentum", "Adam"]
    types = [
        (d["training"]["optimizer"]["type"], d["training"]["optimizer"].get("momentum"))
        for _, d in docs
    ]
    assert types == [("sgd", 0.0), ("sgd", 0.9), ("adam", None)]
    assert all(d["training"]["optimizer"]["lr"] == 0.5 for _, d in docs), "same learning rate"
    for _, d in docs:
        np.testing.assert_array_equal(Experiment(d).params()["h"]["W"], start["h"]["W"])


def test_a_two_optimizer_comparison_is_labelled_by_optimizer():
    doc = xor_doc()
    comparison = edits.optimizer_comparison("sgd", "amsgrad")
    docs = edits.comparison_documents(doc, comparison, Experiment(doc).params())
    assert comparison.title == "SGD vs AMSGrad"
    assert [label for label, _ in docs] == ["SGD", "AMSGrad"]
    assert docs[1][1]["training"]["optimizer"]["amsgrad"] is True


def test_an_activation_comparison_changes_only_the_hidden_layers():
    docs = edits.comparison_documents(xor_doc(), "activations", Experiment(xor_doc()).params())
    for label, d in docs:
        nodes = {n["id"]: n for n in d["graph"]["nodes"]}
        assert nodes["h"]["params"]["activation"] == label
        assert nodes["y"]["params"]["activation"] == "sigmoid"


def test_unknown_comparison_is_refused():
    with pytest.raises(DlsimError, match="nonsense"):
        edits.comparison_documents(xor_doc(), "nonsense", {})


def test_boundary_grid_covers_the_data_with_a_margin():
    x = np.array([[0.0, 0.0], [1.0, 2.0]])
    grid = edits.boundary_grid(x, resolution=5, margin=0.1)
    # span 1 in x, 2 in y; 10% margin on each side
    assert grid.extent == pytest.approx((-0.1, 1.1, -0.2, 2.2))
    assert grid.points.shape == (25, 2)
    # row-major: x varies fastest along a row, y is constant along it
    assert grid.points[:5, 1] == pytest.approx([-0.2] * 5)
    assert grid.points[:5, 0] == pytest.approx(np.linspace(-0.1, 1.1, 5))


def test_boundary_grid_covers_training_and_validation_points_together():
    grid = edits.boundary_grid([np.array([[0.0, 0.0]]), np.array([[1.0, 1.0]])], 3, margin=0.0)
    assert grid.extent == (0.0, 1.0, 0.0, 1.0)


def test_boundary_grid_refuses_data_that_is_not_two_dimensional():
    with pytest.raises(DlsimError, match="2-D"):
        edits.boundary_grid(np.zeros((4, 3)))


def test_boundary_image_of_one_probability_uses_levels_zero_to_one():
    pred = np.linspace(0, 1, 9)[:, None]
    img, levels = edits.boundary_image(pred, 3)
    assert levels == (0.0, 1.0)
    assert img[1, 0] == pytest.approx(pred[3, 0]), "row 1 is the second y value"


def test_boundary_image_of_several_outputs_is_the_winning_class():
    pred = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.2, 0.5, 0.3], [0.3, 0.3, 0.4]])
    img, levels = edits.boundary_image(pred, 2)
    assert img.tolist() == [[0, 2], [1, 2]]
    assert levels == (0.0, 2.0)


def test_class_labels_threshold_one_column_and_argmax_several():
    assert edits.class_labels(np.array([[0.2], [0.9]])).tolist() == [0, 1]
    assert edits.class_labels(np.array([[0, 1, 0], [1, 0, 0]])).tolist() == [1, 0]


def test_weight_levels_are_symmetric_around_zero():
    assert edits.weight_levels(np.array([[-0.5, 2.0]])) == (-2.0, 2.0)
    assert edits.weight_levels(np.zeros((2, 2))) == (-1.0, 1.0)


def test_log_range_brackets_values_by_powers_of_ten_and_ignores_nonpositive():
    assert edits.log_range([3e-5, 0.2, 0.0, float("nan")]) == pytest.approx((1e-5, 1.0))
    assert edits.log_range([]) == (1e-3, 1.0)


def test_decade_bars_give_exponents_and_a_base_below_the_smallest():
    tops, base = edits.decade_bars([1e-4, 10.0, 0.0])
    assert tops[:2] == pytest.approx([-4.0, 1.0])
    assert np.isnan(tops[2]), "a zero gradient has no bar on a log axis"
    assert base == -5.0


@pytest.mark.parametrize(
    ("x", "expected"), [(0.3, 0.5), (1.0, 1.0), (1.01, 2.0), (2.5, 5.0), (7.0, 10.0), (4321, 5000)]
)
def test_nice_ceiling_is_one_two_or_five_times_a_power_of_ten(x, expected):
    assert edits.nice_ceiling(x) == pytest.approx(expected)


def test_nice_range_contains_the_data_and_zero():
    assert edits.nice_range(0.2, 3.7) == (0.0, 5.0)
    assert edits.nice_range(-0.3, 0.8) == (-0.5, 1.0)


def test_decade_span_is_whole_exponents():
    assert edits.decade_span([0.003, 0.4]) == (-3, 0)
    assert edits.decade_span([np.array([0.003]), np.array([0.4, 20.0])]) == (-3, 2)


def test_value_span_is_nice_and_ignores_nan():
    assert edits.value_span([np.array([0.1, np.nan]), np.array([0.7])]) == (0.0, 1.0)


def test_bounded_activations_have_fixed_ranges():
    assert edits.activation_range("tanh") == (-1.0, 1.0)
    assert edits.activation_range("sigmoid") == (0.0, 1.0)
    assert edits.activation_range("relu") is None


def test_ridgeline_puts_the_first_layer_on_top_with_equal_peak_heights():
    rows = edits.ridgeline([(np.array([0, 1, 2]), np.array([2, 4])), (np.array([0, 1]), [10])])
    (e0, y0, b0), (_e1, y1, b1) = rows
    assert (b0, b1) == (1.0, 0.0)
    assert y0.tolist() == pytest.approx([1 + 0.85 * 2 / 4, 1 + 0.85]), "peak 4 → height 0.85"
    assert y1.tolist() == pytest.approx([0.85])
    assert e0.tolist() == [0, 1, 2]


def test_weight_mosaic_scales_each_kernel_to_its_own_largest_weight():
    a = np.array([[1.0, -2.0]])
    b = np.array([[0.5], [0.25]])
    image, boxes = edits.weight_mosaic([a, b], columns=2, gap=1)
    # one row of tiles under a label band of gap + 2 = 3 rows; tiles 2 wide and 1 wide
    assert boxes == [(0, 3, 2, 1), (3, 3, 1, 2)]
    assert image.shape == (3 + 2, 2 + 1 + 1)
    assert image[3, :2].tolist() == [0.5, -1.0], "a / max|a| = a / 2"
    assert image[3:5, 3].tolist() == [1.0, 0.5], "b / 0.5"
    assert not image[:3].any() and image[4, 0] == 0.0, "bands and gaps are zero (white)"


def test_weight_mosaic_wraps_into_a_square_grid():
    _image, boxes = edits.weight_mosaic([np.ones((2, 2))] * 5)
    assert [(col, row) for col, row, _w, _h in boxes] == [
        (0, 3), (3, 3), (6, 3), (0, 8), (3, 8)
    ]  # fmt: skip


def test_log_ticks_use_1_2_5_over_a_short_span_and_decades_over_a_long_one():
    short = edits.log_ticks(-1, 0)
    assert [label for _pos, label in short] == ["0.1", "0.2", "0.5", "1"]
    assert short[1][0] == pytest.approx(np.log10(0.2))
    assert [label for _pos, label in edits.log_ticks(-1, 0, fine=False)] == ["0.1", "1"]
    long = edits.log_ticks(-12, 0)
    assert [label for _pos, label in long] == [
        "1e-12",
        "1e-10",
        "1e-08",
        "1e-06",
        "0.0001",
        "0.01",
        "1",
    ]


def test_table_csv_writes_exact_floats_and_pads_short_columns():
    text = edits.table_csv({"step": [0, 1, 2], "loss": np.array([0.1, 1 / 3])})
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["step", "loss"]
    assert float(rows[2][1]) == 1 / 3, "round trip is exact"
    assert rows[3] == ["2", ""]


def test_weight_rows_list_every_entry_once():
    params = {"h": {"W": np.arange(6.0).reshape(2, 3), "b": np.array([7.0, 8.0, 9.0])}}
    cols = edits.weight_rows(params)
    assert len(cols["value"]) == 6 + 3
    i = cols["value"].index(5.0)
    assert (cols["parameter"][i], cols["row"][i], cols["column"][i]) == ("W", 1, 2)


def test_histogram_rows_have_one_row_per_bin():
    stats = {
        "h": {
            "hist": np.array([1, 2]),
            "edges": np.array([0.0, 0.5, 1.0]),
            "dead_fraction": 0.25,
            "saturated_fraction": None,
        }
    }
    cols = edits.histogram_rows(stats)
    assert cols["count"] == [1, 2] and cols["bin_right"] == [0.5, 1.0]
