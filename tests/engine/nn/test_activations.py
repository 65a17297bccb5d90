"""Activations: the lecture's formulas, gradients that match finite differences, configs by name."""

import json
import math
import warnings

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations
from tests.engine.helpers import numerical_grad, relative_error

# Every activation, plus leaky_relu with a non-default slope.
SPECS = [*activations.NAMES, {"name": "leaky_relu", "alpha": 0.25}]
KINKED = {"step", "relu", "leaky_relu"}


def _spec_id(spec):
    return spec if isinstance(spec, str) else f"{spec['name']}-{spec['alpha']}"


def _sample_z(spec, rng, shape=(4, 5)):
    """Pre-activations; for functions with a kink at 0, kept at least 0.1 away from it."""
    name = spec if isinstance(spec, str) else spec["name"]
    if name in KINKED:
        return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.1, 3.0, size=shape)
    return rng.normal(0.0, 2.0, size=shape)


@pytest.mark.parametrize("spec", SPECS, ids=_spec_id)
def test_backward_matches_finite_differences(spec):
    # L(z) = sum(g * f(z)) has dL/dz = backward(z, f(z), g); a random g exercises softmax's
    # full Jacobian, not just its diagonal.
    rng = np.random.default_rng(0)
    act = activations.get(spec)
    z = _sample_z(spec, rng)
    grad_a = rng.normal(size=z.shape)

    analytic = act.backward(z, act.forward(z), grad_a)
    numeric = numerical_grad(lambda v: np.sum(grad_a * act.forward(v)), z)

    assert analytic.shape == z.shape
    assert relative_error(analytic, numeric) < 1e-6


@pytest.mark.parametrize("spec", SPECS, ids=_spec_id)
def test_derivative_is_the_slope_of_forward(spec):
    # derivative() is what the app plots as f'(x); for softmax it is d a_i / d z_i.
    rng = np.random.default_rng(1)
    act = activations.get(spec)
    z = _sample_z(spec, rng, shape=(3, 4))
    h = 1e-6
    numeric = np.zeros_like(z)
    for index in np.ndindex(z.shape):
        plus, minus = z.copy(), z.copy()
        plus[index] += h
        minus[index] -= h
        numeric[index] = (act.forward(plus)[index] - act.forward(minus)[index]) / (2 * h)
    assert relative_error(act.derivative(z), numeric) < 1e-6


def test_forward_follows_the_lecture_formulas():
    z = np.array([[-2.0, -0.5, 0.0, 0.5, 3.0]])
    expected = {
        "linear": [-2.0, -0.5, 0.0, 0.5, 3.0],
        "step": [0.0, 0.0, 0.0, 1.0, 1.0],
        "sigmoid": [1 / (1 + math.exp(-v)) for v in z[0]],
        "tanh": [math.tanh(v) for v in z[0]],
        "relu": [0.0, 0.0, 0.0, 0.5, 3.0],
        "leaky_relu": [-0.2, -0.05, 0.0, 0.5, 3.0],
    }
    for name, values in expected.items():
        np.testing.assert_allclose(activations.get(name).forward(z), [values], rtol=1e-15)


def test_softmax_gives_probabilities_per_sample():
    z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    a = activations.get("softmax").forward(z)
    e = math.exp
    total = e(1) + e(2) + e(3)
    np.testing.assert_allclose(a[0], [e(1) / total, e(2) / total, e(3) / total], rtol=1e-15)
    np.testing.assert_allclose(a[1], [1 / 3, 1 / 3, 1 / 3], rtol=1e-15)
    np.testing.assert_allclose(a.sum(axis=1), [1.0, 1.0], rtol=1e-15)


def test_step_outputs_one_only_for_strictly_positive_sums():
    step = activations.get("step")
    assert step.forward(np.array([0.0]))[0] == 0.0
    assert step.forward(np.array([-0.0]))[0] == 0.0
    assert step.forward(np.array([1e-9]))[0] == 1.0
    assert step.forward(np.array([-1e-9]))[0] == 0.0


