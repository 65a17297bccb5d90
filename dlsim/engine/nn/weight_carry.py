"""Which trained weights survive an edit of the graph: one rule, used by undo/redo and training.

The rule, layer by layer (a layer is a node id):

1. Unchanged — same type, same input and output sizes, same weight-deciding parameters: its
   weights are kept.
2. Only its activation or regularizer changed: kept. Neither decides the shapes of W and b nor
   how they start, so the lecture's weights survive sigmoid → tanh, and a run goes on from its
   trained weights after such an edit.
3. Anything else about it changed — units, an input's size, its type, an initializer, use_bias,
   a normalization's epsilon …: dropped; the layer starts from the seed like a new one.
4. Removed: dropped. Added: starts from the seed.
5. With no earlier graph to compare (a file's weights put on a graph): kept wherever the shapes
   fit. In every case an array of the wrong shape or with a NaN/inf is dropped, and a graph that
   cannot be built keeps nothing.

`weight_signatures` is the rule's key: two graphs agree on a layer's weights exactly when its
signature is equal in both. The editor's undo/redo (ui/commands.py), the training process
(`Experiment.continue_from`), comparisons and lesson variants all call these two functions.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def carry_weights(
    new_graph: GraphSpec,
    weights: Mapping[str, Mapping[str, Any]],
    old_graph: GraphSpec | None = None,
) -> dict[str, dict[str, np.ndarray]]:
    """The part of `weights` (trained on `old_graph`) that `new_graph` keeps, by the rule above."""
    try:
        shapes = {
            nid: {name: a.shape for name, a in values.items()}
            for nid, values in Network(new_graph, np.random.default_rng(0)).get_weights().items()
        }
    except DlsimError:
        return {}
    same: set[str] | None = None
    if old_graph is not None:
        old, new = weight_signatures(old_graph), weight_signatures(new_graph)
        same = {nid for nid, sig in new.items() if old.get(nid) == sig}
    out: dict[str, dict[str, np.ndarray]] = {}
    for nid, values in weights.items():
        if nid not in shapes or (same is not None and nid not in same):
            continue
        kept = {}
        for name, value in values.items():
            arr = np.array(value, dtype=np.float64)
            if shapes[nid].get(name) == arr.shape and np.all(np.isfinite(arr)):
                kept[name] = arr
        if kept:
            out[nid] = kept
    return out
