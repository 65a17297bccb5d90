"""Data sets a diagram trains on, built from the small JSON "dataset" object of a .dlsim file.

Every generator is vectorised and draws only from the Generator it is given, so the same spec
and the same generator state always give bit-identical arrays. SCHEMA describes each type's
parameters as `Param`s, so the loader checks them and the GUI builds its form from them.
"""

from __future__ import annotations

import csv
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.params import Param

MAX_SAMPLES = 100_000
MAX_CLASSES = 100
IRIS_FILE = "iris.csv"

TYPES: tuple[str, ...] = (
    "inline",
    "truth_table",
    "circle",
    "xor",
    "gaussians",
    "spiral",
    "moons",
    "regression_1d",
    "iris",
    "csv",
)

HELP: dict[str, str] = {
    "inline": "A few samples typed in directly, such as the lecture's single backprop example.",
    "truth_table": "The four rows 00, 01, 10, 11 of a logic gate, in that order and never split.",
    "circle": "Two classes: points inside a circle (1) and points in a ring around it (0).",
    "xor": "Quadrant XOR: class 1 where exactly one of the two coordinates is positive.",
    "gaussians": "Round blobs of points, one per class; noise is each blob's standard deviation.",
    "spiral": "Interleaved spiral arms, one per class; hard for a network without hidden layers.",
    "moons": "Two interleaving half circles, one per class.",
    "regression_1d": "A few noisy samples of sin(pi x) on [-1, 1]; a big network overfits them.",
    "iris": "Fisher's Iris flowers: 4 measurements, 3 species (the lecture's Keras example).",
    "csv": "Your own table: numeric feature columns and one target column, from a CSV file.",
}


TYPE = Param(
    "type",
    "choice",
    "xor",
    "Where the training samples come from.",
    choices=TYPES,
    label="Type",
    choice_labels=tuple(name.replace("_", " ") for name in TYPES),
    choice_help=tuple(HELP[name] for name in TYPES),
)


def _n(default: int) -> Param:
    return Param("n", "int", default, "Number of samples.", 1, MAX_SAMPLES, label="Samples")


def _noise(default: float) -> Param:
    help = "Gaussian noise, in units of the data's own scale."
    return Param("noise", "float", default, help, 0.0, 10.0, label="Noise")


def _val_split(default: float) -> Param:
    help = "Fraction of the samples kept apart for validation."
    return Param("val_split", "float", default, help, 0.0, 0.9, label="Validation split")


def _classes() -> Param:
    return Param("classes", "int", 2, "Number of classes.", 2, 5, label="Classes")


def _standardize(default: bool) -> Param:
    help = "Shift and scale each feature to mean 0, std 1 (statistics of the train split)."
    return Param("standardize", "bool", default, help, label="Standardize")


