"""Axis ranges and ticks that move rarely."""

import numpy as np
import pytest

from dlsim.engine.views.axes import (
    decade_bars,
    decade_span,
    log_range,
    log_ticks,
    nice_ceiling,
    nice_range,
    value_span,
)
from dlsim.engine.views.layouts import weight_levels


def test_weight_levels_are_symmetric_around_zero():
    assert weight_levels(np.array([[-0.5, 2.0]])) == (-2.0, 2.0)
    assert weight_levels(np.zeros((2, 2))) == (-1.0, 1.0)


def test_log_range_brackets_values_by_powers_of_ten_and_ignores_nonpositive():
    assert log_range([3e-5, 0.2, 0.0, float("nan")]) == pytest.approx((1e-5, 1.0))
    assert log_range([]) == (1e-3, 1.0)


def test_decade_bars_give_exponents_and_a_base_below_the_smallest():
    tops, base = decade_bars([1e-4, 10.0, 0.0])
    assert tops[:2] == pytest.approx([-4.0, 1.0])
    assert np.isnan(tops[2]), "a zero gradient has no bar on a log axis"
    assert base == -5.0


@pytest.mark.parametrize(
    ("x", "expected"), [(0.3, 0.5), (1.0, 1.0), (1.01, 2.0), (2.5, 5.0), (7.0, 10.0), (4321, 5000)]
)
def test_nice_ceiling_is_one_two_or_five_times_a_power_of_ten(x, expected):
    assert nice_ceiling(x) == pytest.approx(expected)


def test_nice_range_contains_the_data_and_zero():
    assert nice_range(0.2, 3.7) == (0.0, 5.0)
    assert nice_range(-0.3, 0.8) == (-0.5, 1.0)


def test_decade_span_is_whole_exponents():
    assert decade_span([0.003, 0.4]) == (-3, 0)
    assert decade_span([np.array([0.003]), np.array([0.4, 20.0])]) == (-3, 2)


def test_value_span_is_nice_and_ignores_nan():
    assert value_span([np.array([0.1, np.nan]), np.array([0.7])]) == (0.0, 1.0)


def test_log_ticks_use_1_2_5_over_a_short_span_and_decades_over_a_long_one():
    short = log_ticks(-1, 0)
    assert [label for _pos, label in short] == ["0.1", "0.2", "0.5", "1"]
    assert short[1][0] == pytest.approx(np.log10(0.2))
    assert [label for _pos, label in log_ticks(-1, 0, fine=False)] == ["0.1", "1"]
    long = log_ticks(-12, 0)
    assert [label for _pos, label in long] == [
        "1e-12",
        "1e-10",
        "1e-08",
        "1e-06",
        "0.0001",
        "0.01",
        "1",
    ]
