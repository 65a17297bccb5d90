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
