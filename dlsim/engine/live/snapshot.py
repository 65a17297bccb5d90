"""What a training session looks like at one moment: an immutable `Snapshot`, shared read-only.

The worker makes one at most every 1/30 s; the GUI, the command line and the training process's
pipe only read them. Their parameter arrays are frozen (`freeze_params`), so sharing one between
threads is safe.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

STATES = ("idle", "running", "paused", "diverged", "error", "stopped")

ALL_COMMANDS = sys.maxsize  # see Snapshot.ended


@dataclass(frozen=True, eq=False)
class Snapshot:
    """What the session looked like at one moment; made by the worker, read-only for everyone.

    `step` is the number of updates done; `elapsed_s` the time spent running or stepping since
    the last reset; `loss` the latest step's loss (None before the first step after a reset);
    `metrics` the latest full-dataset evaluation. Arrays in `params` and `boundary` are
    read-only copies; the record's activation statistics are already computed. During a run
    `boundary` may be a few steps older than `params` (`boundary_job`: the grid is predicted at
    most a tenth of the time); at rest it is the current weights' map. `commands` is
    how many commands had been applied (or begun) when it was made: a snapshot with fewer than
    the caller's `commands_sent` predates the caller's latest command (`set_speed`, which
    applies at once, is not counted). `confusion` holds the train and validation confusion
    matrices of a multi-class classifier, measured with `metrics` (None or {} otherwise).
    `origin` is the earliest step the run can be rewound to (`live/rewind.py`).
    `units` holds, with `boundary`, each drawn unit's activation over the same grid.
    """

    step: int
    epoch: int
    elapsed_s: float
    state: str
    loss: float | None
    metrics: dict[str, float]
    record: Any
    params: dict[str, dict[str, np.ndarray]] | None
    boundary: np.ndarray | None
    message: str | None
    node_id: str | None
    serial: int
    commands: int = 0
    confusion: dict[str, Any] | None = None  # "train"/"val" → views.confusion.Confusion
    origin: int = 0
    units: Any = None  # live.unit_maps.UnitMaps: the neuron view's maps and gradients, or None

    def ended(self, state: str, message: str | None = None) -> Snapshot:
        """The last word of a session that is gone (stopped, or dead with `message`): it
        reflects every command, sent or still to come, so no caller waits for a newer one."""
        return replace(
            self,
            state=state,
            message=self.message if message is None else message,
            serial=self.serial + 1,
            commands=ALL_COMMANDS,
        )


def freeze_params(params: dict[str, dict[str, np.ndarray]]) -> dict[str, dict[str, np.ndarray]]:
    """Make every array of `params` read-only (a snapshot's are shared between threads)."""
    for tensors in params.values():
        for a in tensors.values():
            a.flags.writeable = False
    return params
