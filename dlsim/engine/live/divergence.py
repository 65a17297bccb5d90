"""Divergence: when a run's loss or weights have left the numbers, and what to tell the learner.

Checked after every step (not every publish), so the step at which a run diverges is the same
every time for the same seed: a non-finite loss, or a parameter that is non-finite or larger
than `WEIGHT_LIMIT` in magnitude (BatchNorm's running statistics excepted), pauses training
with state "diverged". The diverged step's NaN loss is not put in the history; a history event
records the divergence instead.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dlsim.engine.text import QT_TRANSLATE_NOOP, translate

WEIGHT_LIMIT = 1e6
DIVERGENCE_ADVICE = QT_TRANSLATE_NOOP(
    "Training",
    "Try a lower learning rate, gradient clipping (clipnorm), normalization (BatchNorm), "
    "or a better initializer (He/Glorot).",
)

_FINITE_MAX = float(np.finfo(np.float64).max)


class Diverged(Exception):
    """Raised inside the worker when a step diverged; carries the message and node."""

    def __init__(self, step: int, what: str, node_id: str | None = None) -> None:
        # Counted from 1, like the step counter the user sees (step index 0 is "step 1").
        said = translate("Training", "Training diverged at step {0}: {1}. {2}")
        super().__init__(said.format(step + 1, what, translate("Training", DIVERGENCE_ADVICE)))
        self.step = step
        self.node_id = node_id


def check_params(params: dict[str, dict[str, np.ndarray]], step: int) -> None:
    """Raise Diverged if a parameter is NaN, infinite or beyond WEIGHT_LIMIT in magnitude.

    Running statistics ("running_mean", "running_var" of BatchNorm) follow the data's scale, so
    only NaN or infinity counts there. One concatenated check per step; the per-array search for
    the culprit runs only when it fails.
    """
    weights, stats = [], []
    for tensors in params.values():
        for name, a in tensors.items():
            (stats if name.startswith("running_") else weights).append(a.ravel())
    for group, bound in ((weights, WEIGHT_LIMIT), (stats, _FINITE_MAX)):
        if group:
            flat = np.concatenate(group)
            if flat.size and not (flat.max() <= bound and flat.min() >= -bound):  # NaN: False
                break
    else:
        return
    for node_id, tensors in params.items():
        for name, a in tensors.items():
            if a.size == 0:
                continue
            hi, lo = a.max(), a.min()
            bound = _FINITE_MAX if name.startswith("running_") else WEIGHT_LIMIT
            if hi <= bound and lo >= -bound:
                continue
            if np.isnan(hi) or np.isnan(lo):
                what = translate("Training", "the parameter {0} of '{1}' became NaN")
            elif np.isinf(hi) or np.isinf(lo):
                what = translate("Training", "the parameter {0} of '{1}' became infinite")
            else:
                what = translate(
                    "Training", "the parameter {0} of '{1}' grew beyond {2:g} (exploding weights)"
                )
            raise Diverged(step, what.format(name, node_id, WEIGHT_LIMIT), node_id)


def loss_diverged(step: int, loss: float) -> Diverged:
    """The divergence of a step whose loss is NaN or infinite."""
    if np.isnan(loss):
        return Diverged(step, translate("Training", "the loss became NaN"))
    return Diverged(step, translate("Training", "the loss became infinite"))


def check_weights(experiment: Any, step: int) -> dict[str, dict[str, np.ndarray]] | None:
    """Raise Diverged if a weight left the numbers after `step`; returns the copied parameters
    when it had to copy them (an experiment without `weight_range`), else None."""
    weight_range = getattr(experiment, "weight_range", None)
    if weight_range is None:
        params = experiment.params_copy()
        check_params(params, step)
        return params
    # Two reductions over the live weights; the culprit is looked up only on failure.
    lo, hi = weight_range()
    if not (hi <= WEIGHT_LIMIT and lo >= -WEIGHT_LIMIT):
        check_params(experiment.params_copy(), step)
    return None


def thread_stopped(exc: BaseException) -> str:
    """What to say when the training thread itself failed (a bug, not the user's input)."""
    return translate("Training", "The training thread stopped unexpectedly: {0!r}").format(exc)
