"""The data-set pictures to pick from: each one a small sample drawn by the engine's own
generator (`datasets.make_dataset`), scaled into a unit square for the GUI to paint.

A picture is a data set spec (a type and, for the function data, its curve); its points are
always drawn from the same fixed stream, so the pictures never change between runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlsim.engine.training import datasets
from dlsim.engine.views.boundary import class_labels

PICTURE_SAMPLES = 80
PICTURE_SEED = 0
PICTURE_NOISE = 0.03  # less than any default: the shape reads at 32 pixels


@dataclass(frozen=True)
class Picture:
    """One data set to pick: `spec` is what the document's "dataset" becomes (before defaults);
    `label` and `help` are marked engine texts (`dlsim.engine.text`), translated where shown."""

    key: str
    spec: dict[str, Any]
    label: str
    help: str


_FUNCTION = next(p for p in datasets.SCHEMA["function"] if p.name == "function")


def _pictures() -> tuple[Picture, ...]:
    out = []
    for kind in ("circle", "xor", "gaussians", "spiral", "moons"):
        out.append(Picture(kind, {"type": kind}, datasets.LABELS[kind], datasets.HELP[kind]))
    for name, label in zip(_FUNCTION.choices, _FUNCTION.choice_labels, strict=True):
        spec = {"type": "function", "function": name}
        out.append(Picture(f"function_{name}", spec, label, datasets.HELP["function"]))
    for kind in ("regression_1d", "regression_plane", "regression_gaussians"):
        out.append(Picture(kind, {"type": kind}, datasets.LABELS[kind], datasets.HELP[kind]))
    return tuple(out)


PICTURES: tuple[Picture, ...] = _pictures()


@dataclass(frozen=True)
class Thumbnail:
    """A picture's points in the unit square (y up) and how to colour each: a class index when
    `classes` > 0, else a value in [0, 1] (a regression target, low to high)."""

    points: np.ndarray
    colour: np.ndarray
    classes: int


def thumbnail(spec: dict[str, Any], n: int = PICTURE_SAMPLES) -> Thumbnail:
    """The points of data set `spec` (n samples, little noise, no validation split) as a
    picture: 2-D inputs as they are, a 1-D input against its target."""
    full = {**spec, "n": n, "noise": PICTURE_NOISE, "val_split": 0.0}
    data = datasets.make_dataset(full, np.random.default_rng(PICTURE_SEED))
    x, y = np.asarray(data.x_train), np.asarray(data.y_train)
    if x.shape[1] == 1:
        x = np.concatenate([x, y[:, :1]], axis=1)
    points = x[:, :2]
    lo, hi = points.min(axis=0), points.max(axis=0)
    points = (points - lo) / np.maximum(hi - lo, 1e-9)
    if data.task == "regression":
        values = y[:, 0]
        v_lo, v_hi = values.min(), values.max()
        colour = (values - v_lo) / max(v_hi - v_lo, 1e-9)
        return Thumbnail(points, colour, 0)
    return Thumbnail(points, class_labels(y).astype(np.float64), max(2, y.shape[1]))


def matching_picture(spec: dict[str, Any]) -> str | None:
    """The key of the picture a document's data set is (None: a data set without a picture)."""
    kind = spec.get("type")
    for picture in PICTURES:
        if picture.spec["type"] != kind:
            continue
        wanted = picture.spec.get("function")
        if wanted is None or spec.get("function", _FUNCTION.default) == wanted:
            return picture.key
    return None
