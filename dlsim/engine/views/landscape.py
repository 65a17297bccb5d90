"""The loss landscape: the training loss over a plane through the current weights θ, and the
run's path projected onto it.

A point (a, b) of the plane is the weights θ + (a − a₀)·d₁ + (b − b₀)·d₂, where (a₀, b₀) is the
centre. Three planes:
- "random": d₁, d₂ filter-normalised random directions (Li et al. 2018), centre (0, 0);
- "start": d₁ = θ − θ_start (the run's first step in its history), so the start sits at (−1, 0),
  and d₂ one filter-normalised random direction;
- "weights": two single weights, in their own units (the exact surface over (w₁, w₂); for a
  network with only two weights, the whole story).
Every point's loss is `Experiment.evaluate`: the whole training set in inference mode (no
dropout, BatchNorm's running statistics), plus regularisation — the loss the plots call current.
The path (weights at steps sampled from the run, rebuilt exactly with `state_at`) is projected by
least squares onto (d₁, d₂); what it loses is reported as `off_plane`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import QT_TRANSLATE_NOOP, translate
from dlsim.engine.views.directions import filter_normalized, unit_direction, weight_labels
from dlsim.engine.views.tables import table_csv

MODES = ("random", "start", "weights")
RESOLUTIONS = (5, 201)  # points per side, at least and at most
PATH_POINTS = 60  # steps of the run sampled for the path, at most
FIT_MARGIN = 1.15  # the plane reaches this much beyond the path when fitted to it

Progress = Callable[[int, int], None]
# Sentences made in the training process, which translates them into the GUI's language itself
# (text.use_language); the GUI's translating them again on arrival changes nothing.
NOT_MOVED = QT_TRANSLATE_NOOP(
    "Landscape",
    "the weights have not moved since the start of this run's history: train a few steps "
    "first, or use random directions",
)
NO_MATRIX = QT_TRANSLATE_NOOP(
    "Landscape",
    "this network has no weight matrix with non-zero weights to take a random direction from "
    "(biases and normalisation parameters are not moved)",
)


class Cancelled(Exception):
    """The landscape was cancelled before it was finished."""


@dataclass(frozen=True)
class LandscapeRequest:
    """What to compute: the plane (`mode`, `seed` of the random directions, `pair` of weight
    numbers for "weights"), `resolution` points per side, `extent` the half-width (direction
    units, or weight units for "weights"; None: fit the path)."""

    mode: str = "random"
    resolution: int = 41
    extent: float | None = 1.0
    seed: int = 0
    pair: tuple[int, int] = (0, 1)
    path_points: int = PATH_POINTS


def checked_request(request: Any) -> LandscapeRequest:
    """`request` if it makes sense, else DlsimError saying which value is wrong."""
    if not isinstance(request, LandscapeRequest):
        raise DlsimError(translate("Landscape", "a landscape request must be a LandscapeRequest"))
    if request.mode not in MODES:
        raise DlsimError(
            translate("Landscape", "unknown landscape plane {0!r} (use one of {1})").format(
                request.mode, ", ".join(MODES)
            )
        )
    lo, hi = RESOLUTIONS
    if not isinstance(request.resolution, int) or not lo <= request.resolution <= hi:
        raise DlsimError(
            translate(
                "Landscape", "the landscape's resolution must be {0} to {1} points per side"
            ).format(lo, hi)
        )
    if request.extent is not None and not (0 < float(request.extent) < 1e6):
        raise DlsimError(translate("Landscape", "the landscape's extent must be a positive number"))
    i, j = request.pair
    if request.mode == "weights" and i == j:
        raise DlsimError(translate("Landscape", "pick two different weights for the landscape"))
    return request


@dataclass(frozen=True, eq=False)
class Landscape:
    """A computed landscape. `loss[i, j]` is the loss at (a[j], b[i]); `path` holds the
    projected coordinates of the weights after `path_steps`; `off_plane` is the largest share
    of a path point's distance from θ that the plane cannot show (0: all of it is in the
    plane); `cosine` is the cosine between d₁ and d₂ (0: orthogonal)."""

    mode: str
    step: int
    a: np.ndarray
    b: np.ndarray
    loss: np.ndarray
    centre: tuple[float, float]
    centre_loss: float
    path: np.ndarray
    path_steps: np.ndarray
    off_plane: float
    cosine: float
    labels: tuple[str, str]
    seconds: float

    def csv_text(self) -> str:
        """The grid as (a, b, loss) rows, then the path as (step, a, b) rows."""
        aa, bb = np.meshgrid(self.a, self.b)
        cols = {
            "a": aa.ravel(),
            "b": bb.ravel(),
            "loss": self.loss.ravel(),
            "path_step": self.path_steps,
            "path_a": self.path[:, 0],
            "path_b": self.path[:, 1],
        }
        return table_csv(cols)


def shown_values(land: Landscape) -> tuple[np.ndarray, bool]:
    """What the picture colours: log₁₀ of the loss when it spans more than two decades and is
    positive (the edges of a landscape are often far steeper than its middle), else the loss;
    the flag says which. A loss that overflowed is shown as the largest finite one."""
    loss = land.loss
    finite = np.isfinite(loss)
    top = loss[finite].max() if finite.any() else 0.0
    values = np.where(finite, loss, top)
    low = values.min()
    if low > 0 and values.max() / low > 100:
        return np.log10(values), True
    return values, False


def sampled_steps(first: int, last: int, count: int) -> np.ndarray:
    """Up to `count` whole steps from `first` to `last`, both included, evenly spaced."""
    return np.unique(np.linspace(first, last, max(2, count)).round().astype(np.int64))


def grid_axis(n: int) -> np.ndarray:
    """n points from −1 to 1 with the middle one exactly 0 (the centre is a grid point)."""
    half = (n - 1) / 2
    return (np.arange(n) - half) / half


def compute(
    exp: Any,
    request: LandscapeRequest,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Landscape:
    """The landscape of `exp`'s current state. `exp` is used as scratch (its weights move and
    come back): pass a copy that nothing else is stepping, with its timeline for the path."""
    started = time.perf_counter()
    request = checked_request(request)
    net = exp.network
    flat = net.flat_weights
    theta = flat.astype(np.float64)
    steps = sampled_steps(exp.timeline.origin, exp.step_count, request.path_points)
    n = request.resolution
    total = len(steps) + n * n
    report = progress or (lambda _done, _total: None)
    stop = cancelled or (lambda: False)
    path_w = np.empty((len(steps), theta.size))
    for k, step in enumerate(steps):
        if stop():
            raise Cancelled
        past = exp.state_at(int(step)) if step != exp.step_count else exp
        path_w[k] = past.network.flat_weights
        report(k + 1, total)
    d1, d2, centre, labels = _plane(exp, request, theta, path_w[0])
    coords, off_plane = project(path_w - theta, d1, d2)
    coords += centre
    half = request.extent
    if half is None:
        reach = np.abs(coords - centre).max() if len(coords) else 0.0
        half = FIT_MARGIN * reach if reach > 0 else 1.0
    t = grid_axis(n) * half
    a, b = centre[0] + t, centre[1] + t
    centre_loss = float(exp.evaluate())
    loss = np.empty((n, n))
    done = len(steps)
    try:
        for i in range(n):
            row = theta + t[i] * d2
            for j in range(n):
                if stop():
                    raise Cancelled
                flat[...] = row + t[j] * d1
                with np.errstate(all="ignore"):
                    loss[i, j] = exp.evaluate()
            done += n
            report(done, total)
    finally:
        flat[...] = theta
    cos = float(d1 @ d2 / (np.linalg.norm(d1) * np.linalg.norm(d2)))
    return Landscape(
        mode=request.mode,
        step=int(exp.step_count),
        a=a,
        b=b,
        loss=loss,
        centre=(float(centre[0]), float(centre[1])),
        centre_loss=centre_loss,
        path=coords,
        path_steps=steps,
        off_plane=off_plane,
        cosine=cos,
        labels=labels,
        seconds=time.perf_counter() - started,
    )


def _plane(
    exp: Any, request: LandscapeRequest, theta: np.ndarray, start: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[str, str]]:
    """d₁, d₂, the centre's coordinates and the axes' names for the request's plane."""
    net = exp.network
    if request.mode == "weights":
        names = weight_labels(net)
        i, j = request.pair
        d1, d2 = unit_direction(theta.size, i), unit_direction(theta.size, j)
        return d1, d2, np.array([theta[i], theta[j]]), (names[i], names[j])
    rng = np.random.default_rng(request.seed)
    if request.mode == "start":
        d1 = theta - start
        if not np.any(d1):
            raise DlsimError(translate("Landscape", NOT_MOVED))
        d2 = filter_normalized(net, rng)
        labels = (
            translate("Landscape", "start → now"),
            translate("Landscape", "random direction (filter-normalised)"),
        )
    else:
        d1, d2 = filter_normalized(net, rng), filter_normalized(net, rng)
        labels = (
            translate("Landscape", "random direction 1 (filter-normalised)"),
            translate("Landscape", "random direction 2 (filter-normalised)"),
        )
    if not np.any(d2):
        raise DlsimError(translate("Landscape", NO_MATRIX))
    return d1, d2, np.zeros(2), labels


def project(disp: np.ndarray, d1: np.ndarray, d2: np.ndarray) -> tuple[np.ndarray, float]:
    """Least-squares coordinates (m, 2) of displacements `disp` (m, P) on the plane of d₁, d₂,
    and the largest share of a displacement's length that is off the plane."""
    basis = np.stack([d1, d2], axis=1)
    coords, *_ = np.linalg.lstsq(basis, disp.T, rcond=None)
    coords = coords.T
    rest = np.linalg.norm(disp - coords @ basis.T, axis=1)
    length = np.linalg.norm(disp, axis=1)
    share = np.divide(rest, length, out=np.zeros_like(rest), where=length > 0)
    return coords, float(share.max()) if share.size else 0.0