SCHEMA: dict[str, tuple[Param, ...]] = {
    "inline": (
        Param("x", "matrix", None, "Input rows, one list of numbers per sample.", label="Inputs x"),
        Param("y", "matrix", None, "Target rows (or one number per sample).", label="Targets y"),
        _val_split(0.0),
    ),
    "truth_table": (
        Param(
            "gate",
            "choice",
            "xor",
            "The logic gate to learn.",
            choices=("and", "or", "nand", "xor"),
            label="Gate",
        ),
    ),
    "circle": (_n(200), _noise(0.1), _val_split(0.2)),
    "xor": (_n(200), _noise(0.1), _val_split(0.2)),
    "gaussians": (_n(200), _noise(0.1), _val_split(0.2), _classes()),
    "spiral": (_n(200), _noise(0.1), _val_split(0.2), _classes()),
    "moons": (_n(200), _noise(0.1), _val_split(0.2)),
    "regression_1d": (_n(30), _noise(0.2), _val_split(0.5)),
    "iris": (_val_split(0.2), _standardize(True)),
    "csv": (
        Param(
            "path", "str", None, "The CSV file, relative to the diagram's folder.", label="CSV file"
        ),
        Param(
            "features",
            "list",
            None,
            "Feature columns (default: all but the target).",
            label="Features",
        ),
        Param("target", "str", None, "Target column (default: the last column).", label="Target"),
        Param(
            "task",
            "choice",
            "auto",
            "auto: text or 0/1 targets are classes, other numbers are regression.",
            choices=("auto", "regression", "classification"),
            label="Task",
        ),
        _val_split(0.2),
        _standardize(False),
    ),
}


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
            raise DlsimError(f"unknown task '{self.task}' (choose binary, multiclass, regression)")
        for name in ("x_train", "y_train", "x_val", "y_val"):
            array = np.array(getattr(self, name))
            if array.ndim != 2:
                raise DlsimError(f"dataset {name} must be 2-D, got shape {array.shape}")
            array.setflags(write=False)
            object.__setattr__(self, name, array)
        if self.x_train.shape[0] != self.y_train.shape[0]:
            raise DlsimError("dataset x_train and y_train have different numbers of rows")
        if self.x_val.shape[0] != self.y_val.shape[0]:
            raise DlsimError("dataset x_val and y_val have different numbers of rows")
        if self.x_val.shape[1] != self.x_train.shape[1]:
            raise DlsimError("dataset x_val and x_train have different numbers of features")
        if self.y_val.shape[1] != self.y_train.shape[1]:
            raise DlsimError("dataset y_val and y_train have different numbers of outputs")
        if len(self.feature_names) != self.x_train.shape[1]:
            raise DlsimError("dataset feature_names do not match the number of features")
        if len(self.target_names) != self.y_train.shape[1]:
            raise DlsimError("dataset target_names do not match the number of outputs")

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


def augment(x: np.ndarray, rng: np.random.Generator, noise: float) -> np.ndarray:
    """Jitter every input value by Gaussian noise of std `noise` (Part 4: more data)."""
    if not _is_number(noise) or not noise >= 0:
        raise DlsimError(f"augmentation noise must be a number >= 0, got {noise!r}")
    x = np.asarray(x)
    dtype = x.dtype if np.issubdtype(x.dtype, np.floating) else np.float64
    return (x + noise * rng.standard_normal(x.shape)).astype(dtype, copy=False)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def make_dataset(
    spec: dict,
    rng: np.random.Generator,
    dtype: Any = np.float64,
    base_dir: Path | None = None,
) -> Dataset:
    """Build the data set a .dlsim file's "dataset" object describes; missing keys take defaults."""
    if not isinstance(spec, Mapping):
        raise DlsimError(f"dataset must be an object with a 'type', got {type(spec).__name__}")
    kind = spec.get("type")
    if kind is None:
        raise DlsimError(f"dataset has no 'type' (choose one of: {', '.join(TYPES)})")
    if kind not in TYPES:
        raise DlsimError(f"unknown dataset type {kind!r} (choose one of: {', '.join(TYPES)})")
    dtype = np.dtype(dtype)
    if dtype.kind != "f":
        raise DlsimError(f"dataset dtype must be a floating-point type, got {dtype}")
    params = _resolve(kind, spec)
    x_train, y_train, x_val, y_val, task, features, targets = _BUILDERS[kind](params, rng, base_dir)
    return Dataset(
        x_train=x_train.astype(dtype),
        y_train=y_train.astype(dtype),
        x_val=x_val.astype(dtype),
        y_val=y_val.astype(dtype),
        task=task,
        feature_names=tuple(features),
        target_names=tuple(targets),
    )


def _resolve(kind: str, spec: Mapping) -> dict[str, Any]:
    """Check every key and value of the spec against SCHEMA and fill in the defaults."""
    schema = {p.name: p for p in SCHEMA[kind]}
    for key in spec:
        if key != "type" and key not in schema:
            raise DlsimError(
                f"unknown dataset key '{key}' for type '{kind}' "
                f"(choose from: {', '.join(schema) or 'none'})"
            )
    return {
        name: p.coerce(spec.get(name, p.default), f"dataset '{name}'") for name, p in schema.items()
    }


