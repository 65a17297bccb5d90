"""Undo commands: every edit of a document is one of these, pushed on its QUndoStack.

As in orange-canvas-core, `redo()` and `undo()` only change the model (the document's GraphSpec,
training dict and weights) and then tell the document; the views follow the document's signals.
Each command restores the exact earlier state on undo: node order, edge order (a node's inputs
are its incoming edges in list order) and any saved weights the edit made stale.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from dlsim.engine.nn.graph import Edge, GraphSpec, Node
from dlsim.engine.nn.weight_carry import carry_weights, resized_layers, weight_signatures
from dlsim.engine.training.fileformat import weights_to_lists

if TYPE_CHECKING:
    from dlsim.ui.document import Document

_MERGE_PARAMS_ID = 1001
_MERGE_TRAINING_ID = 1002


class GraphCommand(QUndoCommand):
    """Base for edits of the graph: subclasses implement `_apply` and `_revert` on the spec."""

    structural = True  # False for edits that only move nodes

    def __init__(self, document: Document, text: str) -> None:
        super().__init__(text)
        self.document = document
        # The saved weights of the layers this edit changes, as the other side of the edit has
        # them (None: that side has none): each redo or undo swaps them with the current ones.
        self._stash: dict[str, Any] = {}

    def _apply(self, graph: GraphSpec) -> None:
        raise NotImplementedError

    def _revert(self, graph: GraphSpec) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._change(self._apply)

    def undo(self) -> None:
        self._change(self._revert)

    def _change(self, change: Callable[[GraphSpec], None]) -> None:
        """Change the graph and swap the weights of the layers it changes with those stashed.

        Which saved weights an edit makes stale is the engine's one rule (nn.weight_carry). The
        weights swapped out are whatever the document holds *now* — after a save, the saved
        ones — so undoing and redoing back to a saved state gives the saved weights again, and a
        clean document is equal to its file.
        """
        doc = self.document
        check = self.structural and bool(doc.weights or self._stash)
        before = weight_signatures(doc.graph) if check else {}
        old_graph = doc.graph.copy() if check and not self._stash else None
        change(doc.graph)
        if check:
            after = weight_signatures(doc.graph)
            changed = {
                nid for nid in before.keys() | after.keys() if before.get(nid) != after.get(nid)
            }
            changed |= self._stash.keys()
            leaving = {nid: doc.weights.get(nid) for nid in changed}
            weights = {k: v for k, v in doc.weights.items() if k not in changed}
            weights.update({k: v for k, v in self._stash.items() if v is not None})
            if old_graph is not None:  # the first redo: resized layers keep what still fits
                weights.update(_resized(old_graph, doc.graph, changed, doc.weights))
            self._stash = leaving
            doc.weights = weights
        doc._on_graph_edited(self.structural)


def _resized(
    old_graph: GraphSpec, new_graph: GraphSpec, changed: set[str], weights: dict[str, Any]
) -> dict[str, Any]:
    """The saved weights of layers an edit only resized, cut or grown by weight_carry's rule 3
    (a unit added or removed: the other units' rows and columns kept, as the neuron view's
    + / − keep them)."""
    saved = {nid: weights[nid] for nid in changed if weights.get(nid)}
    resized = resized_layers(old_graph, new_graph, saved)
    if not resized:
        return {}
    kept = carry_weights(new_graph, {nid: saved[nid] for nid in resized}, old_graph)
    return weights_to_lists(kept)


def _same(a: Any, b: Any) -> bool:
    """Two saved entries of one layer ({name: nested list}, or None) hold the same numbers."""
    if a is b:
        return True
    if not isinstance(a, dict) or not isinstance(b, dict) or a.keys() != b.keys():
        return False
    return all(np.array_equal(np.asarray(a[k]), np.asarray(b[k])) for k in a)


class AddNodesCommand(GraphCommand):
    """Add nodes (and edges among or to them): a palette drop, a paste, a duplicate."""

    def __init__(self, document: Document, nodes: list[Node], edges: list[Edge], text: str) -> None:
        super().__init__(document, text)
        self.nodes = [copy.deepcopy(n) for n in nodes]
        self.edges = list(edges)

    def _apply(self, graph: GraphSpec) -> None:
        for node in self.nodes:
            graph.add_node(copy.deepcopy(node))
        graph.edges.extend(self.edges)

    def _revert(self, graph: GraphSpec) -> None:
        # Both were appended last, so removing them restores the earlier order exactly.
        for edge in self.edges:
            graph.remove_edge(edge)
        for node in reversed(self.nodes):
            graph.remove_node(node.id)


class RemoveCommand(GraphCommand):
    """Delete nodes (with their edges) and edges in one step."""

    def __init__(
        self, document: Document, node_ids: list[str], edges: list[Edge], text: str
    ) -> None:
        super().__init__(document, text)
        self.node_ids = list(node_ids)
        self.edges = list(edges)
        self._order: list[str] = []
        self._removed: dict[str, Node] = {}
        self._edges_before: list[Edge] = []

    def _apply(self, graph: GraphSpec) -> None:
        self._order = list(graph.nodes)
        self._edges_before = list(graph.edges)
        self._removed = {nid: graph.nodes[nid] for nid in self.node_ids}
        for edge in self.edges:
            if edge in graph.edges:
                graph.remove_edge(edge)
        for nid in self.node_ids:
            graph.remove_node(nid)

    def _revert(self, graph: GraphSpec) -> None:
        graph.nodes = {nid: graph.nodes.get(nid) or self._removed[nid] for nid in self._order}
        graph.edges = list(self._edges_before)


class ConnectCommand(GraphCommand):
    """Add one edge (the caller has already asked `check_connect`)."""

    def __init__(self, document: Document, edge: Edge) -> None:
        super().__init__(
            document,
            QCoreApplication.translate("Commands", "Connect {0} → {1}").format(edge.src, edge.dst),
        )
        self.edge = edge

    def _apply(self, graph: GraphSpec) -> None:
        graph.add_edge(self.edge)

    def _revert(self, graph: GraphSpec) -> None:
        graph.remove_edge(self.edge)


class DisconnectCommand(GraphCommand):
    """Remove one edge; undo puts it back in the same input slot."""

    def __init__(self, document: Document, edge: Edge) -> None:
        super().__init__(
            document,
            QCoreApplication.translate("Commands", "Disconnect {0} → {1}").format(
                edge.src, edge.dst
            ),
        )
        self.edge = edge
        self._index = 0

    def _apply(self, graph: GraphSpec) -> None:
        self._index = graph.remove_edge(self.edge)

    def _revert(self, graph: GraphSpec) -> None:
        graph.edges.insert(self._index, self.edge)


class MoveCommand(GraphCommand):
    """New positions for some nodes: a whole drag, or an auto-arrange, is one command."""

    structural = False

    def __init__(
        self,
        document: Document,
        positions: dict[str, tuple[float, float]],
        text: str,
    ) -> None:
        super().__init__(document, text)
        self.new = dict(positions)
        self.old = {nid: document.graph.nodes[nid].pos for nid in positions}

    def _apply(self, graph: GraphSpec) -> None:
        for nid, pos in self.new.items():
            graph.nodes[nid].pos = pos

    def _revert(self, graph: GraphSpec) -> None:
        for nid, pos in self.old.items():
            graph.nodes[nid].pos = pos


class SetParamsCommand(GraphCommand):
    """New parameters for one node; consecutive ticks of one spin-box gesture merge into one."""

    def __init__(
        self,
        document: Document,
        node_id: str,
        params: dict[str, Any],
        text: str,
        merge_key: object = None,
    ) -> None:
        super().__init__(document, text)
        self.node_id = node_id
        self.old = copy.deepcopy(document.graph.nodes[node_id].params)
        self.new = copy.deepcopy(params)
        self.merge_key = merge_key

    def id(self) -> int:
        return _MERGE_PARAMS_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetParamsCommand) or other.node_id != self.node_id:
            return False
        if self.merge_key is None or other.merge_key != self.merge_key:
            return False
        self.new = copy.deepcopy(other.new)
        self._stash = {**other._stash, **self._stash}  # as they were before the first tick
        weights = self.document.weights
        unchanged = all(_same(weights.get(k), v) for k, v in self._stash.items())
        self.setObsolete(self.new == self.old and unchanged)
        return True

    def _apply(self, graph: GraphSpec) -> None:
        graph.nodes[self.node_id].params = copy.deepcopy(self.new)

    def _revert(self, graph: GraphSpec) -> None:
        graph.nodes[self.node_id].params = copy.deepcopy(self.old)


class ReplaceGraphCommand(GraphCommand):
    """A whole-graph edit (e.g. "insert BatchNorm after every hidden Dense") as one entry."""

    def __init__(self, document: Document, new_graph: GraphSpec, text: str) -> None:
        super().__init__(document, text)
        self.old = document.graph.copy()
        self.new = new_graph.copy()

    def _apply(self, graph: GraphSpec) -> None:
        self._replace(graph, self.new)

    def _revert(self, graph: GraphSpec) -> None:
        self._replace(graph, self.old)

    @staticmethod
    def _replace(graph: GraphSpec, source: GraphSpec) -> None:
        fresh = source.copy()
        graph.nodes, graph.edges = fresh.nodes, fresh.edges


class SetTrainingCommand(QUndoCommand):
    """New (normalized) training settings; a spin-box gesture on one field merges into one."""

    def __init__(
        self, document: Document, new: dict[str, Any], text: str, merge_key: object = None
    ) -> None:
        super().__init__(text)
        self.document = document
        self.old = copy.deepcopy(document.training)
        self.new = copy.deepcopy(new)
        self.merge_key = merge_key

    def id(self) -> int:
        return _MERGE_TRAINING_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTrainingCommand):
            return False
        if self.merge_key is None or other.merge_key != self.merge_key:
            return False
        self.new = copy.deepcopy(other.new)
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.document.training = copy.deepcopy(self.new)
        self.document._on_training_edited()

    def undo(self) -> None:
        self.document.training = copy.deepcopy(self.old)
        self.document._on_training_edited()
