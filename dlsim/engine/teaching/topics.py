"""Lesson texts for the built-in examples and the variants a student compares in each topic.

A variant is plain data, {"label": ..., "changes": {...}}, where `changes` holds
  "training": a change for `Experiment.set_training` (optimizer/dataset objects without a "type"
              are merged into the current ones, anything else replaces the value), and/or
  "graph":    a list of declarative edits, applied in order:
              {"op": "set", "select": S, "params": {...}}: merge params into the selected nodes;
              {"op": "insert_after", "select": S, "type": T, "params": {...}}: put a new T layer
              right after each selected node (it takes over that node's outgoing edges).
              S is "dense" (every Dense), "hidden_dense" (every Dense but the output) or "input".
`apply_variant` turns an example's document into the variant's document without touching the
original, so every variant starts from the same seed, data and (for unchanged layers) weights.
"""

from __future__ import annotations

import copy
from typing import Any

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import Edge, GraphSpec, Node
from dlsim.engine.nn.graph_edits import dense_ids, hidden_dense_ids
from dlsim.engine.nn.weight_carry import carry_weights
from dlsim.engine.text import translate
from dlsim.engine.training.experiment import merge_training
from dlsim.engine.training.fileformat import weights_to_lists

COLUMN_WIDTH = 220
SELECTORS = ("dense", "hidden_dense", "input")
OPS = ("set", "insert_after")

_LR = 0.01  # one learning rate for every optimizer, so only the update rule differs


def _opt(kind: str, batch_size: int | None, **params: Any) -> dict[str, Any]:
    return {
        "training": {"optimizer": {"type": kind, "lr": _LR, **params}, "batch_size": batch_size}
    }


def _set(select: str, **params: Any) -> dict[str, Any]:
    return {"op": "set", "select": select, "params": params}


def _insert(select: str, layer_type: str, **params: Any) -> dict[str, Any]:
    return {"op": "insert_after", "select": select, "type": layer_type, "params": params}


VARIANTS: dict[str, list[dict[str, Any]]] = {
    "overfitting": [
        {"label": "baseline (as saved)", "changes": {}},
        {
            "label": "L2 weight decay (λ = 0.003)",
            "changes": {"graph": [_set("dense", kernel_regularizer={"l2": 0.003})]},
        },
        {
            "label": "dropout (0.2 on the inputs, 0.5 after each hidden layer)",
            "changes": {
                "graph": [
                    _insert("input", "Dropout", rate=0.2),
                    _insert("hidden_dense", "Dropout", rate=0.5),
                ]
            },
        },
        {
            "label": "data augmentation (input noise 0.2)",
            "changes": {"training": {"augment_noise": 0.2}},
        },
        {
            "label": "smaller model (1 unit per hidden layer)",
            "changes": {"graph": [_set("hidden_dense", units=1)]},
        },
    ],
    "vanishing_gradients": [
        {"label": "sigmoid (as saved)", "changes": {}},
        {
            "label": "relu + he_normal",
            "changes": {
                "graph": [_set("hidden_dense", activation="relu", kernel_initializer="he_normal")]
            },
        },
        {
            "label": "sigmoid + BatchNorm",
            "changes": {"graph": [_insert("hidden_dense", "BatchNorm")]},
        },
    ],
    "initializers": [
        {"label": name, "changes": {"graph": [_set("dense", kernel_initializer=name)]}}
        for name in ("zeros", "uniform", "glorot_uniform", "he_normal")
    ],
    "optimizers": [
        {"label": "batch gradient descent", "changes": _opt("sgd", None, momentum=0.0)},
        {"label": "mini-batch gradient descent (16)", "changes": _opt("sgd", 16, momentum=0.0)},
        {"label": "stochastic gradient descent (batch 1)", "changes": _opt("sgd", 1, momentum=0.0)},
        {"label": "momentum (0.9)", "changes": _opt("sgd", 16, momentum=0.9)},
        {"label": "Adagrad", "changes": _opt("adagrad", 16)},
        {"label": "RMSProp", "changes": _opt("rmsprop", 16)},
        {"label": "Adam", "changes": _opt("adam", 16)},
    ],
    "exploding_gradients": [
        {"label": "no clipping (as saved)", "changes": {}},
        {"label": "clipnorm = 1", "changes": {"training": {"optimizer": {"clipnorm": 1.0}}}},
        {
            "label": "he_normal initialization, no clipping",
            "changes": {"graph": [_set("dense", kernel_initializer="he_normal")]},
        },
    ],
}


