"""The confusion matrix of a classifier and its per-class accuracy, for the train and validation
splits: which classes the network mixes up, not only how often it is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate


@dataclass(frozen=True)
class Confusion:
    """Counts[true, predicted] of one split, its class names and each class's accuracy."""

    counts: np.ndarray  # (k, k) integers; row = true class, column = predicted class
    classes: tuple[str, ...]

    @property
    def per_class_accuracy(self) -> np.ndarray:
        """Share of each true class predicted right (its recall); NaN for a class with no rows."""
        totals = self.counts.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, np.diag(self.counts) / totals, np.nan)

    @property
    def row_shares(self) -> np.ndarray:
        """Each count as a share of its true class's rows (0 for a class with no rows): the
        plot's shading."""
        totals = self.counts.sum(axis=1, keepdims=True)
        return np.divide(self.counts, totals, out=np.zeros(self.counts.shape), where=totals > 0)

    @property
    def accuracy(self) -> float:
        total = int(self.counts.sum())
        return float(np.trace(self.counts) / total) if total else float("nan")


def class_indices(y: np.ndarray) -> np.ndarray:
    """Each row's class: argmax of one-hot rows (or probabilities), threshold 0.5 for one column."""
    y = np.asarray(y)
    if y.ndim != 2:
        raise DlsimError(
            translate("confusion", "class rows must be 2-D, got shape {0}").format(y.shape)
        )
    if y.shape[1] == 1:
        return (y[:, 0] > 0.5).astype(np.int64)
    return y.argmax(axis=1).astype(np.int64)


def confusion(pred: np.ndarray, target: np.ndarray, classes: tuple[str, ...]) -> Confusion:
    """Counts of (true class, predicted class) pairs over the rows of `pred` and `target`."""
    k = max(len(classes), 2)
    if np.asarray(pred).shape[0] != np.asarray(target).shape[0]:
        raise DlsimError(
            translate("confusion", "predictions and targets have different numbers of rows")
        )
    truth, guess = class_indices(target), class_indices(pred)
    counts = np.bincount(truth * k + guess, minlength=k * k).reshape(k, k)
    return Confusion(counts, tuple(classes))


def split_confusions(experiment: Any) -> dict[str, Confusion]:
    """The train and validation confusion of a classifying experiment ({} for regression); the
    validation entry only when there are validation rows."""
    data = experiment.dataset
    if data.task not in ("binary", "multiclass"):
        return {}
    classes = data.target_names if data.task == "multiclass" else ("0", "1")
    out = {}
    for name, x, y in (("train", data.x_train, data.y_train), ("val", data.x_val, data.y_val)):
        if x.shape[0]:
            out[name] = confusion(experiment.predict(x), y, classes)
    return out
