"""Weight initializers by name, including the lecture's Glorot/Xavier and He schemes.

Every initializer draws from the caller's ``numpy.random.Generator`` in float64 and then casts,
so the same seed gives the same starting weights (up to rounding) in float32 and float64.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.named import Named, number, resolve

NAMES: tuple[str, ...] = (
    "zeros",
    "ones",
    "constant",
    "uniform",
    "normal",
    "glorot_uniform",
    "glorot_normal",
    "he_uniform",
    "he_normal",
)

HELP: dict[str, str] = {
    "zeros": "all 0: fine for biases; for weights every unit stays identical (no symmetry break)",
    "ones": "all 1: mainly for scales such as BatchNorm's gamma",
    "constant": "every entry equals value",
    "uniform": "U(minval, maxval), default U(-0.05, 0.05): Keras' 'uniform' from the lecture",
    "normal": "N(mean, stddev^2), default stddev 0.05",
    "glorot_uniform": "Xavier: U(-sqrt(6/(n_in+n_out)), +sqrt(6/(n_in+n_out))); sigmoid/tanh",
    "glorot_normal": "Xavier: normal with sigma = sqrt(2/(n_in+n_out)); good with sigmoid/tanh",
    "he_uniform": "He: U(-sqrt(6/n_in), +sqrt(6/n_in)); the usual pairing with ReLU",
    "he_normal": "He: normal with sigma = sqrt(2/n_in); the usual pairing with ReLU",
}


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """(fan_in, fan_out): (n_in, n_out) for a kernel of shape (n_in, n_out); (n, n) for a bias."""
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    receptive = int(np.prod(shape[:-2]))
    return shape[-2] * receptive, shape[-1] * receptive


class Initializer(Named):
    """Base class: called with (shape, rng, dtype) it returns a freshly drawn array."""

    def __init__(self, **params: Any) -> None:
        """Unknown parameter names are refused by `get`; the values are checked here."""
        for key, default in self.defaults.items():
            setattr(self, key, number(self.name, key, params.get(key, default)))

    def __call__(
        self, shape: tuple[int, ...], rng: np.random.Generator, dtype: Any = np.float64
    ) -> np.ndarray:
        return self._draw(tuple(shape), rng).astype(dtype, copy=False)

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError


class Zeros(Initializer):
    name = "zeros"

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.zeros(shape)


class Ones(Initializer):
    name = "ones"

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.ones(shape)


class Constant(Initializer):
    name = "constant"
    defaults = {"value": 0.0}

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.full(shape, self.value)


class Uniform(Initializer):
    name = "uniform"
    defaults = {"minval": -0.05, "maxval": 0.05}

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        if self.minval > self.maxval:
            raise DlsimError(
                f"uniform minval ({self.minval}) must not be greater than maxval ({self.maxval})"
            )

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return rng.uniform(self.minval, self.maxval, size=shape)


class Normal(Initializer):
    name = "normal"
    defaults = {"mean": 0.0, "stddev": 0.05}

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        if self.stddev < 0:
            raise DlsimError(f"normal stddev must not be negative, got {self.stddev}")

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return rng.normal(self.mean, self.stddev, size=shape)


class GlorotUniform(Initializer):
    name = "glorot_uniform"

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        limit = np.sqrt(6 / max(1, sum(fans(shape))))
        return rng.uniform(-limit, limit, size=shape)


class GlorotNormal(Initializer):
    name = "glorot_normal"

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return rng.normal(0.0, np.sqrt(2 / max(1, sum(fans(shape)))), size=shape)


class HeUniform(Initializer):
    name = "he_uniform"

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        limit = np.sqrt(6 / max(1, fans(shape)[0]))
        return rng.uniform(-limit, limit, size=shape)


class HeNormal(Initializer):
    name = "he_normal"

    def _draw(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return rng.normal(0.0, np.sqrt(2 / max(1, fans(shape)[0])), size=shape)


_CLASSES: dict[str, type[Initializer]] = {
    cls.name: cls
    for cls in (
        Zeros,
        Ones,
        Constant,
        Uniform,
        Normal,
        GlorotUniform,
        GlorotNormal,
        HeUniform,
        HeNormal,
    )
}


def get(spec: str | dict[str, Any] | Initializer) -> Initializer:
    """Resolve "he_normal", {"name": "uniform", "maxval": 0.1} or an Initializer."""
    return resolve(spec, Initializer, _CLASSES, "initializer")