def lesson_text(example_name: str, language: str | None = None) -> str | None:
    """The lesson for an example (its translation into `language` when there is one), or None
    when it has none."""
    path = resources.lesson_path(example_name, language) if example_name else None
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return None


def apply_variant(doc: dict[str, Any], variant: dict[str, Any]) -> dict[str, Any]:
    """A new document: `doc` with the variant's training and graph changes (doc is untouched).

    After a graph edit, saved weights are kept only for layers the edit left unchanged (same type,
    parameters and input sizes); the others start from their initializers under the same seed.
    """
    changes = variant.get("changes", {}) if isinstance(variant, dict) else None
    if not isinstance(changes, dict):
        raise DlsimError(translate("topics", "a variant must be an object with a 'changes' object"))
    unknown = sorted(set(changes) - {"training", "graph"})
    if unknown:
        raise DlsimError(
            translate(
                "topics", "a variant's changes hold 'training' and 'graph', not '{0}'"
            ).format(unknown[0])
        )
    out = copy.deepcopy(doc)
    if "training" in changes:
        out["training"] = _merge_training(out.get("training") or {}, changes["training"])
    if changes.get("graph"):
        old = GraphSpec.from_dict(out.get("graph"))
        graph = old.copy()
        edits = changes["graph"]
        if not isinstance(edits, list):
            raise DlsimError(
                translate("topics", "a variant's 'graph' change must be a list of edits")
            )
        inserted = False
        for edit in edits:
            inserted = _apply_edit(graph, edit) or inserted
        if inserted:
            _layout(graph)
        out["graph"] = graph.to_dict()
        if out.get("weights"):
            out["weights"] = weights_to_lists(carry_weights(graph, out["weights"], old))
    return out


def _merge_training(base: dict[str, Any], changes: Any) -> dict[str, Any]:
    """Experiment.set_training's merge rule, on a document's raw training object."""
    if not isinstance(changes, dict):
        raise DlsimError(translate("topics", "a variant's 'training' change must be an object"))
    return merge_training(base, changes)


def _select(graph: GraphSpec, selector: Any) -> list[str]:
    if selector == "dense":
        ids = dense_ids(graph)
    elif selector == "hidden_dense":
        ids = hidden_dense_ids(graph)
    elif selector == "input":
        ids = graph.input_nodes()
    else:
        raise DlsimError(
            translate("topics", "unknown selector {0!r} (choose one of: {1})").format(
                selector, ", ".join(SELECTORS)
            )
        )
    order = {nid: i for i, nid in enumerate(graph.topological_order())}
    return sorted(ids, key=order.__getitem__)


def _apply_edit(graph: GraphSpec, edit: Any) -> bool:
    """Apply one declarative edit in place; True when it added nodes."""
    if not isinstance(edit, dict) or edit.get("op") not in OPS:
        op = edit.get("op") if isinstance(edit, dict) else edit
        raise DlsimError(
            translate("topics", "unknown graph edit {0!r} (choose one of: {1})").format(
                op, ", ".join(OPS)
            )
        )
    params = edit.get("params") or {}
    if not isinstance(params, dict):
        raise DlsimError(translate("topics", "a graph edit's 'params' must be an object"))
    ids = _select(graph, edit.get("select"))
    if edit["op"] == "set":
        for nid in ids:
            graph.nodes[nid].params.update(copy.deepcopy(params))
        return False
    layer_type = edit.get("type")
    if not isinstance(layer_type, str):
        raise DlsimError(
            translate("topics", "an insert_after edit needs the 'type' of the layer to insert")
        )
    for nid in ids:
        new_id = f"{layer_type.lower()}_{nid}"
        if new_id in graph.nodes:
            new_id = graph.new_id(f"{layer_type}_{nid}")
        graph.add_node(Node(new_id, layer_type, copy.deepcopy(params), graph.nodes[nid].pos))
        graph.edges = [Edge(new_id, e.dst) if e.src == nid else e for e in graph.edges]
        graph.edges.append(Edge(nid, new_id))
    return bool(ids)


def _layout(graph: GraphSpec) -> None:
    """Columns by depth, left to right (a chain becomes x = 220·i, y = 0); rows are kept."""
    depth: dict[str, int] = {}
    for nid in graph.topological_order():
        sources = graph.inputs_of(nid)
        depth[nid] = 1 + max(depth[s] for s in sources) if sources else 0
    for nid, node in graph.nodes.items():
        y = node.pos[1] if node.pos is not None else 0.0
        node.pos = (COLUMN_WIDTH * depth[nid], y)
