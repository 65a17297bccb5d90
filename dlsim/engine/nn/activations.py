"""Activation functions with their backward pass, so layers can apply any of them by name.

Each activation maps a pre-activation ``z`` to ``a = forward(z)`` and turns ``dL/da`` into
``dL/dz`` in ``backward``. Outputs keep the input's floating dtype (float32 stays float32).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.named import Named, number, resolve

NAMES: tuple[str, ...] = ("linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "softmax")

HELP: dict[str, str] = {
    "linear": "x: no non-linearity; use for regression outputs",
    "step": "1 if x > 0 else 0: the perceptron's threshold; no gradient (perceptron rule)",
    "sigmoid": "1/(1+e^-x): squashes to (0, 1); saturates (vanishing gradient) for large |x|",
    "tanh": "tanh(x): squashes to (-1, 1), zero-centred; saturates for large |x|",
    "relu": "max(0, x): cheap, does not saturate for x > 0",
    "leaky_relu": "max(alpha*x, x): ReLU with a small slope alpha (default 0.1) for x < 0",
    "softmax": "e^x_i / sum_j e^x_j over a sample's outputs: class probabilities that sum to 1",
}


def _as_float(z: np.ndarray) -> np.ndarray:
    """Keep float32/float64 as given; promote anything else (ints, lists) to float64."""
    if type(z) is not np.ndarray:
        z = np.asarray(z)
    return z if z.dtype.kind == "f" else z.astype(np.float64)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1/(1 + e^−z), accurate in both tails; z is floored so e^−z cannot overflow."""
    floor = -700.0 if z.dtype.itemsize >= 8 else -85.0
    t = np.maximum(z, floor)
    np.negative(t, out=t)
    np.exp(t, out=t)
    t += 1.0
    return np.reciprocal(t, out=t)


class Activation(Named):
    """Base class: a named function f with f' and the chain-rule step dL/dz = dL/da * f'(z)."""

    def forward(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """Elementwise f'(z), the curve a learner plots next to f."""
        raise NotImplementedError

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        """dL/dz given dL/da (a = forward(z), passed so sigmoid/tanh/softmax reuse it)."""
        return np.asarray(grad_a) * self.derivative(z)

    def saturated_fraction(self, a: np.ndarray) -> float | None:
        """Share of outputs in the flat tails where gradients vanish; None if it cannot saturate."""
        return None


class Linear(Activation):
    name = "linear"

    def forward(self, z: np.ndarray) -> np.ndarray:
        return _as_float(z).copy()

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return np.ones_like(_as_float(z))


class Step(Activation):
    """1 only when z > 0 strictly (the lecture's gate convention).

    Its derivative is zero everywhere (undefined at 0), so backpropagation passes no gradient
    through it: step units are trained with the perceptron rule instead (see perceptron.py).
    """

    name = "step"

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return (z > 0).astype(z.dtype)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return np.zeros_like(_as_float(z))


class Sigmoid(Activation):
    name = "sigmoid"

    def forward(self, z: np.ndarray) -> np.ndarray:
        return sigmoid(_as_float(z))

    def derivative(self, z: np.ndarray) -> np.ndarray:
        a = self.forward(z)
        return a * (1 - a)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a * a * (1 - a)

    def saturated_fraction(self, a: np.ndarray) -> float | None:
        a = np.asarray(a)
        return float(np.mean((a < 0.01) | (a > 0.99))) if a.size else 0.0


class Tanh(Activation):
    name = "tanh"

    def forward(self, z: np.ndarray) -> np.ndarray:
        return np.tanh(_as_float(z))

    def derivative(self, z: np.ndarray) -> np.ndarray:
        return 1 - np.tanh(_as_float(z)) ** 2

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a * (1 - a * a)

    def saturated_fraction(self, a: np.ndarray) -> float | None:
        a = np.asarray(a)
        return float(np.mean(np.abs(a) > 0.99)) if a.size else 0.0


class ReLU(Activation):
    name = "relu"

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return np.maximum(z, 0).astype(z.dtype, copy=False)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return (z > 0).astype(z.dtype)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        return grad_a * (z > 0)


class LeakyReLU(Activation):
    """max(alpha*z, z); the lecture uses alpha = 0.1 (Keras defaults to 0.3, PyTorch to 0.01)."""

    name = "leaky_relu"
    defaults = {"alpha": 0.1}

    def __init__(self, alpha: float = 0.1) -> None:
        self.alpha = number("leaky_relu", "alpha", alpha)
        if not 0 <= self.alpha < 1:
            raise DlsimError(f"leaky_relu alpha must be in [0, 1), got {alpha!r}")

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return np.where(z > 0, z, self.alpha * z).astype(z.dtype, copy=False)

    def derivative(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        return np.where(z > 0, 1, self.alpha).astype(z.dtype)


class Softmax(Activation):
    """Softmax over the last axis, shifted by each row's max so exp never overflows."""

    name = "softmax"

    def forward(self, z: np.ndarray) -> np.ndarray:
        z = _as_float(z)
        e = z - z.max(axis=-1, keepdims=True)
        np.exp(e, out=e)
        e /= e.sum(axis=-1, keepdims=True)
        return e

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """Only the Jacobian's diagonal a(1-a); backward uses the full Jacobian."""
        a = self.forward(z)
        return a * (1 - a)

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        # Jacobian-vector product: J = diag(a) - a a^T, so J g = a * (g - <g, a>).
        return a * (grad_a - np.sum(grad_a * a, axis=-1, keepdims=True))


_CLASSES: dict[str, type[Activation]] = {
    cls.name: cls for cls in (Linear, Step, Sigmoid, Tanh, ReLU, LeakyReLU, Softmax)
}


def get(spec: str | dict[str, Any] | Activation) -> Activation:
    """Resolve "relu", {"name": "leaky_relu", "alpha": 0.2} or an Activation to an Activation."""
    return resolve(spec, Activation, _CLASSES, "activation")
