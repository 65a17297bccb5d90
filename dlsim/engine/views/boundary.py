"""The decision-boundary plot's data: a grid over the data plane, the map on it, class labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate


@dataclass(frozen=True)
class BoundaryGrid:
    """A regular grid over the data plane: `points` row-major (y slowest), `extent` its box."""

    points: np.ndarray
    extent: tuple[float, float, float, float]  # x_min, x_max, y_min, y_max
    resolution: int


def boundary_grid(
    x: np.ndarray | Sequence[np.ndarray], resolution: int = 64, margin: float = 0.15
) -> BoundaryGrid:
    """Grid points covering the 2-D data `x` (or several arrays of it) plus a margin."""
    arrays = [np.asarray(a, dtype=np.float64) for a in (x if isinstance(x, list | tuple) else [x])]
    if not arrays or any(a.ndim != 2 or a.shape[1] != 2 for a in arrays):
        raise DlsimError(
            translate("boundary", "a decision boundary needs 2-D data (two input features)")
        )
    x = np.concatenate(arrays)
    if resolution < 2:
        raise DlsimError(
            translate(
                "boundary", "the boundary grid needs at least 2 points a side, not {0}"
            ).format(resolution)
        )
    finite = x[np.all(np.isfinite(x), axis=1)]
    lo = finite.min(axis=0) if finite.size else np.array([-1.0, -1.0])
    hi = finite.max(axis=0) if finite.size else np.array([1.0, 1.0])
    span = np.maximum(hi - lo, 1e-3)
    lo, hi = lo - margin * span, hi + margin * span
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    gx, gy = np.meshgrid(xs, ys)
    points = np.stack([gx.ravel(), gy.ravel()], axis=1)
    return BoundaryGrid(
        points, (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])), resolution
    )


def boundary_image(
    pred: np.ndarray, resolution: int, discrete: bool = False
) -> tuple[np.ndarray, tuple[float, float]]:
    """The network's output over a grid as an image (rows = y) and its colour levels.

    One output: the output itself, levels [0, 1] when it looks like a probability. Several
    outputs: the winning class index, levels [0, k − 1]. `discrete` paints one output in two
    colours only, split at the middle of its levels (0.5 for a probability: the class decided).
    """
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 2 or pred.shape[0] != resolution * resolution:
        raise DlsimError(
            translate("boundary", "expected {0} predictions, got {1}").format(
                resolution * resolution, pred.shape[0]
            )
        )
    if pred.shape[1] == 1:
        img = pred[:, 0].reshape(resolution, resolution)
        finite = img[np.isfinite(img)]
        if finite.size and finite.min() >= 0 and finite.max() <= 1:
            levels = (0.0, 1.0)
        elif finite.size:
            levels = (float(finite.min()), float(max(finite.max(), finite.min() + 1e-9)))
        else:
            levels = (0.0, 1.0)
        img = np.nan_to_num(img, nan=levels[0])
        if discrete:
            img = np.where(img > 0.5 * (levels[0] + levels[1]), levels[1], levels[0])
        return img, levels
    img = pred.argmax(axis=1).reshape(resolution, resolution).astype(np.float64)
    return img, (0.0, float(pred.shape[1] - 1))


def class_labels(y: np.ndarray) -> np.ndarray:
    """Class index of each target row: threshold 0.5 for one column, argmax for several."""
    y = np.asarray(y)
    if y.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    if y.shape[1] == 1:
        return (y[:, 0] > 0.5).astype(np.int64)
    return y.argmax(axis=1).astype(np.int64)


MAX_DRAWN_POINTS = 4000  # per split: more hide one another, and 80,000 took 0.4 s to draw


def drawn_rows(n: int, limit: int = MAX_DRAWN_POINTS) -> np.ndarray:
    """Which of `n` samples a plot draws: all of them up to `limit`, else `limit` evenly
    spaced ones, so each class keeps its share of the picture."""
    if n <= limit:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, limit).round().astype(np.int64))
