"""The decision boundary's grid, image and class labels."""

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.views.boundary import boundary_grid, boundary_image, class_labels


def test_boundary_grid_covers_the_data_with_a_margin():
    x = np.array([[0.0, 0.0], [1.0, 2.0]])
    grid = boundary_grid(x, resolution=5, margin=0.1)
    # span 1 in x, 2 in y; 10% margin on each side
    assert grid.extent == pytest.approx((-0.1, 1.1, -0.2, 2.2))
    assert grid.points.shape == (25, 2)
    # row-major: x varies fastest along a row, y is constant along it
    assert grid.points[:5, 1] == pytest.approx([-0.2] * 5)
    assert grid.points[:5, 0] == pytest.approx(np.linspace(-0.1, 1.1, 5))


def test_boundary_grid_covers_training_and_validation_points_together():
    grid = boundary_grid([np.array([[0.0, 0.0]]), np.array([[1.0, 1.0]])], 3, margin=0.0)
    assert grid.extent == (0.0, 1.0, 0.0, 1.0)


def test_boundary_grid_refuses_data_that_is_not_two_dimensional():
    with pytest.raises(DlsimError, match="2-D"):
        boundary_grid(np.zeros((4, 3)))


def test_boundary_image_of_one_probability_uses_levels_zero_to_one():
    pred = np.linspace(0, 1, 9)[:, None]
    img, levels = boundary_image(pred, 3)
    assert levels == (0.0, 1.0)
    assert img[1, 0] == pytest.approx(pred[3, 0]), "row 1 is the second y value"


def test_boundary_image_of_several_outputs_is_the_winning_class():
    pred = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.2, 0.5, 0.3], [0.3, 0.3, 0.4]])
    img, levels = boundary_image(pred, 2)
    assert img.tolist() == [[0, 2], [1, 2]]
    assert levels == (0.0, 2.0)


def test_class_labels_threshold_one_column_and_argmax_several():
    assert class_labels(np.array([[0.2], [0.9]])).tolist() == [0, 1]
    assert class_labels(np.array([[0, 1, 0], [1, 0, 0]])).tolist() == [1, 0]


def test_a_discretized_map_has_two_colours_split_at_the_middle_of_its_levels():
    pred = np.array([[0.1], [0.49], [0.51], [0.9]])
    img, levels = boundary_image(pred, 2, discrete=True)
    assert levels == (0.0, 1.0)
    np.testing.assert_array_equal(img, [[0.0, 0.0], [1.0, 1.0]])
    values = np.array([[-3.0], [-0.5], [0.5], [1.0]])  # a regression map: split at -1
    img, levels = boundary_image(values, 2, discrete=True)
    np.testing.assert_array_equal(img, [[levels[0], levels[1]], [levels[1], levels[1]]])
    smooth, _ = boundary_image(pred, 2)
    np.testing.assert_array_equal(smooth.ravel(), pred[:, 0])
