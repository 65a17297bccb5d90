"""Axis ranges and ticks that move rarely: nice numbers, decades, log ticks for growing plots."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np


def _flat(values: Any) -> np.ndarray:
    """One float array from a sequence of numbers or a list of arrays of any lengths."""
    if isinstance(values, list | tuple) and values and isinstance(values[0], np.ndarray):
        return np.concatenate([np.ravel(np.asarray(v, dtype=np.float64)) for v in values])
    return np.asarray(values, dtype=np.float64).ravel()


def log_range(values: Sequence[float] | np.ndarray, floor: float = 1e-12) -> tuple[float, float]:
    """Powers of ten bracketing the positive finite values (a fixed range for a log axis)."""
    v = _flat(values)
    v = v[np.isfinite(v) & (v > floor)]
    if not v.size:
        return 1e-3, 1.0
    lo = 10.0 ** math.floor(math.log10(float(v.min())))
    hi = 10.0 ** math.ceil(math.log10(float(v.max())))
    return (lo, hi * 10.0) if hi <= lo else (lo, hi)


def nice_ceiling(x: float) -> float:
    """The smallest of 1, 2, 5 × 10^k at or above x (1 for x ≤ 0): an axis end that moves
    rarely, so a growing plot need not redraw its axis every frame."""
    if not x > 0 or not math.isfinite(x):
        return 1.0
    exp = math.floor(math.log10(x))
    for m in (1.0, 2.0, 5.0, 10.0):
        candidate = m * 10.0**exp
        if candidate >= x * (1 - 1e-12):
            return candidate
    return 10.0 ** (exp + 1)


def nice_range(lo: float, hi: float) -> tuple[float, float]:
    """A range of nice numbers containing [lo, hi] that includes 0 (for histograms)."""
    low = -nice_ceiling(-lo) if lo < 0 else 0.0
    high = nice_ceiling(hi) if hi > 0 else 0.0
    if high <= low:
        high = low + 1.0
    return low, high


def value_span(values: Sequence[float] | np.ndarray) -> tuple[float, float]:
    """A nice linear range (including 0) for the finite values, or (0, 1) when there are none."""
    v = _flat(values)
    v = v[np.isfinite(v)]
    if not v.size:
        return 0.0, 1.0
    return nice_range(float(v.min()), float(v.max()))


def decade_span(values: Sequence[float] | np.ndarray) -> tuple[int, int]:
    """Whole powers of ten (as exponents) bracketing the positive finite values: the range
    of a log axis that changes only when the data cross a decade."""
    lo, hi = log_range(values)
    return round(math.log10(lo)), round(math.log10(hi))


def decade_bars(values: Sequence[float] | np.ndarray) -> tuple[np.ndarray, float]:
    """Bar tops as powers of ten (log10 of each value; NaN where not positive and finite) and
    a common base a whole decade below the smallest, for a bar chart on a log axis."""
    v = np.asarray(values, dtype=np.float64).ravel()
    ok = np.isfinite(v) & (v > 0)
    tops = np.full(v.shape, np.nan)
    tops[ok] = np.log10(v[ok])
    base = float(math.floor(np.min(tops[ok]))) - 1.0 if ok.any() else -3.0
    return tops, base


def log_ticks(lo_exp: int, hi_exp: int, fine: bool = True) -> list[tuple[float, str]]:
    """Tick positions (as exponents) and labels for a log axis from 10^lo to 10^hi: 1-2-5
    steps over a short span (if `fine`), else whole decades thinned to about six."""
    span = hi_exp - lo_exp
    if fine and span <= 2:
        values = [m * 10.0**e for e in range(lo_exp, hi_exp + 1) for m in (1, 2, 5)]
        values = [v for v in values if v <= 10.0**hi_exp * (1 + 1e-9)]
    else:
        step = max(1, math.ceil(span / 6))
        values = [10.0**e for e in range(lo_exp, hi_exp + 1, step)]
    return [(math.log10(v), f"{v:g}") for v in values]


def coincide(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two curves lie on each other (within 0.1 %) over the points both have: the later
    one is drawn dashed so the earlier shows through (zeros and small uniform both at ln 2)."""
    n = min(len(a), len(b))
    return n > 0 and bool(np.allclose(a[:n], b[:n], rtol=1e-3, atol=1e-9, equal_nan=True))
