"""The neuron view's geometry: columns and names, weight edges in W's order, what is too big."""

import numpy as np

from dlsim import resources
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import read_document
from dlsim.engine.views.neurons import (
    MAX_UNITS,
    edge_groups,
    edge_weights,
    hit,
    neuron_layout,
    unit_levels,
)
from tests.engine.helpers import mlp


def test_the_features_layer_is_the_first_column_with_its_terms():
    doc = read_document(resources.examples_dir() / "features_xor.dlsim")
    layout = neuron_layout(GraphSpec.from_dict(doc["graph"]))
    assert [c.node_id for c in layout.columns] == ["features", "y"]
    assert layout.columns[0].names == ("x1", "x2", "x1*x2")
    assert len(layout.edge_a) == 3, "one weight edge per term into the single output unit"
    assert layout.link_a.shape == (0, 2), "the hidden Input draws no links"


def test_weight_edges_follow_w_row_by_row():
    graph = mlp(3, 4)
    layout = neuron_layout(graph, ("a", "b"))
    assert [c.node_id for c in layout.columns] == ["x", "h1", "h2", "y"]
    assert layout.columns[0].names == ("a", "b")
    exp_params = {
        nid: {"W": np.arange(r * c).reshape(r, c) * 1.0}
        for nid, r, c in (("h1", 2, 3), ("h2", 3, 4), ("y", 4, 1))
    }
    values = edge_weights(layout, exp_params)
    k = layout.edge_index("h2", 2, 1)
    assert values[k] == exp_params["h2"]["W"][2, 1]
    assert layout.edge_of(k) == ("h2", 2, 1)
    h1, h2 = layout.column("h1"), layout.column("h2")
    np.testing.assert_array_equal(layout.edge_a[k], (h1.x, h1.ys[2]))
    np.testing.assert_array_equal(layout.edge_b[k], (h2.x, h2.ys[1]))


def test_a_layer_too_wide_is_named():
    reason = neuron_layout(mlp(3, MAX_UNITS + 1))
    assert isinstance(reason, str)
    assert "'h2'" in reason and str(MAX_UNITS + 1) in reason


def test_too_many_layers_are_counted():
    reason = neuron_layout(mlp(*[2] * 11))
    assert isinstance(reason, str) and "13" in reason


def test_edges_group_by_sign_and_size():
    w = np.array([-0.05, 0.05, -1.5, 3.0, np.nan])
    groups = edge_groups(w)
    assert sorted(np.concatenate(groups).tolist()) == [0, 1, 2, 3]
    assert groups[0].tolist() == [0] and groups[1].tolist() == [1]
    assert 2 in groups[8] and 3 in groups[11]


def test_hit_finds_units_and_edges():
    layout = neuron_layout(mlp(3))
    h1 = layout.column("h1")
    assert hit(layout, h1.x + 0.2, h1.ys[1] - 0.3, 0.1) == ("unit", ("h1", 1))
    k = layout.edge_index("y", 0, 0)
    mid = (layout.edge_a[k] + layout.edge_b[k]) / 2
    assert hit(layout, *mid, 0.05) == ("edge", k)
    assert hit(layout, 100.0, 100.0, 0.1) is None


def test_levels_are_the_activation_range_or_a_round_symmetric_scale():
    assert unit_levels(np.array([0.2, 0.9]), (0.0, 1.0)) == (0.0, 1.0)
    assert unit_levels(np.array([-0.3, 1.3]), None) == (-1.5, 1.5)
    assert unit_levels(np.array([7.0]), None) == (-8.0, 8.0)
    assert unit_levels(np.array([0.0]), None) == (-1.0, 1.0)


def test_layout_of_a_real_experiment_matches_its_network():
    doc = read_document(resources.examples_dir() / "features_xor.dlsim")
    exp = Experiment(doc)
    layout = neuron_layout(exp.graph)
    for col in layout.columns:
        assert len(col.ys) == exp.network.units[col.node_id]


def test_buttons_only_where_a_unit_can_be_added_or_removed():
    from dlsim.engine.views.neurons import buttons

    layout = neuron_layout(mlp(3, MAX_UNITS))
    found = {(nid, delta) for nid, delta, _x, _y in buttons(layout)}
    assert found == {("h1", -1), ("h1", 1), ("h2", -1), ("y", 1)}
    nid, delta, x, y = next(b for b in buttons(layout) if b[:2] == ("h1", 1))
    assert hit(layout, x, y, 0.1) == ("button", ("h1", 1))


def test_a_column_image_stacks_the_units_maps_with_transparent_gaps():
    from dlsim.engine.views.neurons import column_image, tile, tile_gap

    res = 40
    rng = np.random.default_rng(0)
    maps = rng.normal(size=(res * res, 3)).astype(np.float32)
    image = column_image(maps, res)
    gap = tile_gap(res)
    assert gap == 12 and image.shape == (3 * res + 2 * gap, res)
    for j in range(3):
        np.testing.assert_array_equal(tile(image, j, res).reshape(-1), maps[:, j])
    assert np.isnan(image[res : res + gap]).all()
    top_row = image[0]  # the largest x2 of unit 0: the grid's last row
    np.testing.assert_array_equal(top_row, maps[-res:, 0])


def test_column_shades_are_colour_indices_within_half_a_shade_and_gaps_transparent():
    from dlsim.engine.views.neurons import (
        GAP_SHADE,
        SHADES,
        column_image,
        column_shades,
        shade_values,
    )

    res = 40
    maps = np.random.default_rng(1).uniform(-2.0, 2.0, size=(res * res, 2)).astype(np.float32)
    maps[0, 0] = np.inf  # a diverged unit still gets a colour: the top of the scale
    image = column_image(maps, res)
    shades = column_shades(image, (-1.5, 1.5))
    assert shades.dtype == np.uint8 and shades.shape == image.shape
    assert (shades[np.isnan(image)] == GAP_SHADE).all()
    known = ~np.isnan(image)
    assert shades[known].min() == 1 and shades[known].max() == SHADES
    back = shade_values(shades, (-1.5, 1.5))
    inside = known & (np.abs(image) <= 1.5)
    half = 3.0 / (SHADES - 1) / 2
    assert np.abs(back[inside] - image[inside]).max() <= half * 1.001
    assert (back[known & (image > 1.5)] == 1.5).all()
    assert (back[known & (image < -1.5)] == -1.5).all()


def test_map_shades_are_the_column_image_s_shades_in_one_pass():
    from dlsim.engine.views.neurons import column_image, column_shades, map_shades

    res = 40
    rng = np.random.default_rng(2)
    for units, levels in ((1, (0.0, 1.0)), (5, (-1.5, 1.5)), (3, (2.0, 2.0))):
        maps = rng.uniform(-2.0, 2.0, size=(res * res, units)).astype(np.float32)
        maps[0, 0], maps[1, -1], maps[res, 0] = np.inf, -np.inf, np.nan  # diverged units
        expected = column_shades(column_image(maps, res), levels)
        got = map_shades(maps, res, levels)
        assert got.dtype == np.uint8
        np.testing.assert_array_equal(got, expected)
