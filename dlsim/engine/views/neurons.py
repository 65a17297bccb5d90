"""The neuron view's geometry: every unit of a small network as a node, every weight as an edge.

Columns go left to right in forward order (a layer's column is its longest path from the Input),
units top to bottom, as the lecture draws a network. A Features layer fed by the Input takes the
Input's place as the first column, its units named by their terms (Playground's feature column).
Dense weights are the drawn, editable edges (ordered as `W.ravel()`, so one frame's colours are one
concatenation); the other layers' connections (a Features term to the inputs it reads, one-to-one
layers, Concatenate) are plain grey links. Coordinates are in tile units: a unit's heat map is a
1 × 1 square centred on its position. The GUI only draws what this gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from dlsim.engine.nn.features import parse_term
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.text import translate

MAX_UNITS = 16  # units a column may have to be drawn
MAX_COLUMNS = 10  # columns (drawn layers) a network may have
COLUMN_GAP = 3.2  # from one column's centre to the next
ROW_GAP = 1.3  # from one unit's centre to the next
RESIZABLE = ("Dense",)  # layers whose units + / − change
# |w| thresholds between the edge widths (the last width is for anything larger)
WIDTH_STEPS = (0.1, 0.3, 0.6, 1.0, 2.0)
LEVEL_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
BUTTON_DROP = 0.8  # from the tallest column's bottom edge down to the + / − buttons
TITLE_RISE = 0.15  # from the tallest column's top edge up to the layer titles' baseline
BUTTON_SPREAD = 0.4  # from a column's centre to each button


@dataclass(frozen=True)
class Column:
    """One drawn layer: its node id, type, units' centres and names (empty for unnamed units)."""

    node_id: str
    type: str
    x: float
    ys: np.ndarray
    names: tuple[str, ...]
    resizable: bool


@dataclass(frozen=True)
class DenseEdges:
    """The weights of one Dense layer as edges: rows of W are its inputs, columns its units."""

    node_id: str
    source: str  # the drawn layer it reads
    start: int  # first edge index in `NeuronLayout.edge_a`
    rows: int
    cols: int


@dataclass(frozen=True)
class NeuronLayout:
    """Positions of every unit and edge of a drawable network (tile units, y down)."""

    columns: tuple[Column, ...]
    edge_a: np.ndarray  # (E, 2) start of each weight edge
    edge_b: np.ndarray  # (E, 2) end
    dense: tuple[DenseEdges, ...]
    link_a: np.ndarray  # (L, 2) unweighted links (Features terms, one-to-one layers)
    link_b: np.ndarray
    bounds: tuple[float, float, float, float]  # x_min, x_max, y_min, y_max

    @property
    def title_y(self) -> float:
        """Where the layer titles stand (one row, above the tallest column)."""
        return min(float(c.ys.min()) for c in self.columns) - 0.5 - TITLE_RISE

    def column(self, node_id: str) -> Column | None:
        return next((c for c in self.columns if c.node_id == node_id), None)

    def edge_of(self, index: int) -> tuple[str, int, int]:
        """The Dense layer, row and column of W that weight edge `index` draws."""
        for d in self.dense:
            if d.start <= index < d.start + d.rows * d.cols:
                row, col = divmod(index - d.start, d.cols)
                return d.node_id, row, col
        raise IndexError(index)

    def source_of(self, node_id: str) -> str:
        """The drawn layer a Dense layer's weight edges come from."""
        return next(d.source for d in self.dense if d.node_id == node_id)

    def edge_index(self, node_id: str, row: int, col: int) -> int:
        d = next(d for d in self.dense if d.node_id == node_id)
        return d.start + row * d.cols + col


def too_big(units: dict[str, int], columns: int) -> str | None:
    """Why a network with these drawn layers (units by node id) is not drawn, or None."""
    for nid, n in units.items():
        if n > MAX_UNITS:
            return translate(
                "NeuronView",
                "The neuron view draws layers of up to {0} units; layer '{1}' has {2}.",
            ).format(MAX_UNITS, nid, n)
    if columns > MAX_COLUMNS:
        return translate(
            "NeuronView", "The neuron view draws up to {0} layers; this network has {1}."
        ).format(MAX_COLUMNS, columns)
    return None


