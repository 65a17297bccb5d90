"""The graph spec: the one source of truth for a network's structure.

Plain data (nodes with stable string ids, directed edges) plus the questions the editor and the
compiler ask of it: is this connection allowed and if not why, in which order do nodes run, how
many features flow along each edge, and every problem at once, each tied to a node.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.registry import REGISTRY, layer_type
from dlsim.engine.text import translate

MAX_NODES = 500
MAX_PARAMETERS = 20_000_000


@dataclass
class Node:
    """One layer in the diagram: a stable id, a registered type, its parameters, its position."""

    id: str
    type: str
    params: dict[str, Any] = field(default_factory=dict)
    pos: tuple[float, float] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "params": copy.deepcopy(self.params),
        }
        if self.pos is not None:
            out["pos"] = [self.pos[0], self.pos[1]]
        out.update(copy.deepcopy(self.extra))
        return out


@dataclass(frozen=True)
class Edge:
    """Data flows from `src` to `dst`; a node's inputs are its incoming edges in list order."""

    src: str
    dst: str

    def to_dict(self) -> dict[str, str]:
        return {"from": self.src, "to": self.dst}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document, tied to the node it concerns (None: the whole document)."""

    node_id: str | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"node '{self.node_id}'" if self.node_id else "document"
        return f"{self.severity}: {where}: {self.message}"


class GraphSpec:
    """Nodes and edges of a network diagram, with structural queries and validation."""

    def __init__(self, nodes: list[Node] | None = None, edges: list[Edge] | None = None) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        for node in nodes or []:
            self.add_node(node)
        for edge in edges or []:
            self.edges.append(edge)

    # --- construction -------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Any) -> GraphSpec:
        """Build from the file's "graph" object; structural errors raise DlsimError."""
        if not isinstance(data, dict):
            raise DlsimError(
                translate("graph", "'graph' must be an object with 'nodes' and 'edges'")
            )
        raw_nodes = data.get("nodes")
        raw_edges = data.get("edges", [])
        if not isinstance(raw_nodes, list):
            raise DlsimError(translate("graph", "'graph.nodes' must be a list"))
        if not isinstance(raw_edges, list):
            raise DlsimError(translate("graph", "'graph.edges' must be a list"))
        if len(raw_nodes) > MAX_NODES:
            raise DlsimError(
                translate("graph", "the graph has {0} nodes; at most {1} are allowed").format(
                    len(raw_nodes), MAX_NODES
                )
            )
        spec = cls()
        for i, raw in enumerate(raw_nodes):
            spec.add_node(_node_from_dict(raw, i))
        for i, raw in enumerate(raw_edges):
            if not isinstance(raw, dict) or not {"from", "to"} <= raw.keys():
                raise DlsimError(
                    translate("graph", "edge {0} must be an object with 'from' and 'to'").format(i)
                )
            src, dst = raw["from"], raw["to"]
            for end in (src, dst):
                if not isinstance(end, str):
                    raise DlsimError(
                        translate(
                            "graph", "edge {0}: 'from' and 'to' must be node ids (strings)"
                        ).format(i)
                    )
                if end not in spec.nodes:
                    raise DlsimError(
                        translate("graph", "edge {0} refers to unknown node {1!r}").format(i, end)
                    )
            edge = Edge(src, dst)
            if edge in spec.edges:
                raise DlsimError(
                    translate("graph", "edge {0} from '{1}' to '{2}' is listed twice").format(
                        i, src, dst
                    )
                )
            spec.edges.append(edge)
        return spec

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.to_dict() for n in self.nodes.values()],
            "edges": [e.to_dict() for e in self.edges],
        }

    def copy(self) -> GraphSpec:
        return GraphSpec.from_dict(self.to_dict())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GraphSpec) and self.to_dict() == other.to_dict()

    # --- edits (the editor's commands call these) ---------------------------------------------

    def add_node(self, node: Node) -> None:
        if not isinstance(node.id, str) or not node.id:
            raise DlsimError(translate("graph", "every node needs a non-empty string id"))
        if node.id in self.nodes:
            raise DlsimError(translate("graph", "two nodes share the id '{0}'").format(node.id))
        self.nodes[node.id] = node

    def remove_node(self, node_id: str) -> list[Edge]:
        """Remove a node and its edges; returns the removed edges (for undo)."""
        removed = [e for e in self.edges if node_id in (e.src, e.dst)]
        self.edges = [e for e in self.edges if node_id not in (e.src, e.dst)]
        del self.nodes[node_id]
        return removed

    def add_edge(self, edge: Edge, index: int | None = None) -> None:
        reason = self.check_connect(edge.src, edge.dst)
        if reason:
            raise DlsimError(reason)
        if index is None:
            self.edges.append(edge)
        else:
            self.edges.insert(index, edge)

    def remove_edge(self, edge: Edge) -> int:
        """Remove an edge; returns its index so undo can put it back in the same input slot."""
        index = self.edges.index(edge)
        del self.edges[index]
        return index

    def new_id(self, prefix: str) -> str:
        """A fresh id like 'dense_3' that no node uses yet."""
        base = prefix.lower()
        i = 1
        while f"{base}_{i}" in self.nodes:
            i += 1
        return f"{base}_{i}"

    # --- queries ------------------------------------------------------------------------------

    def inputs_of(self, node_id: str) -> list[str]:
        return [e.src for e in self.edges if e.dst == node_id]

    def outputs_of(self, node_id: str) -> list[str]:
        return [e.dst for e in self.edges if e.src == node_id]

    def input_nodes(self) -> list[str]:
        return [n.id for n in self.nodes.values() if n.type == "Input"]

    def output_nodes(self) -> list[str]:
        """Nodes nothing reads from: the network's output(s)."""
        sources = {e.src for e in self.edges}
        return [nid for nid in self.nodes if nid not in sources]

    def find_cycle(self) -> list[str] | None:
        """The nodes of one directed cycle, or None when the graph is acyclic."""
        colour = dict.fromkeys(self.nodes, 0)
        stack: list[str] = []
        succ = {nid: self.outputs_of(nid) for nid in self.nodes}

        def visit(nid: str) -> list[str] | None:
            colour[nid] = 1
            stack.append(nid)
            for nxt in succ[nid]:
                if colour[nxt] == 1:
                    return stack[stack.index(nxt) :]
                if colour[nxt] == 0 and (found := visit(nxt)):
                    return found
            stack.pop()
            colour[nid] = 2
            return None

        for nid in self.nodes:
            if colour[nid] == 0 and (found := visit(nid)):
                return found
        return None

    def topological_order(self) -> list[str]:
        """Node ids so that every node comes after its inputs (Kahn's algorithm, stable)."""
        indegree = {nid: 0 for nid in self.nodes}
        for e in self.edges:
            indegree[e.dst] += 1
        ready = [nid for nid in self.nodes if indegree[nid] == 0]
        order: list[str] = []
        while ready:
            nid = ready.pop(0)
            order.append(nid)
            for nxt in self.outputs_of(nid):
                indegree[nxt] -= 1
                if indegree[nxt] == 0:
                    ready.append(nxt)
        if len(order) != len(self.nodes):
            cycle = self.find_cycle() or []
            raise DlsimError(
                translate("graph", "the graph has a cycle through {0}").format(" → ".join(cycle))
            )
        return order

    def check_connect(self, src: str, dst: str) -> str | None:
        """Why connecting src → dst is refused, in words; None when it is allowed."""
        if src not in self.nodes or dst not in self.nodes:
            return translate("graph", "both ends must be existing nodes")
        if src == dst:
            return translate("graph", "a layer cannot feed itself")
        if Edge(src, dst) in self.edges:
            return translate("graph", "'{0}' is already connected to '{1}'").format(src, dst)
        dst_type = REGISTRY.get(self.nodes[dst].type)
        if dst_type is not None:
            if dst_type.max_inputs == 0:
                return translate(
                    "graph", "'{0}' is an Input layer: nothing can feed into it"
                ).format(dst)
            taken = len(self.inputs_of(dst))
            if dst_type.max_inputs is not None and taken >= dst_type.max_inputs:
                return translate(
                    "graph", "the input of '{0}' is taken (disconnect it first)"
                ).format(dst)
        if self._reaches(dst, src):
            return translate("graph", "connecting '{0}' to '{1}' would make a cycle").format(
                src, dst
            )
        shapes = self.infer_shapes()
        if dst_type is not None and src in shapes:
            ins = [shapes[s] for s in self.inputs_of(dst) if s in shapes] + [shapes[src]]
            if dst_type.name == "Add" and len(set(ins)) > 1:
                return translate(
                    "graph", "Add needs equal sizes: '{0}' gives {1}, the others {2}"
                ).format(src, shapes[src], ins[0])
        return None

    def _reaches(self, start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            nid = todo.pop()
            if nid == goal:
                return True
            if nid not in seen:
                seen.add(nid)
                todo.extend(self.outputs_of(nid))
        return False

    def infer_shapes(self) -> dict[str, int]:
        """Feature count at each node's output, for every node whose inputs are all known."""
        shapes: dict[str, int] = {}
        try:
            order = self.topological_order()
        except DlsimError:
            return shapes
        for nid in order:
            node = self.nodes[nid]
            ltype = REGISTRY.get(node.type)
            ins = self.inputs_of(nid)
            if ltype is None or any(s not in shapes for s in ins):
                continue
            if len(ins) < ltype.min_inputs:
                continue
            try:
                params = ltype.normalize_params(node.params)
                shapes[nid] = ltype.cls.output_units(params, [shapes[s] for s in ins])
            except DlsimError:
                continue
        return shapes

    def parameter_count(self, node_id: str, shapes: dict[str, int] | None = None) -> int:
        """How many trainable numbers the node holds (0 when its shape is unknown)."""
        shapes = self.infer_shapes() if shapes is None else shapes
        node = self.nodes[node_id]
        ins = self.inputs_of(node_id)
        if node_id not in shapes or any(s not in shapes for s in ins):
            return 0
        if node.type == "Dense":
            use_bias = node.params.get("use_bias", True)
            return shapes[ins[0]] * shapes[node_id] + (shapes[node_id] if use_bias else 0)
        if node.type in ("BatchNorm", "LayerNorm"):
            return 2 * shapes[node_id]
        return 0

    # --- validation ---------------------------------------------------------------------------

    def validate(self) -> list[Problem]:
        """Every structural problem at once, each tied to its node."""
        problems: list[Problem] = []
        for node in self.nodes.values():
            if node.type not in REGISTRY:
                problems.append(Problem(node.id, _unknown_type_message(node.type)))
                continue
            try:
                layer_type(node.type).normalize_params(node.params)
            except DlsimError as exc:
                problems.append(Problem(node.id, str(exc)))
        inputs = self.input_nodes()
        if not inputs:
            problems.append(Problem(None, translate("graph", "the graph has no Input layer")))
        elif len(inputs) > 1:
            for nid in inputs[1:]:
                problems.append(
                    Problem(
                        nid,
                        translate("graph", "only one Input layer is supported; delete this one"),
                    )
                )
        cycle = self.find_cycle()
        if cycle:
            path = " → ".join([*cycle, cycle[0]])
            for nid in cycle:
                problems.append(
                    Problem(
                        nid, translate("graph", "this layer is part of a cycle ({0})").format(path)
                    )
                )
        for node in self.nodes.values():
            ltype = REGISTRY.get(node.type)
            if ltype is None:
                continue
            n_in = len(self.inputs_of(node.id))
            if n_in < ltype.min_inputs:
                needs = (
                    translate("graph", "{0} needs an input; connect one to it")
                    if ltype.min_inputs == 1
                    else translate("graph", "{0} needs at least {1} inputs; connect one to it")
                )
                problems.append(Problem(node.id, needs.format(node.type, ltype.min_inputs)))
            elif ltype.max_inputs is not None and n_in > ltype.max_inputs:
                problems.append(
                    Problem(
                        node.id,
                        translate("graph", "{0} takes {1} input(s)").format(
                            node.type, ltype.max_inputs
                        ),
                    )
                )
        outputs = [nid for nid in self.output_nodes() if self.nodes[nid].type != "Input"]
        if self.nodes and not outputs and not cycle:
            problems.append(Problem(None, translate("graph", "the graph has no output layer")))
        elif len(outputs) > 1:
            names = ", ".join(outputs)
            for nid in outputs:
                problems.append(
                    Problem(
                        nid,
                        translate(
                            "graph", "the graph has several outputs ({0}); keep exactly one"
                        ).format(names),
                    )
                )
        if not cycle:
            problems.extend(self._shape_problems())
        return problems

    def _shape_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        shapes = self.infer_shapes()
        total = 0
        for nid in self.topological_order():
            node = self.nodes[nid]
            ltype = REGISTRY.get(node.type)
            ins = self.inputs_of(nid)
            if ltype is None or len(ins) < ltype.min_inputs or any(s not in shapes for s in ins):
                continue
            try:
                params = ltype.normalize_params(node.params)
            except DlsimError:
                continue  # a bad parameter: validate() has reported it once already
            try:
                ltype.cls.output_units(params, [shapes[s] for s in ins])
            except DlsimError as exc:
                problems.append(Problem(nid, str(exc)))
                continue
            total += self.parameter_count(nid, shapes)
        if total > MAX_PARAMETERS:
            problems.append(
                Problem(
                    None,
                    translate(
                        "graph", "the network has {0:,} parameters; at most {1:,} fit here"
                    ).format(total, MAX_PARAMETERS),
                )
            )
        return problems


def _unknown_type_message(name: str) -> str:
    return translate("graph", "unknown layer type '{0}' (known types: {1})").format(
        name, ", ".join(REGISTRY)
    )


def _node_from_dict(raw: Any, index: int) -> Node:
    if not isinstance(raw, dict):
        raise DlsimError(translate("graph", "node {0} must be an object").format(index))
    node_id = raw.get("id")
    if not isinstance(node_id, str) or not node_id:
        raise DlsimError(translate("graph", "node {0} needs a non-empty string 'id'").format(index))
    node_type = raw.get("type")
    if not isinstance(node_type, str):
        raise DlsimError(translate("graph", "node '{0}' needs a string 'type'").format(node_id))
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise DlsimError(
            translate("graph", "node '{0}': 'params' must be an object").format(node_id)
        )
    pos = raw.get("pos")
    if pos is not None:
        ok = isinstance(pos, list | tuple) and len(pos) == 2
        ok = ok and all(isinstance(v, int | float) and not isinstance(v, bool) for v in pos)
        if not ok or not all(math.isfinite(v) for v in pos):
            raise DlsimError(
                translate("graph", "node '{0}': 'pos' must be two numbers [x, y]").format(node_id)
            )
        pos = (float(pos[0]), float(pos[1]))
    extra = {
        k: copy.deepcopy(v) for k, v in raw.items() if k not in ("id", "type", "params", "pos")
    }
    return Node(node_id, node_type, copy.deepcopy(params), pos, extra)
