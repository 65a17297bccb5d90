"""The 1-D view's x grid spans the inputs and its box the targets, each with a margin."""

from __future__ import annotations

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.views.curve import curve_grid


def test_the_grid_spans_train_and_validation_inputs_and_the_box_their_targets():
    grid = curve_grid(
        [np.array([[0.0], [1.0]]), np.array([[2.0]])],
        [np.array([[-1.0], [0.0]]), np.array([[3.0]])],
        resolution=5,
        margin=0.1,
    )
    np.testing.assert_allclose(grid.x, np.linspace(-0.2, 2.2, 5))
    assert grid.points.shape == (5, 1)
    assert grid.extent == pytest.approx((-0.2, 2.2, -1.4, 3.4))


def test_data_with_two_inputs_has_no_curve():
    with pytest.raises(DlsimError, match="one input and one output"):
        curve_grid([np.zeros((3, 2))], [np.zeros((3, 1))])
