"""The diagram scene: mirrors the document's GraphSpec and turns gestures into document edits.

The scene keeps one item per node and per edge and re-syncs them from the spec whenever the
document changes (added/removed items are diffed, so selection survives undo). Gestures never
touch the spec: a finished drag calls `Document.move_nodes`, a port drag calls `try_connect`, a
palette drop calls `add_layer` — the same functions the tests call.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
)

from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import Edge, GraphSpec, Node, Problem
from dlsim.engine.nn.registry import REGISTRY, layer_type, layer_types
from dlsim.engine.text import translate
from dlsim.ui.document import Document
from dlsim.ui.graph_editor.items import (
    NODE_H,
    NODE_W,
    EdgeItem,
    HintItem,
    NodeContent,
    NodeItem,
    PendingEdge,
    PortItem,
)

GRID = 10.0
BESIDE_GAP = 60.0  # between a selected layer and one added beside it
FRAGMENT_KEY = "dlsim-fragment"
HINT_MS = 4000


def _snap(value: float) -> float:
    return round(value / GRID) * GRID


def _fragment_from_text(text: str) -> dict[str, Any] | None:
    """The copied layers, if the clipboard holds a dlsim fragment (else None)."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.pop(FRAGMENT_KEY, None) != 1:
        return None
    return data


def node_title(node: Node) -> str:
    """Type plus key parameters, e.g. "Dense 8 · relu", "Input 2", "Dropout · rate 0.5"."""
    ltype = REGISTRY.get(node.type)
    return ltype.title(node.params) if ltype is not None else node.type


def node_content(
    graph: GraphSpec, node: Node, shapes: dict[str, int], problems: list[Problem]
) -> NodeContent:
    """What the node card shows, from the spec, the engine's shape inference and problems."""
    ltype = REGISTRY.get(node.type)
    if node.id in shapes:
        count = graph.parameter_count(node.id, shapes)
        one, many = translate("GraphScene", "{0} param"), translate("GraphScene", "{0} params")
        amount = (
            (one if count == 1 else many).format(f"{count:,}")
            if count
            else translate("GraphScene", "no params")
        )
    else:
        amount = translate("GraphScene", "{0} params").format("?")
    errors = [p for p in problems if p.severity == "error"]
    severity = "error" if errors else ("warning" if problems else None)
    lines = [
        (
            translate("GraphScene", "Error: {0}")
            if p.severity == "error"
            else translate("GraphScene", "Warning: {0}")
        ).format(p.message)
        for p in problems
    ]
    if ltype is not None:
        lines.append(ltype.tip)
    where = f"id: {node.id}"
    if node.id in shapes:
        where += (
            translate("GraphScene", " · output: 1 feature")
            if shapes[node.id] == 1
            else translate("GraphScene", " · output: {0} features").format(shapes[node.id])
        )
    lines.append(where)
    return NodeContent(
        title=node_title(node),
        subtitle=f"{node.id} · {amount}",
        tooltip="\n".join(lines),
        category=ltype.category if ltype else "",
        severity=severity,
        has_input=ltype is None or ltype.max_inputs != 0,
        many_inputs=bool(ltype and ltype.accepts_many),
        n_inputs=len(graph.inputs_of(node.id)),
    )


