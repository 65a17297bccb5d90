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
from typing import Any

import numpy as np

BOUNDARY_SHARE = 0.1  # at most this share of a run's wall time goes to the boundary grid


class BoundaryJob:
    """The grid to predict, the last map predicted on it, and when the next one is due."""

    def __init__(self) -> None:
        self.grid: np.ndarray | None = None
        self.predictions = 0  # how many times the grid was predicted (for tests and benches)
        self._last: np.ndarray | None = None
        self._due_at = 0.0

    def set_grid(self, grid: np.ndarray | None) -> None:
        """A new grid (None: nothing to predict); the map of the old one is dropped."""
        self.grid = grid
        self.forget()

    def forget(self) -> None:
        """The weights changed other than by training (a reset, a new experiment): no old map."""
        self._last = None
        self._due_at = 0.0

    def boundary(self, experiment: Any, running: bool) -> np.ndarray | None:
        """The map for a snapshot: predicted now when at rest or due, else the last one."""
        if self.grid is None:
            return None
        start = time.perf_counter()
        if running and self._last is not None and start < self._due_at:
            return self._last
        boundary = np.array(experiment.predict(self.grid), copy=True)
        boundary.flags.writeable = False
        cost = time.perf_counter() - start
        self._last = boundary
        self._due_at = start + cost / BOUNDARY_SHARE
        self.predictions += 1
        return boundary
