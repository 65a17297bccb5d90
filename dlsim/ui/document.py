"""The document: one .dlsim diagram being edited — the single model every view observes.

It owns the GraphSpec (the one source of truth for the network's structure), the normalized
training settings, the saved weights, the file path and the QUndoStack. Views never mutate the
spec: they call an edit method here, which pushes one QUndoCommand; the command changes the model
and the document announces it with a signal. Loading, undo and scripting all travel that path.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from dlsim.engine.errors import DlsimError
from dlsim.engine.live.interface import PackedExperiment
from dlsim.engine.nn.graph import Edge, GraphSpec, Node, Problem
from dlsim.engine.nn.registry import layer_type
from dlsim.engine.nn.weight_carry import carry_weights
from dlsim.engine.text import translate
from dlsim.engine.training.doc_copy import copy_doc
from dlsim.engine.training.experiment import (
    DOCUMENT_KEYS,
    Experiment,
    check_document,
    checked_experiment,
    merge_training,
    normalize_training,
)
from dlsim.engine.training.fileformat import (
    FORMAT,
    VERSION,
    assemble,
    migrate,
    read_document,
    write_document,
)
from dlsim.engine.training.settings import NEW_DIAGRAM_TRAINING
from dlsim.ui import commands, neuron_edits
from dlsim.ui.example_texts import example_text
from dlsim.ui.graph_editor.layout import X_STEP, layered_positions

UNTITLED = "Untitled"


@dataclass
class PreparedRun:
    """What a file's reading prepared beside its content, in the reading thread: the document's
    problems and the experiment its training process runs (packed to send), so loading a big
    file neither checks nor builds nor pickles it again on the GUI thread."""

    base_dir: Path | None
    problems: list[Problem]
    experiment: Experiment | None
    packed: PackedExperiment | None


@dataclass
class DocumentContent:
    """What a .dlsim document holds, checked as far as the editor needs to show it."""

    graph: GraphSpec
    training: dict[str, Any]
    weights: dict[str, Any]
    name: str
    description: str
    view: dict[str, Any]
    extra: dict[str, Any]
    prepared: PreparedRun | None = None


def engine_dict(
    source: Document | DocumentContent, weights: Any, lists: bool = True
) -> dict[str, Any]:
    """The document `source` holds, with `weights`, as the engine and the file read it
    (`lists=False`: the weights stay arrays, for an experiment only)."""
    return assemble(
        name=source.name,
        description=source.description,
        graph=source.graph.to_dict(),
        weights=weights,
        training=source.training,
        view=source.view,
        extra=source.extra,
        lists=lists,
    )


def runnable_dict(source: Document | DocumentContent) -> dict[str, Any]:
    """The document with the weights its graph keeps: what its training process starts from."""
    return engine_dict(source, carry_weights(source.graph, source.weights))


def prepare_run(content: DocumentContent, base_dir: Path | None) -> PreparedRun:
    """The problems of `content` and its runnable experiment (any thread; Document.load_content
    uses them instead of checking and building again). One build serves both unless the graph
    drops some of the file's weights."""
    problems, built = checked_experiment(engine_dict(content, content.weights, False), base_dir)
    carried = carry_weights(content.graph, content.weights)
    kept = {nid: sorted(values) for nid, values in carried.items()}
    if built is None or kept != {nid: sorted(v) for nid, v in content.weights.items()}:
        try:
            built = Experiment(engine_dict(content, carried, False), base_dir)
        except DlsimError:
            built = None
    packed = PackedExperiment(built) if built is not None else None
    return PreparedRun(base_dir, problems, built, packed)


def parse_content(doc: Any) -> DocumentContent:
    """A document dict as the editor holds it; DlsimError when the editor cannot show it (bad
    JSON shapes, unknown layer types, bad values). Nodes without a position are laid out."""
    doc = migrate(copy_doc(doc))
    graph = GraphSpec.from_dict(doc.get("graph"))
    for node in graph.nodes.values():
        try:
            layer_type(node.type).normalize_params(node.params)
        except DlsimError as exc:
            raise DlsimError(
                translate("Document", "node '{0}': {1}").format(node.id, exc), node_id=node.id
            ) from None
    training = normalize_training(doc.get("training"))
    weights = doc.get("weights") or {}
    if not isinstance(weights, dict) or not all(isinstance(v, dict) for v in weights.values()):
        raise DlsimError(translate("Document", "'weights' must be an object keyed by node id"))
    view = doc.get("view") or {}
    if not isinstance(view, dict):
        raise DlsimError(translate("Document", "'view' must be an object"))
    missing = [n for n in graph.nodes.values() if n.pos is None]
    if missing:
        placed = layered_positions(graph)
        for node in missing:
            node.pos = placed[node.id]
    return DocumentContent(
        graph=graph,
        training=training,
        weights=weights,
        name=str(doc.get("name", UNTITLED)),
        description=str(doc.get("description", "")),
        view=view,
        extra={k: v for k, v in doc.items() if k not in DOCUMENT_KEYS},
    )


