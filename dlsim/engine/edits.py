"""Pure helpers behind the training workbench: whole-graph edits, weight carrying, plot data.

The GUI must not do maths, yet it needs a few derived things: a grid over the data plane for the
decision boundary, class labels for colouring points, a weight matrix's colour scale, CSV text of
plotted arrays, "insert BatchNorm after every hidden Dense" as one undoable edit, which trained
weights survive a graph edit, and the documents of an optimizer comparison. They live here, as
plain functions of plain data, so they are tested without Qt.
"""

from __future__ import annotations

import copy
import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations, initializers, optimizer_choices, optimizers
from dlsim.engine.nn.graph import Edge, GraphSpec, Node
from dlsim.engine.nn.network import Network
from dlsim.engine.nn.registry import layer_type
from dlsim.engine.training.fileformat import weights_to_lists

NORMALIZATIONS = ("BatchNorm", "LayerNorm")

# --- whole-graph edits ----------------------------------------------------------------------


def hidden_dense_ids(graph: GraphSpec) -> list[str]:
    """Dense layers that feed something (every Dense but the output), in graph order."""
    outputs = set(graph.output_nodes())
    return [nid for nid, n in graph.nodes.items() if n.type == "Dense" and nid not in outputs]


def dense_ids(graph: GraphSpec) -> list[str]:
    return [nid for nid, n in graph.nodes.items() if n.type == "Dense"]


def apply_initializer(graph: GraphSpec, initializer: str | dict) -> GraphSpec:
    """A copy with every Dense kernel starting from `initializer` (e.g. he_normal for ReLU)."""
    config = initializers.get(initializer).get_config()
    out = graph.copy()
    for nid in dense_ids(out):
        out.nodes[nid].params["kernel_initializer"] = copy.deepcopy(config)
    return out


def set_hidden_activation(graph: GraphSpec, activation: str | dict) -> GraphSpec:
    """A copy whose hidden Dense layers use `activation` (the output layer is left alone)."""
    config = activations.get(activation).get_config()
    out = graph.copy()
    for nid in hidden_dense_ids(out):
        out.nodes[nid].params["activation"] = copy.deepcopy(config)
    return out


def insert_normalization(graph: GraphSpec, kind: str) -> GraphSpec:
    """A copy with a `kind` layer (BatchNorm or LayerNorm) right after every hidden Dense.

    The new layer takes over the Dense's outgoing edges in their places, so a consumer's input
    order is kept. A Dense whose only consumer already is a `kind` layer is skipped, so applying
    the edit twice changes nothing.
    """
    if kind not in NORMALIZATIONS:
        raise DlsimError(f"unknown normalization '{kind}' (choose one of: BatchNorm, LayerNorm)")
    out = graph.copy()
    for nid in hidden_dense_ids(graph):
        consumers = out.outputs_of(nid)
        if consumers and all(out.nodes[c].type == kind for c in consumers):
            continue
        new_id = out.new_id(kind)
        out.add_node(Node(new_id, kind, {}, _between(out, nid, consumers)))
        out.edges = [Edge(new_id, e.dst) if e.src == nid else e for e in out.edges]
        out.edges.append(Edge(nid, new_id))
    return out


def _between(graph: GraphSpec, src: str, consumers: list[str]) -> tuple[float, float] | None:
    """A position for a node inserted after `src`: halfway to its first consumer, a bit lower."""
    pos = graph.nodes[src].pos
    if pos is None:
        return None
    nxt = graph.nodes[consumers[0]].pos if consumers else None
    if nxt is None:
        return (pos[0] + 110.0, pos[1] + 80.0)
    return ((pos[0] + nxt[0]) / 2.0, (pos[1] + nxt[1]) / 2.0 + 80.0)


def same_structure(a: GraphSpec, b: GraphSpec) -> bool:
    """True when two graphs differ at most in node positions (a drag needs no rebuild)."""

    def key(g: GraphSpec) -> tuple:
        nodes = sorted((n.id, n.type, repr(sorted(n.params.items()))) for n in g.nodes.values())
        return tuple(nodes), tuple((e.src, e.dst) for e in g.edges)

    return key(a) == key(b)


