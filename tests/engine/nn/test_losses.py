"""Losses: the lecture's E_total, the textbook formulas, and gradients that match differences."""

import math
import warnings

import numpy as np
import pytest

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations, losses
from tests.engine.helpers import numerical_grad, relative_error


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _one_hot(rng, n, k):
    return np.eye(k)[rng.integers(0, k, size=n)]


def _probabilities_and_targets(name, rng, n=5, k=3):
    """Predictions away from 0 and 1 (so no clipping) and targets a user would feed each loss."""
    if name == "categorical_crossentropy":
        z = rng.normal(size=(n, k))
        return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True), _one_hot(rng, n, k)
    if name == "binary_crossentropy":
        return rng.uniform(0.05, 0.95, size=(n, k)), rng.integers(0, 2, size=(n, k)).astype(float)
    return rng.normal(size=(n, k)), rng.normal(size=(n, k))


def test_half_sse_reproduces_the_lectures_e_total():
    x = np.array([[0.1, 0.2]])
    w_hidden = np.array([[0.3, 0.4], [0.25, 0.35]])
    w_out = np.array([[0.45, 0.7], [0.4, 0.6]])
    output = _sigmoid(_sigmoid(x @ w_hidden) @ w_out)
    np.testing.assert_allclose(output, [[0.60944, 0.66384]], atol=1e-5)

    e_total = losses.get("half_sse").value(output, np.array([[0.4, 0.6]]))

    assert round(e_total, 8) == 0.02397190
    # dE/do1 = -(target_o1 - o1) = 0.20944600 in the lecture's backward step.
    grad = losses.get("half_sse").grad(output, np.array([[0.4, 0.6]]))
    assert round(grad[0, 0], 8) == 0.20944600


def test_half_sse_averages_over_samples():
    pred = np.array([[1.0, 2.0], [0.0, 0.0]])
    target = np.array([[0.0, 0.0], [0.0, 3.0]])
    # sample 1: 1/2 (1 + 4) = 2.5; sample 2: 1/2 * 9 = 4.5; mean over 2 samples = 3.5
    assert losses.get("half_sse").value(pred, target) == 3.5


def test_mse_is_the_mean_over_every_element():
    pred = np.array([[1.0, 2.0], [3.0, 4.0]])
    target = np.zeros((2, 2))
    assert losses.get("mse").value(pred, target) == (1 + 4 + 9 + 16) / 4


def test_binary_crossentropy_formula():
    p = np.array([[0.9, 0.2], [0.6, 0.3]])
    t = np.array([[1.0, 0.0], [0.0, 1.0]])
    expected = -(math.log(0.9) + math.log(0.8) + math.log(0.4) + math.log(0.3)) / 4
    assert losses.get("binary_crossentropy").value(p, t) == pytest.approx(expected, rel=1e-14)


def test_binary_crossentropy_clips_certain_wrong_answers():
    # p = 0 for a positive label would be log(0); it is clipped to 1e-7 instead.
    value = losses.get("binary_crossentropy").value(np.array([[0.0]]), np.array([[1.0]]))
    assert value == pytest.approx(-math.log(1e-7), rel=1e-9)


def test_categorical_crossentropy_formula():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    t = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    expected = -(math.log(0.7) + math.log(0.8)) / 2
    assert losses.get("categorical_crossentropy").value(p, t) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("name", losses.NAMES)
def test_grad_matches_finite_differences(name):
    rng = np.random.default_rng(0)
    loss = losses.get(name)
    pred, target = _probabilities_and_targets(name, rng)

    analytic = loss.grad(pred, target)
    numeric = numerical_grad(lambda p: loss.value(p, target), pred)

    assert analytic.shape == pred.shape
    assert relative_error(analytic, numeric) < 1e-6


FUSED = [name for name in losses.NAMES if losses.get(name).fused_activation]


def test_fused_activations_are_declared():
    assert losses.get("categorical_crossentropy").fused_activation == "softmax"
    assert losses.get("binary_crossentropy").fused_activation == "sigmoid"
    assert losses.get("mse").fused_activation is None
    assert losses.get("half_sse").fused_activation is None
    with pytest.raises(NotImplementedError):
        losses.get("mse").value_and_grad_from_logits(np.zeros((1, 1)), np.zeros((1, 1)))


