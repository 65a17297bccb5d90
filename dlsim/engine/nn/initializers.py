"""Weight initializers by name, including the lecture's Glorot/Xavier and He schemes.

Every initializer draws from the caller's ``numpy.random.Generator`` in float64 and then casts,
so the same seed gives the same starting weights (up to rounding) in float32 and float64.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.named import Named, resolve
from dlsim.engine.nn.params import Param
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """(fan_in, fan_out): (n_in, n_out) for a kernel of shape (n_in, n_out); (n, n) for a bias."""
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    receptive = int(np.prod(shape[:-2]))
    return shape[-2] * receptive, shape[-1] * receptive


class Initializer(Named):
    """Base class: called with (shape, rng, dtype) it returns a freshly drawn array.

    Each subclass declares its name, help and parameters; defining it registers it.
    """

    family: ClassVar[dict[str, type[Initializer]]] = {}

    def __call__(
        self, shape: tuple[int, ...], rng: np.random.Generator, dtype: Any = np.float64
    ) -> np.ndarray:
        return self._draw(tuple(shape), rng).astype(dtype, copy=False)

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError


class Zeros(Initializer):
    name = "zeros"
    help = QT_TRANSLATE_NOOP(
        "Param",
        "all 0: fine for biases; for weights every unit stays identical (no symmetry break)",
    )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.zeros(shape)


class Ones(Initializer):
    name = "ones"
    help = QT_TRANSLATE_NOOP("Param", "all 1: mainly for scales such as BatchNorm's gamma")

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.ones(shape)


class Constant(Initializer):
    name = "constant"
    help = QT_TRANSLATE_NOOP("Param", "every entry equals value")
    params = (
        Param(
            "value",
            "float",
            0.0,
            QT_TRANSLATE_NOOP("Param", "the value of every entry"),
            label=QT_TRANSLATE_NOOP("Param", "value"),
        ),
    )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.full(shape, self.value)


class Uniform(Initializer):
    name = "uniform"
    help = QT_TRANSLATE_NOOP(
        "Param", "U(minval, maxval), default U(-0.05, 0.05): Keras' 'uniform' from the lecture"
    )
    params = (
        Param(
            "minval",
            "float",
            -0.05,
            QT_TRANSLATE_NOOP("Param", "lower end of the interval"),
            label=QT_TRANSLATE_NOOP("Param", "minval"),
        ),
        Param(
            "maxval",
            "float",
            0.05,
            QT_TRANSLATE_NOOP("Param", "upper end of the interval"),
            label=QT_TRANSLATE_NOOP("Param", "maxval"),
        ),
    )

    def check(self) -> None:
        if self.minval > self.maxval:
            raise DlsimError(
                translate(
                    "initializers", "uniform minval ({0}) must not be greater than maxval ({1})"
                ).format(self.minval, self.maxval)
            )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return rng.uniform(self.minval, self.maxval, size=shape)


class Normal(Initializer):
    name = "normal"
    help = QT_TRANSLATE_NOOP("Param", "N(mean, stddev^2), default stddev 0.05")
    params = (
        Param(
            "mean",
            "float",
            0.0,
            QT_TRANSLATE_NOOP("Param", "centre of the distribution"),
            label=QT_TRANSLATE_NOOP("Param", "mean"),
        ),
        Param(
            "stddev",
            "float",
            0.05,
            QT_TRANSLATE_NOOP("Param", "standard deviation"),
            0.0,
            label=QT_TRANSLATE_NOOP("Param", "stddev"),
        ),
    )

    def check(self) -> None:
        if self.stddev < 0:
            raise DlsimError(
                translate("initializers", "normal stddev must not be negative, got {0}").format(
                    self.stddev
                )
            )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return rng.normal(self.mean, self.stddev, size=shape)


class GlorotUniform(Initializer):
    name = "glorot_uniform"
    help = QT_TRANSLATE_NOOP(
        "Param", "Xavier: U(-sqrt(6/(n_in+n_out)), +sqrt(6/(n_in+n_out))); sigmoid/tanh"
    )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        limit = np.sqrt(6 / max(1, sum(fans(shape))))
        return rng.uniform(-limit, limit, size=shape)


class GlorotNormal(Initializer):
    name = "glorot_normal"
    help = QT_TRANSLATE_NOOP(
        "Param", "Xavier: normal with sigma = sqrt(2/(n_in+n_out)); good with sigmoid/tanh"
    )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return rng.normal(0.0, np.sqrt(2 / max(1, sum(fans(shape)))), size=shape)


class HeUniform(Initializer):
    name = "he_uniform"
    help = QT_TRANSLATE_NOOP(
        "Param", "He: U(-sqrt(6/n_in), +sqrt(6/n_in)); the usual pairing with ReLU"
    )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        limit = np.sqrt(6 / max(1, fans(shape)[0]))
        return rng.uniform(-limit, limit, size=shape)


class HeNormal(Initializer):
    name = "he_normal"
    help = QT_TRANSLATE_NOOP(
        "Param", "He: normal with sigma = sqrt(2/n_in); the usual pairing with ReLU"
    )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return rng.normal(0.0, np.sqrt(2 / max(1, fans(shape)[0])), size=shape)


def __getattr__(attr: str) -> Any:
    """NAMES and HELP, read from the classes when asked (so a class added below is in them)."""
    if attr == "NAMES":
        return tuple(Initializer.family)
    if attr == "HELP":
        return {name: cls.help for name, cls in Initializer.family.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")


def get(spec: str | dict[str, Any] | Initializer) -> Initializer:
    """Resolve "he_normal", {"name": "uniform", "maxval": 0.1} or an Initializer."""
    return resolve(spec, Initializer, Initializer.family, "initializer")
