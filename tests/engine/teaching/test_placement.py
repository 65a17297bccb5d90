"""Where the perceptron lab writes its labels: off the decision lines and off each other."""

import pytest

from dlsim.engine.teaching.lab import TRUTH_X, xor_hidden_lines
from dlsim.engine.teaching.placement import (
    clearest_height,
    crosses,
    inside,
    line_label_centre,
    overlaps,
    point_label_centres,
    rect_at,
)

POINTS = [(float(a), float(b)) for a, b in TRUTH_X]
SIZE = (0.5, 0.1)


def test_a_line_crosses_a_rectangle_only_through_its_inside():
    assert crosses((0, 0, 1, 1), (1.0, 1.0, -1.0))  # x1 + x2 = 1: the diagonal
    assert not crosses((0, 0, 1, 1), (1.0, 0.0, -2.0))  # x1 = 2: beside it
    assert not crosses((0, 0, 1, 1), (1.0, 0.0, -1.0))  # x1 = 1: along its edge


@pytest.mark.parametrize(
    "lines",
    [
        [(0.5, 0.5, -0.7)],
        [(1.0, 0.0, -0.05)],
        [(0.0, 1.0, -0.9)],
        list(xor_hidden_lines().values()),
    ],
)
def test_point_labels_avoid_every_line_and_each_other(lines):
    centres = point_label_centres(POINTS, [SIZE] * 4, 0.08, lines, (-1, 2, -0.5, 1.5))
    assert None not in centres
    rects = [rect_at(c, SIZE) for c in centres]
    for r in rects:
        assert inside(r, (-1, 2, -0.5, 1.5))
        assert not any(crosses(r, line) for line in lines)
    for i, a in enumerate(rects):
        assert not any(overlaps(a, b) for b in rects[i + 1 :])


def test_a_label_goes_below_its_point_when_nothing_is_in_the_way():
    centres = point_label_centres(POINTS, [SIZE] * 4, 0.08, [(1.0, 1.0, -5.0)])
    assert centres[3] == pytest.approx((1.0, 1.0 - 0.08 - 0.05))


def test_no_place_is_reported_as_none():
    # a box barely larger than the points: no label fits anywhere
    assert point_label_centres([(0.0, 0.0)], [SIZE], 0.08, [], (-0.1, 0.1, -0.1, 0.1)) == [None]


def test_a_line_name_stays_on_its_line_and_off_the_labels_to_avoid():
    weights = (0.5, 0.5, -0.7)
    middle = line_label_centre(weights, SIZE, [])
    assert 0.5 * middle[0] + 0.5 * middle[1] - 0.7 == pytest.approx(0)
    moved = line_label_centre(weights, SIZE, [rect_at(middle, SIZE)])
    assert not overlaps(rect_at(moved, SIZE), rect_at(middle, SIZE))
    assert line_label_centre((0.0, 0.0, 1.0), SIZE, []) is None


def test_the_clearest_height_is_the_middle_of_the_widest_gap():
    assert clearest_height([0.0, 0.0], -0.1, 1.1) == pytest.approx(0.55)  # sigmoid, left tail
    assert clearest_height([1.0, 0.0], -1.1, 1.1) == pytest.approx(-0.55)  # tanh, right tail