@pytest.mark.parametrize("name", FUSED)
def test_fused_value_equals_the_loss_of_the_activated_output(name):
    rng = np.random.default_rng(1)
    loss = losses.get(name)
    act = activations.get(loss.fused_activation)
    z = rng.normal(size=(6, 3))
    target = _probabilities_and_targets(name, rng, n=6, k=3)[1]

    value, _ = loss.value_and_grad_from_logits(z, target)

    assert value == pytest.approx(loss.value(act.forward(z), target), rel=1e-12)


@pytest.mark.parametrize("name", FUSED)
def test_fused_grad_matches_finite_differences_in_z(name):
    rng = np.random.default_rng(2)
    loss = losses.get(name)
    z = rng.normal(size=(6, 3))
    target = _probabilities_and_targets(name, rng, n=6, k=3)[1]

    _, analytic = loss.value_and_grad_from_logits(z, target)
    numeric = numerical_grad(lambda v: loss.value_and_grad_from_logits(v, target)[0], z)

    assert relative_error(analytic, numeric) < 1e-6


def test_fused_grads_are_prediction_minus_target():
    rng = np.random.default_rng(3)
    n, k = 4, 3
    z = rng.normal(size=(n, k))

    t = _one_hot(rng, n, k)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    _, grad = losses.get("categorical_crossentropy").value_and_grad_from_logits(z, t)
    np.testing.assert_allclose(grad, (p - t) / n, rtol=1e-12, atol=1e-15)

    t = rng.integers(0, 2, size=(n, k)).astype(float)
    _, grad = losses.get("binary_crossentropy").value_and_grad_from_logits(z, t)
    np.testing.assert_allclose(grad, (_sigmoid(z) - t) / (n * k), rtol=1e-12, atol=1e-15)


def test_fused_losses_stay_exact_for_huge_logits():
    # A confidently wrong output: -log softmax = 2000 and softplus(1000) = 1000, not inf or 16.1.
    z = np.array([[1000.0, -1000.0]])
    # Underflow to 0 is the right answer (and NumPy ignores it by default); nothing may overflow.
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        cce, cce_grad = losses.get("categorical_crossentropy").value_and_grad_from_logits(
            z, np.array([[0.0, 1.0]])
        )
        bce, bce_grad = losses.get("binary_crossentropy").value_and_grad_from_logits(
            z, np.array([[0.0, 1.0]])
        )
    assert cce == 2000.0
    np.testing.assert_array_equal(cce_grad, [[1.0, -1.0]])
    assert bce == (1000.0 + 1000.0) / 2
    np.testing.assert_array_equal(bce_grad, [[0.5, -0.5]])


@pytest.mark.parametrize("name", losses.NAMES)
def test_value_is_a_python_float_and_float32_stays_float32(name):
    rng = np.random.default_rng(4)
    pred, target = _probabilities_and_targets(name, rng)
    loss = losses.get(name)
    value64 = loss.value(pred, target)
    value32 = loss.value(pred.astype(np.float32), target.astype(np.float32))
    assert type(value64) is float
    assert type(value32) is float
    assert value32 == pytest.approx(value64, rel=1e-5)
    assert loss.grad(pred.astype(np.float32), target).dtype == np.float32


def test_every_name_resolves_and_has_help():
    assert set(losses.HELP) == set(losses.NAMES)
    for name in losses.NAMES:
        loss = losses.get(name)
        assert loss.name == name
        assert losses.get(loss.get_config()) == loss
        assert losses.HELP[name]


@pytest.mark.parametrize("bad", ["crossentropy", "MSE", ""])
def test_unknown_loss_names_the_bad_value(bad):
    with pytest.raises(DlsimError, match=f"unknown loss '{bad}'"):
        losses.get(bad)


def test_shape_mismatch_is_reported():
    with pytest.raises(DlsimError, match=r"\(4, 2\).*\(4, 3\)"):
        losses.get("mse").value(np.zeros((4, 2)), np.zeros((4, 3)))
