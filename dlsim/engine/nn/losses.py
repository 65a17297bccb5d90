"""Loss functions and their gradients w.r.t. the network's output, chosen by name.

Cross-entropy losses also offer a fused path from the output layer's pre-activation ``z``
(log-sum-exp / softplus), which stays finite where log(softmax) or log(sigmoid) would not.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.activations import sigmoid

NAMES: tuple[str, ...] = ("mse", "half_sse", "binary_crossentropy", "categorical_crossentropy")

HELP: dict[str, str] = {
    "mse": "mean of (y - y_hat)^2 over every output of every sample; for regression",
    "half_sse": "sum of 1/2 (target - output)^2 per sample, averaged: the lecture's E_total",
    "binary_crossentropy": "-[t log p + (1-t) log(1-p)] averaged; sigmoid outputs, yes/no labels",
    "categorical_crossentropy": "-sum t_k log p_k per sample, averaged; softmax outputs, one-hot",
}

EPS = 1e-7


def _n_samples(a: np.ndarray) -> int:
    """Rows of a (n_samples, n_outputs) array; a 1-D array counts as one sample."""
    return max(1, a.size // a.shape[-1]) if a.ndim and a.shape[-1] else 1


class Loss:
    """Base class: value(pred, target) -> float and grad(pred, target) = dLoss/dpred."""

    name: ClassVar[str] = ""
    fused_activation: ClassVar[str | None] = None

    def value(self, pred: np.ndarray, target: np.ndarray) -> float:
        raise NotImplementedError

    def grad(self, pred: np.ndarray, target: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def value_and_grad_from_logits(
        self, z: np.ndarray, target: np.ndarray
    ) -> tuple[float, np.ndarray]:
        """Loss and dLoss/dz from the output's pre-activation z (fused losses only)."""
        raise NotImplementedError(f"loss {self.name!r} has no fused output activation")

    def get_config(self) -> str:
        return self.name

    def _pair(self, pred: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Both arrays as floats in pred's dtype, after checking their shapes agree."""
        if type(pred) is not np.ndarray or pred.dtype.kind != "f":
            pred = np.asarray(pred)
            if pred.dtype.kind != "f":
                pred = pred.astype(np.float64)
        if type(target) is not np.ndarray or target.dtype != pred.dtype:
            target = np.asarray(target, dtype=pred.dtype)
        if pred.shape != target.shape:
            raise DlsimError(
                f"loss {self.name!r} got outputs of shape {pred.shape} "
                f"but targets of shape {target.shape}"
            )
        return pred, target

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class MeanSquaredError(Loss):
    """Mean over all elements of (pred - target)^2, as torch.nn.MSELoss()."""

    name = "mse"

    def value(self, pred: np.ndarray, target: np.ndarray) -> float:
        pred, target = self._pair(pred, target)
        diff = pred - target
        return float(np.vdot(diff, diff)) / max(diff.size, 1)

    def grad(self, pred: np.ndarray, target: np.ndarray) -> np.ndarray:
        pred, target = self._pair(pred, target)
        return 2 * (pred - target) / max(pred.size, 1)


class HalfSumSquaredError(Loss):
    """(1/n) sum over samples and outputs of 1/2 (target - pred)^2: the lecture's E_total."""

    name = "half_sse"

    def value(self, pred: np.ndarray, target: np.ndarray) -> float:
        pred, target = self._pair(pred, target)
        return float(0.5 * np.sum((target - pred) ** 2) / _n_samples(pred))

    def grad(self, pred: np.ndarray, target: np.ndarray) -> np.ndarray:
        pred, target = self._pair(pred, target)
        return (pred - target) / _n_samples(pred)


class BinaryCrossentropy(Loss):
    """Mean over all elements of -[t log p + (1-t) log(1-p)], for sigmoid outputs."""

    name = "binary_crossentropy"
    fused_activation = "sigmoid"

    def value(self, pred: np.ndarray, target: np.ndarray) -> float:
        pred, t = self._pair(pred, target)
        p = np.clip(pred, EPS, 1 - EPS)
        return float(np.mean(-(t * np.log(p) + (1 - t) * np.log(1 - p))))

    def grad(self, pred: np.ndarray, target: np.ndarray) -> np.ndarray:
        # Evaluated at the clipped p, so a saturated output (p = 0 or 1) still gets a gradient.
        pred, t = self._pair(pred, target)
        p = np.clip(pred, EPS, 1 - EPS)
        return (p - t) / (p * (1 - p)) / max(p.size, 1)

    def value_and_grad_from_logits(
        self, z: np.ndarray, target: np.ndarray
    ) -> tuple[float, np.ndarray]:
        # -[t log s(z) + (1-t) log(1-s(z))] = softplus(z) - t z, softplus written overflow-free.
        z, t = self._pair(z, target)
        per_element = np.maximum(z, 0) - t * z + np.log1p(np.exp(-np.abs(z)))
        grad = (sigmoid(z) - t) / max(z.size, 1)
        return float(per_element.sum()) / max(z.size, 1), grad


class CategoricalCrossentropy(Loss):
    """Mean over samples of -sum_k t_k log p_k, for softmax outputs and one-hot targets."""

    name = "categorical_crossentropy"
    fused_activation = "softmax"

    def value(self, pred: np.ndarray, target: np.ndarray) -> float:
        pred, t = self._pair(pred, target)
        p = np.clip(pred, EPS, 1)
        return float(-np.sum(t * np.log(p)) / _n_samples(pred))

    def grad(self, pred: np.ndarray, target: np.ndarray) -> np.ndarray:
        pred, t = self._pair(pred, target)
        return -t / np.clip(pred, EPS, 1) / _n_samples(pred)

    def value_and_grad_from_logits(
        self, z: np.ndarray, target: np.ndarray
    ) -> tuple[float, np.ndarray]:
        # log p = z - logsumexp(z), computed after subtracting each row's max.
        z, t = self._pair(z, target)
        shifted = z - z.max(axis=-1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
        p = np.exp(log_p)
        n = _n_samples(z)
        # (p - t)/n when each target row sums to 1 (one-hot); exact for any target otherwise.
        grad = (p * np.sum(t, axis=-1, keepdims=True) - t) / n
        return float(-np.sum(t * log_p) / n), grad


_CLASSES: dict[str, type[Loss]] = {
    cls.name: cls
    for cls in (MeanSquaredError, HalfSumSquaredError, BinaryCrossentropy, CategoricalCrossentropy)
}


def get(name: str | Loss) -> Loss:
    """Resolve a loss name such as "mse" (or pass a Loss through unchanged)."""
    if isinstance(name, Loss):
        return name
    if not isinstance(name, str) or name not in _CLASSES:
        raise DlsimError(f"unknown loss {name!r} (choose one of: {', '.join(NAMES)})")
    return _CLASSES[name]()