def test_step_passes_no_gradient():
    # Step units learn with the perceptron rule, not backpropagation.
    step = activations.get("step")
    z = np.array([[-1.0, 0.5, 2.0]])
    assert np.all(step.backward(z, step.forward(z), np.ones_like(z)) == 0.0)


def test_leaky_relu_slope_defaults_to_the_lecture_value():
    leaky = activations.get("leaky_relu")
    assert leaky.alpha == 0.1
    np.testing.assert_allclose(leaky.forward(np.array([-2.0, 4.0])), [-0.2, 4.0])
    np.testing.assert_allclose(leaky.derivative(np.array([-2.0, 4.0])), [0.1, 1.0])


def test_leaky_relu_alpha_zero_is_relu():
    z = np.linspace(-3, 3, 13)
    leaky0 = activations.get({"name": "leaky_relu", "alpha": 0})
    np.testing.assert_array_equal(leaky0.forward(z), activations.get("relu").forward(z))


def test_sigmoid_and_softmax_are_stable_for_huge_inputs():
    z = np.array([[-1000.0, 0.0, 1000.0]])
    # Underflow to 0 is the right answer (and NumPy ignores it by default); nothing may overflow.
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        sig = activations.get("sigmoid").forward(z)
        soft = activations.get("softmax").forward(z)
        tanh = activations.get("tanh").forward(z)
    # sigmoid(−1000) ≈ 5e−435 is below float64's range: anything within 1e−300 of 0 is exact.
    np.testing.assert_allclose(sig, [[0.0, 0.5, 1.0]], rtol=0, atol=1e-300)
    np.testing.assert_array_equal(soft, [[0.0, 0.0, 1.0]])
    np.testing.assert_array_equal(tanh, [[-1.0, 0.0, 1.0]])


@pytest.mark.parametrize("spec", SPECS, ids=_spec_id)
def test_float32_stays_float32(spec):
    act = activations.get(spec)
    z = np.array([[-1.5, 0.25, 2.0]], dtype=np.float32)
    a = act.forward(z)
    assert a.dtype == np.float32
    assert act.derivative(z).dtype == np.float32
    assert act.backward(z, a, np.ones_like(z)).dtype == np.float32


def test_integer_input_is_treated_as_float64():
    a = activations.get("sigmoid").forward(np.array([0, 1]))
    assert a.dtype == np.float64
    assert a[0] == 0.5


@pytest.mark.parametrize("spec", [*SPECS, {"name": "leaky_relu", "alpha": 0.0}], ids=_spec_id)
def test_config_round_trips(spec):
    act = activations.get(spec)
    config = act.get_config()
    again = activations.get(json.loads(json.dumps(config)))
    z = np.linspace(-4, 4, 17).reshape(1, -1)
    g = np.cos(z)
    np.testing.assert_array_equal(again.forward(z), act.forward(z))
    np.testing.assert_array_equal(
        again.backward(z, act.forward(z), g), act.backward(z, act.forward(z), g)
    )
    assert again == act


def test_default_parameters_serialise_as_the_plain_name():
    assert activations.get("relu").get_config() == "relu"
    assert activations.get("leaky_relu").get_config() == "leaky_relu"
    assert activations.get({"name": "leaky_relu", "alpha": 0.1}).get_config() == "leaky_relu"
    assert activations.get({"name": "leaky_relu", "alpha": 0.2}).get_config() == {
        "name": "leaky_relu",
        "alpha": 0.2,
    }


def test_every_name_resolves_and_has_help():
    assert set(activations.HELP) == set(activations.NAMES)
    for name in activations.NAMES:
        assert activations.get(name).name == name
        assert activations.HELP[name]
    relu = activations.get("relu")
    assert activations.get(relu) is relu


