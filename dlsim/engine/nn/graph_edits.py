"""Whole-graph edits the workbench offers as one undoable step each.

"Use He initialization everywhere", "ReLU in every hidden layer", "BatchNorm after every hidden
Dense": each is a function from a GraphSpec to a new GraphSpec, so the GUI can push the result
as a single command and tests need no Qt.
"""

from __future__ import annotations

import copy

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn import activations, initializers
from dlsim.engine.nn.graph import Edge, GraphSpec, Node
from dlsim.engine.text import translate

NORMALIZATIONS = ("BatchNorm", "LayerNorm")


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
        raise DlsimError(
            translate(
                "graph_edits", "unknown normalization '{0}' (choose one of: BatchNorm, LayerNorm)"
            ).format(kind)
        )
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
