"""Contour segments: every point lies on its level (exactly, for a plane), closed curves close
up, and saddles are split the way their centre says."""

from __future__ import annotations

import numpy as np
import pytest

from dlsim.engine.views.contours import contour_levels, contour_segments


def test_a_planes_contour_lies_exactly_on_the_level() -> None:
    x = np.linspace(-1, 1, 21)
    y = np.linspace(-2, 2, 31)
    values = 2 * x[None, :] + y[:, None]
    segs = contour_segments(values, x, y, np.array([0.3]))
    assert len(segs) > 0
    pts = segs.reshape(-1, 2)
    np.testing.assert_allclose(2 * pts[:, 0] + pts[:, 1], 0.3, atol=1e-12)
    # one straight line across the grid: its segments chain end to end
    assert len(np.unique(pts.round(12), axis=0)) == len(segs) + 1


def test_a_bowls_contours_are_closed_rings_near_their_radius() -> None:
    x = y = np.linspace(-1, 1, 41)
    values = x[None, :] ** 2 + y[:, None] ** 2
    levels = np.array([0.2613, 0.6271])  # off the grid's points: each crossing inside an edge
    segs = contour_segments(values, x, y, levels)
    radius = np.hypot(segs[..., 0], segs[..., 1])
    near = np.minimum(abs(radius - np.sqrt(0.2613)), abs(radius - np.sqrt(0.6271)))
    assert near.max() < 0.01
    # closed: every end point is shared by exactly two segments
    _, counts = np.unique(segs.reshape(-1, 2).round(12), axis=0, return_counts=True)
    assert set(counts) == {2}


@pytest.mark.parametrize(("level", "pairs"), [(-0.2, {(0, 1), (2, 3)}), (0.2, {(0, 3), (1, 2)})])
def test_a_saddle_is_split_by_its_centre(level: float, pairs: set) -> None:
    """Top-left and bottom-right corners at 1, the others at −1: the centre (the mean, 0) is
    above a level of −0.2, so the high corners join through it and the contour cuts off the low
    ones (top–right, bottom–left); below a level of 0.2, the other way round."""
    x = y = np.array([0.0, 1.0])
    values = np.array([[1.0, -1.0], [-1.0, 1.0]])
    segs = contour_segments(values, x, y, np.array([level]))
    assert segs.shape == (2, 2, 2)

    def edge(p):  # top (y=0), right (x=1), bottom (y=1), left (x=0)
        return 0 if p[1] == 0 else 1 if p[0] == 1 else 2 if p[1] == 1 else 3

    assert {tuple(sorted((edge(s[0]), edge(s[1])))) for s in segs} == pairs


def test_levels_and_a_flat_grid() -> None:
    np.testing.assert_allclose(contour_levels(np.array([[0.0, 10.0]]), 4), [2, 4, 6, 8])
    flat = np.ones((5, 5))
    assert contour_levels(flat, 3).size == 0
    assert contour_segments(flat, np.arange(5.0), np.arange(5.0), np.array([1.0])).shape == (
        0,
        2,
        2,
    )