def drawn_layers(graph: GraphSpec) -> list[str]:
    """The node ids drawn as columns, in forward order (the Input is left out when a Features
    layer takes its place)."""
    order = graph.topological_order()
    return [nid for nid in order if not _hidden_input(graph, nid)]


def _hidden_input(graph: GraphSpec, nid: str) -> bool:
    node = graph.nodes[nid]
    if node.type != "Input":
        return False
    users = [e.dst for e in graph.edges if e.src == nid]
    return bool(users) and all(graph.nodes[u].type == "Features" for u in users)


def neuron_layout(graph: GraphSpec, feature_names: tuple[str, ...] = ()) -> NeuronLayout | str:
    """The layout of `graph` (which must be valid), or one sentence saying why it is not drawn."""
    shapes = graph.infer_shapes()
    ids = drawn_layers(graph)
    depth: dict[str, int] = {}
    for nid in graph.topological_order():
        srcs = graph.inputs_of(nid)
        if nid not in ids:
            depth[nid] = -1
        else:
            depth[nid] = max((depth[s] + 1 for s in srcs), default=0)
    reason = too_big({nid: int(shapes[nid]) for nid in ids}, max(depth.values()) + 1)
    if reason:
        return reason
    tallest = max(int(shapes[nid]) for nid in ids)
    columns: dict[str, Column] = {}
    for nid in ids:
        node = graph.nodes[nid]
        n = int(shapes[nid])
        ys = (np.arange(n) - (n - 1) / 2) * ROW_GAP
        if node.type == "Features":
            names = tuple(node.params.get("terms", ()))
        elif node.type == "Input":
            names = tuple(feature_names[:n]) if len(feature_names) >= n else _xs(n)
        else:
            names = ()
        columns[nid] = Column(
            nid, node.type, depth[nid] * COLUMN_GAP, ys, names, node.type in RESIZABLE
        )
    edge_a, edge_b, dense, link_a, link_b = [], [], [], [], []
    start = 0
    for nid in ids:
        col = columns[nid]
        inputs = _incoming(graph, nid, columns)
        node = graph.nodes[nid]
        if node.type == "Dense" and inputs:
            src = inputs[0]
            rows = len(src.ys)
            a = np.repeat(np.stack([np.full(rows, src.x), src.ys], axis=1), len(col.ys), axis=0)
            b = np.tile(np.stack([np.full(len(col.ys), col.x), col.ys], axis=1), (rows, 1))
            edge_a.append(a)
            edge_b.append(b)
            dense.append(DenseEdges(nid, src.node_id, start, rows, len(col.ys)))
            start += rows * len(col.ys)
        elif node.type == "Features" and inputs:
            src = inputs[0]
            for k, term in enumerate(node.params.get("terms", ())):
                t = parse_term(term)
                for i in sorted({t.i, t.j}):
                    if i < len(src.ys):
                        link_a.append((src.x, src.ys[i]))
                        link_b.append((col.x, col.ys[k]))
        else:
            offset = 0
            for src in inputs:
                for i, y in enumerate(src.ys):
                    j = i if node.type != "Concatenate" else offset + i
                    if j < len(col.ys):
                        link_a.append((src.x, y))
                        link_b.append((col.x, col.ys[j]))
                offset += len(src.ys)
    height = (tallest - 1) * ROW_GAP / 2
    xs = [c.x for c in columns.values()]
    named = any(c.names for c in columns.values())
    return NeuronLayout(
        columns=tuple(columns[nid] for nid in ids),
        edge_a=np.concatenate(edge_a) if edge_a else np.zeros((0, 2)),
        edge_b=np.concatenate(edge_b) if edge_b else np.zeros((0, 2)),
        dense=tuple(dense),
        link_a=np.array(link_a, dtype=np.float64).reshape(-1, 2),
        link_b=np.array(link_b, dtype=np.float64).reshape(-1, 2),
        bounds=(
            min(xs) - (2.6 if named else 1.0),
            max(xs) + 1.0,
            -height - 0.5 - TITLE_RISE - 0.9,
            height + 0.5 + BUTTON_DROP + 0.45,
        ),
    )


