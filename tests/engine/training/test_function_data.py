"""Playground's other data pictures: classes above and below y = f(x), and 2-D regression
surfaces (the plane, a bump and a dip) — sizes, seeds, the rule each one follows, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.training.datasets import SCHEMA, make_dataset

CURVES = {
    "sin": lambda x: 0.5 * math.sin(math.pi * x),
    "cubic": lambda x: x**3 - x,
    "abs": lambda x: abs(x) - 0.5,
}
NEW = ("function", "regression_plane", "regression_gaussians")


def make(spec: dict, seed: int = 0, **kwargs):
    return make_dataset(spec, np.random.default_rng(seed), **kwargs)


def all_rows(d):
    return np.vstack([d.x_train, d.x_val]), np.vstack([d.y_train, d.y_val])


@pytest.mark.parametrize("kind", NEW)
def test_defaults_sizes_and_split_like_the_other_toys(kind):
    defaults = {p.name: p.default for p in SCHEMA[kind]}
    assert defaults.pop("function", "sin") == "sin"
    assert defaults == {"n": 200, "noise": 0.1, "val_split": 0.2, "seed": 0}
    d = make({"type": kind})
    assert (d.n_train, d.n_val) == (160, 40) and d.n_features == 2 and d.n_outputs == 1
    d = make({"type": kind, "n": 250, "val_split": 0.3})
    assert d.x_train.shape == (175, 2) and d.x_val.shape == (75, 2)
    assert d.task == ("binary" if kind == "function" else "regression")


@pytest.mark.parametrize(
    "spec",
    [
        {"type": "function", "function": "cubic", "noise": 0.3},
        {"type": "regression_plane"},
        {"type": "regression_gaussians", "noise": 0.0},
    ],
)
def test_the_same_seed_gives_the_same_arrays_another_seed_others(spec):
    a, b, c = make(spec, seed=4), make(spec, seed=4), make(spec, seed=5)
    for name in ("x_train", "y_train", "x_val", "y_val"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert not np.array_equal(a.x_train, c.x_train)
    assert make(spec, dtype=np.float32).x_train.dtype == np.float32


@pytest.mark.parametrize("name", sorted(CURVES))
def test_class_one_lies_above_the_curve_and_class_zero_below(name):
    d = make({"type": "function", "function": name, "n": 401, "noise": 0.0})
    x, y = all_rows(d)
    curve = np.array([CURVES[name](v) for v in x[:, 0]])
    above = x[:, 1] - curve
    assert np.all(above[y[:, 0] == 1] >= 0.05 - 1e-12)
    assert np.all(above[y[:, 0] == 0] <= -0.05 + 1e-12)
    assert sorted(np.bincount(y[:, 0].astype(int)).tolist()) == [200, 201]
    assert x[:, 0].min() >= -1 and x[:, 0].max() <= 1


def test_the_curves_differ_and_noise_moves_the_points_by_about_noise():
    x = {
        name: all_rows(make({"type": "function", "function": name, "noise": 0.0}))[0]
        for name in CURVES
    }
    assert not np.array_equal(x["sin"], x["abs"]) and not np.array_equal(x["sin"], x["cubic"])
    clean = make({"type": "function", "n": 5000, "noise": 0.0}, seed=3)
    noisy = make({"type": "function", "n": 5000, "noise": 0.2}, seed=3)
    assert (noisy.x_train - clean.x_train).std() == pytest.approx(0.2, rel=0.05)
    np.testing.assert_array_equal(noisy.y_train, clean.y_train)


def test_the_plane_is_half_the_sum_of_the_inputs_plus_noise():
    d = make({"type": "regression_plane", "n": 300, "noise": 0.0})
    x, y = all_rows(d)
    np.testing.assert_allclose(y[:, 0], (x[:, 0] + x[:, 1]) / 2, rtol=0, atol=1e-15)
    noisy = make({"type": "regression_plane", "n": 5000, "noise": 0.3, "val_split": 0.0})
    residual = noisy.y_train[:, 0] - noisy.x_train.sum(axis=1) / 2
    assert residual.std() == pytest.approx(0.3, rel=0.05)
    assert np.abs(noisy.x_train).max() <= 1


def test_the_two_gaussians_are_a_bump_and_a_dip():
    d = make({"type": "regression_gaussians", "n": 500, "noise": 0.0})
    x, y = all_rows(d)

    def surface(p):
        bump = math.exp(-((p[0] + 0.5) ** 2 + (p[1] + 0.5) ** 2) / (2 * 0.35**2))
        dip = math.exp(-((p[0] - 0.5) ** 2 + (p[1] - 0.5) ** 2) / (2 * 0.35**2))
        return bump - dip

    np.testing.assert_allclose(y[:, 0], [surface(p) for p in x], rtol=0, atol=1e-12)
    near_bump = np.hypot(x[:, 0] + 0.5, x[:, 1] + 0.5) < 0.1
    near_dip = np.hypot(x[:, 0] - 0.5, x[:, 1] - 0.5) < 0.1
    assert near_bump.any() and near_dip.any()
    assert y[near_bump, 0].min() > 0.9 and y[near_dip, 0].max() < -0.9


def test_an_unknown_function_is_named():
    with pytest.raises(DlsimError, match="dataset 'function' must be one of sin, cubic, abs"):
        make({"type": "function", "function": "tan"})
    with pytest.raises(DlsimError, match="unknown dataset key 'function'"):
        make({"type": "regression_plane", "function": "sin"})
