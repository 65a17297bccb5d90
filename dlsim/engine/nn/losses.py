"""Loss functions and their gradients w.r.t. the network's output, chosen by name.

Cross-entropy losses also offer a fused path from the output layer's pre-activation ``z``
(log-sum-exp / softplus), which stays finite where log(softmax) or log(sigmoid) would not.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.activations import sigmoid
from dlsim.engine.nn.named import Named
from dlsim.engine.notation import MINUS, f8, given
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate

EPS = 1e-7


def _n_samples(a: np.ndarray) -> int:
    """Rows of a (n_samples, n_outputs) array; a 1-D array counts as one sample."""
    return max(1, a.size // a.shape[-1]) if a.ndim and a.shape[-1] else 1


class Loss(Named):
    """Base class: value(pred, target) -> float and grad(pred, target) = dLoss/dpred.

    Each subclass also carries its help and how the backprop stepper writes it for one output:
    templates with {o} (the output's name), {t} (its target), {p} (its value, 8 decimals), {k}
    (the number of outputs), {over_k} (" / k" when there are several) and {m} (a minus sign).
    """

    family: ClassVar[dict[str, type[Loss]]] = {}
    fused_activation: ClassVar[str | None] = None
    intro: ClassVar[str] = ""  # the stepper's sentence introducing the loss
    step_value: ClassVar[tuple[str, str] | None] = None  # E_o, plain and with numbers
    step_slope: ClassVar[tuple[str, str] | None] = None  # ∂E/∂o, plain and with numbers
    step_fused: ClassVar[tuple[str, str] | None] = None  # ∂E/∂z through the fused activation

    def value(self, pred: np.ndarray, target: np.ndarray) -> float:
        raise NotImplementedError

    def grad(self, pred: np.ndarray, target: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def value_and_grad_from_logits(
        self, z: np.ndarray, target: np.ndarray
    ) -> tuple[float, np.ndarray]:
        """Loss and dLoss/dz from the output's pre-activation z (fused losses only)."""
        raise NotImplementedError(f"loss {self.name!r} has no fused output activation")

    def _texts(
        self, templates: tuple[str, str] | None, o: str, k: int, ov: float, tv: float
    ) -> tuple[str, str] | None:
        if templates is None:
            return None
        fields = {"o": o, "k": k, "t": given(tv), "p": f8(ov), "m": MINUS}
        fields["over_k"] = f" / {k}" if k > 1 else ""
        return templates[0].format(**fields), templates[1].format(**fields)

    def value_text(self, o: str, k: int, ov: float, tv: float) -> tuple[str, str]:
        """E for one output, written symbolically and with its value and target filled in."""
        return self._texts(self.step_value, o, k, ov, tv) or (f"{self.name}({o})", "")

    def slope_text(self, o: str, k: int, ov: float, tv: float) -> tuple[str, str]:
        """∂E/∂o for one output, written symbolically and with the numbers filled in."""
        return self._texts(self.step_slope, o, k, ov, tv) or (f"{self.name}′({o})", "")

    def fused_text(self, o: str, k: int, ov: float, tv: float) -> tuple[str, str]:
        """∂E/∂z of a fused output activation and loss, taken in one go."""
        return self._texts(self.step_fused, o, k, ov, tv) or (f"∂{self.name}/∂z", "")

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
                translate(
                    "losses", "loss {0!r} got outputs of shape {1} but targets of shape {2}"
                ).format(self.name, pred.shape, target.shape)
            )
        return pred, target


class MeanSquaredError(Loss):
    """Mean over all elements of (pred - target)^2, as torch.nn.MSELoss()."""

    name = "mse"
    help = QT_TRANSLATE_NOOP(
        "Param", "mean of (y - y_hat)^2 over every output of every sample; for regression"
    )
    intro = QT_TRANSLATE_NOOP(
        "Loss", "Mean squared error: the squared errors averaged over the outputs."
    )
    step_value = ("(target_{o} {m} {o})\u00b2 / {k}", "({t} {m} {p})\u00b2 / {k}")
    step_slope = ("2({o} {m} target_{o}) / {k}", "2({p} {m} {t}) / {k}")

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
    help = QT_TRANSLATE_NOOP(
        "Param", "sum of 1/2 (target - output)^2 per sample, averaged: the lecture's E_total"
    )
    intro = QT_TRANSLATE_NOOP("Loss", "E_total = Σ ½(target − output)²: half the squared error.")
    step_value = ("\u00bd(target_{o} {m} {o})\u00b2", "\u00bd({t} {m} {p})\u00b2")
    step_slope = ("{m}(target_{o} {m} {o})", "{m}({t} {m} {p})")

    def value(self, pred: np.ndarray, target: np.ndarray) -> float:
        pred, target = self._pair(pred, target)
        return float(0.5 * np.sum((target - pred) ** 2) / _n_samples(pred))

    def grad(self, pred: np.ndarray, target: np.ndarray) -> np.ndarray:
        pred, target = self._pair(pred, target)
        return (pred - target) / _n_samples(pred)


class BinaryCrossentropy(Loss):
    """Mean over all elements of -[t log p + (1-t) log(1-p)], for sigmoid outputs."""

    name = "binary_crossentropy"
    help = QT_TRANSLATE_NOOP(
        "Param", "-[t log p + (1-t) log(1-p)] averaged; sigmoid outputs, yes/no labels"
    )
    fused_activation = "sigmoid"
    intro = QT_TRANSLATE_NOOP("Loss", "Binary cross-entropy: −[t·log o + (1 − t)·log(1 − o)].")
    step_value = (
        "{m}[target_{o}\u00b7log {o} + (1 {m} target_{o})\u00b7log(1 {m} {o})]{over_k}",
        "{m}[{t}\u00b7log {p} + (1 {m} {t})\u00b7log(1 {m} {p})]{over_k}",
    )
    step_slope = (
        "({o} {m} target_{o}) / ({o}(1 {m} {o})){over_k}",
        "({p} {m} {t}) / ({p} \u00d7 (1 {m} {p})){over_k}",
    )
    step_fused = ("{o} {m} target_{o}{over_k}", "{p} {m} {t}{over_k}")

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
    help = QT_TRANSLATE_NOOP(
        "Param", "-sum t_k log p_k per sample, averaged; softmax outputs, one-hot"
    )
    fused_activation = "softmax"
    intro = QT_TRANSLATE_NOOP("Loss", "Cross-entropy: −Σ target·log output.")
    step_value = ("{m}target_{o}\u00b7log {o}", "{m}{t}\u00b7log {p}")
    step_slope = ("{m}target_{o} / {o}", "{m}{t} / {p}")
    step_fused = ("{o} {m} target_{o}", "{p} {m} {t}")

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


def __getattr__(attr: str) -> Any:
    """NAMES and HELP, read from the classes when asked (so a class added below is in them)."""
    if attr == "NAMES":
        return tuple(Loss.family)
    if attr == "HELP":
        return {name: cls.help for name, cls in Loss.family.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


def get(name: str | Loss) -> Loss:
    """Resolve a loss name such as "mse" (or pass a Loss through unchanged)."""
    if isinstance(name, Loss):
        return name
    if not isinstance(name, str) or name not in Loss.family:
        raise DlsimError(
            translate("losses", "unknown loss {0!r} (choose one of: {1})").format(
                name, ", ".join(Loss.family)
            )
        )
    return Loss.family[name]()
