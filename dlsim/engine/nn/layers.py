"""Layer classes: each one builds its parameters, runs forward, and backpropagates.

A layer is small on purpose (Keras' contract, micrograd's size): `output_units` infers the shape
without allocating, `build` creates the parameters, `forward` caches what `backward` needs, and
`backward` fills `grads` and returns the gradient for each input. Every class registers its
parameters with `@register`, which is all the palette, inspector and file format need.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from dlsim.engine.nn import activations, initializers
from dlsim.engine.nn.registry import Param, register
from dlsim.engine.text import QT_TRANSLATE_NOOP

MAX_UNITS = 4096


class Layer:
    """Base class: parameters by name, their gradients, and the cached forward values.

    The contract every layer keeps (tests/engine/nn/test_contract.py checks it for each
    registered type):

    - `output_units(params, in_units)` (classmethod): the feature count it produces, without
      allocating anything; a DlsimError in one sentence when the inputs do not fit.
    - `build(in_units, rng, dtype)`: call `super().build` (it sets `self.units`), then create
      every trainable array in `self.weights[name]` (drawn from `rng`, which is the initial-
      weights stream, in `dtype`) and every non-trained array in `self.state[name]`.
    - `forward(inputs, training, rng)`: one array per incoming edge, shape (batch, features).
      It must set `self.a` to the array it returns (the trace, the activation histograms and the
      stepper's "after" values read it) and keep what `backward` needs. Randomness (dropout,
      noise) happens only when `training` is true and draws only from `rng`, the session's
      training stream, so the same seed gives the same run; with `training` false it is
      deterministic.
    - `backward(grad)`: given dL/d(output) of the last forward, fill `self.grads[name]` for every
      entry of `self.weights` (same shape) and return dL/d(input) for each input, in order.
    - optional: `penalty()` (regularization added to the loss), `activation` (the Activation it
      applies, if any), `trace()` (the values a step-through view shows).
    """

    type_name: ClassVar[str] = ""

    def __init__(self, node_id: str, params: dict[str, Any]) -> None:
        self.node_id = node_id
        self.config = params
        self.weights: dict[str, np.ndarray] = {}
        self.state: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.units = 0

    @classmethod
    def output_units(cls, params: dict[str, Any], in_units: list[int]) -> int:
        """Feature count this layer produces from its inputs; DlsimError when they do not fit."""
        return in_units[0]

    def build(self, in_units: list[int], rng: np.random.Generator, dtype: np.dtype) -> None:
        self.units = self.output_units(self.config, in_units)

    def forward(
        self, inputs: list[np.ndarray], training: bool, rng: np.random.Generator | None
    ) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray) -> list[np.ndarray]:
        raise NotImplementedError

    regularized = False
    input_grad = True  # the network turns this off where the input is the data itself

    def penalty(self) -> float:
        """Regularization added to the loss (zero unless the layer has a regularizer)."""
        return 0.0

    @property
    def activation(self) -> activations.Activation | None:
        return None

    def trace(self) -> dict[str, Any]:
        """The values of the last forward/backward pass that a step-through view shows."""
        return {}


@register(
    params=(
        Param(
            "units",
            "int",
            2,
            QT_TRANSLATE_NOOP("Param", "Number of input features"),
            1,
            10000,
            label=QT_TRANSLATE_NOOP("Param", "units"),
        ),
    ),
    help=QT_TRANSLATE_NOOP(
        "Layer", "Input: where the data enters; its units must equal the data set's feature count"
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Core"),
    inputs=(0, 0),
)
class Input(Layer):
    type_name = "Input"

    @classmethod
    def output_units(cls, params: dict[str, Any], in_units: list[int]) -> int:
        return params["units"]

    def forward(self, inputs, training, rng):
        (x,) = inputs
        self.a = x
        return x

    def backward(self, grad):
        return []


@register(
    params=(
        Param(
            "units",
            "int",
            8,
            QT_TRANSLATE_NOOP("Param", "Number of neurons in this layer"),
            1,
            MAX_UNITS,
            label=QT_TRANSLATE_NOOP("Param", "units"),
        ),
        Param(
            "activation",
            "activation",
            "linear",
            QT_TRANSLATE_NOOP("Param", "Non-linearity applied to X·W + b"),
            label=QT_TRANSLATE_NOOP("Param", "activation"),
        ),
        Param(
            "use_bias",
            "bool",
            True,
            QT_TRANSLATE_NOOP("Param", "Add a learned bias b to every neuron"),
            label=QT_TRANSLATE_NOOP("Param", "use bias"),
        ),
        Param(
            "kernel_initializer",
            "initializer",
            "glorot_uniform",
            QT_TRANSLATE_NOOP("Param", "How W starts"),
            label=QT_TRANSLATE_NOOP("Param", "kernel initializer"),
        ),
        Param(
            "bias_initializer",
            "initializer",
            "zeros",
            QT_TRANSLATE_NOOP("Param", "How b starts"),
            label=QT_TRANSLATE_NOOP("Param", "bias initializer"),
        ),
        Param(
            "kernel_regularizer",
            "regularizer",
            None,
            QT_TRANSLATE_NOOP("Param", "L1/L2 penalty on W: λ1·Σ|W| + λ2·ΣW²"),
            label=QT_TRANSLATE_NOOP("Param", "kernel regularizer"),
        ),
    ),
    help=QT_TRANSLATE_NOOP(
        "Layer", "Dense: fully connected layer, Y = f(X·W + b) with W of shape (inputs, units)"
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Core"),
    inputs=(1, 1),
)
class Dense(Layer):
    type_name = "Dense"

    @classmethod
    def output_units(cls, params, in_units):
        return params["units"]

    def build(self, in_units, rng, dtype):
        super().build(in_units, rng, dtype)
        self._act = activations.get(self.config["activation"])
        kernel_init = initializers.get(self.config["kernel_initializer"])
        self.weights["W"] = kernel_init((in_units[0], self.units), rng, dtype)
        if self.config["use_bias"]:
            bias_init = initializers.get(self.config["bias_initializer"])
            self.weights["b"] = bias_init((self.units,), rng, dtype)
        reg = self.config.get("kernel_regularizer") or {}
        self._l1 = reg.get("l1", 0.0)
        self._l2 = reg.get("l2", 0.0)
        self.regularized = bool(self._l1 or self._l2)

    @property
    def activation(self):
        return self._act

    def forward(self, inputs, training, rng):
        (x,) = inputs
        z = x @ self.weights["W"]
        if "b" in self.weights:
            z += self.weights["b"]
        self.x, self.z = x, z
        self.a = self._act.forward(z)
        return self.a

    def backward_from_z(self, delta: np.ndarray) -> list[np.ndarray]:
        """Backpropagate from dL/dz (used directly when the loss is fused with the activation)."""
        self.delta = delta
        W = self.weights["W"]
        dW = self.x.T @ delta
        if self._l1:
            dW += self._l1 * np.sign(W)
        if self._l2:
            dW += (2.0 * self._l2) * W
        self.grads["W"] = dW
        if "b" in self.weights:
            self.grads["b"] = delta.sum(axis=0)
        return [delta @ W.T if self.input_grad else None]

    def backward(self, grad):
        self.grad_a = grad
        return self.backward_from_z(self._act.backward(self.z, self.a, grad))

    def penalty(self):
        W = self.weights["W"]
        total = 0.0
        if self._l1:
            total += self._l1 * float(np.abs(W).sum())
        if self._l2:
            total += self._l2 * float(np.square(W).sum())
        return total

    def trace(self):
        return {
            "x": self.x,
            "z": self.z,
            "a": self.a,
            "dadz": self._act.derivative(self.z),
            "grad_a": getattr(self, "grad_a", None),
            "delta": self.delta,
        }


@register(
    params=(
        Param(
            "activation",
            "activation",
            "relu",
            QT_TRANSLATE_NOOP("Param", "The non-linearity to apply"),
            label=QT_TRANSLATE_NOOP("Param", "activation"),
        ),
    ),
    help=QT_TRANSLATE_NOOP(
        "Layer", "Activation: applies a non-linearity elementwise (sigmoid, tanh, ReLU, …)"
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Core"),
    inputs=(1, 1),
)
class Activation(Layer):
    type_name = "Activation"

    def build(self, in_units, rng, dtype):
        super().build(in_units, rng, dtype)
        self._act = activations.get(self.config["activation"])

    @property
    def activation(self):
        return self._act

    def forward(self, inputs, training, rng):
        (self.z,) = inputs
        self.a = self._act.forward(self.z)
        return self.a

    def backward_from_z(self, delta):
        self.delta = delta
        return [delta]

    def backward(self, grad):
        self.grad_a = grad
        return self.backward_from_z(self._act.backward(self.z, self.a, grad))

    def trace(self):
        return {
            "z": self.z,
            "a": self.a,
            "dadz": self._act.derivative(self.z),
            "grad_a": getattr(self, "grad_a", None),
            "delta": self.delta,
        }


@register(
    params=(
        Param(
            "rate",
            "float",
            0.5,
            QT_TRANSLATE_NOOP("Param", "Fraction of units dropped while training"),
            0.0,
            0.95,
            label=QT_TRANSLATE_NOOP("Param", "rate"),
        ),
    ),
    help=QT_TRANSLATE_NOOP(
        "Layer",
        "Dropout: randomly zeroes units while training (scaled by 1/(1−rate)); off at prediction",
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Regularization"),
    inputs=(1, 1),
    shown=("rate",),
)
class Dropout(Layer):
    type_name = "Dropout"

    def forward(self, inputs, training, rng):
        (x,) = inputs
        rate = self.config["rate"]
        if not training or rate == 0.0 or rng is None:
            self.mask = None
            self.a = x
            return x
        keep = 1.0 - rate
        self.mask = (rng.random(x.shape) < keep).astype(x.dtype) / x.dtype.type(keep)
        self.a = x * self.mask
        return self.a

    def backward(self, grad):
        return [grad if self.mask is None else grad * self.mask]

    def trace(self):
        return {"a": self.a, "mask": self.mask}


@register(
    params=(
        Param(
            "stddev",
            "float",
            0.1,
            QT_TRANSLATE_NOOP(
                "Param", "Standard deviation σ of the noise added to every value while training"
            ),
            0.0,
            10.0,
            label="\u03c3",
        ),
    ),
    help=QT_TRANSLATE_NOOP(
        "Layer",
        "GaussianNoise: adds N(0, σ²) noise to every value while training; nothing at prediction",
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Regularization"),
    inputs=(1, 1),
    shown=("stddev",),
)
class GaussianNoise(Layer):
    """x + ε with ε ~ N(0, σ²) drawn from the training stream; the identity at inference."""

    type_name = "GaussianNoise"

    def forward(self, inputs, training, rng):
        (x,) = inputs
        sigma = self.config["stddev"]
        if not training or sigma == 0.0 or rng is None:
            self.a = x
            return x
        self.a = x + rng.normal(0.0, sigma, size=x.shape).astype(x.dtype, copy=False)
        return self.a

    def backward(self, grad):
        return [grad]  # the noise is added, so d(x + ε)/dx = 1

    def trace(self):
        return {"a": self.a}


def _normalize_backward(grad_xhat: np.ndarray, xhat: np.ndarray, inv_std, axis: int) -> np.ndarray:
    """dL/dx for x̂ = (x − mean)/std where mean and (biased) variance are taken along `axis`."""
    n = xhat.shape[axis]
    sum_g = grad_xhat.sum(axis=axis, keepdims=True)
    sum_gx = (grad_xhat * xhat).sum(axis=axis, keepdims=True)
    return (inv_std / n) * (n * grad_xhat - sum_g - xhat * sum_gx)


# BatchNorm and LayerNorm take the same epsilon.
EPSILON = Param(
    "epsilon",
    "float",
    1e-5,
    QT_TRANSLATE_NOOP("Param", "Added to the variance before the square root"),
    1e-12,
    1,
    log_steps=True,
    label=QT_TRANSLATE_NOOP("Param", "epsilon"),
)


class _Normalization(Layer):
    """Shared by BatchNorm and LayerNorm: y = γ·x̂ + β, with x̂ normalized along `axis`."""

    axis = 0

    def build(self, in_units, rng, dtype):
        super().build(in_units, rng, dtype)
        self.weights["gamma"] = np.ones(self.units, dtype=dtype)
        self.weights["beta"] = np.zeros(self.units, dtype=dtype)

    def _scale_shift(self, x: np.ndarray, mean, var) -> np.ndarray:
        self.inv_std = 1.0 / np.sqrt(var + self.config["epsilon"])
        self.xhat = (x - mean) * self.inv_std
        self.a = self.weights["gamma"] * self.xhat + self.weights["beta"]
        return self.a

    def backward(self, grad):
        self.grads["gamma"] = (grad * self.xhat).sum(axis=0)
        self.grads["beta"] = grad.sum(axis=0)
        grad_xhat = grad * self.weights["gamma"]
        return [_normalize_backward(grad_xhat, self.xhat, self.inv_std, axis=self.axis)]

    def trace(self):
        return {"xhat": self.xhat, "a": self.a}


@register(
    params=(
        Param(
            "momentum",
            "float",
            0.1,
            QT_TRANSLATE_NOOP("Param", "Weight of the new batch in the running averages"),
            0,
            1,
            label=QT_TRANSLATE_NOOP("Param", "momentum"),
        ),
        EPSILON,
    ),
    help=QT_TRANSLATE_NOOP(
        "Layer",
        "BatchNorm: normalizes each feature over the mini-batch, then scales by γ and shifts by β",
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Normalization"),
    inputs=(1, 1),
)
class BatchNorm(_Normalization):
    type_name = "BatchNorm"

    def build(self, in_units, rng, dtype):
        super().build(in_units, rng, dtype)
        self.state["running_mean"] = np.zeros(self.units, dtype=dtype)
        self.state["running_var"] = np.ones(self.units, dtype=dtype)

    def forward(self, inputs, training, rng):
        (x,) = inputs
        if not training:
            return self._scale_shift(x, self.state["running_mean"], self.state["running_var"])
        mean = x.mean(axis=0)
        var = x.var(axis=0)
        m = self.config["momentum"]
        rm, rv = self.state["running_mean"], self.state["running_var"]
        rm *= 1.0 - m
        rm += m * mean
        if x.shape[0] > 1:  # one sample has no unbiased variance (PyTorch refuses it)
            rv *= 1.0 - m
            rv += m * var * (x.shape[0] / (x.shape[0] - 1))
        return self._scale_shift(x, mean, var)


@register(
    params=(EPSILON,),
    help=QT_TRANSLATE_NOOP(
        "Layer",
        "LayerNorm: normalizes each sample over its features, then scales by γ and shifts by β",
    ),
    category=QT_TRANSLATE_NOOP("Layer", "Normalization"),
    inputs=(1, 1),
)
class LayerNorm(_Normalization):
    type_name = "LayerNorm"
    axis = 1

    def forward(self, inputs, training, rng):
        (x,) = inputs
        return self._scale_shift(x, x.mean(axis=1, keepdims=True), x.var(axis=1, keepdims=True))