def _xs(n: int) -> tuple[str, ...]:
    return tuple(f"x{i + 1}" for i in range(n))


def _incoming(graph: GraphSpec, nid: str, columns: dict[str, Column]) -> list[Column]:
    return [columns[s] for s in graph.inputs_of(nid) if s in columns]


def edge_weights(layout: NeuronLayout, params: dict[str, dict[str, Any]] | None) -> np.ndarray:
    """Every weight edge's value, in edge order (NaN where `params` lacks the layer)."""
    out = np.full(len(layout.edge_a), np.nan)
    for d in layout.dense:
        w = (params or {}).get(d.node_id, {}).get("W")
        if w is not None and np.shape(w) == (d.rows, d.cols):
            out[d.start : d.start + d.rows * d.cols] = np.ravel(w)
    return out


def edge_groups(weights: np.ndarray) -> list[np.ndarray]:
    """Edge indices grouped by how they are drawn: for each width step, the negative weights
    then the positive ones (2 × (len(WIDTH_STEPS) + 1) groups; NaN weights in none)."""
    finite = np.isfinite(weights)
    level = np.searchsorted(WIDTH_STEPS, np.abs(np.where(finite, weights, 0.0)))
    groups = []
    for k in range(len(WIDTH_STEPS) + 1):
        here = finite & (level == k)
        groups.append(np.flatnonzero(here & (weights < 0)))
        groups.append(np.flatnonzero(here & (weights >= 0)))
    return groups


