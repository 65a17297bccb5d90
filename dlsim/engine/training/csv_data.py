"""Tables read from files: your own CSV (features, target, task) and Fisher's Iris."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate
from dlsim.engine.training.data_arrays import MAX_SAMPLES, Parts, split, standardize_features

MAX_CLASSES = 100
IRIS_FILE = "iris.csv"


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
                        translate(
                            "csv_data", "{0} line {1} has {2} fields but the header has {3}"
                        ).format(path.name, reader.line_num, len(row), len(header))
                    )
                rows.append([cell.strip() for cell in row])
                lines.append(reader.line_num)
                if len(rows) > MAX_SAMPLES:
                    raise DlsimError(
                        translate("csv_data", "{0} has more than {1} rows").format(
                            path.name, MAX_SAMPLES
                        )
                    )
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DlsimError(
            translate("csv_data", "cannot read data file {0}: {1}").format(path, reason)
        ) from None
    if not header or not any(header):
        raise DlsimError(translate("csv_data", "data file {0} is empty").format(path))
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise DlsimError(
            translate("csv_data", "{0} has more than one column named '{1}'").format(
                path.name, repeated[0]
            )
        )
    if not rows:
        raise DlsimError(
            translate("csv_data", "{0} has a header but no data rows").format(path.name)
        )
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
                translate(
                    "csv_data", "{0} line {1}, column '{2}': {3!r} is not a finite number"
                ).format(filename, line, column, str(cell))
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
) -> Parts:
    header, cells, lines = _read_table(path)
    name = path.name
    for column in [*(features or []), *([target] if target else [])]:
        if column not in header:
            raise DlsimError(
                translate("csv_data", "column '{0}' is not in {1} (columns: {2})").format(
                    column, name, ", ".join(header)
                )
            )
    target = target or header[-1]
    features = features or [h for h in header if h != target]
    if target in features:
        raise DlsimError(
            translate(
                "csv_data", "column '{0}' of {1} cannot be both a feature and the target"
            ).format(target, name)
        )
    if not features:
        raise DlsimError(
            translate("csv_data", "{0} has no feature columns besides the target '{1}'").format(
                name, target
            )
        )
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
            raise DlsimError(
                translate("csv_data", "column '{0}' of {1} holds only one class, {2!s}").format(
                    target, name, classes[0]
                )
            )
        if len(classes) > MAX_CLASSES:
            raise DlsimError(
                translate(
                    "csv_data",
                    "column '{0}' of {1} has {2} different values, too many classes (at most {3})",
                ).format(target, name, len(classes), MAX_CLASSES)
            )
        if numeric is not None and _zero_one(numeric):
            y, kind, target_names = numeric[:, None], "binary", [target]
        else:
            y, kind = np.eye(len(classes))[labels], "multiclass"
            target_names = [f"{c:g}" if numeric is not None else str(c) for c in classes]
    x_train, y_train, x_val, y_val = split(x, y, val_split, rng)
    if standardize:
        x_train, x_val = standardize_features(x_train, x_val)
    return x_train, y_train, x_val, y_val, kind, features, target_names


def _zero_one(values: np.ndarray) -> bool:
    return bool(np.all((values == 0) | (values == 1)))


def iris(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    return _table_dataset(
        resources.dataset_path(IRIS_FILE),
        None,
        "species",
        "classification",
        params["val_split"],
        params["standardize"],
        rng,
    )


def csv_file(params: dict, rng: np.random.Generator, base_dir: Path | None) -> Parts:
    if params["path"] is None:
        raise DlsimError(translate("csv_data", "dataset type 'csv' needs a 'path' to the CSV file"))
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
