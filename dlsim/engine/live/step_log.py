"""What of each training step goes into a session's history, and how often.

"loss" is logged for every step i at x = i (its batch's loss, before its update); gradient norms
every step for the first thousand, then about a thousand per tenfold growth; the full-data-set
metrics ("train_loss", "val_loss", "accuracy", "val_accuracy") every `interval_s` and at least
~50 times per tenfold growth of the step count, at x = the number of updates done.
"""

from __future__ import annotations

import math
from typing import Any

from dlsim.engine.live.history import MetricsHistory

# metrics()["loss"] (whole training set) is logged as "train_loss"; "loss" is each step's batch.
METRIC_NAMES = {"loss": "train_loss"}


class StepLog:
    """Writes steps and metrics into a MetricsHistory at the cadence above."""

    def __init__(self, history: MetricsHistory, interval_s: float) -> None:
        self.history = history
        self.interval_s = interval_s
        self.metrics: dict[str, float] = {}
        self.confusion: dict[str, Any] = {}
        self._metrics_at = -1
        self._norms_at = -1
        self._last_metrics = 0.0

    def restart(self) -> None:
        """Forget what was measured (after a reset or a new experiment)."""
        self.metrics = {}
        self.confusion = {}
        self._metrics_at = -1
        self._norms_at = -1

    def started(self, now: float) -> None:
        """A run or a step command began: the metrics clock starts from now."""
        self._last_metrics = now

    def log_step(self, step: int, loss: float, record: Any) -> None:
        """The step's loss, and its gradient norms when they are due."""
        values = {"loss": loss}
        if step - self._norms_at >= max(1, step // 1000) or self._norms_at > step:
            self._norms_at = step
            for node_id, norm in record.grad_norms().items():
                values["grad_norm/" + node_id] = norm
        self.history.extend(step, values)

    def maybe_measure(self, experiment: Any, now: float) -> None:
        """Measure when due: time-based for long runs, step-based early on (so a short burst
        such as Step 100 still draws a curve)."""
        count = experiment.step_count
        due_by_steps = count - self._metrics_at >= max(10, count // 50)
        if due_by_steps or now - self._last_metrics >= self.interval_s:
            self.measure(experiment)
            self._last_metrics = now

    def measure(self, experiment: Any) -> None:
        """Evaluate metrics on the full data set once per step count; log the finite ones."""
        count = experiment.step_count
        if count == self._metrics_at:
            return
        metrics = {k: float(v) for k, v in experiment.metrics().items()}
        self.metrics = metrics
        self.confusion = experiment.confusions()
        self._metrics_at = count
        finite = {METRIC_NAMES.get(k, k): v for k, v in metrics.items() if math.isfinite(v)}
        if finite:
            self.history.extend(count, finite)
