"""`Dataset`: the train and validation arrays a diagram trains on and what they mean, and the one
way every data set is split into them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate

MAX_SAMPLES = 100_000

# What a builder returns: x_train, y_train, x_val, y_val, task, feature names, target names.
Parts = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, str, list[str], list[str]]


@dataclass(frozen=True, eq=False)
class Dataset:
    """Train and validation arrays (read-only) plus what they mean."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    task: str
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.task not in ("binary", "multiclass", "regression"):
            raise DlsimError(
                translate(
                    "data_arrays", "unknown task '{0}' (choose binary, multiclass, regression)"
                ).format(self.task)
            )
        for name in ("x_train", "y_train", "x_val", "y_val"):
            array = np.array(getattr(self, name))
            if array.ndim != 2:
                raise DlsimError(
                    translate("data_arrays", "dataset {0} must be 2-D, got shape {1}").format(
                        name, array.shape
                    )
                )
            array.setflags(write=False)
            object.__setattr__(self, name, array)
        if self.x_train.shape[0] != self.y_train.shape[0]:
            raise DlsimError(
                translate(
                    "data_arrays", "dataset x_train and y_train have different numbers of rows"
                )
            )
        if self.x_val.shape[0] != self.y_val.shape[0]:
            raise DlsimError(
                translate("data_arrays", "dataset x_val and y_val have different numbers of rows")
            )
        if self.x_val.shape[1] != self.x_train.shape[1]:
            raise DlsimError(
                translate(
                    "data_arrays", "dataset x_val and x_train have different numbers of features"
                )
            )
        if self.y_val.shape[1] != self.y_train.shape[1]:
            raise DlsimError(
                translate(
                    "data_arrays", "dataset y_val and y_train have different numbers of outputs"
                )
            )
        if len(self.feature_names) != self.x_train.shape[1]:
            raise DlsimError(
                translate(
                    "data_arrays", "dataset feature_names do not match the number of features"
                )
            )
        if len(self.target_names) != self.y_train.shape[1]:
            raise DlsimError(
                translate("data_arrays", "dataset target_names do not match the number of outputs")
            )

    @property
    def n_features(self) -> int:
        return int(self.x_train.shape[1])

    @property
    def n_outputs(self) -> int:
        return int(self.y_train.shape[1])

    @property
    def n_train(self) -> int:
        return int(self.x_train.shape[0])

    @property
    def n_val(self) -> int:
        return int(self.x_val.shape[0])


def split(
    x: np.ndarray, y: np.ndarray, val_split: float, rng: np.random.Generator | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Permute the rows (unless rng is None), then keep the last round(val_split * n) apart."""
    n = x.shape[0]
    n_val = int(round(val_split * n))
    if n - n_val < 1:
        raise DlsimError(
            translate(
                "data_arrays", "dataset 'val_split' {0} leaves no training rows out of {1}"
            ).format(val_split, n)
        )
    order = rng.permutation(n) if rng is not None else np.arange(n)
    train, val = order[: n - n_val], order[n - n_val :]
    return x[train], y[train], x[val], y[val]


def standardize_features(x_train: np.ndarray, x_val: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both splits shifted and scaled by the train split's statistics (validation stays unseen)."""
    mean = x_train.mean(axis=0)
    std = x_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (x_train - mean) / std, (x_val - mean) / std
