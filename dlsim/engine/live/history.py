"""Metric histories whose memory stays flat however long training runs.

A training run appends one loss per step — millions in a long run — while a plot needs only a few
thousand points. `DecimatingSeries` keeps at most `capacity` points: when full it merges adjacent
pairs (x of the first, y the mean, plus each bucket's min and max so spikes survive as an
envelope) and from then on folds `stride` raw points into each stored point.

Non-finite values (NaN, ±inf) are counted but never averaged in: a bucket's mean, min and max are
over its finite values only, and a bucket with no finite value is flagged rather than plotted.
So `arrays()` never hands a plot NaN or inf, and `nonfinite_x()` says where such values occurred.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Mapping

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.text import translate

DEFAULT_CAPACITY = 4096

_EMPTY = np.empty(0)


class DecimatingSeries:
    """An append-only (x, y) series of bounded size; O(1) amortised, allocation-free appends."""

    __slots__ = (
        "_cap", "_x", "_sum", "_nfin", "_nbad", "_min", "_max", "_n", "_stride",
        "_px", "_psum", "_pfin", "_pbad", "_pmin", "_pmax", "_pn", "_count", "_last", "_dtype",
    )  # fmt: skip

    def __init__(self, capacity: int = DEFAULT_CAPACITY, dtype: np.dtype | type = np.float64):
        if not isinstance(capacity, int) or capacity < 2 or capacity % 2:
            raise DlsimError(
                translate(
                    "history", "series capacity must be an even integer of at least 2, got {0!r}"
                ).format(capacity)
            )
        self._cap = capacity
        self._dtype = np.dtype(dtype)
        self._x = np.empty(capacity, dtype=np.float64)
        self._sum = np.empty(capacity, dtype=np.float64)
        self._nfin = np.empty(capacity, dtype=np.int64)
        self._nbad = np.empty(capacity, dtype=np.int64)
        self._min = np.empty(capacity, dtype=np.float64)
        self._max = np.empty(capacity, dtype=np.float64)
        self.clear()

    def clear(self) -> None:
        """Forget every point (the buffers are kept, so memory does not change)."""
        self._n = 0
        self._stride = 1
        self._count = 0
        self._last: tuple[float, float] | None = None
        self._reset_pending()

    def _reset_pending(self) -> None:
        self._pn = 0
        self._px = 0.0
        self._psum = 0.0
        self._pfin = 0
        self._pbad = 0
        self._pmin = math.inf
        self._pmax = -math.inf

    @property
    def capacity(self) -> int:
        return self._cap

    @property
    def stride(self) -> int:
        """How many raw points each stored point summarises now (a power of two)."""
        return self._stride

    @property
    def count(self) -> int:
        """How many raw points were appended since the last clear."""
        return self._count

    @property
    def last(self) -> tuple[float, float] | None:
        """The last raw (x, y) appended, undecimated (for a readout next to the plot)."""
        return self._last

    def __len__(self) -> int:
        return self._n + (1 if self._pn else 0)

    def append(self, x: float, y: float) -> None:
        """Add one raw point; x should not decrease from one call to the next."""
        x = float(x)
        y = float(y)
        self._count += 1
        self._last = (x, y)
        if self._pn == 0:
            self._px = x
        self._pn += 1
        if y - y == 0.0:  # finite: inf - inf and nan - nan are both nan
            self._psum += y
            self._pfin += 1
            if y < self._pmin:
                self._pmin = y
            if y > self._pmax:
                self._pmax = y
        else:
            self._pbad += 1
        if self._pn == self._stride:
            self._flush()

    def _flush(self) -> None:
        i = self._n
        self._x[i] = self._px
        self._sum[i] = self._psum
        self._nfin[i] = self._pfin
        self._nbad[i] = self._pbad
        self._min[i] = self._pmin
        self._max[i] = self._pmax
        self._n = i + 1
        self._reset_pending()
        if self._n == self._cap:
            self._halve()

    def truncate(self, limit: float) -> None:
        """Forget the points at x >= `limit` (a run branched there). A stored point summarising
        steps on both sides of `limit` is kept; the open bucket goes if it reaches `limit`."""
        if self._last is None or self._last[0] < limit:
            return
        dropped = self._pn
        self._reset_pending()
        n = int(np.searchsorted(self._x[: self._n], limit, side="left"))
        dropped += (self._n - n) * self._stride
        self._n = n
        self._count = max(0, self._count - dropped)
        self._last = None
        if n:
            mean = self._sum[n - 1] / self._nfin[n - 1] if self._nfin[n - 1] else math.nan
            self._last = (float(self._x[n - 1]), float(mean))

    def _halve(self) -> None:
        """Merge pairs of stored points; every stored bucket then holds twice as many raw points."""
        h = self._cap // 2
        self._x[:h] = self._x[0::2]
        self._sum[:h] = self._sum[0::2] + self._sum[1::2]
        self._nfin[:h] = self._nfin[0::2] + self._nfin[1::2]
        self._nbad[:h] = self._nbad[0::2] + self._nbad[1::2]
        np.minimum(self._min[0::2], self._min[1::2], out=self._min[:h])
        np.maximum(self._max[0::2], self._max[1::2], out=self._max[:h])
        self._n = h
        self._stride *= 2

    def _columns(self) -> tuple[np.ndarray, ...]:
        """Fresh copies of x, sum, finite count, bad count, min, max — the open bucket included."""
        n = self._n
        k = len(self)
        out = (
            np.empty(k, np.float64),
            np.empty(k, np.float64),
            np.empty(k, np.int64),
            np.empty(k, np.int64),
            np.empty(k, np.float64),
            np.empty(k, np.float64),
        )
        stored = (self._x, self._sum, self._nfin, self._nbad, self._min, self._max)
        for dst, src in zip(out, stored, strict=True):
            dst[:n] = src[:n]
        if k > n:
            pending = (self._px, self._psum, self._pfin, self._pbad, self._pmin, self._pmax)
            for dst, value in zip(out, pending, strict=True):
                dst[n] = value
        return out

    def arrays(self, finite_only: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """(x, mean y) per stored point, as new arrays safe to hand to another thread.

        With `finite_only` (the default) points whose bucket held no finite value are left out;
        otherwise they are kept with y = NaN.
        """
        x, s, nfin, _nbad, _mn, _mx = self._columns()
        ok = nfin > 0
        if finite_only:
            return x[ok], (s[ok] / nfin[ok]).astype(self._dtype, copy=False)
        y = np.full(x.shape, np.nan, dtype=self._dtype)
        y[ok] = s[ok] / nfin[ok]
        return x, y

    def envelope(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, min y, max y) per stored point with a finite value: the spikes the mean smooths."""
        x, _s, nfin, _nbad, mn, mx = self._columns()
        ok = nfin > 0
        return x[ok], mn[ok].astype(self._dtype), mx[ok].astype(self._dtype)

    def nonfinite_x(self) -> np.ndarray:
        """x of every stored point whose bucket received a NaN or infinite value."""
        x, _s, _nfin, nbad, _mn, _mx = self._columns()
        return x[nbad > 0]


