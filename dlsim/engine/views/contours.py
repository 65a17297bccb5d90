"""Contour lines of a grid of values, as line segments (marching squares, vectorised).

The GUI draws them as one curve of pairs; computing them here keeps the maths (and its cost:
pyqtgraph's own isocurve walks the grid in Python, 20–60 ms a level on 61 × 61) out of the GUI
thread. A value exactly on a level counts as below it, so each cell is crossed 0, 2 or 4 times;
a cell crossed 4 times (a saddle) is split the way its centre's value says.
"""

from __future__ import annotations

import numpy as np

# A cell's edges: top (row i, corners 00–01), right (01–11), bottom (10–11), left (00–10).
_EDGES = ((0, 1), (1, 3), (2, 3), (0, 2))


def contour_levels(values: np.ndarray, count: int) -> np.ndarray:
    """`count` evenly spaced levels strictly between the smallest and largest value."""
    lo, hi = float(np.min(values)), float(np.max(values))
    return np.linspace(lo, hi, count + 2)[1:-1] if hi > lo else np.zeros(0)


def contour_segments(
    values: np.ndarray, x: np.ndarray, y: np.ndarray, levels: np.ndarray
) -> np.ndarray:
    """Segments (k, 2, 2) — k segments of two (x, y) points — of every level's contour of
    `values[i, j]` given at (x[j], y[i]), interpolated linearly along the cells' edges."""
    v = np.asarray(values, dtype=np.float64)
    corners = np.stack([v[:-1, :-1], v[:-1, 1:], v[1:, :-1], v[1:, 1:]], axis=-1)
    cx = np.stack(np.broadcast_arrays(x[None, :-1], x[None, 1:], x[None, :-1], x[None, 1:]), -1)
    cy = np.stack(np.broadcast_arrays(y[:-1, None], y[:-1, None], y[1:, None], y[1:, None]), -1)
    cx, cy = np.broadcast_to(cx, corners.shape), np.broadcast_to(cy, corners.shape)
    out = [np.zeros((0, 2, 2))]
    for level in np.asarray(levels, dtype=np.float64):
        above = corners > level
        crossed = np.stack([above[..., p] != above[..., q] for p, q in _EDGES], axis=-1)
        points = np.stack([_crossing(corners, cx, cy, p, q, level) for p, q in _EDGES], axis=-2)
        count = crossed.sum(axis=-1)
        two = count == 2
        if two.any():
            first = np.argsort(~crossed[two], axis=-1, kind="stable")[:, :2]
            pts = points[two]
            rows = np.arange(len(pts))[:, None]
            out.append(pts[rows, first])
        four = count == 4
        if four.any():
            pts = points[four]
            centre = corners[four].mean(axis=-1) > level
            joined = centre == above[four][:, 0]  # the top-left corner joins the bottom-right
            top, right, bottom, left = (pts[:, e] for e in range(4))
            first = np.where(joined[:, None], right, left)
            second = np.where(joined[:, None], left, right)
            out.append(np.stack([top, first], axis=1))
            out.append(np.stack([bottom, second], axis=1))
    return np.concatenate(out)


def _crossing(corners, cx, cy, p: int, q: int, level: float) -> np.ndarray:
    """Where `level` lies on the edge from corner p to corner q of every cell (x, y)."""
    va, vb = corners[..., p], corners[..., q]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.clip(np.where(vb != va, (level - va) / (vb - va), 0.5), 0.0, 1.0)
    return np.stack(
        [cx[..., p] + t * (cx[..., q] - cx[..., p]), cy[..., p] + t * (cy[..., q] - cy[..., p])], -1
    )
