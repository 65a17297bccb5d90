"""Which trained weights survive an edit of the graph: one rule, used by undo/redo and training.

The rule, layer by layer (a layer is a node id):

1. Unchanged — same type, same input and output sizes, same weight-deciding parameters: its
   weights are kept.
2. Only its activation or regularizer changed: kept. Neither decides the shapes of W and b nor
   how they start, so the lecture's weights survive sigmoid → tanh, and a run goes on from its
   trained weights after such an edit.
3. Only its units or an input's size changed (a unit added or removed; it reads the same
   layers as before): the part of each array both shapes share is kept (the surviving units'
   rows and columns), the rest starts as a new layer would (`fresh`: the new network's own
   weights; else drawn as in a new network).
4. Anything else about it changed — its type, an initializer, use_bias, a normalization's
   epsilon …: dropped; the layer starts from the seed like a new one.
5. Removed: dropped. Added: starts from the seed.
6. With no earlier graph to compare (a file's weights put on a graph): kept wherever the shapes
   fit. In every case an array of the wrong shape or with a NaN/inf is dropped, and a graph that
   cannot be built keeps nothing.

`weight_signatures` is the rule's key: two graphs agree on a layer's weights exactly when its
signature is equal in both (rule 3: equal but for units and sizes). The editor's undo/redo
(ui/commands.py), the training process (`Experiment.continue_from`), comparisons and lesson
variants all call these two functions; `set_entries` puts single weights typed by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import GraphSpec, Node
from dlsim.engine.nn.network import Network
from dlsim.engine.nn.registry import REGISTRY

# Parameter kinds that do not decide the shape or the starting values of a layer's weights.
KINDS_KEEPING_WEIGHTS = ("activation", "regularizer")


def _weight_params(node: Node) -> tuple[str, ...]:
    ltype = REGISTRY.get(node.type)
    if ltype is None:
        return (repr(sorted(node.params.items())),)
    try:
        params = ltype.normalize_params(node.params)
    except DlsimError:  # an invalid value still counts as a change of that value
        params = node.params
    return tuple(
        repr(params.get(p.name)) for p in ltype.params if p.kind not in KINDS_KEEPING_WEIGHTS
    )


def weight_signatures(graph: GraphSpec) -> dict[str, tuple[Any, ...]]:
    """What each layer's weights depend on: its type, in/out sizes and weight-deciding params."""
    shapes = graph.infer_shapes()
    return {
        nid: (
            node.type,
            tuple(shapes.get(src) for src in graph.inputs_of(nid)),
            shapes.get(nid),
            _weight_params(node),
        )
        for nid, node in graph.nodes.items()
    }


def _resize_key(graph: GraphSpec, nid: str) -> tuple[Any, ...]:
    """A layer's signature without its sizes and units, with the layers it reads: equal keys
    differ in shape only (a layer now reading another layer is not resized but changed)."""
    node = graph.nodes[nid]
    ltype = REGISTRY.get(node.type)
    names = [p.name for p in ltype.params if p.kind not in KINDS_KEEPING_WEIGHTS] if ltype else []
    params = _weight_params(node)
    kept = tuple(v for name, v in zip(names, params, strict=False) if name != "units")
    return node.type, tuple(graph.inputs_of(nid)), kept


def resized_layers(old_graph: GraphSpec, new_graph: GraphSpec, changed: Iterable[str]) -> set[str]:
    """Which of the `changed` layers only changed size (rule 3: part of their weights is kept);
    cheap, so an edit can skip building a network when none did."""
    return {
        nid
        for nid in changed
        if nid in old_graph.nodes
        and nid in new_graph.nodes
        and _resize_key(old_graph, nid) == _resize_key(new_graph, nid)
    }


def carry_weights(
    new_graph: GraphSpec,
    weights: Mapping[str, Mapping[str, Any]],
    old_graph: GraphSpec | None = None,
    fresh: Mapping[str, Mapping[str, np.ndarray]] | None = None,
) -> dict[str, dict[str, np.ndarray]]:
    """The part of `weights` (trained on `old_graph`) that `new_graph` keeps, by the rule above;
    a resized layer's new rows and columns come from `fresh` (the new network's own weights)."""
    try:
        built = Network(new_graph, np.random.default_rng(0)).get_weights()
    except DlsimError:
        return {}
    shapes = {nid: {name: a.shape for name, a in values.items()} for nid, values in built.items()}
    same: set[str] | None = None
    resized: set[str] = set()
    if old_graph is not None:
        old, new = weight_signatures(old_graph), weight_signatures(new_graph)
        same = {nid for nid, sig in new.items() if old.get(nid) == sig}
        resized = resized_layers(old_graph, new_graph, set(new) - same)
    out: dict[str, dict[str, np.ndarray]] = {}
    for nid, values in weights.items():
        if nid not in shapes or (same is not None and nid not in same | resized):
            continue
        kept = {}
        for name, value in values.items():
            arr = np.array(value, dtype=np.float64)
            shape = shapes[nid].get(name)
            if shape is None or not np.all(np.isfinite(arr)):
                continue
            if shape == arr.shape:
                kept[name] = arr
            elif nid in resized and arr.ndim == len(shape):
                base = (fresh or built).get(nid, {}).get(name)
                grown = np.array(base if base is not None else built[nid][name], dtype=np.float64)
                if grown.shape != shape:
                    continue
                overlap = tuple(slice(0, min(a, b)) for a, b in zip(arr.shape, shape, strict=True))
                grown[overlap] = arr[overlap]
                kept[name] = grown
        if kept:
            out[nid] = kept
    return out


def set_entries(
    network: Network, entries: Sequence[tuple[str, str, tuple[int, ...], float]]
) -> None:
    """Set single weights by hand — (node id, name, index, value) each — where they exist."""
    for nid, name, index, value in entries:
        layer = network.layers.get(nid)
        arr = layer.weights.get(name) if layer is not None else None
        if arr is None or len(index) != arr.ndim or not np.isfinite(value):
            continue
        if all(0 <= i < n for i, n in zip(index, arr.shape, strict=True)):
            arr[tuple(index)] = value
