"""One layer's weights as the inspector shows them: a table of values for a small layer (rows of
W are its inputs, columns its units, then one row per bias or scale vector), a summary for a
big one (shape, min, max, mean, std per array).

Units are named the lecture's way (x1, h1, o1; a Features layer's units by their terms), so the
inspector's table reads like the lecture's matrices. The GUI only writes these into cells.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.notation import MINUS, fmt

MAX_ROWS = 17  # rows a table may have: 16 inputs and a bias
MAX_COLUMNS = 16  # units a table may have (as many as the neuron view draws)
DECIMALS = 4  # a table cell's decimals (the exact value is in its tooltip)
# The lecture's letters for a normalization's scale and shift.
SYMBOLS = {"gamma": "γ", "beta": "β"}  # noqa: RUF001 (Greek letters meant)


@dataclass(frozen=True)
class WeightTable:
    """A small layer's weights: `values[i, j]` is row `rows[i]`, unit `columns[j]`; `origin[i]`
    is the array and row it came from ("W", 0), ("b", None)."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: np.ndarray
    origin: tuple[tuple[str, int | None], ...]


@dataclass(frozen=True)
class ArrayStats:
    """One array of a big layer, summarised."""

    name: str
    shape: tuple[int, ...]
    minimum: float
    maximum: float
    mean: float
    std: float


@dataclass(frozen=True)
class WeightSummary:
    """A layer too big for a table: one `ArrayStats` per array, in the layer's order."""

    arrays: tuple[ArrayStats, ...]


def unit_name(node_id: str, index: int) -> str:
    """Unit `index` (0-based) of a layer, as the lecture writes it: x1, h2, o1; h1_3 for "h1"."""
    if re.fullmatch(r"[A-Za-z]{1,3}", node_id):
        return f"{node_id}{index + 1}"
    return f"{node_id}_{index + 1}"


def unit_names(graph: GraphSpec | None, node_id: str, count: int) -> tuple[str, ...]:
    """The names of a layer's `count` units (a Features layer's are its terms)."""
    node = graph.nodes.get(node_id) if graph is not None else None
    if node is not None and node.type == "Features":
        terms = tuple(str(t) for t in node.params.get("terms", ()))
        if len(terms) == count:
            return terms
    return tuple(unit_name(node_id, i) for i in range(count))


def symbol(name: str) -> str:
    """An array's name as the lecture writes it (γ, β for a normalization's gamma and beta)."""
    return SYMBOLS.get(name, name)


def layer_weights(
    graph: GraphSpec | None, node_id: str, arrays: Mapping[str, np.ndarray]
) -> WeightTable | WeightSummary | None:
    """The inspector's view of one layer's weights (None: it has none)."""
    arrays = {name: np.asarray(a, dtype=np.float64) for name, a in arrays.items()}
    if not arrays:
        return None
    units = max(a.shape[-1] if a.ndim else 1 for a in arrays.values())
    rows = sum(a.shape[0] if a.ndim == 2 else 1 for a in arrays.values())
    tabular = all(a.ndim in (1, 2) and a.shape[-1] == units for a in arrays.values())
    if not tabular or rows > MAX_ROWS or units > MAX_COLUMNS:
        return WeightSummary(tuple(_stats(name, a) for name, a in arrays.items()))
    sources = graph.inputs_of(node_id) if graph is not None and node_id in graph.nodes else []
    names: list[str] = []
    origin: list[tuple[str, int | None]] = []
    blocks = []
    for name, a in arrays.items():
        if a.ndim == 2:
            inputs = (
                unit_names(graph, sources[0], a.shape[0])
                if len(sources) == 1
                else tuple(str(i + 1) for i in range(a.shape[0]))
            )
            names.extend(inputs)
            origin.extend((name, i) for i in range(a.shape[0]))
            blocks.append(a)
        else:
            names.append(symbol(name))
            origin.append((name, None))
            blocks.append(a[None, :])
    return WeightTable(
        tuple(names), unit_names(graph, node_id, units), np.vstack(blocks), tuple(origin)
    )


def _stats(name: str, a: np.ndarray) -> ArrayStats:
    finite = a[np.isfinite(a)]
    if finite.size == 0:
        nan = float("nan")
        return ArrayStats(name, tuple(a.shape), nan, nan, nan, nan)
    return ArrayStats(
        name,
        tuple(a.shape),
        float(finite.min()),
        float(finite.max()),
        float(finite.mean()),
        float(finite.std()),
    )


def cell(value: float) -> str:
    """A table cell: rounded as a learner reads it, "nan"/"inf" as such."""
    v = float(value)
    if np.isnan(v):
        return "nan"
    if np.isinf(v):
        return "∞" if v > 0 else f"{MINUS}∞"
    return fmt(v, DECIMALS)


def shape_text(shape: tuple[int, ...]) -> str:
    """ "2 × 64", "64"."""
    return " × ".join(str(n) for n in shape) if shape else "1"
