"""When a training session predicts the decision-boundary grid, so the map never slows training.

Predicting the grid (1,600 points through the whole network) can cost as much as a dozen
training steps of a small data set: done at every publish (30 a second) it took more than half
of the training process's time on the overfitting example. While a run is in progress the grid
is therefore predicted again only when the last prediction's cost is at most BOUNDARY_SHARE of
the time since it began (and the snapshots in between carry the last map); at rest (paused, idle,
after Step n, after a divergence) every publish predicts it, so a still map is always the
current weights' one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np

BOUNDARY_SHARE = 0.1  # at most this share of a run's wall time goes to the boundary grid


def predict_grid(experiment: Any, grid: np.ndarray) -> np.ndarray:
    """The network's output over the grid, as a read-only copy."""
    boundary = np.array(experiment.predict(grid), copy=True)
    boundary.flags.writeable = False
    return boundary


class BoundaryJob:
    """The grid to predict, the last map predicted on it, and when the next one is due.

    `predict(experiment, grid)` makes what a snapshot carries from the grid (by default the
    output alone); it is called only when due, and its last result is handed out in between.
    """

    def __init__(self, predict: Callable[[Any, np.ndarray], Any] = predict_grid) -> None:
        self.predict = predict
        self.grid: np.ndarray | None = None
        self.predictions = 0  # how many times the grid was predicted (for tests and benches)
        self._last: Any = None
        self._due_at = 0.0

    def set_grid(self, grid: np.ndarray | None) -> None:
        """A new grid (None: nothing to predict); the map of the old one is dropped."""
        self.grid = grid
        self.forget()

    def forget(self) -> None:
        """The weights changed other than by training (a reset, a new experiment): no old map."""
        self._last = None
        self._due_at = 0.0

    def boundary(self, experiment: Any, running: bool) -> Any:
        """The map for a snapshot (None without a grid): predicted now when at rest or due, else
        the last one."""
        if self.grid is None:
            return None
        start = time.perf_counter()
        if running and self._last is not None and start < self._due_at:
            return self._last
        self._last = self.predict(experiment, self.grid)
        self._due_at = start + (time.perf_counter() - start) / BOUNDARY_SHARE
        self.predictions += 1
        return self._last
