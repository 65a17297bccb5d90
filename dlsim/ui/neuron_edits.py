"""The neuron view's edits as undo commands: a weight or bias typed in, a unit added or removed.

Both make the document's saved weights the ones the learner sees (the latest snapshot's, with
the edit), so the file holds them and a fresh run starts from them. A running session follows
the way every edit reaches it: a unit added or removed is a graph edit (the training process
keeps the surviving rows and columns, `weight_carry` rule 3); a typed weight is handed to the
session as a `hand_set` entry (`Document.weights_set`), so only that one number changes there.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from dlsim.engine.nn.weight_carry import carry_weights
from dlsim.engine.training.fileformat import weights_to_lists

if TYPE_CHECKING:
    from dlsim.ui.document import Document

Entry = tuple[str, str, tuple[int, ...], float]


def _tr(text: str) -> str:
    return QCoreApplication.translate("NeuronEdits", text)


def seen_weights(document: Document, params: dict | None, step: int) -> dict[str, Any]:
    """The weights the view shows: the snapshot's, and before any step the document's own on
    top (what the session started from, even if its snapshot is a moment old)."""
    out = {
        nid: {k: np.array(v, dtype=np.float64) for k, v in d.items()}
        for nid, d in (params or {}).items()
    }
    if step == 0:
        for nid, values in carry_weights(document.graph, document.weights).items():
            out.setdefault(nid, {}).update(values)
    return out


class SetWeightCommand(QUndoCommand):
    """One weight (or bias) typed in the neuron view."""

    def __init__(self, document: Document, seen: dict[str, Any], entry: Entry) -> None:
        nid, name, index, value = entry
        old = float(seen[nid][name][index])
        super().__init__(_tr("Set {0}.{1}{2} to {3:g}").format(nid, name, list(index), value))
        self.document = document
        self.before = copy.deepcopy(document.weights)
        after = {k: {n: np.array(a) for n, a in v.items()} for k, v in seen.items()}
        after[nid][name][index] = value
        self.after = weights_to_lists(after)
        self.new_entry: Entry = (nid, name, tuple(index), float(value))
        self.old_entry: Entry = (nid, name, tuple(index), old)

    def redo(self) -> None:
        self.document.weights = copy.deepcopy(self.after)
        self.document._on_weights_edited([self.new_entry])

    def undo(self) -> None:
        self.document.weights = copy.deepcopy(self.before)
        self.document._on_weights_edited([self.old_entry])


class ResizeLayerCommand(QUndoCommand):
    """A unit added to (or the last one removed from) a Dense layer, the others' weights kept."""

    def __init__(self, document: Document, seen: dict[str, Any], node_id: str, units: int) -> None:
        old_units = int(document.graph.nodes[node_id].params.get("units", 1))
        text = _tr("Add a unit to {0}") if units > old_units else _tr("Remove a unit from {0}")
        super().__init__(text.format(node_id))
        self.document = document
        self.node_id = node_id
        self.old_params = copy.deepcopy(document.graph.nodes[node_id].params)
        self.new_params = {**self.old_params, "units": units}
        self.before = copy.deepcopy(document.weights)
        new_graph = document.graph.copy()
        new_graph.nodes[node_id].params = copy.deepcopy(self.new_params)
        self.after = weights_to_lists(carry_weights(new_graph, seen, document.graph))

    def _set(self, params: dict[str, Any], weights: dict[str, Any]) -> None:
        doc = self.document
        doc.graph.nodes[self.node_id].params = copy.deepcopy(params)
        doc.weights = copy.deepcopy(weights)
        doc._on_graph_edited(True)

    def redo(self) -> None:
        self._set(self.new_params, self.after)

    def undo(self) -> None:
        self._set(self.old_params, self.before)
