"""Auto-arrange: a layered left-to-right layout of the diagram (data flows rightwards).

Used by the Arrange command and for files whose nodes carry no positions. Layers come from the
longest path from a source, so every edge points right; nodes inside a layer are ordered by the
mean height of their inputs (a few barycentre sweeps), which untangles the usual residual and
merge shapes without a full crossing-minimisation algorithm.
"""

from __future__ import annotations

from dlsim.engine.nn.graph import GraphSpec

X_STEP = 220.0  # the examples' spacing: a node (156 px wide) plus room for the shape label
Y_STEP = 110.0
SWEEPS = 4


def _layers(graph: GraphSpec) -> dict[str, int]:
    """Longest-path layer of every node; edges that close a cycle are ignored."""
    preds: dict[str, list[str]] = {nid: [] for nid in graph.nodes}
    for edge in graph.edges:
        preds[edge.dst].append(edge.src)
    layer: dict[str, int] = {}
    visiting: set[str] = set()

    def depth(nid: str) -> int:
        if nid in layer:
            return layer[nid]
        visiting.add(nid)
        best = 0
        for src in preds[nid]:
            if src not in visiting:
                best = max(best, depth(src) + 1)
        visiting.discard(nid)
        layer[nid] = best
        return best

    for nid in graph.nodes:
        depth(nid)
    return layer


def layered_positions(
    graph: GraphSpec, x_step: float = X_STEP, y_step: float = Y_STEP
) -> dict[str, tuple[float, float]]:
    """A position for every node: column = layer, rows centred on y = 0."""
    layer = _layers(graph)
    columns: dict[int, list[str]] = {}
    for nid in graph.nodes:  # file order is the starting order inside a column
        columns.setdefault(layer[nid], []).append(nid)
    preds: dict[str, list[str]] = {nid: [] for nid in graph.nodes}
    for edge in graph.edges:
        preds[edge.dst].append(edge.src)
    row: dict[str, float] = {}
    for _ in range(SWEEPS):
        for index in sorted(columns):
            col = columns[index]
            for i, nid in enumerate(col):
                row.setdefault(nid, float(i))
            key = {
                nid: (
                    sum(row[p] for p in preds[nid] if p in row) / len(preds[nid])
                    if any(p in row for p in preds[nid])
                    else row[nid]
                )
                for nid in col
            }
            col.sort(key=lambda nid: key[nid])
            offset = (len(col) - 1) / 2
            for i, nid in enumerate(col):
                row[nid] = i - offset
    return {nid: (layer[nid] * x_step, row[nid] * y_step) for nid in graph.nodes}