_Parts = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, str, list[str], list[str]]


def _split(
    x: np.ndarray, y: np.ndarray, val_split: float, rng: np.random.Generator | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Permute the rows (unless rng is None), then keep the last round(val_split * n) apart."""
    n = x.shape[0]
    n_val = int(round(val_split * n))
    if n - n_val < 1:
        raise DlsimError(f"dataset 'val_split' {val_split} leaves no training rows out of {n}")
    order = rng.permutation(n) if rng is not None else np.arange(n)
    train, val = order[: n - n_val], order[n - n_val :]
    return x[train], y[train], x[val], y[val]


def _standardize(x_train: np.ndarray, x_val: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x_train.mean(axis=0)
    std = x_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return (x_train - mean) / std, (x_val - mean) / std


def _class_labels(n: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Labels 0..k-1 in turn (balanced to within one) and each sample's position in its class."""
    index = np.arange(n)
    labels = index % k
    counts = (n - np.arange(k) + k - 1) // k
    position = (index // k) / np.maximum(counts[labels] - 1, 1)
    return labels, position


def _encode(labels: np.ndarray, k: int) -> tuple[np.ndarray, str, list[str]]:
    if k == 2:
        return labels.astype(np.float64)[:, None], "binary", ["y"]
    return np.eye(k)[labels], "multiclass", [f"class {c}" for c in range(k)]


def _toy(x: np.ndarray, labels: np.ndarray, k: int, params: dict, rng) -> _Parts:
    y, task, targets = _encode(labels, k)
    return (*_split(x, y, params["val_split"], rng), task, ["x1", "x2"], targets)


def _polar(r: np.ndarray, angle: np.ndarray) -> np.ndarray:
    return np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)


def _circle(params: dict, rng: np.random.Generator, _base: Path | None) -> _Parts:
    n = params["n"]
    labels, _ = _class_labels(n, 2)
    inside = labels == 1
    lo = np.where(inside, 0.0, 0.7)
    hi = np.where(inside, 0.5, 1.0)
    r = np.sqrt(rng.uniform(lo**2, hi**2))
    angle = rng.uniform(0.0, 2 * np.pi, n)
    x = _polar(r, angle) + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, 2, params, rng)


def _xor(params: dict, rng: np.random.Generator, _base: Path | None) -> _Parts:
    n = params["n"]
    labels, _ = _class_labels(n, 2)
    sign_1 = rng.choice([-1.0, 1.0], size=n)
    sign_2 = np.where(labels == 1, -sign_1, sign_1)
    magnitude = rng.uniform(0.05, 1.0, size=(n, 2))
    x = magnitude * np.stack([sign_1, sign_2], axis=1)
    x = x + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, 2, params, rng)


def _gaussians(params: dict, rng: np.random.Generator, _base: Path | None) -> _Parts:
    n, k = params["n"], params["classes"]
    labels, _ = _class_labels(n, k)
    angle = np.pi / 4 + 2 * np.pi * np.arange(k) / k
    centres = _polar(np.full(k, 0.6), angle)
    x = centres[labels] + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, k, params, rng)


def _spiral(params: dict, rng: np.random.Generator, _base: Path | None) -> _Parts:
    n, k = params["n"], params["classes"]
    labels, r = _class_labels(n, k)
    angle = 2 * np.pi * labels / k + 1.75 * 2 * np.pi * r
    x = _polar(r, angle) + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, k, params, rng)


def _moons(params: dict, rng: np.random.Generator, _base: Path | None) -> _Parts:
    n = params["n"]
    labels, position = _class_labels(n, 2)
    t = np.pi * position
    inner = labels == 1
    x1 = np.where(inner, 1.0 - np.cos(t), np.cos(t))
    x2 = np.where(inner, 0.5 - np.sin(t), np.sin(t))
    x = np.stack([(x1 - 0.5) / 1.5, (x2 - 0.25) / 1.5], axis=1)
    x = x + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, 2, params, rng)


