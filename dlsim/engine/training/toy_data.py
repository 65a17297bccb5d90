"""The 2-D toy problems (circle, quadrant XOR, Gaussian blobs, spirals, moons) and the 1-D noisy
sine curve, each vectorised and drawing only from the Generator it is given."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from dlsim.engine.training.data_arrays import Parts, split


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


def _toy(x: np.ndarray, labels: np.ndarray, k: int, params: dict, rng) -> Parts:
    y, task, targets = _encode(labels, k)
    return (*split(x, y, params["val_split"], rng), task, ["x1", "x2"], targets)


def _polar(r: np.ndarray, angle: np.ndarray) -> np.ndarray:
    return np.stack([r * np.cos(angle), r * np.sin(angle)], axis=1)


def circle(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    n = params["n"]
    labels, _ = _class_labels(n, 2)
    inside = labels == 1
    lo = np.where(inside, 0.0, 0.7)
    hi = np.where(inside, 0.5, 1.0)
    r = np.sqrt(rng.uniform(lo**2, hi**2))
    angle = rng.uniform(0.0, 2 * np.pi, n)
    x = _polar(r, angle) + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, 2, params, rng)


def xor(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    n = params["n"]
    labels, _ = _class_labels(n, 2)
    sign_1 = rng.choice([-1.0, 1.0], size=n)
    sign_2 = np.where(labels == 1, -sign_1, sign_1)
    magnitude = rng.uniform(0.05, 1.0, size=(n, 2))
    x = magnitude * np.stack([sign_1, sign_2], axis=1)
    x = x + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, 2, params, rng)


def gaussians(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    n, k = params["n"], params["classes"]
    labels, _ = _class_labels(n, k)
    angle = np.pi / 4 + 2 * np.pi * np.arange(k) / k
    centres = _polar(np.full(k, 0.6), angle)
    x = centres[labels] + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, k, params, rng)


def spiral(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    n, k = params["n"], params["classes"]
    labels, r = _class_labels(n, k)
    angle = 2 * np.pi * labels / k + 1.75 * 2 * np.pi * r
    x = _polar(r, angle) + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, k, params, rng)


def moons(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    n = params["n"]
    labels, position = _class_labels(n, 2)
    t = np.pi * position
    inner = labels == 1
    x1 = np.where(inner, 1.0 - np.cos(t), np.cos(t))
    x2 = np.where(inner, 0.5 - np.sin(t), np.sin(t))
    x = np.stack([(x1 - 0.5) / 1.5, (x2 - 0.25) / 1.5], axis=1)
    x = x + params["noise"] * rng.standard_normal((n, 2))
    return _toy(x, labels, 2, params, rng)


def regression_1d(params: dict, rng: np.random.Generator, _base: Path | None) -> Parts:
    n = params["n"]
    x = rng.uniform(-1.0, 1.0, size=(n, 1))
    y = np.sin(np.pi * x) + params["noise"] * rng.standard_normal((n, 1))
    return (*split(x, y, params["val_split"], rng), "regression", ["x"], ["y"])