# --- weights across edits -------------------------------------------------------------------


def carry_weights(
    new_graph: GraphSpec,
    weights: Mapping[str, Mapping[str, Any]],
    old_graph: GraphSpec | None = None,
) -> dict[str, dict[str, np.ndarray]]:
    """The part of `weights` the new graph can use: right shapes, and layers left unchanged.

    With `old_graph`, a layer keeps its weights only if its type, parameters and input sizes are
    the same in both graphs (an edited layer starts afresh). Without it only shapes are checked.
    An invalid new graph keeps nothing.
    """
    try:
        shapes = {
            nid: {name: a.shape for name, a in values.items()}
            for nid, values in Network(new_graph, np.random.default_rng(0)).get_weights().items()
        }
    except DlsimError:
        return {}
    old_units = old_graph.infer_shapes() if old_graph is not None else {}
    new_units = new_graph.infer_shapes()
    out: dict[str, dict[str, np.ndarray]] = {}
    for nid, values in weights.items():
        if nid not in shapes:
            continue
        if old_graph is not None and not _unchanged(
            old_graph, new_graph, nid, old_units, new_units
        ):
            continue
        kept = {}
        for name, value in values.items():
            arr = np.array(value, dtype=np.float64)
            if shapes[nid].get(name) == arr.shape and np.all(np.isfinite(arr)):
                kept[name] = arr
        if kept:
            out[nid] = kept
    return out


def _unchanged(old: GraphSpec, new: GraphSpec, nid: str, old_units: dict, new_units: dict) -> bool:
    a, b = old.nodes.get(nid), new.nodes.get(nid)
    if a is None or b is None or a.type != b.type:
        return False
    try:
        ltype = layer_type(a.type)
        if ltype.normalize_params(a.params) != ltype.normalize_params(b.params):
            return False
    except DlsimError:
        return False
    ins_a = [old_units.get(s) for s in old.inputs_of(nid)]
    ins_b = [new_units.get(s) for s in new.inputs_of(nid)]
    return ins_a == ins_b and old_units.get(nid) == new_units.get(nid)


# --- comparisons ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """A named set of variants of one document, each a label and a function doc → doc."""

    key: str
    title: str
    help: str
    variants: tuple[tuple[str, Any], ...]


def _with_optimizer(choice: str):
    def change(doc: dict[str, Any]) -> dict[str, Any]:
        opt = doc["training"]["optimizer"]
        new = optimizer_choices.switch_optimizer(opt, choice)
        new["lr"] = opt["lr"]
        doc["training"]["optimizer"] = optimizers.get(new).get_config()
        return doc

    return change


def _with_graph(fn, *args):
    def change(doc: dict[str, Any]) -> dict[str, Any]:
        doc["graph"] = fn(GraphSpec.from_dict(doc["graph"]), *args).to_dict()
        return doc

    return change


def _with_lr(factor: float):
    def change(doc: dict[str, Any]) -> dict[str, Any]:
        doc["training"]["optimizer"]["lr"] = doc["training"]["optimizer"]["lr"] * factor
        return doc

    return change


def optimizer_comparison(*choices: str, key: str = "", help: str = "") -> Comparison:
    """Compare optimizers (optimizer_choices.CHOICES keys) at the document's learning rate."""
    for choice in choices:
        if choice not in optimizer_choices.CHOICES:
            names = ", ".join(optimizer_choices.CHOICES)
            raise DlsimError(f"unknown optimizer '{choice}' (choose one of: {names})")
    title = " vs ".join(optimizer_choices.LABELS[c] for c in choices)
    help = help or "The same network, start and learning rate; only the optimizer differs."
    variants = tuple((optimizer_choices.LABELS[c], _with_optimizer(c)) for c in choices)
    return Comparison(key or "optimizers:" + ",".join(choices), title, help, variants)