class MetricsHistory:
    """Named series that one thread appends to while another reads; created on first append.

    Names used by the training session: "loss" (per step), "train_loss", "val_loss", "accuracy",
    "val_accuracy", "grad_norm/<node_id>". `version` changes with every change, so a reader can
    skip a redraw when it has not moved.
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY, max_events: int = 1000) -> None:
        DecimatingSeries(capacity)  # validates capacity once, before any append can fail
        self._capacity = capacity
        self._lock = threading.Lock()
        self._series: dict[str, DecimatingSeries] = {}
        self._events: deque[tuple[float, str]] = deque(maxlen=max_events)
        self._version = 0
        self._journal: list[tuple] | None = None

    def keep_journal(self) -> None:
        """Record every change from now on, so `take_journal` can hand it to a replica."""
        with self._lock:
            self._journal = []

    def take_journal(self) -> list[tuple]:
        """The changes recorded since the last call (oldest first), for `replay` elsewhere."""
        with self._lock:
            if self._journal is None:
                return []
            ops, self._journal = self._journal, []
            return ops

    def replay(self, ops: list[tuple]) -> None:
        """Apply changes taken from another history's journal: this one then reads the same."""
        if not ops:
            return
        with self._lock:
            for op in ops:
                kind = op[0]
                if kind == "x":
                    for name, y in op[2].items():
                        self._get(name).append(op[1], y)
                elif kind == "a":
                    self._get(op[1]).append(op[2], op[3])
                elif kind == "e":
                    self._events.append((op[1], op[2]))
                elif kind == "t":
                    self._truncate(op[1])
                else:
                    self._series.clear()
                    self._events.clear()
            self._version += 1

    @property
    def version(self) -> int:
        return self._version

    def _get(self, name: str) -> DecimatingSeries:
        s = self._series.get(name)
        if s is None:
            s = self._series[name] = DecimatingSeries(self._capacity)
        return s

    def append(self, name: str, x: float, y: float) -> None:
        """Add one point to the series `name`."""
        with self._lock:
            self._get(name).append(x, y)
            self._version += 1
            if self._journal is not None:
                self._journal.append(("a", name, x, y))

    def extend(self, x: float, values: Mapping[str, float]) -> None:
        """Add one point at the same x to several series, taking the lock once (once per step)."""
        with self._lock:
            for name, y in values.items():
                self._get(name).append(x, y)
            self._version += 1
            if self._journal is not None:
                self._journal.append(("x", x, dict(values)))

    def add_event(self, x: float, text: str) -> None:
        """Remember something that happened at x (divergence, say) that is not a plotted value."""
        with self._lock:
            self._events.append((float(x), text))
            self._version += 1
            if self._journal is not None:
                self._journal.append(("e", float(x), text))

    def events(self) -> list[tuple[float, str]]:
        with self._lock:
            return list(self._events)

    def names(self) -> list[str]:
        """Series names in the order they were first appended to."""
        with self._lock:
            return list(self._series)

    def series(self, name: str, finite_only: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Copies of (x, y); empty arrays for a name not appended yet, so a plot can exist early."""
        with self._lock:
            s = self._series.get(name)
            if s is None:
                return _EMPTY.copy(), _EMPTY.copy()
            return s.arrays(finite_only)

    def envelope(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copies of (x, min y, max y) for `name`; empty arrays for an unknown name."""
        with self._lock:
            s = self._series.get(name)
            if s is None:
                return _EMPTY.copy(), _EMPTY.copy(), _EMPTY.copy()
            return s.envelope()

    def nonfinite_x(self, name: str) -> np.ndarray:
        """Where `name` received NaN or infinite values (empty for an unknown name)."""
        with self._lock:
            s = self._series.get(name)
            return _EMPTY.copy() if s is None else s.nonfinite_x()

    def last(self, name: str) -> tuple[float, float] | None:
        """The last raw (x, y) of `name`, or None."""
        with self._lock:
            s = self._series.get(name)
            return None if s is None else s.last

    def truncate(self, limit: float) -> None:
        """Forget every point and event at x >= `limit`: the run goes on from there anew."""
        with self._lock:
            self._truncate(limit)
            self._version += 1
            if self._journal is not None:
                self._journal.append(("t", float(limit)))

    def _truncate(self, limit: float) -> None:
        for s in self._series.values():
            s.truncate(limit)
        kept = [e for e in self._events if e[0] < limit]
        self._events.clear()
        self._events.extend(kept)

    def clear(self) -> None:
        """Drop every series and event (a reset starts a new run at step 0)."""
        with self._lock:
            self._series.clear()
            self._events.clear()
            self._version += 1
            if self._journal is not None:
                self._journal[:] = [("c",)]  # what came before is gone anyway
