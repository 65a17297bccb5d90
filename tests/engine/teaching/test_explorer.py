"""The activation explorer's numbers (the lecture's Parts 2 and 5), read from each activation."""

import math

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations
from dlsim.engine.teaching.explorer import (
    activation_curves,
    explorer_names,
    label,
    params,
    probe,
    saturation_regions,
)


def test_sigmoid_curve_and_its_derivative():
    c = activation_curves("sigmoid", lo=-4, hi=4, n=9)
    z = np.arange(-4.0, 5.0)
    s = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(c.z, z)
    np.testing.assert_allclose(c.f, s)
    np.testing.assert_allclose(c.df, s * (1 - s))
    assert c.df.max() == pytest.approx(0.25)


def test_leaky_relu_slope_follows_alpha():
    c = activation_curves("leaky_relu", {"alpha": 0.25}, lo=-2, hi=2, n=5)
    np.testing.assert_allclose(c.f, [-0.5, -0.25, 0, 1, 2])
    np.testing.assert_allclose(c.df, [0.25, 0.25, 0.25, 1, 1])
    assert "0.25" in c.formula


def test_saturation_regions_are_where_outputs_are_within_one_percent_of_the_limits():
    # sigmoid(z) = 0.99 at z = ln 99; |tanh z| = 0.99 at z = atanh 0.99.
    edge = math.log(99)
    np.testing.assert_allclose(saturation_regions("sigmoid", -6, 6), [(-6, -edge), (edge, 6)])
    edge = math.atanh(0.99)
    np.testing.assert_allclose(saturation_regions("tanh", -6, 6), [(-6, -edge), (edge, 6)])
    assert saturation_regions("relu", -6, 6) == ()
    assert saturation_regions("sigmoid", -3, 3) == ()


def test_unknown_explorer_activation_is_refused():
    with pytest.raises(DlsimError, match="relux"):
        activation_curves("relux")


def test_probe_reads_one_point():
    f, df = probe("tanh", 0.5)
    assert f == pytest.approx(math.tanh(0.5))
    assert df == pytest.approx(1 - math.tanh(0.5) ** 2)


def test_every_registered_activation_is_in_the_explorer():
    assert explorer_names() == activations.NAMES
    assert label("relu") == "ReLU" and label("leaky_relu") == "Leaky ReLU"
    assert [p.name for p in params("leaky_relu")] == ["alpha"]
    assert params("tanh") == ()


def test_softmax_varies_one_logit_with_the_others_fixed():
    # f(z) = e^z / (e^z + e^0 + e^0): the first class's probability as its logit moves.
    c = activation_curves("softmax", lo=-2, hi=2, n=5)
    z = np.arange(-2.0, 3.0)
    p = np.exp(z) / (np.exp(z) + 2)
    np.testing.assert_allclose(c.f, p)
    np.testing.assert_allclose(c.df, p * (1 - p))
    assert c.f[2] == pytest.approx(1 / 3)
    assert "z\u2082 = 0" in c.caption and "z\u2083 = 0" in c.caption
    assert c.view == (0.0, 1.0)


def test_the_derivative_curve_is_the_slope_of_the_value_curve():
    for name in explorer_names():
        c = activation_curves(name, lo=-3.05, hi=2.95, n=61)
        slope = np.gradient(c.f, c.z)
        smooth = np.abs(c.z) > 0.15  # away from kinks at 0
        np.testing.assert_allclose(c.df[smooth][1:-1], slope[smooth][1:-1], atol=2e-2)


def test_unbounded_functions_show_their_bend():
    assert activation_curves("relu").view == (-0.5, 2.0)
    assert activation_curves("linear").view == (-2.0, 2.0)
    assert activation_curves("leaky_relu").view[0] == pytest.approx(-1.0)
    assert activation_curves("sigmoid").view == (0.0, 1.0)
    assert activation_curves("tanh").view == pytest.approx((-1.0, 1.0), abs=1e-4)