COMPARISONS: dict[str, Comparison] = {
    c.key: c
    for c in (
        optimizer_comparison("sgd", "momentum", "adam", key="optimizers"),
        optimizer_comparison(
            "sgd",
            "adagrad",
            "rmsprop",
            "adam",
            key="adaptive",
            help="Adaptive optimizers scale each weight's step by its gradient history.",
        ),
        Comparison(
            "activations",
            "Hidden layers: sigmoid vs tanh vs ReLU",
            "Sigmoid hidden layers make gradients vanish; ReLU keeps them alive.",
            tuple(
                (name, _with_graph(set_hidden_activation, name))
                for name in ("sigmoid", "tanh", "relu")
            ),
        ),
        Comparison(
            "initializers",
            "Initializer: small uniform vs Glorot vs He",
            "How the weights start decides whether the signal survives many layers.",
            tuple(
                (name, _with_graph(apply_initializer, name))
                for name in ("uniform", "glorot_uniform", "he_normal")
            ),
        ),
        Comparison(
            "learning_rates",
            "Learning rate ×0.1 vs ×1 vs ×10",
            "Too small crawls, too large oscillates or diverges.",
            tuple((f"lr ×{f:g}", _with_lr(f)) for f in (0.1, 1.0, 10.0)),
        ),
    )
}


def comparison_documents(
    doc: Mapping[str, Any],
    comparison: str | Comparison,
    start_weights: Mapping[str, Mapping[str, Any]],
) -> list[tuple[str, dict[str, Any]]]:
    """One document per variant of a comparison (or the name of a preset in COMPARISONS),
    each starting from `start_weights`.

    Every variant gets the same initial weights (where its shapes allow), so the curves differ
    only by what the comparison changes.
    """
    if isinstance(comparison, str):
        if comparison not in COMPARISONS:
            names = ", ".join(COMPARISONS)
            raise DlsimError(f"unknown comparison '{comparison}' (choose one of: {names})")
        comparison = COMPARISONS[comparison]
    out = []
    for label, change in comparison.variants:
        variant = change(copy.deepcopy(dict(doc)))
        graph = GraphSpec.from_dict(variant["graph"])
        variant["weights"] = weights_to_lists(carry_weights(graph, start_weights))
        out.append((label, variant))
    return out


# --- plot data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BoundaryGrid:
    """A regular grid over the data plane: `points` row-major (y slowest), `extent` its box."""

    points: np.ndarray
    extent: tuple[float, float, float, float]  # x_min, x_max, y_min, y_max
    resolution: int


def boundary_grid(
    x: np.ndarray | Sequence[np.ndarray], resolution: int = 64, margin: float = 0.15
) -> BoundaryGrid:
    """Grid points covering the 2-D data `x` (or several arrays of it) plus a margin."""
    arrays = [np.asarray(a, dtype=np.float64) for a in (x if isinstance(x, list | tuple) else [x])]
    if not arrays or any(a.ndim != 2 or a.shape[1] != 2 for a in arrays):
        raise DlsimError("a decision boundary needs 2-D data (two input features)")
    x = np.concatenate(arrays)
    if resolution < 2:
        raise DlsimError(f"the boundary grid needs at least 2 points a side, not {resolution}")
    finite = x[np.all(np.isfinite(x), axis=1)]
    lo = finite.min(axis=0) if finite.size else np.array([-1.0, -1.0])
    hi = finite.max(axis=0) if finite.size else np.array([1.0, 1.0])
    span = np.maximum(hi - lo, 1e-3)
    lo, hi = lo - margin * span, hi + margin * span
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    gx, gy = np.meshgrid(xs, ys)
    points = np.stack([gx.ravel(), gy.ravel()], axis=1)
    return BoundaryGrid(
        points, (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])), resolution
    )


def boundary_image(pred: np.ndarray, resolution: int) -> tuple[np.ndarray, tuple[float, float]]:
    """The network's output over a grid as an image (rows = y) and its colour levels.

    One output: the output itself, levels [0, 1] when it looks like a probability. Several
    outputs: the winning class index, levels [0, k − 1].
    """
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 2 or pred.shape[0] != resolution * resolution:
        raise DlsimError(f"expected {resolution * resolution} predictions, got {pred.shape[0]}")
    if pred.shape[1] == 1:
        img = pred[:, 0].reshape(resolution, resolution)
        finite = img[np.isfinite(img)]
        if finite.size and finite.min() >= 0 and finite.max() <= 1:
            levels = (0.0, 1.0)
        elif finite.size:
            levels = (float(finite.min()), float(max(finite.max(), finite.min() + 1e-9)))
        else:
            levels = (0.0, 1.0)
        return np.nan_to_num(img, nan=levels[0]), levels
    img = pred.argmax(axis=1).reshape(resolution, resolution).astype(np.float64)
    return img, (0.0, float(pred.shape[1] - 1))


