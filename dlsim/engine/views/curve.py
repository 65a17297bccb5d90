"""The 1-D view's data: the x grid the network's curve is predicted on and the box it is drawn in.

A data set with one input and one output (the noisy sine of `regression_1d`) has no decision
plane; instead the training process predicts the network's output at evenly spaced x (the same
way, and at the same moments, as it predicts a boundary grid) and the view draws that curve
through the data points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate

CURVE_POINTS = 200


@dataclass(frozen=True)
class CurveGrid:
    """Evenly spaced x as `points` (n, 1); `extent` the box (x_min, x_max, y_min, y_max)
    around the data with a margin, so the view's axes stay put while the curve moves."""

    points: np.ndarray
    extent: tuple[float, float, float, float]
    resolution: int

    @property
    def x(self) -> np.ndarray:
        return self.points[:, 0]


def _span(values: np.ndarray, margin: float, fallback: float) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    lo = float(finite.min()) if finite.size else -fallback
    hi = float(finite.max()) if finite.size else fallback
    pad = margin * max(hi - lo, 1e-3)
    return lo - pad, hi + pad


def curve_grid(
    x: Sequence[np.ndarray],
    y: Sequence[np.ndarray],
    resolution: int = CURVE_POINTS,
    margin: float = 0.1,
) -> CurveGrid:
    """`resolution` x values spanning the 1-D inputs `x` (several arrays: train, validation)
    plus a margin, and the y range of the targets `y` plus the same margin."""
    xs = np.concatenate([np.asarray(a, dtype=np.float64) for a in x])
    ys = np.concatenate([np.asarray(a, dtype=np.float64) for a in y])
    if xs.ndim != 2 or xs.shape[1] != 1 or ys.ndim != 2 or ys.shape[1] != 1:
        raise DlsimError(
            translate("curve", "a curve view needs data with one input and one output")
        )
    if resolution < 2:
        raise DlsimError(
            translate("curve", "the curve needs at least 2 points, not {0}").format(resolution)
        )
    x0, x1 = _span(xs[:, 0], margin, 1.0)
    y0, y1 = _span(ys[:, 0], margin, 1.0)
    points = np.linspace(x0, x1, resolution)[:, None]
    return CurveGrid(points, (x0, x1, y0, y1), resolution)
