"""Initializers: the lecture's Glorot/He ranges and spreads, seeded determinism, configs."""

import json
import math

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import initializers

NON_DEFAULT = [
    {"name": "constant", "value": 0.5},
    {"name": "uniform", "minval": -0.1, "maxval": 0.2},
    {"name": "normal", "mean": 1.0, "stddev": 0.2},
]
SPECS = [*initializers.NAMES, *NON_DEFAULT]


def _spec_id(spec):
    return spec if isinstance(spec, str) else spec["name"] + "-custom"


def _draw(spec, shape, seed=0, dtype=np.float64):
    return initializers.get(spec)(shape, np.random.default_rng(seed), dtype)


@pytest.mark.parametrize(
    ("name", "shape", "limit"),
    [
        ("glorot_uniform", (300, 200), math.sqrt(6 / (300 + 200))),
        ("glorot_uniform", (50,), math.sqrt(6 / (50 + 50))),
        ("he_uniform", (300, 200), math.sqrt(6 / 300)),
        ("he_uniform", (8, 3), math.sqrt(6 / 8)),
        ("uniform", (300, 200), 0.05),
    ],
)
def test_uniform_initializers_stay_within_the_lecture_limit(name, shape, limit):
    w = _draw(name, shape)
    assert w.shape == shape
    assert np.max(np.abs(w)) <= limit
    if w.size > 10_000:
        assert np.max(w) > 0.99 * limit
        assert np.min(w) < -0.99 * limit


@pytest.mark.parametrize(
    ("name", "shape", "sigma"),
    [
        ("glorot_normal", (400, 600), math.sqrt(2 / (400 + 600))),
        ("he_normal", (400, 600), math.sqrt(2 / 400)),
        ("he_normal", (60_000,), math.sqrt(2 / 60_000)),
        ("normal", (400, 600), 0.05),
    ],
)
def test_normal_initializers_have_the_formula_spread(name, shape, sigma):
    w = _draw(name, shape)
    assert np.std(w) == pytest.approx(sigma, rel=0.02)
    assert abs(np.mean(w)) < 0.02 * sigma
    # Plain normal, not truncated: values beyond 2 sigma occur (about 4.6% of them).
    assert np.mean(np.abs(w) > 2 * sigma) == pytest.approx(0.0455, abs=0.005)


def test_non_default_parameters_are_used():
    w = _draw({"name": "normal", "mean": 1.0, "stddev": 0.2}, (500, 500))
    assert np.mean(w) == pytest.approx(1.0, abs=0.002)
    assert np.std(w) == pytest.approx(0.2, rel=0.01)
    w = _draw({"name": "uniform", "minval": -0.1, "maxval": 0.2}, (500, 500))
    assert -0.1 <= np.min(w) < -0.099
    assert 0.199 < np.max(w) < 0.2


def test_constant_initializers():
    np.testing.assert_array_equal(_draw("zeros", (2, 3)), np.zeros((2, 3)))
    np.testing.assert_array_equal(_draw("ones", (3,)), np.ones(3))
    np.testing.assert_array_equal(_draw("constant", (2, 2)), np.zeros((2, 2)))
    np.testing.assert_array_equal(
        _draw({"name": "constant", "value": 0.5}, (2, 2)), np.full((2, 2), 0.5)
    )


@pytest.mark.parametrize("spec", SPECS, ids=_spec_id)
def test_same_seed_gives_the_same_weights(spec):
    np.testing.assert_array_equal(_draw(spec, (5, 4), seed=7), _draw(spec, (5, 4), seed=7))


@pytest.mark.parametrize("name", ["uniform", "normal", "glorot_uniform", "he_normal"])
def test_different_seeds_give_different_weights(name):
    assert not np.array_equal(_draw(name, (5, 4), seed=1), _draw(name, (5, 4), seed=2))


@pytest.mark.parametrize("spec", SPECS, ids=_spec_id)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_honoured(spec, dtype):
    assert _draw(spec, (3, 2), dtype=dtype).dtype == dtype


def test_float32_weights_are_the_rounded_float64_weights():
    # Switching precision keeps the same starting point for the same seed.
    w64 = _draw("he_normal", (4, 3), dtype=np.float64)
    w32 = _draw("he_normal", (4, 3), dtype=np.float32)
    np.testing.assert_array_equal(w32, w64.astype(np.float32))


@pytest.mark.parametrize("spec", SPECS, ids=_spec_id)
def test_config_round_trips(spec):
    init = initializers.get(spec)
    again = initializers.get(json.loads(json.dumps(init.get_config())))
    assert again == init
    np.testing.assert_array_equal(again((6, 3), np.random.default_rng(3)), _draw(spec, (6, 3), 3))


def test_default_parameters_serialise_as_the_plain_name():
    for name in initializers.NAMES:
        assert initializers.get(name).get_config() == name
    assert initializers.get({"name": "uniform", "maxval": 0.05}).get_config() == "uniform"
    assert initializers.get({"name": "uniform", "maxval": 0.1}).get_config() == {
        "name": "uniform",
        "minval": -0.05,
        "maxval": 0.1,
    }


def test_every_name_resolves_and_has_help():
    assert set(initializers.HELP) == set(initializers.NAMES)
    for name in initializers.NAMES:
        assert initializers.get(name).name == name
        assert initializers.HELP[name]


@pytest.mark.parametrize(
    ("spec", "named"),
    [
        ("xavier", "xavier"),
        ({"name": "he_normall"}, "he_normall"),
        ({"name": "uniform", "minval": 0.3, "maxval": 0.1}, "0.3"),
        ({"name": "normal", "stddev": -1}, "-1"),
        ({"name": "normal", "stddev": "wide"}, "wide"),
        ({"name": "constant", "value": float("nan")}, "nan"),
        ({"name": "glorot_uniform", "gain": 2.0}, "gain"),
        ({"value": 1.0}, "value"),
    ],
)
def test_bad_specs_raise_a_message_naming_the_bad_value(spec, named):
    with pytest.raises(DlsimError, match=named):
        initializers.get(spec)
