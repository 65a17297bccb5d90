"""Saying so when a classifier has learnt nothing for a long time, with what to try.

A learner whose first network sits at 50 % on XOR for minutes cannot tell a slow start from a
dead end. After STALL_STEPS steps with the training accuracy never above chance (the share of
the most common class) by more than MARGIN, the workbench shows `stall_advice`'s sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from dlsim.engine.text import translate

STALL_STEPS = 1000
MARGIN = 0.05
LINEAR = (None, "linear")


def chance_accuracy(y: np.ndarray, task: str) -> float | None:
    """The accuracy of always answering the most common class; None for regression."""
    y = np.asarray(y)
    if task == "binary":
        share = float(np.mean(y.ravel() >= 0.5)) if y.size else 0.5
        return max(share, 1.0 - share)
    if task == "multiclass":
        labels = y.argmax(axis=1) if y.ndim == 2 and y.shape[1] > 1 else y.ravel().astype(int)
        counts = np.bincount(labels) if labels.size else np.array([1])
        return float(counts.max() / counts.sum())
    return None


def stall_advice(
    step: int,
    accuracies: np.ndarray,
    chance: float | None,
    hidden_activations: Iterable[str | None],
) -> str | None:
    """The sentence to show when training has stalled at chance, else None.

    `accuracies` are the training accuracies measured so far; `hidden_activations` the
    activations of every layer before the output (None for a layer without one).
    """
    if chance is None or step < STALL_STEPS or len(accuracies) == 0:
        return None
    best = float(np.nanmax(accuracies)) if np.isfinite(accuracies).any() else 0.0
    if best > chance + MARGIN:
        return None
    said = translate(
        "Training",
        "After {0:,} steps the accuracy is still {1:.0%}, no better than "
        "always guessing the most common class ({2:.0%}). ",
    ).format(step, accuracies[-1], chance)
    if all(name in LINEAR for name in hidden_activations):
        return said + translate(
            "Training",
            "With no non-linear activation before the output, the network can only draw a "
            "straight boundary: give a hidden Dense layer tanh or ReLU in the Inspector.",
        )
    return said + translate(
        "Training",
        "Try a larger learning rate or the Adam optimizer in the Training panel, or more "
        "hidden units.",
    )