def class_labels(y: np.ndarray) -> np.ndarray:
    """Class index of each target row: threshold 0.5 for one column, argmax for several."""
    y = np.asarray(y)
    if y.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    if y.shape[1] == 1:
        return (y[:, 0] > 0.5).astype(np.int64)
    return y.argmax(axis=1).astype(np.int64)


def weight_levels(w: np.ndarray) -> tuple[float, float]:
    """Symmetric colour levels ±max|w| so zero is always the middle colour of a heat map."""
    w = np.asarray(w, dtype=np.float64)
    finite = np.abs(w[np.isfinite(w)])
    limit = float(finite.max()) if finite.size else 1.0
    limit = limit if limit > 0 else 1.0
    return -limit, limit


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


# Output ranges of the bounded activations, so their histograms keep a fixed axis.
ACTIVATION_RANGES: dict[str, tuple[float, float]] = {
    "sigmoid": (0.0, 1.0),
    "softmax": (0.0, 1.0),
    "step": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
}


def activation_range(name: str | None) -> tuple[float, float] | None:
    """The range an activation's outputs live in, or None when it is unbounded (ReLU…)."""
    return ACTIVATION_RANGES.get(name or "")


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


def weight_mosaic(
    kernels: Sequence[np.ndarray], columns: int | None = None, gap: int = 1
) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Kernels as tiles of one image, `columns` tiles a row (default: about a square grid),
    each divided by its own largest |w| (so each spans −1…1 and zero stays 0), with `gap`
    zero cells between tiles and a band of `gap` + 2 zero rows above each row of tiles for its
    labels; also each kernel's box as (first column, first row, columns, rows)."""
    mats = [np.atleast_2d(np.asarray(k, dtype=np.float64)) for k in kernels]
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


def histogram_rows(stats: Mapping[str, Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Activation histograms of every layer as long-format columns for a CSV file."""
    cols: dict[str, list[Any]] = {
        k: [] for k in ("layer", "bin_left", "bin_right", "count", "dead_fraction", "saturated")
    }
    for nid, s in stats.items():
        edges, counts = np.asarray(s["edges"]), np.asarray(s["hist"])
        for i, c in enumerate(counts):
            cols["layer"].append(nid)
            cols["bin_left"].append(float(edges[i]))
            cols["bin_right"].append(float(edges[i + 1]))
            cols["count"].append(int(c))
            cols["dead_fraction"].append(s.get("dead_fraction"))
            cols["saturated"].append(s.get("saturated_fraction"))
    return cols


def weight_rows(params: Mapping[str, Mapping[str, np.ndarray]]) -> dict[str, list[Any]]:
    """Every parameter entry as (layer, parameter, row, column, value) columns for a CSV file."""
    cols: dict[str, list[Any]] = {k: [] for k in ("layer", "parameter", "row", "column", "value")}
    for nid, values in params.items():
        for name, arr in values.items():
            a = np.atleast_2d(np.asarray(arr, dtype=np.float64))
            rows, columns = np.indices(a.shape)
            n = a.size
            cols["layer"].extend([nid] * n)
            cols["parameter"].extend([name] * n)
            cols["row"].extend(rows.ravel().tolist())
            cols["column"].extend(columns.ravel().tolist())
            cols["value"].extend(a.ravel().tolist())
    return cols


def table_csv(columns: Mapping[str, Sequence[Any] | np.ndarray]) -> str:
    """CSV text with one column per entry; shorter columns end in empty cells; floats exact."""
    names = list(columns)
    data = [
        list(np.asarray(c).tolist()) if isinstance(c, np.ndarray) else list(c)
        for c in columns.values()
    ]
    n = max((len(c) for c in data), default=0)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for i in range(n):
        writer.writerow([_cell(c[i]) if i < len(c) else "" for c in data])
    return buf.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float | np.floating):
        return repr(float(value))
    return str(value)