class Document(QObject):
    """A diagram with its training settings, weights, file state and undo history."""

    graph_changed = Signal()
    structure_changed = Signal()  # graph_changed minus pure moves: nodes, edges or params changed
    training_changed = Signal()
    document_replaced = Signal()
    dirty_changed = Signal(bool)
    path_changed = Signal(object)
    problems_changed = Signal(list)
    weights_set = Signal(list)  # single weights typed by hand: [(node id, name, index, value)]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.graph = GraphSpec()
        self.training: dict[str, Any] = normalize_training({})
        self.weights: dict[str, Any] = {}
        self.name = UNTITLED
        self.description = ""
        self.view: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}
        self.path: Path | None = None
        self.base_dir: Path | None = None  # where relative data paths resolve (the file's folder)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self._weights_provider: Callable[[], dict] | None = None
        self._prepared: PreparedRun | None = None  # only while load_content announces it
        self._problems: list[Problem] = check_document(self._as_dict(self.weights), None)

    # --- state ----------------------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        """What the title bar shows: the file name, else the document's own name."""
        if self.path:
            return self.path.name
        if self.name and self.name != UNTITLED:
            return example_text(self.name)  # an example's title in the interface language
        return self.tr("Untitled")

    def problems(self) -> list[Problem]:
        """Every problem of the document (errors and warnings), as of the last edit."""
        return list(self._problems)

    def set_weights_provider(self, fn: Callable[[], dict] | None) -> None:
        """Let the training workbench supply the weights to save (the trained ones)."""
        self._weights_provider = fn

    def to_dict(self) -> dict[str, Any]:
        """The full .dlsim document; weights are the trained ones when a provider is set."""
        weights = self._weights_provider() if self._weights_provider else self.weights
        return self._as_dict(weights)

    def _as_dict(self, weights: dict[str, Any]) -> dict[str, Any]:
        return engine_dict(self, weights)

    def take_prepared_run(self) -> PreparedRun | None:
        """The run prepared with the content being loaded (once; None at any other time)."""
        prepared, self._prepared = self._prepared, None
        return prepared

    def experiment(self) -> Experiment:
        """A fresh runnable experiment of this document; raises DlsimError when it cannot run."""
        return Experiment.from_dict(self.to_dict(), self.base_dir)

    # --- files ----------------------------------------------------------------------------------

    def load_dict(
        self, doc: Any, path: str | Path | None = None, base_dir: str | Path | None = None
    ) -> None:
        """Replace the whole document; raises DlsimError (document untouched) if it cannot load.

        A graph with structural problems (unconnected layer, cycle, size mismatch) still loads,
        since the editor saves work in progress: the problems are shown on the nodes. What cannot
        load is what the editor cannot show: bad JSON shapes, unknown layer types, bad values.
        """
        self.load_content(parse_content(doc), path, base_dir)

    def load_content(
        self,
        content: DocumentContent,
        path: str | Path | None = None,
        base_dir: str | Path | None = None,
    ) -> None:
        """Replace the whole document by what `parse_content` gave (cannot fail); the document
        takes `content` over, so it must not be loaded twice."""
        self.graph = content.graph
        self.training = content.training
        self.weights = content.weights
        self.name = content.name
        self.description = content.description
        self.view = content.view
        self.extra = content.extra
        self.path = Path(path) if path is not None else None
        if base_dir is not None:
            self.base_dir = Path(base_dir)
        else:
            self.base_dir = self.path.resolve().parent if self.path else None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        prepared = content.prepared
        content.prepared = None
        if prepared is not None and prepared.base_dir == self.base_dir:
            self._problems = list(prepared.problems)
            self._prepared = prepared
        else:
            self._refresh_problems()
        self.document_replaced.emit()
        self._prepared = None
        self.graph_changed.emit()
        self.structure_changed.emit()
        self.training_changed.emit()
        self.path_changed.emit(self.path)
        self.dirty_changed.emit(False)
        self.problems_changed.emit(self.problems())

    def new(self) -> None:
        """An empty diagram with the default training settings."""
        self.load_dict(
            {
                "format": FORMAT,
                "version": VERSION,
                "name": UNTITLED,
                "graph": {"nodes": [], "edges": []},
                "training": copy.deepcopy(NEW_DIAGRAM_TRAINING),
            }
        )

    def open(self, path: str | Path) -> None:
        """Load a .dlsim file; raises DlsimError naming the file, leaving the document untouched."""
        doc = read_document(path)
        try:
            self.load_dict(doc, path)
        except DlsimError as exc:
            raise DlsimError(f"{path}: {exc}", node_id=exc.node_id) from None

    def save(self, path: str | Path | None = None) -> None:
        """Write the document atomically (the old file survives a failed save)."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise DlsimError(self.tr("the document has no file name yet; use Save As"))
        doc = self.to_dict()
        write_document(target, doc)
        if self._weights_provider is not None:
            self.weights = doc.get("weights", {})
        changed = target != self.path
        self.path = target
        self.base_dir = target.resolve().parent
        self.undo_stack.setClean()
        if changed:
            self.path_changed.emit(self.path)

    # --- edits: each pushes exactly one undo entry ----------------------------------------------

    def add_node(
        self,
        type: str,
        params: dict[str, Any] | None = None,
        pos: tuple[float, float] | None = None,
        source: str | None = None,
    ) -> str:
        """Add a layer of a registered type; returns its new id. With `source`, connect source →
        new layer in the same undo entry, if that connection is allowed."""
        ltype = layer_type(type)
        normalized = ltype.normalize_params(params or {})
        if pos is None:
            right = max((n.pos[0] for n in self.graph.nodes.values() if n.pos), default=-X_STEP)
            pos = (right + X_STEP, 0.0)
        nid = self.graph.new_id(type)
        node = Node(nid, type, normalized, (float(pos[0]), float(pos[1])))
        edges, text = [], self.tr("Add {0}").format(type)
        if source is not None:
            trial = self.graph.copy()
            trial.add_node(node)
            if trial.check_connect(source, nid) is None:
                edges, text = [Edge(source, nid)], self.tr("Add {0} after {1}").format(type, source)
        self.undo_stack.push(commands.AddNodesCommand(self, [node], edges, text))
        return nid

    def add_fragment(
        self, fragment: dict[str, Any], offset: tuple[float, float] = (30.0, 30.0)
    ) -> list[str]:
        """Paste nodes and their internal edges (as `GraphSpec.to_dict` gives) under fresh ids."""
        source = GraphSpec.from_dict(fragment)
        taken = GraphSpec([Node(nid, n.type) for nid, n in self.graph.nodes.items()])
        rename: dict[str, str] = {}
        nodes: list[Node] = []
        for node in source.nodes.values():
            layer_type(node.type).normalize_params(node.params)
            nid = taken.new_id(node.type)
            taken.add_node(Node(nid, node.type))
            rename[node.id] = nid
            x, y = node.pos or (0.0, 0.0)
            nodes.append(Node(nid, node.type, node.params, (x + offset[0], y + offset[1])))
        edges = [Edge(rename[e.src], rename[e.dst]) for e in source.edges]
        if nodes:
            text = (
                self.tr("Paste {0} layers") if len(nodes) > 1 else self.tr("Paste {0} layer")
            ).format(len(nodes))
            self.undo_stack.push(commands.AddNodesCommand(self, nodes, edges, text))
        return [n.id for n in nodes]

    def remove_nodes(self, ids: list[str]) -> None:
        """Delete layers and every edge touching them."""
        self.remove(ids, [])

    def remove(self, node_ids: list[str], edges: list[Edge]) -> None:
        """Delete layers and edges together (a selection) as one undo entry."""
        node_ids = [nid for nid in dict.fromkeys(node_ids) if nid in self.graph.nodes]
        edges = [e for e in dict.fromkeys(edges) if e in self.graph.edges]
        if not node_ids and not edges:
            return
        if node_ids:
            n = len(node_ids)
            text = (
                self.tr("Delete {0}").format(node_ids[0])
                if n == 1
                else self.tr("Delete {0} layers").format(n)
            )
        else:
            text = (
                self.tr("Disconnect")
                if len(edges) == 1
                else self.tr("Delete {0} connections").format(len(edges))
            )
        self.undo_stack.push(commands.RemoveCommand(self, node_ids, edges, text))

    def connect(self, src: str, dst: str) -> str | None:
        """Connect src → dst; returns None on success, else why it was refused (nothing pushed)."""
        reason = self.graph.check_connect(src, dst)
        if reason is None:
            self.undo_stack.push(commands.ConnectCommand(self, Edge(src, dst)))
        return reason

    def disconnect(self, src: str, dst: str) -> None:
        edge = Edge(src, dst)
        if edge not in self.graph.edges:
            raise DlsimError(self.tr("'{0}' is not connected to '{1}'").format(src, dst))
        self.undo_stack.push(commands.DisconnectCommand(self, edge))

    def move_nodes(self, positions: dict[str, tuple[float, float]], text: str = "") -> None:
        """New positions (a whole drag or an arrange is one entry); unchanged ones are skipped."""
        changed = {
            nid: (float(p[0]), float(p[1]))
            for nid, p in positions.items()
            if nid in self.graph.nodes and self.graph.nodes[nid].pos != (float(p[0]), float(p[1]))
        }
        if changed:
            n = len(changed)
            label = text or (
                self.tr("Move {0}").format(next(iter(changed)))
                if n == 1
                else self.tr("Move {0} layers").format(n)
            )
            self.undo_stack.push(commands.MoveCommand(self, changed, label))

    def arrange(self) -> None:
        """Auto-arrange every node in layers, left to right, as one undo entry."""
        self.move_nodes(layered_positions(self.graph), self.tr("Arrange layers"))

    def set_node_params(self, id: str, params: dict[str, Any], merge_key: object = None) -> None:
        """Change some parameters of one node (checked by the registry; DlsimError if bad).

        Edits sharing a non-None `merge_key` (one spin-box gesture) merge into one undo entry.
        """
        node = self.graph.nodes[id]
        normalized = layer_type(node.type).normalize_params({**node.params, **params})
        new = {**node.params, **{k: normalized[k] for k in params}}
        if new == node.params:
            return
        fields = ", ".join(params)
        cmd = commands.SetParamsCommand(
            self, id, new, self.tr("Change {0}").format(f"{id}.{fields}"), merge_key
        )
        self.undo_stack.push(cmd)

    def set_training(self, changes: dict[str, Any], text: str, merge_key: object = None) -> None:
        """Change training settings (checked by the engine; DlsimError if bad) as one entry."""
        new = normalize_training(merge_training(self.training, changes))
        if new != self.training:
            self.undo_stack.push(commands.SetTrainingCommand(self, new, text, merge_key))

    def apply_to_graph(self, new_graph: GraphSpec, text: str) -> None:
        """Replace the graph by an edited copy as one undo entry."""
        if new_graph != self.graph:
            self.undo_stack.push(commands.ReplaceGraphCommand(self, new_graph, text))

    def set_weight(self, seen: dict[str, Any], entry: tuple) -> None:
        """Type one weight (node id, name, index, value) over the weights `seen` on screen;
        DlsimError (nothing changed) unless the value is a finite number."""
        nid, name, index, value = entry
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise DlsimError(f"{nid}.{name}{list(index)} must be a finite number, not {value}")
        self.undo_stack.push(neuron_edits.SetWeightCommand(self, seen, entry))

    def resize_layer(self, seen: dict[str, Any], node_id: str, units: int) -> None:
        """Give a Dense layer `units` units, keeping the other units' weights `seen`."""
        layer_type("Dense").normalize_params({**self.graph.nodes[node_id].params, "units": units})
        self.undo_stack.push(neuron_edits.ResizeLayerCommand(self, seen, node_id, units))

    # --- called by the commands ------------------------------------------------------------------

    def _on_weights_edited(self, entries: list) -> None:
        self.weights_set.emit(entries)

    def _on_graph_edited(self, structural: bool) -> None:
        if structural:
            self._refresh_problems()
        self.graph_changed.emit()
        if structural:
            self.structure_changed.emit()
            self.problems_changed.emit(self.problems())

    def _on_training_edited(self) -> None:
        self._refresh_problems()
        self.training_changed.emit()
        self.problems_changed.emit(self.problems())

    def _refresh_problems(self) -> None:
        self._problems = check_document(self._as_dict(self.weights), self.base_dir)

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)