def test_saturated_fraction_counts_the_flat_tails():
    a = np.array([[0.005, 0.5, 0.995, 0.2]])
    assert activations.get("sigmoid").saturated_fraction(a) == 0.5
    t = np.array([[-0.995, 0.0, 0.999, 0.5]])
    assert activations.get("tanh").saturated_fraction(t) == 0.5
    assert activations.get("relu").saturated_fraction(a) is None
    assert activations.get("softmax").saturated_fraction(a) is None


@pytest.mark.parametrize(
    ("spec", "named"),
    [
        ("relux", "relux"),
        ({"name": "swish"}, "swish"),
        ({"name": "leaky_relu", "alpha": 1.0}, "1.0"),
        ({"name": "leaky_relu", "alpha": -0.1}, "-0.1"),
        ({"name": "leaky_relu", "alpha": "big"}, "big"),
        ({"name": "leaky_relu", "slope": 0.2}, "slope"),
        ({"name": "relu", "alpha": 0.2}, "alpha"),
        ({"alpha": 0.2}, "alpha"),
        (3, "3"),
    ],
)
def test_bad_specs_raise_a_message_naming_the_bad_value(spec, named):
    with pytest.raises(DlsimError, match=named):
        activations.get(spec)


def test_bounded_activations_have_fixed_ranges():
    assert activations.output_range("tanh") == (-1.0, 1.0)
    assert activations.output_range("sigmoid") == (0.0, 1.0)
    assert activations.output_range("relu") is None


def test_elu_follows_its_formula_and_alpha():
    z = np.array([[-3.0, -0.5, 0.0, 0.5, 2.0]])
    elu = activations.get("elu")
    assert elu.alpha == 1.0  # PyTorch's and Keras' default
    expected = [math.expm1(-3.0), math.expm1(-0.5), 0.0, 0.5, 2.0]
    np.testing.assert_allclose(elu.forward(z), [expected], rtol=1e-15)
    np.testing.assert_allclose(elu.derivative(z), [[math.exp(-3), math.exp(-0.5), 1, 1, 1]])
    half = activations.get({"name": "elu", "alpha": 0.5})
    assert half.get_config() == {"name": "elu", "alpha": 0.5}
    np.testing.assert_allclose(half.forward(np.array([-2.0])), [0.5 * math.expm1(-2.0)])
    with pytest.raises(DlsimError, match="-1"):
        activations.get({"name": "elu", "alpha": -1})


def test_elu_is_in_the_stepper_and_the_explorer_with_its_alpha():
    from dlsim.engine.teaching import explorer

    elu = activations.get({"name": "elu", "alpha": 0.5})
    assert elu.value_text("h1", "z1", -1.0, [-1.0]) == (
        "z1 if z1 > 0 else 0.5(e^z1 − 1)",
        "−1.00000000 if −1.00000000 > 0 else 0.5 × (e^(−1.00000000) − 1)",
    )
    assert elu.slope_text("h1", "z1", -0.3, -1.0)[0] == "1 if z1 > 0 else 0.5·e^z1"
    assert "elu" in explorer.explorer_names() and explorer.label("elu") == "ELU"
    assert [p.name for p in explorer.params("elu")] == ["alpha"]
    curves = explorer.activation_curves("elu", {"alpha": 2.0}, lo=-1, hi=1, n=3)
    np.testing.assert_allclose(curves.f, [2 * math.expm1(-1), 0, 1])
    assert curves.formula == "f(z) = z if z > 0 else 2(e^z − 1)"


def test_dead_units_are_those_flat_at_zero_for_the_whole_batch():
    a = np.array([[0.0, 0.5, 0.0, 0.0], [0.0, 0.0, 0.2, 0.0]])
    assert activations.get("relu").dead_fraction(a) == 0.5  # units 0 and 3
    assert activations.get("tanh").dead_fraction(a) is None
    assert activations.get("leaky_relu").dead_fraction(a) is None  # its slope never dies