class GraphScene(QGraphicsScene):
    """The editable picture of a document's graph."""

    message = Signal(str)  # something to say in the status bar (e.g. why a connection failed)
    node_activated = Signal(str)  # a node was double-clicked
    selected_ids_changed = Signal(list)

    def __init__(self, document: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[Edge, EdgeItem] = {}
        self._syncing = False
        self._drag_port: PortItem | None = None
        self._pending: PendingEdge | None = None
        self._hint = HintItem()
        self._hint.hide()
        self.addItem(self._hint)
        self._hint_timer = QTimer(self, singleShot=True, interval=HINT_MS)
        self._hint_timer.timeout.connect(self._hint.hide)
        document.graph_changed.connect(self.sync)
        document.problems_changed.connect(self.sync)
        document.document_replaced.connect(self._on_document_replaced)
        self.selectionChanged.connect(self._on_selection_changed)
        self.sync()

    # --- mirror the spec ------------------------------------------------------------------------

    def node_item(self, node_id: str) -> NodeItem:
        return self._nodes[node_id]

    def edge_item(self, src: str, dst: str) -> EdgeItem:
        return self._edges[Edge(src, dst)]

    def node_items(self) -> list[NodeItem]:
        return [item for item in self._nodes.values() if shiboken6.isValid(item)]

    def sync(self, *_: object) -> None:
        """Bring the items in line with the spec: add, remove, relabel, reposition."""
        graph = self.document.graph
        shapes = graph.infer_shapes()
        by_node: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.document.problems():
            if problem.node_id is not None:
                by_node[problem.node_id].append(problem)
        self._syncing = True
        try:
            for nid in [n for n in self._nodes if n not in graph.nodes]:
                self.removeItem(self._nodes.pop(nid))
            for nid, node in graph.nodes.items():
                item = self._nodes.get(nid)
                if item is None:
                    item = self._nodes[nid] = NodeItem(nid)
                    self.addItem(item)
                item.set_content(node_content(graph, node, shapes, by_node.get(nid, [])))
                x, y = node.pos or (0.0, 0.0)
                item.setPos(x, y)
            current = set(graph.edges)
            for edge in [e for e in self._edges if e not in current]:
                self.removeItem(self._edges.pop(edge))
            for edge in graph.edges:
                item = self._edges.get(edge)
                if item is None:
                    item = self._edges[edge] = EdgeItem(edge.src, edge.dst)
                    self.addItem(item)
                size = shapes.get(edge.src)
                label = str(size) if size is not None else "?"
                if size is None:
                    what = translate("GraphScene", "size unknown")
                elif size == 1:
                    what = translate("GraphScene", "1 feature")
                else:
                    what = translate("GraphScene", "{0} features").format(size)
                item.set_label(label, f"{edge.src} → {edge.dst}: {what}")
        finally:
            self._syncing = False
        self._place_edges(graph.edges)
        self._grow_scene_rect()

    def _place_edges(self, edges: list[Edge]) -> None:
        incoming: dict[str, list[Edge]] = defaultdict(list)
        for edge in self.document.graph.edges:
            incoming[edge.dst].append(edge)
        for edge in edges:
            item = self._edges.get(edge)
            src, dst = self._nodes.get(edge.src), self._nodes.get(edge.dst)
            if item is None or src is None or dst is None:
                continue
            slots = incoming[edge.dst]
            end = dst.input_port.slot_pos(slots.index(edge), len(slots))
            item.set_ends(src.output_port.scenePos(), end)

    def _grow_scene_rect(self) -> None:
        """Room to pan well beyond the diagram in every direction."""
        bounds = self.diagram_rect()
        self.setSceneRect(bounds.adjusted(-1500, -1500, 1500, 1500))

    def diagram_rect(self) -> QRectF:
        """The area the nodes and edges occupy (for fit-to-view and the minimap)."""
        rect = QRectF()
        for item in [*self._nodes.values(), *self._edges.values()]:
            if shiboken6.isValid(item):  # False while the window is being torn down
                rect = rect.united(item.sceneBoundingRect())
        return rect if not rect.isNull() else QRectF(-200, -150, 400, 300)

    def node_item_moved(self, node_id: str) -> None:
        """A node item moved (during a drag): keep its edges attached."""
        if not self._syncing:
            edges = [e for e in self._edges if node_id in (e.src, e.dst)]
            self._place_edges(edges)

    def _on_document_replaced(self) -> None:
        self.clearSelection()

    # --- selection ------------------------------------------------------------------------------

    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[Edge]:
        return [Edge(i.src, i.dst) for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, ids: list[str]) -> None:
        self.clearSelection()
        for nid in ids:
            if nid in self._nodes:
                self._nodes[nid].setSelected(True)

    def select_all(self) -> None:
        for item in [*self._nodes.values(), *self._edges.values()]:
            item.setSelected(True)

    def _on_selection_changed(self) -> None:
        self.selected_ids_changed.emit(self.selected_node_ids())

    # --- edits ----------------------------------------------------------------------------------

    def add_layer(self, type_name: str, pos: QPointF) -> str:
        """Add a layer centred at a scene point (palette drop and double-click) and select it."""
        at = (_snap(pos.x() - NODE_W / 2), _snap(pos.y() - NODE_H / 2))
        nid = self.document.add_node(type_name, pos=at)
        self.select_nodes([nid])
        self.message.emit(translate("GraphScene", "Added {0} '{1}'").format(type_name, nid))
        return nid

    def add_layer_beside_selection(self, type_name: str, centre: QPointF) -> str:
        """A palette double-click: the new layer goes to the right of the one selected layer and
        takes its output when that layer feeds nothing yet (building a chain click by click);
        with no single selection, at `centre`. Either way it moves down to a free spot, so
        repeated double-clicks never stack layers on one place."""
        selected = self.selected_node_ids()
        graph = self.document.graph
        source = None
        if len(selected) == 1 and graph.nodes[selected[0]].pos is not None:
            x, y = graph.nodes[selected[0]].pos
            at = (x + NODE_W + BESIDE_GAP, y)
            if not graph.outputs_of(selected[0]) and layer_type(type_name).max_inputs != 0:
                source = selected[0]
        else:
            at = (_snap(centre.x() - NODE_W / 2), _snap(centre.y() - NODE_H / 2))
        at = self._free_spot(at)
        nid = self.document.add_node(type_name, pos=at, source=source)
        self.select_nodes([nid])
        if graph.inputs_of(nid):
            self.message.emit(
                translate("GraphScene", "Added {0} '{1}' after '{2}'").format(
                    type_name, nid, source
                )
            )
        else:
            self.message.emit(translate("GraphScene", "Added {0} '{1}'").format(type_name, nid))
        return nid

    def _free_spot(self, at: tuple[float, float]) -> tuple[float, float]:
        """`at`, or the first place below it where a layer overlaps no other layer."""
        taken = [n.pos for n in self.document.graph.nodes.values() if n.pos is not None]
        x, y = at
        while any(abs(x - tx) < NODE_W + GRID and abs(y - ty) < NODE_H + GRID for tx, ty in taken):
            y += NODE_H + 3 * GRID
        return (x, y)

    def try_connect(self, src: str, dst: str, pos: QPointF | None = None) -> str | None:
        """Connect src → dst as a port drag does; a refusal is said near the cursor and in the
        status bar. Returns None on success, else the reason."""
        reason = self.document.connect(src, dst)
        if reason is None:
            self.message.emit(translate("GraphScene", "Connected {0} → {1}").format(src, dst))
            return None
        if pos is None and dst in self._nodes:
            pos = self._nodes[dst].input_port.scenePos()
        self.show_hint(reason, pos or QPointF(0, 0), error=True)
        self.message.emit(
            translate("GraphScene", "Cannot connect {0} → {1}: {2}").format(src, dst, reason)
        )
        return reason

    def delete_selection(self) -> None:
        self.document.remove(self.selected_node_ids(), self.selected_edges())

    def commit_moves(self) -> None:
        """Turn the items' dragged positions into one move command (snapped to the grid)."""
        graph = self.document.graph
        moved = {}
        for nid, item in self._nodes.items():
            pos = (_snap(item.pos().x()), _snap(item.pos().y()))
            if nid in graph.nodes and graph.nodes[nid].pos != pos:
                moved[nid] = pos
        if moved:
            self.document.move_nodes(moved)
        self.sync()

    def copy_selection(self) -> dict[str, Any] | None:
        """The selected nodes and the edges among them, as a graph fragment (also on the
        clipboard, so a paste in another window works)."""
        ids = set(self.selected_node_ids())
        if not ids:
            return None
        graph = self.document.graph
        fragment = {
            "nodes": [graph.nodes[n].to_dict() for n in graph.nodes if n in ids],
            "edges": [e.to_dict() for e in graph.edges if e.src in ids and e.dst in ids],
        }
        # Plain text, not a custom QMimeData: PySide6 crashes at exit when the clipboard owns one.
        QGuiApplication.clipboard().setText(json.dumps({FRAGMENT_KEY: 1, **fragment}))
        return fragment

    def can_paste(self) -> bool:
        """Whether the clipboard holds copied layers (Edit ▸ Paste is enabled only then)."""
        return _fragment_from_text(QGuiApplication.clipboard().text()) is not None

    def paste(self, fragment: dict[str, Any] | None = None) -> list[str]:
        """Paste a fragment (default: the clipboard's) offset from the original; selects it."""
        if fragment is None:
            fragment = _fragment_from_text(QGuiApplication.clipboard().text())
            if fragment is None:
                self.message.emit(
                    translate("GraphScene", "Nothing to paste: copy some layers first")
                )
                return []
        try:
            ids = self.document.add_fragment(fragment)
        except DlsimError as exc:
            self.message.emit(translate("GraphScene", "Cannot paste: {0}").format(exc))
            return []
        self.select_nodes(ids)
        return ids

    def duplicate_selection(self) -> list[str]:
        fragment = self.copy_selection()
        return self.paste(fragment) if fragment else []

    # --- connection drag ------------------------------------------------------------------------

    def begin_connection(self, port: PortItem, pos: QPointF) -> None:
        self._drag_port = port
        self._pending = PendingEdge(port.scenePos(), port.is_output)
        self.addItem(self._pending)

    def _target_at(self, pos: QPointF) -> tuple[str, str] | None:
        port = self._drag_port
        if port is None:
            return None
        for item in self.items(QRectF(pos.x() - 8, pos.y() - 8, 16, 16)):
            node = item.node if isinstance(item, PortItem) else item
            if not isinstance(node, NodeItem):
                continue
            if node is port.node and not (isinstance(item, PortItem) and item is not port):
                continue
            here, there = port.node.node_id, node.node_id
            return (here, there) if port.is_output else (there, here)
        return None

    def update_connection(self, pos: QPointF) -> None:
        if self._pending is None:
            return
        target = self._target_at(pos)
        if target is None:
            self._pending.set_end(pos, None)
            self._hint.hide()
            return
        reason = self.document.graph.check_connect(*target)
        self._pending.set_end(pos, reason is None)
        self.show_hint(
            reason or translate("GraphScene", "Connect {0} → {1}").format(*target),
            pos,
            error=bool(reason),
        )

    def end_connection(self, pos: QPointF) -> None:
        target = self._target_at(pos)
        if self._pending is not None:
            self.removeItem(self._pending)
        self._pending = None
        self._drag_port = None
        self._hint.hide()
        if target is not None:
            self.try_connect(*target, pos)

    def show_hint(self, text: str, pos: QPointF, error: bool = False) -> None:
        """A message beside the cursor that fades after a few seconds."""
        self._hint.set_text(text, error)
        self._hint.setPos(pos)
        self._hint.show()
        self._hint_timer.start()

    def hint_text(self) -> str:
        return self._hint.text if self._hint.isVisible() else ""

    # --- context menu ---------------------------------------------------------------------------

    def context_actions(self, pos: QPointF) -> list[tuple[str, Callable[[], object]]]:
        """What a right-click at `pos` offers: for a layer, an edge, or the empty canvas."""
        doc = self.document
        for item in self.items(pos):
            node = item.node if isinstance(item, PortItem) else item
            if isinstance(node, NodeItem):
                if not node.isSelected():
                    self.select_nodes([node.node_id])
                nid = node.node_id
                inputs = [Edge(src, nid) for src in doc.graph.inputs_of(nid)]
                actions = [
                    (translate("GraphScene", "Duplicate"), self.duplicate_selection),
                    (translate("GraphScene", "Delete"), self.delete_selection),
                ]
                if inputs:
                    actions.append(
                        (
                            translate("GraphScene", "Disconnect Inputs"),
                            lambda e=inputs: doc.remove([], e),
                        )
                    )
                return actions
            if isinstance(item, EdgeItem):
                edge = Edge(item.src, item.dst)
                text = translate("GraphScene", "Disconnect {0} → {1}").format(edge.src, edge.dst)
                return [(text, lambda e=edge: doc.disconnect(e.src, e.dst))]
        add = translate("GraphScene", "Add {0}")
        adds = [
            (add.format(t.name), lambda name=t.name: self.add_layer(name, pos))
            for t in layer_types()
        ]
        return [
            *adds,
            (translate("GraphScene", "Paste"), self.paste),
            (translate("GraphScene", "Auto-Arrange"), doc.arrange),
        ]

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        menu = QMenu()
        for text, action in self.context_actions(event.scenePos()):
            if action == self.paste:
                menu.addSeparator()
            menu.addAction(text).triggered.connect(lambda _=False, a=action: a())
        menu.exec(event.screenPos())
        event.accept()

    # --- mouse ----------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._drag_port is None:
            self.commit_moves()
