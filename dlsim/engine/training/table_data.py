"""Data typed into the file: a logic gate's truth table and inline rows of numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate
from dlsim.engine.training.data_arrays import MAX_SAMPLES, Parts, split


def truth_table(params: dict, _rng: np.random.Generator, _base: Path | None) -> Parts:
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    a, b = x[:, 0] > 0, x[:, 1] > 0
    outputs = {"and": a & b, "or": a | b, "nand": ~(a & b), "xor": a ^ b}
    y = outputs[params["gate"]].astype(np.float64)[:, None]
    return x, y, x[:0], y[:0], "binary", ["x1", "x2"], ["y"]


def _matrix(name: str, value: Any, allow_flat: bool) -> np.ndarray:
    if value is None:
        raise DlsimError(translate("table_data", "dataset type 'inline' needs '{0}'").format(name))
    try:
        array = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise DlsimError(
            translate(
                "table_data", "dataset '{0}' must be rows of numbers, all rows the same length"
            ).format(name)
        ) from None
    if allow_flat and array.ndim == 1:
        array = array[:, None]
    if array.ndim != 2 or array.shape[0] == 0 or array.shape[1] == 0:
        raise DlsimError(
            translate(
                "table_data", "dataset '{0}' must be a non-empty list of rows, got shape {1}"
            ).format(name, array.shape)
        )
    if not np.all(np.isfinite(array)):
        raise DlsimError(
            translate(
                "table_data", "dataset '{0}' contains a value that is not a finite number"
            ).format(name)
        )
    if array.shape[0] > MAX_SAMPLES:
        raise DlsimError(
            translate("table_data", "dataset '{0}' has more than {1} rows").format(
                name, MAX_SAMPLES
            )
        )
    return array


def inline(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    x = _matrix("x", params["x"], allow_flat=False)
    y = _matrix("y", params["y"], allow_flat=True)
    if x.shape[0] != y.shape[0]:
        raise DlsimError(
            translate("table_data", "dataset 'y' has {0} rows but 'x' has {1}").format(
                y.shape[0], x.shape[0]
            )
        )
    zero_one = bool(np.all((y == 0) | (y == 1)))
    if zero_one and y.shape[1] > 1 and np.all(y.sum(axis=1) == 1):
        task = "multiclass"
    else:
        task = "binary" if zero_one else "regression"
    split_rng = rng if params["val_split"] > 0 else None
    features = [f"x{i + 1}" for i in range(x.shape[1])]
    targets = ["y"] if y.shape[1] == 1 else [f"y{i + 1}" for i in range(y.shape[1])]
    return (*split(x, y, params["val_split"], split_rng), task, features, targets)
