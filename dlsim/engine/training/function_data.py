"""TensorFlow Playground's other pictures: two classes on either side of a curve y = f(x), and
two 2-D regression surfaces (a tilted plane, a bump and a dip). Vectorised, seeded like the toys.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from dlsim.engine.training.data_arrays import Parts, split
from dlsim.engine.training.toy_data import _class_labels, _toy

# The curves the classes lie above and below, each over x in [−1, 1] with values in about ±½.
FUNCTIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sin": lambda x: 0.5 * np.sin(np.pi * x),
    "cubic": lambda x: x**3 - x,
    "abs": lambda x: np.abs(x) - 0.5,
}
FUNCTION_LABELS = ("y = ½·sin(πx)", "y = x³ − x", "y = |x| − ½")
GAP = (0.05, 0.8)  # how far a point lies above or below the curve, drawn uniformly
BUMPS = np.array([[-0.5, -0.5], [0.5, 0.5]])  # the two-Gaussian surface: a bump, then a dip
BUMP_SIGNS = np.array([1.0, -1.0])
BUMP_WIDTH = 0.35


def function(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    """Class 1 above the curve, class 0 below it (balanced), both coordinates jittered by noise."""
    n = params["n"]
    labels, _ = _class_labels(n, 2)
    x1 = rng.uniform(-1.0, 1.0, n)
    side = np.where(labels == 1, 1.0, -1.0)
    x2 = FUNCTIONS[params["function"]](x1) + side * rng.uniform(*GAP, n)
    x = np.stack([x1, x2], axis=1) + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, 2, params, rng)


def _surface(
    target: Callable[[np.ndarray], np.ndarray], params: dict, rng: np.random.Generator
) -> Parts:
    n = params["n"]
    x = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = target(x)[:, None] + params["noise"] * rng.standard_normal((n, 1))
    return (*split(x, y, params["val_split"], rng), "regression", ["x1", "x2"], ["y"])


def regression_plane(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    """y = (x1 + x2)/2 plus noise: the one surface a network without hidden layers fits."""
    return _surface(lambda x: 0.5 * (x[:, 0] + x[:, 1]), params, rng)


def regression_gaussians(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    """A bump of height +1 at (−½, −½) and a dip of −1 at (½, ½), σ = 0.35, plus noise."""

    def target(x: np.ndarray) -> np.ndarray:
        d2 = ((x[:, None, :] - BUMPS[None, :, :]) ** 2).sum(axis=2)
        return (BUMP_SIGNS * np.exp(-d2 / (2 * BUMP_WIDTH**2))).sum(axis=1)

    return _surface(target, params, rng)
