"""Ridgelines and weight mosaics."""

import numpy as np
import pytest

from dlsim.engine.views.layouts import ridgeline, weight_mosaic


def test_ridgeline_puts_the_first_layer_on_top_with_equal_peak_heights():
    rows = ridgeline([(np.array([0, 1, 2]), np.array([2, 4])), (np.array([0, 1]), [10])])
    (e0, y0, b0), (_e1, y1, b1) = rows
    assert (b0, b1) == (1.0, 0.0)
    assert y0.tolist() == pytest.approx([1 + 0.85 * 2 / 4, 1 + 0.85]), "peak 4 → height 0.85"
    assert y1.tolist() == pytest.approx([0.85])
    assert e0.tolist() == [0, 1, 2]


def test_weight_mosaic_scales_each_kernel_to_its_own_largest_weight():
    a = np.array([[1.0, -2.0]])
    b = np.array([[0.5], [0.25]])
    image, boxes = weight_mosaic([a, b], columns=2, gap=1)
    # one row of tiles under a label band of gap + 2 = 3 rows; tiles 2 wide and 1 wide
    assert boxes == [(0, 3, 2, 1), (3, 3, 1, 2)]
    assert image.shape == (3 + 2, 2 + 1 + 1)
    assert image[3, :2].tolist() == [0.5, -1.0], "a / max|a| = a / 2"
    assert image[3:5, 3].tolist() == [1.0, 0.5], "b / 0.5"
    assert not image[:3].any() and image[4, 0] == 0.0, "bands and gaps are zero (white)"


def test_weight_mosaic_wraps_into_a_square_grid():
    _image, boxes = weight_mosaic([np.ones((2, 2))] * 5)
    assert [(col, row) for col, row, _w, _h in boxes] == [
        (0, 3), (3, 3), (6, 3), (0, 8), (3, 8)
    ]  # fmt: skip


def test_a_wide_layers_kernels_are_drawn_in_blocks_that_keep_their_largest_weight():
    from dlsim.engine.views.layouts import MAX_TILE_SIDE, blocks

    rng = np.random.default_rng(0)
    wide, tall = rng.uniform(-1, 1, size=(2, 4096)), rng.uniform(-1, 1, size=(4096, 1))
    wide[1, 100] = -7.0  # the largest |w| of its block, negative
    image, boxes = weight_mosaic([wide, tall])
    assert image.size < 3 * MAX_TILE_SIDE * MAX_TILE_SIDE, "not 4099 × 4098 for 12,288 weights"
    assert [b[2:] for b in boxes] == [(256, 2), (1, 256)]
    left, top, _w, _h = boxes[0]
    assert image[top + 1, left + 100 // 16] == -1.0, "the extreme shows, sign kept, scaled"
    shown = blocks(tall)
    np.testing.assert_array_equal(np.abs(shown[:, 0]), np.abs(tall).reshape(256, 16).max(axis=1))
    small = rng.normal(size=(3, 5))
    assert blocks(small) is small