def segments(a: np.ndarray, b: np.ndarray, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x and y arrays of the segments `index` for a line drawn with connect="pairs"."""
    pts = np.empty((2 * len(index), 2))
    pts[0::2] = a[index]
    pts[1::2] = b[index]
    return pts[:, 0], pts[:, 1]


def tile_gap(resolution: int) -> int:
    """Pixels between two units' heat maps stacked in one column image."""
    return int(round(resolution * (ROW_GAP - 1)))


def column_image(maps: np.ndarray, resolution: int) -> np.ndarray:
    """A layer's heat maps (points × units over a resolution² grid) as one image, unit 0 on
    top, NaN (drawn transparent) between them; each tile's top row is the grid's largest x2,
    as a view with y going down shows it. One image per column: one item to draw, not one per
    unit."""
    n = maps.shape[1]
    gap = tile_gap(resolution)
    out = np.full((n * resolution + (n - 1) * gap, resolution), np.nan, dtype=np.float32)
    tiles = maps.T.reshape(n, resolution, resolution)[:, ::-1]
    for j in range(n):
        top = j * (resolution + gap)
        out[top : top + resolution] = tiles[j]
    return out


GAP_SHADE = 0  # the colour index between tiles: the lookup table's transparent entry
SHADES = 255  # colour indices 1 … SHADES span a column's levels, low to high


def column_shades(image: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """A `column_image` as colour indices (uint8): NaN → GAP_SHADE, `levels` → 1 … SHADES.

    An indexed picture is what Qt draws without converting it: the float image took a rescale
    and a NaN mask per frame, half the neuron view's cost on a 7-layer network.
    """
    lo, hi = levels
    span = hi - lo if hi > lo else 1.0
    out = np.full(image.shape, GAP_SHADE, dtype=np.uint8)
    known = ~np.isnan(image)
    scaled = np.clip((image[known] - lo) / span, 0.0, 1.0)
    out[known] = 1 + np.rint(scaled * (SHADES - 1)).astype(np.uint8)
    return out


def map_shades(maps: np.ndarray, resolution: int, levels: tuple[float, float]) -> np.ndarray:
    """`column_shades(column_image(maps, resolution), levels)` in one pass with no float image
    in between: the neuron view makes one per column per frame."""
    lo, hi = levels
    span = hi - lo if hi > lo else 1.0
    n = maps.shape[1]
    gap = tile_gap(resolution)
    scaled = np.clip((maps.T.astype(np.float32) - lo) / span, 0.0, 1.0)
    scaled *= SHADES - 1
    np.rint(scaled, out=scaled)
    np.fmax(scaled, GAP_SHADE - 1.0, out=scaled)  # NaN: the gaps' colour
    scaled += 1
    out = np.full((n, resolution + gap, resolution), GAP_SHADE, dtype=np.uint8)
    out[:, :resolution] = scaled.reshape(n, resolution, resolution)[:, ::-1]
    return out.reshape(-1, resolution)[: n * (resolution + gap) - gap]


def shade_values(shades: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """The value each colour index stands for (NaN between tiles): `column_shades` read back,
    to within half a shade."""
    lo, hi = levels
    values = lo + (shades.astype(np.float64) - 1) / (SHADES - 1) * (hi - lo)
    return np.where(shades == GAP_SHADE, np.nan, values)


def tile(image: np.ndarray, j: int, resolution: int) -> np.ndarray:
    """Unit j's heat map in a `column_image`, as the grid's rows (smallest x2 first)."""
    top = j * (resolution + tile_gap(resolution))
    return image[top : top + resolution][::-1]


def frame_segments(layout: NeuronLayout) -> tuple[np.ndarray, np.ndarray]:
    """The outline of every unit's square and every + / − button as line segments (x and y
    for connect="pairs")."""
    xs: list[float] = []
    ys: list[float] = []
    squares = [(col.x, y, 0.5) for col in layout.columns for y in col.ys]
    squares += [(x, y, 0.3) for _nid, _delta, x, y in buttons(layout)]
    for cx, cy, r in squares:
        x0, x1, y0, y1 = cx - r, cx + r, cy - r, cy + r
        xs += [x0, x1, x1, x1, x1, x0, x0, x0]
        ys += [y0, y0, y0, y1, y1, y1, y1, y0]
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64)


def unit_levels(maps: np.ndarray, output_range: tuple[float, float] | None) -> tuple[float, float]:
    """Colour levels of a layer's heat maps: its activation's range when bounded, otherwise
    symmetric about 0 out to the largest |value| rounded up to a step of LEVEL_STEPS × 10^k (so
    the scale moves rarely while training)."""
    if output_range is not None and all(np.isfinite(output_range)):
        return float(output_range[0]), float(output_range[1])
    finite = np.abs(maps[np.isfinite(maps)])
    top = float(finite.max()) if finite.size else 1.0
    if top <= 0:
        return -1.0, 1.0
    exp = np.floor(np.log10(top))
    for step in LEVEL_STEPS:
        if top <= step * 10**exp:
            top = step * 10**exp
            break
    return -top, top


def buttons(layout: NeuronLayout) -> list[tuple[str, int, float, float]]:
    """The + / − buttons, (node id, change of units, x, y), in one row under the tallest column:
    − from 2 units, + up to MAX_UNITS."""
    out = []
    row = max(float(col.ys.max()) for col in layout.columns) + 0.5 + BUTTON_DROP
    for col in layout.columns:
        if not col.resizable:
            continue
        if len(col.ys) > 1:
            out.append((col.node_id, -1, col.x - BUTTON_SPREAD, row))
        if len(col.ys) < MAX_UNITS:
            out.append((col.node_id, 1, col.x + BUTTON_SPREAD, row))
    return out


def hit(layout: NeuronLayout, x: float, y: float, tolerance: float) -> tuple[str, Any] | None:
    """What is under (x, y): ("button", (node id, ±1)), ("unit", (node id, index)), or the
    nearest weight edge within `tolerance` as ("edge", index); None if nothing."""
    for nid, delta, bx, by in buttons(layout):
        if abs(x - bx) <= 0.3 and abs(y - by) <= 0.3:
            return "button", (nid, delta)
    for col in layout.columns:
        if abs(x - col.x) <= 0.5:
            inside = np.flatnonzero(np.abs(y - col.ys) <= 0.5)
            if inside.size:
                return "unit", (col.node_id, int(inside[0]))
    if len(layout.edge_a) == 0:
        return None
    p = np.array([x, y])
    d = layout.edge_b - layout.edge_a
    t = np.clip(np.einsum("ij,ij->i", p - layout.edge_a, d) / np.einsum("ij,ij->i", d, d), 0, 1)
    dist = np.linalg.norm(layout.edge_a + t[:, None] * d - p, axis=1)
    k = int(np.argmin(dist))
    return ("edge", k) if dist[k] <= tolerance else None
