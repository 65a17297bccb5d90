"""Data sets a diagram trains on, built from the small JSON "dataset" object of a .dlsim file.

Every generator is vectorised and draws only from the Generator it is given, so the same spec
and the same generator state always give bit-identical arrays. SCHEMA describes each type's
parameters as `Param`s, so the loader checks them and the GUI builds its form from them.
This is the registry of data set types; the builders live by idea: `toy_data` (2-D toys, the 1-D
curve), `function_data` (classes either side of a curve, 2-D regression surfaces), `table_data`
(truth tables, inline rows), `csv_data` (CSV files, Iris), with `Dataset` and the split in
`data_arrays` and augmentation in `augmentation`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.params import Param
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.training import csv_data, function_data, table_data, toy_data
from dlsim.engine.training.augmentation import augment
from dlsim.engine.training.data_arrays import MAX_SAMPLES, Dataset, Parts

__all__ = [
    "HELP",
    "MAX_SAMPLES",
    "SCHEMA",
    "TYPE",
    "TYPES",
    "Dataset",
    "augment",
    "data_stream",
    "make_dataset",
]

MAX_DATA_SEED = 999_999  # Regenerate steps it by one; a short box in a narrow panel

TYPES: tuple[str, ...] = (
    "inline",
    "truth_table",
    "circle",
    "xor",
    "gaussians",
    "spiral",
    "moons",
    "function",
    "regression_1d",
    "regression_plane",
    "regression_gaussians",
    "iris",
    "csv",
)

HELP: dict[str, str] = {
    "inline": QT_TRANSLATE_NOOP(
        "Param", "A few samples typed in directly, such as the lecture's single backprop example."
    ),
    "truth_table": QT_TRANSLATE_NOOP(
        "Param", "The four rows 00, 01, 10, 11 of a logic gate, in that order and never split."
    ),
    "circle": QT_TRANSLATE_NOOP(
        "Param", "Two classes: points inside a circle (1) and points in a ring around it (0)."
    ),
    "xor": QT_TRANSLATE_NOOP(
        "Param", "Quadrant XOR: class 1 where exactly one of the two coordinates is positive."
    ),
    "gaussians": QT_TRANSLATE_NOOP(
        "Param", "Round blobs of points, one per class; noise is each blob's standard deviation."
    ),
    "spiral": QT_TRANSLATE_NOOP(
        "Param", "Interleaved spiral arms, one per class; hard for a network without hidden layers."
    ),
    "moons": QT_TRANSLATE_NOOP("Param", "Two interleaving half circles, one per class."),
    "function": QT_TRANSLATE_NOOP(
        "Param", "Two classes: points above (1) and below (0) a curve y = f(x): sine, cubic or |x|."
    ),
    "regression_1d": QT_TRANSLATE_NOOP(
        "Param", "A few noisy samples of sin(pi x) on [-1, 1]; a big network overfits them."
    ),
    "regression_plane": QT_TRANSLATE_NOOP(
        "Param", "Regression on the plane: the target is (x1 + x2)/2 plus noise."
    ),
    "regression_gaussians": QT_TRANSLATE_NOOP(
        "Param", "Regression: a bump at (-0.5, -0.5), a dip at (0.5, 0.5), plus noise."
    ),
    "iris": QT_TRANSLATE_NOOP(
        "Param", "Fisher's Iris flowers: 4 measurements, 3 species (the lecture's Keras example)."
    ),
    "csv": QT_TRANSLATE_NOOP(
        "Param", "Your own table: numeric feature columns and one target column, from a CSV file."
    ),
}

# What the type menu shows (the file keeps the type's name).
LABELS: dict[str, str] = {
    "inline": QT_TRANSLATE_NOOP("Param", "inline"),
    "truth_table": QT_TRANSLATE_NOOP("Param", "truth table"),
    "circle": QT_TRANSLATE_NOOP("Param", "circle"),
    "xor": QT_TRANSLATE_NOOP("Param", "xor"),
    "gaussians": QT_TRANSLATE_NOOP("Param", "gaussians"),
    "spiral": QT_TRANSLATE_NOOP("Param", "spiral"),
    "moons": QT_TRANSLATE_NOOP("Param", "moons"),
    "function": QT_TRANSLATE_NOOP("Param", "function"),
    "regression_1d": QT_TRANSLATE_NOOP("Param", "regression 1d"),
    "regression_plane": QT_TRANSLATE_NOOP("Param", "regression plane"),
    "regression_gaussians": QT_TRANSLATE_NOOP("Param", "regression gaussians"),
    "iris": QT_TRANSLATE_NOOP("Param", "iris"),
    "csv": QT_TRANSLATE_NOOP("Param", "csv"),
}

TYPE = Param(
    "type",
    "choice",
    "xor",
    QT_TRANSLATE_NOOP("Param", "Where the training samples come from."),
    choices=TYPES,
    label=QT_TRANSLATE_NOOP("Param", "Type"),
    choice_labels=tuple(LABELS[name] for name in TYPES),
    choice_help=tuple(HELP[name] for name in TYPES),
)


def _n(default: int) -> Param:
    return Param(
        "n",
        "int",
        default,
        QT_TRANSLATE_NOOP("Param", "Number of samples."),
        1,
        MAX_SAMPLES,
        label=QT_TRANSLATE_NOOP("Param", "Samples"),
    )


def _noise(default: float) -> Param:
    help = QT_TRANSLATE_NOOP("Param", "Gaussian noise, in units of the data's own scale.")
    return Param(
        "noise", "float", default, help, 0.0, 10.0, label=QT_TRANSLATE_NOOP("Param", "Noise")
    )


def _val_split(default: float) -> Param:
    help = QT_TRANSLATE_NOOP("Param", "Fraction of the samples kept apart for validation.")
    return Param(
        "val_split",
        "float",
        default,
        help,
        0.0,
        0.9,
        label=QT_TRANSLATE_NOOP("Param", "Validation split"),
    )


def _classes() -> Param:
    return Param(
        "classes",
        "int",
        2,
        QT_TRANSLATE_NOOP("Param", "Number of classes."),
        2,
        5,
        label=QT_TRANSLATE_NOOP("Param", "Classes"),
    )


def _data_seed() -> Param:
    help = QT_TRANSLATE_NOOP(
        "Param", "Which draw of the samples (0: the seed's own); the initial weights stay."
    )
    label = QT_TRANSLATE_NOOP("Param", "Data seed")
    return Param("seed", "int", 0, help, 0, MAX_DATA_SEED, label=label)


def _standardize(default: bool) -> Param:
    help = QT_TRANSLATE_NOOP(
        "Param", "Shift and scale each feature to mean 0, std 1 (statistics of the train split)."
    )
    return Param(
        "standardize", "bool", default, help, label=QT_TRANSLATE_NOOP("Param", "Standardize")
    )


SCHEMA: dict[str, tuple[Param, ...]] = {
    "inline": (
        Param(
            "x",
            "matrix",
            None,
            QT_TRANSLATE_NOOP("Param", "Input rows, one list of numbers per sample."),
            label=QT_TRANSLATE_NOOP("Param", "Inputs x"),
        ),
        Param(
            "y",
            "matrix",
            None,
            QT_TRANSLATE_NOOP("Param", "Target rows (or one number per sample)."),
            label=QT_TRANSLATE_NOOP("Param", "Targets y"),
        ),
        _val_split(0.0),
    ),
    "truth_table": (
        Param(
            "gate",
            "choice",
            "xor",
            QT_TRANSLATE_NOOP("Param", "The logic gate to learn."),
            choices=("and", "or", "nand", "xor"),
            label=QT_TRANSLATE_NOOP("Param", "Gate"),
        ),
    ),
    "circle": (_n(200), _noise(0.1), _val_split(0.2), _data_seed()),
    "xor": (_n(200), _noise(0.1), _val_split(0.2), _data_seed()),
    "gaussians": (_n(200), _noise(0.1), _val_split(0.2), _classes(), _data_seed()),
    "spiral": (_n(200), _noise(0.1), _val_split(0.2), _classes(), _data_seed()),
    "moons": (_n(200), _noise(0.1), _val_split(0.2), _data_seed()),
    "function": (
        _n(200),
        _noise(0.1),
        _val_split(0.2),
        _data_seed(),
        Param(
            "function",
            "choice",
            "sin",
            QT_TRANSLATE_NOOP("Param", "The curve that separates the classes."),
            choices=tuple(function_data.FUNCTIONS),
            label=QT_TRANSLATE_NOOP("Param", "Function"),
            choice_labels=function_data.FUNCTION_LABELS,
        ),
    ),
    "regression_1d": (_n(30), _noise(0.2), _val_split(0.5), _data_seed()),
    "regression_plane": (_n(200), _noise(0.1), _val_split(0.2), _data_seed()),
    "regression_gaussians": (_n(200), _noise(0.1), _val_split(0.2), _data_seed()),
    "iris": (_val_split(0.2), _standardize(True)),
    "csv": (
        Param(
            "path",
            "str",
            None,
            QT_TRANSLATE_NOOP("Param", "The CSV file, relative to the diagram's folder."),
            label=QT_TRANSLATE_NOOP("Param", "CSV file"),
        ),
        Param(
            "features",
            "list",
            None,
            QT_TRANSLATE_NOOP("Param", "Feature columns (default: all but the target)."),
            label=QT_TRANSLATE_NOOP("Param", "Features"),
        ),
        Param(
            "target",
            "str",
            None,
            QT_TRANSLATE_NOOP("Param", "Target column (default: the last column)."),
            label=QT_TRANSLATE_NOOP("Param", "Target"),
        ),
        Param(
            "task",
            "choice",
            "auto",
            QT_TRANSLATE_NOOP(
                "Param", "auto: text or 0/1 targets are classes, other numbers are regression."
            ),
            choices=("auto", "regression", "classification"),
            label=QT_TRANSLATE_NOOP("Param", "Task"),
        ),
        _val_split(0.2),
        _standardize(False),
    ),
}


def make_dataset(
    spec: dict,
    rng: np.random.Generator,
    dtype: Any = np.float64,
    base_dir: Path | None = None,
) -> Dataset:
    """Build the data set a .dlsim file's "dataset" object describes; missing keys take defaults."""
    if not isinstance(spec, Mapping):
        raise DlsimError(
            translate("datasets", "dataset must be an object with a 'type', got {0}").format(
                type(spec).__name__
            )
        )
    kind = spec.get("type")
    if kind is None:
        raise DlsimError(
            translate("datasets", "dataset has no 'type' (choose one of: {0})").format(
                ", ".join(TYPES)
            )
        )
    if kind not in TYPES:
        raise DlsimError(
            translate("datasets", "unknown dataset type {0!r} (choose one of: {1})").format(
                kind, ", ".join(TYPES)
            )
        )
    dtype = np.dtype(dtype)
    if dtype.kind != "f":
        raise DlsimError(
            translate("datasets", "dataset dtype must be a floating-point type, got {0}").format(
                dtype
            )
        )
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
                translate(
                    "datasets", "unknown dataset key '{0}' for type '{1}' (choose from: {2})"
                ).format(key, kind, ", ".join(schema) or "none")
            )
    return {
        name: p.coerce(spec.get(name, p.default), f"dataset '{name}'") for name, p in schema.items()
    }