def _regression_1d(params: dict, rng: np.random.Generator, _base: Path | None) -> _Parts:
    n = params["n"]
    x = rng.uniform(-1.0, 1.0, size=(n, 1))
    y = np.sin(np.pi * x) + params["noise"] * rng.standard_normal((n, 1))
    return (*_split(x, y, params["val_split"], rng), "regression", ["x"], ["y"])


def _truth_table(params: dict, _rng: np.random.Generator, _base: Path | None) -> _Parts:
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    a, b = x[:, 0] > 0, x[:, 1] > 0
    outputs = {"and": a & b, "or": a | b, "nand": ~(a & b), "xor": a ^ b}
    y = outputs[params["gate"]].astype(np.float64)[:, None]
    return x, y, x[:0], y[:0], "binary", ["x1", "x2"], ["y"]


def _matrix(name: str, value: Any, allow_flat: bool) -> np.ndarray:
    if value is None:
        raise DlsimError(f"dataset type 'inline' needs '{name}'")
    try:
        array = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise DlsimError(
            f"dataset '{name}' must be rows of numbers, all rows the same length"
        ) from None
    if allow_flat and array.ndim == 1:
        array = array[:, None]
    if array.ndim != 2 or array.shape[0] == 0 or array.shape[1] == 0:
        raise DlsimError(
            f"dataset '{name}' must be a non-empty list of rows, got shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        raise DlsimError(f"dataset '{name}' contains a value that is not a finite number")
    if array.shape[0] > MAX_SAMPLES:
        raise DlsimError(f"dataset '{name}' has more than {MAX_SAMPLES} rows")
    return array


def _inline(params: dict, rng: np.random.Generator, _base: Path | None) -> _Parts:
    x = _matrix("x", params["x"], allow_flat=False)
    y = _matrix("y", params["y"], allow_flat=True)
    if x.shape[0] != y.shape[0]:
        raise DlsimError(f"dataset 'y' has {y.shape[0]} rows but 'x' has {x.shape[0]}")
    zero_one = bool(np.all((y == 0) | (y == 1)))
    if zero_one and y.shape[1] > 1 and np.all(y.sum(axis=1) == 1):
        task = "multiclass"
    else:
        task = "binary" if zero_one else "regression"
    split_rng = rng if params["val_split"] > 0 else None
    features = [f"x{i + 1}" for i in range(x.shape[1])]
    targets = ["y"] if y.shape[1] == 1 else [f"y{i + 1}" for i in range(y.shape[1])]
    return (*_split(x, y, params["val_split"], split_rng), task, features, targets)


def _read_table(path: Path) -> tuple[list[str], np.ndarray, list[int]]:
    """The header, the cells as a 2-D string array and each row's line number in the file."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            rows, lines = [], []
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise DlsimError(
                        f"{path.name} line {reader.line_num} has {len(row)} fields "
                        f"but the header has {len(header)}"
                    )
                rows.append([cell.strip() for cell in row])
                lines.append(reader.line_num)
                if len(rows) > MAX_SAMPLES:
                    raise DlsimError(f"{path.name} has more than {MAX_SAMPLES} rows")
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DlsimError(f"cannot read data file {path}: {reason}") from None
    if not header or not any(header):
        raise DlsimError(f"data file {path} is empty")
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise DlsimError(f"{path.name} has more than one column named '{repeated[0]}'")
    if not rows:
        raise DlsimError(f"{path.name} has a header but no data rows")
    return header, np.array(rows, dtype=str), lines


def _as_numbers(cells: np.ndarray) -> np.ndarray | None:
    """The cells as floats, or None when any of them is not a finite number."""
    try:
        values = cells.astype(np.float64)
    except ValueError:
        return None
    return values if np.all(np.isfinite(values)) else None


def _numbers(cells: np.ndarray, column: str, lines: list[int], filename: str) -> np.ndarray:
    """The cells as floats; otherwise a DlsimError naming the first bad cell's line and column."""
    values = _as_numbers(cells)
    if values is not None:
        return values
    for cell, line in zip(cells, lines, strict=True):
        if _as_numbers(np.array([cell])) is None:
            raise DlsimError(
                f"{filename} line {line}, column '{column}': {str(cell)!r} is not a finite number"
            )
    raise AssertionError("unreachable: some cell failed to parse")


def _table_dataset(
    path: Path,
    features: list[str] | None,
    target: str | None,
    task: str,
    val_split: float,
    standardize: bool,
    rng: np.random.Generator,
) -> _Parts:
    header, cells, lines = _read_table(path)
    name = path.name
    for column in [*(features or []), *([target] if target else [])]:
        if column not in header:
            raise DlsimError(f"column '{column}' is not in {name} (columns: {', '.join(header)})")
    target = target or header[-1]
    features = features or [h for h in header if h != target]
    if target in features:
        raise DlsimError(f"column '{target}' of {name} cannot be both a feature and the target")
    if not features:
        raise DlsimError(f"{name} has no feature columns besides the target '{target}'")
    x = np.stack([_numbers(cells[:, header.index(f)], f, lines, name) for f in features], axis=1)
    target_cells = cells[:, header.index(target)]
    if task == "regression":
        numeric = _numbers(target_cells, target, lines, name)
    else:
        numeric = _as_numbers(target_cells)
    if task == "regression" or (task == "auto" and numeric is not None and not _zero_one(numeric)):
        y, kind, target_names = numeric[:, None], "regression", [target]
    else:
        values = numeric if numeric is not None else target_cells
        classes, labels = np.unique(values, return_inverse=True)
        if len(classes) < 2:
            raise DlsimError(f"column '{target}' of {name} holds only one class, {classes[0]!s}")
        if len(classes) > MAX_CLASSES:
            raise DlsimError(
                f"column '{target}' of {name} has {len(classes)} different values, "
                f"too many classes (at most {MAX_CLASSES})"
            )
        if numeric is not None and _zero_one(numeric):
            y, kind, target_names = numeric[:, None], "binary", [target]
        else:
            y, kind = np.eye(len(classes))[labels], "multiclass"
            target_names = [f"{c:g}" if numeric is not None else str(c) for c in classes]
    x_train, y_train, x_val, y_val = _split(x, y, val_split, rng)
    if standardize:
        x_train, x_val = _standardize(x_train, x_val)
    return x_train, y_train, x_val, y_val, kind, features, target_names


def _zero_one(values: np.ndarray) -> bool:
    return bool(np.all((values == 0) | (values == 1)))


def _iris(params: dict, rng: np.random.Generator, _base: Path | None) -> _Parts:
    return _table_dataset(
        resources.dataset_path(IRIS_FILE),
        None,
        "species",
        "classification",
        params["val_split"],
        params["standardize"],
        rng,
    )


def _csv(params: dict, rng: np.random.Generator, base_dir: Path | None) -> _Parts:
    if params["path"] is None:
        raise DlsimError("dataset type 'csv' needs a 'path' to the CSV file")
    path = Path(params["path"]).expanduser()
    if not path.is_absolute():
        path = Path(base_dir or Path.cwd()) / path
    return _table_dataset(
        path,
        params["features"],
        params["target"],
        params["task"],
        params["val_split"],
        params["standardize"],
        rng,
    )


_BUILDERS = {
    "inline": _inline,
    "truth_table": _truth_table,
    "circle": _circle,
    "xor": _xor,
    "gaussians": _gaussians,
    "spiral": _spiral,
    "moons": _moons,
    "regression_1d": _regression_1d,
    "iris": _iris,
    "csv": _csv,
}
