"""Many small pictures as one: histograms stacked as a ridgeline, kernels tiled as a mosaic."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def ridgeline(
    histograms: Sequence[tuple[np.ndarray, np.ndarray]], height: float = 0.85
) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """Histograms stacked as rows of one plot, first at the top: for each (edges, counts) the
    same edges, the counts scaled so the tallest bar is `height` and raised onto the row's
    baseline, and that baseline (row i of n sits at n − 1 − i)."""
    n = len(histograms)
    out = []
    for i, (edges, counts) in enumerate(histograms):
        counts = np.asarray(counts, dtype=np.float64)
        peak = counts.max() if counts.size else 0.0
        base = float(n - 1 - i)
        scaled = counts * (height / peak) if peak > 0 else counts * 0.0
        out.append((np.asarray(edges, dtype=np.float64), scaled + base, base))
    return out


def weight_levels(w: np.ndarray) -> tuple[float, float]:
    """Symmetric colour levels ±max|w| so zero is always the middle colour of a heat map."""
    w = np.asarray(w, dtype=np.float64)
    finite = np.abs(w[np.isfinite(w)])
    limit = float(finite.max()) if finite.size else 1.0
    limit = limit if limit > 0 else 1.0
    return -limit, limit


MAX_TILE_SIDE = 256  # a kernel longer than this a side is drawn in blocks


def blocks(kernel: np.ndarray, max_side: int = MAX_TILE_SIDE) -> np.ndarray:
    """`kernel` at most `max_side` cells a side: each block of neighbouring weights drawn as the
    one of largest |w| (its sign kept), so extremes stay visible. A 4096-unit layer's kernels
    tiled as they are made a 4099 × 4098 image (134 MB, 0.13 s a redraw) for 12,288 weights."""
    h, w = kernel.shape
    fy, fx = math.ceil(h / max_side), math.ceil(w / max_side)
    if fy == 1 and fx == 1:
        return kernel
    rows, cols = math.ceil(h / fy), math.ceil(w / fx)
    padded = np.zeros((rows * fy, cols * fx))
    padded[:h, :w] = kernel
    cells = padded.reshape(rows, fy, cols, fx).transpose(0, 2, 1, 3).reshape(rows, cols, fy * fx)
    largest = np.nan_to_num(np.abs(cells), nan=0.0, posinf=np.inf).argmax(axis=2)
    return np.take_along_axis(cells, largest[..., None], axis=2)[..., 0]


def weight_mosaic(
    kernels: Sequence[np.ndarray], columns: int | None = None, gap: int = 1
) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Kernels as tiles of one image, `columns` tiles a row (default: about a square grid),
    each divided by its own largest |w| (so each spans −1…1 and zero stays 0), with `gap`
    zero cells between tiles and a band of `gap` + 2 zero rows above each row of tiles for its
    labels; also each kernel's box as (first column, first row, columns, rows). A kernel longer
    than MAX_TILE_SIDE a side is drawn in `blocks`."""
    mats = [blocks(np.atleast_2d(np.asarray(k, dtype=np.float64))) for k in kernels]
    if not mats:
        return np.zeros((1, 1)), []
    columns = columns or math.ceil(math.sqrt(len(mats)))
    grid = [mats[i : i + columns] for i in range(0, len(mats), columns)]
    band = gap + 2
    col_widths = [max(row[c].shape[1] for row in grid if c < len(row)) for c in range(len(grid[0]))]
    row_heights = [max(m.shape[0] for m in row) for row in grid]
    width = sum(col_widths) + gap * (len(col_widths) - 1)
    height = sum(row_heights) + band * len(grid)
    image = np.zeros((height, width))
    boxes = []
    top = 0
    for row, row_height in zip(grid, row_heights, strict=True):
        top += band
        left = 0
        for c, m in enumerate(row):
            _lo, hi = weight_levels(m)
            h, w = m.shape
            tile = np.nan_to_num(m / hi, nan=0.0, posinf=1.0, neginf=-1.0)
            image[top : top + h, left : left + w] = tile
            boxes.append((left, top, w, h))
            left += col_widths[c] + gap
        top += row_height
    return image, boxes
