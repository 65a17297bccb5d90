"""A training session's two edges: what it drives (`SteppableExperiment`) and what a caller may
send it (steps, a pace, a boundary grid), checked.

Both sessions (the thread and the process) check a command where it is sent, so a bad value is
a DlsimError in the caller's hands, never an exception in a worker.
"""

from __future__ import annotations

import math
import pickle
from typing import Any, Protocol

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate


def checked_steps(n: Any) -> int:
    """`n` as a number of steps to do; DlsimError unless it is a positive integer."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise DlsimError(
            translate(
                "interface", "the number of steps must be a positive integer, got {0!r}"
            ).format(n)
        )
    return int(n)


def checked_speed(steps_per_second: Any) -> float | None:
    """A pace in steps per second (None: flat out); DlsimError unless positive and finite."""
    if steps_per_second is None:
        return None
    sps = float(steps_per_second)
    if not (sps > 0 and math.isfinite(sps)):
        raise DlsimError(
            translate(
                "interface", "speed must be a positive number of steps per second, got {0!r}"
            ).format(steps_per_second)
        )
    return sps


def checked_grid(grid: Any) -> np.ndarray | None:
    """A private float64 copy of the boundary grid; DlsimError unless it is 2-D."""
    if grid is None:
        return None
    grid = np.array(grid, dtype=np.float64, copy=True)
    if grid.ndim != 2:
        raise DlsimError(
            translate(
                "interface", "the boundary grid must be 2-D (points × features), got {0}-D"
            ).format(grid.ndim)
        )
    return grid


class SteppableExperiment(Protocol):
    """What a session needs from an experiment (`training.experiment.Experiment` has it)."""

    step_count: int

    def step(self, trace: bool = False) -> Any: ...
    def reset(self, seed: int | None = None) -> None: ...
    def set_training(self, changes: dict) -> None: ...
    def metrics(self) -> dict[str, float]: ...
    def confusions(self) -> dict[str, Any]: ...
    def params_copy(self) -> dict[str, dict[str, np.ndarray]]: ...
    def predict(self, x: np.ndarray) -> np.ndarray: ...
    def continue_from(self, old: Any) -> None: ...


class PackedExperiment:
    """An experiment pickled ahead, in any thread: handing it to a training process then copies
    bytes (pickling a two-million-weight experiment on the GUI thread took a tenth of a second).
    It unpickles as the experiment itself."""

    def __init__(self, experiment: SteppableExperiment) -> None:
        self.step_count = experiment.step_count
        self.data = pickle.dumps(experiment, protocol=pickle.HIGHEST_PROTOCOL)

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return pickle.loads, (self.data,)
