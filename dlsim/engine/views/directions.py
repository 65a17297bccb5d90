"""Directions in weight space for a loss landscape, laid out like `Network.flat_weights`.

Li et al. 2018 ("Visualizing the Loss Landscape of Neural Nets") draw a Gaussian direction and
rescale each filter of it to the norm of the same filter of the weights, so a step of 1 along it
moves every unit by as much as its own weights are large; one-dimensional parameters (biases,
BatchNorm and LayerNorm scales and shifts) get zero. For a Dense kernel (inputs × units) a filter
is one unit's incoming weights: a column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.network import Network
from dlsim.engine.text import translate


def _layout(network: Network) -> list[tuple[tuple[str, str], np.ndarray, int]]:
    """(key, array, offset into the flat buffer) of every trainable array, in buffer order."""
    out, offset = [], 0
    for key, arr in network.parameters().items():
        out.append((key, arr, offset))
        offset += arr.size
    if offset != network.flat_weights.size:  # the buffer's order is parameters()'s order
        raise AssertionError("the flat weight buffer does not match the parameters")
    return out


def filter_normalized(network: Network, rng: np.random.Generator) -> np.ndarray:
    """A random direction, flat, with each filter's norm equal to the weights' (Li et al.)."""
    out = np.zeros(network.flat_weights.size, dtype=np.float64)
    for _key, arr, offset in _layout(network):
        if arr.ndim <= 1:
            continue  # biases and normalisation parameters: not moved
        w = np.asarray(arr, dtype=np.float64).reshape(-1, arr.shape[-1])
        d = rng.standard_normal(w.shape)
        d_norm = np.linalg.norm(d, axis=0)
        scale = np.divide(
            np.linalg.norm(w, axis=0), d_norm, out=np.zeros_like(d_norm), where=d_norm > 0
        )
        out[offset : offset + arr.size] = (d * scale).ravel()
    return out


def filter_norms(network: Network, flat: np.ndarray) -> dict[tuple[str, str], np.ndarray]:
    """Per-filter (column) norms of a flat vector, for every trainable array of 2 or more
    dimensions (tests compare a direction's with the weights')."""
    out = {}
    for key, arr, offset in _layout(network):
        if arr.ndim >= 2:
            part = flat[offset : offset + arr.size].reshape(-1, arr.shape[-1])
            out[key] = np.linalg.norm(part, axis=0)
    return out


class WeightNames(Sequence[str]):
    """A name for every trainable scalar in flat order ("h.W[0,1]": input 0 → unit 1, "h.b[1]"),
    made when asked for: a network of two million weights has its names at once, not in seconds."""

    def __init__(self, network: Network) -> None:
        self._arrays = tuple(
            (f"{nid}.{name}", arr.shape) for (nid, name), arr, _ in _layout(network)
        )
        self._ends = np.cumsum([int(np.prod(shape)) for _, shape in self._arrays], dtype=np.int64)

    def __len__(self) -> int:
        return int(self._ends[-1]) if len(self._ends) else 0

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        size = len(self)
        if not -size <= index < size:
            raise IndexError(index)
        index %= size
        which = int(np.searchsorted(self._ends, index, side="right"))
        start = int(self._ends[which - 1]) if which else 0
        name, shape = self._arrays[which]
        place = np.unravel_index(index - start, shape) if shape else ()
        return f"{name}[{','.join(str(int(i)) for i in place)}]"

    def index(self, name: object, start: int = 0, stop: int | None = None) -> int:
        """The flat position of a name ("h.W[0,1]" → 1) at once; ValueError for no such name."""
        text = str(name).strip()
        prefix, bracket, rest = text.partition("[")
        ends = [0, *map(int, self._ends)]
        for which, (array, shape) in enumerate(self._arrays):
            if array != prefix or not bracket or not rest.endswith("]"):
                continue
            try:
                place = tuple(int(i) for i in rest[:-1].split(",")) if shape else ()
                flat = (
                    ends[which] + int(np.ravel_multi_index(place, shape)) if shape else ends[which]
                )
            except ValueError:
                break
            if start <= flat < (len(self) if stop is None else stop):
                return flat
        raise ValueError(f"{text!r} is not a weight's name")

    def longest(self) -> str:
        """The longest name (each array's last has its most digits): what a picker must fit."""
        lasts = (f"{a}[{','.join(str(n - 1) for n in shape)}]" for a, shape in self._arrays)
        return max(lasts, key=len, default="")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WeightNames):
            return self._arrays == other._arrays
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        return tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]


def weight_labels(network: Network) -> WeightNames:
    """The names of the network's trainable scalars, in flat order."""
    return WeightNames(network)


def unit_direction(size: int, index: int) -> np.ndarray:
    """The direction that moves one weight only (the two-weight surface's axes)."""
    if not 0 <= index < size:
        raise DlsimError(
            translate(
                "Landscape", "weight number {0} does not exist: the network has {1} weights"
            ).format(index, size)
        )
    out = np.zeros(size, dtype=np.float64)
    out[index] = 1.0
    return out