def data_stream(spec: Mapping, stream: np.random.SeedSequence) -> np.random.SeedSequence:
    """The seed stream a data set is drawn from: `stream` itself for data seed 0 (or a type
    without one), else its child number `seed` — a fresh draw that leaves the weights alone."""
    kind = spec.get("type") if isinstance(spec, Mapping) else None
    if not isinstance(kind, str) or "seed" not in spec:
        return stream  # make_dataset says what is wrong with a bad spec
    schema = {p.name: p for p in SCHEMA.get(kind, ())}
    if "seed" not in schema:
        return stream
    redraw = schema["seed"].coerce(spec["seed"], "dataset 'seed'")
    if not redraw:
        return stream
    return np.random.SeedSequence(stream.entropy, spawn_key=(*stream.spawn_key, redraw))


_BUILDERS: dict[str, Callable[..., Parts]] = {
    "inline": table_data.inline,
    "truth_table": table_data.truth_table,
    "circle": toy_data.circle,
    "xor": toy_data.xor,
    "gaussians": toy_data.gaussians,
    "spiral": toy_data.spiral,
    "moons": toy_data.moons,
    "function": function_data.function,
    "regression_1d": toy_data.regression_1d,
    "regression_plane": function_data.regression_plane,
    "regression_gaussians": function_data.regression_gaussians,
    "iris": csv_data.iris,
    "csv": csv_data.csv_file,
}
