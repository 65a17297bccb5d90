"""The diagram: examples, New, layers, wires, selection, moves, undo/redo, the inspector."""

from __future__ import annotations

from functools import cache

from dlsim.engine.nn.registry import layer_types
from dlsim.examples import list_examples
from tests.ui.fuzz.registry import action
from tests.ui.fuzz.widgets import editors, name_of, poke, settle


@cache
def _examples() -> list[str]:
    return [info.key for info in list_examples()]


@cache
def _types() -> list[str]:
    return [t.name for t in layer_types()]


@action(3)
def open_example(d) -> str:
    key = d.rng.choice(_examples())
    d.window.open_example(key)
    return key


@action(1)
def new(d) -> str:
    d.window.new_action.trigger()
    return "new"


@action(6)
def add_layer(d) -> str:
    kind = d.rng.choice(_types())
    d.window.palette_panel.layer_activated.emit(kind)
    return kind


@action(6)
def connect(d) -> str:
    nodes = d.nodes()
    if len(nodes) < 2:
        return "too few nodes"
    src, dst = d.rng.sample(nodes, 2)
    reason = d.window.document.connect(src, dst)
    return f"{src} → {dst}: {reason or 'ok'}"


@action(2)
def disconnect(d) -> str:
    edges = list(d.window.document.graph.edges)
    if not edges:
        return "no edges"
    edge = d.rng.choice(edges)
    d.window.document.disconnect(edge.src, edge.dst)
    return f"{edge.src} ↛ {edge.dst}"


@action(2)
def delete(d) -> str:
    chosen = d.select_some()
    d.window.delete_action.trigger()
    return ",".join(chosen)


@action(3)
def move(d) -> str:
    nodes = d.nodes()
    if not nodes:
        return "no nodes"
    nid = d.rng.choice(nodes)
    pos = (d.rng.uniform(-2000, 2000), d.rng.uniform(-2000, 2000))
    d.window.document.move_nodes({nid: pos}, "Move")
    return f"{nid} to {pos[0]:.0f},{pos[1]:.0f}"


@action(5)
def undo(d) -> str:
    d.window.undo_action.trigger()
    return "undo"


@action(3)
def redo(d) -> str:
    d.window.redo_action.trigger()
    return "redo"


@action(2)
def copy_paste(d) -> str:
    chosen = d.select_some()
    d.window.copy_action.trigger()
    d.window.paste_action.trigger()
    return ",".join(chosen)


@action(1)
def arrange(d) -> str:
    d.window.arrange_action.trigger()
    return "arrange"


@action(8)
def inspector(d) -> str:
    nodes = d.nodes()
    if not nodes:
        return "no nodes"
    nid = d.rng.choice(nodes)
    d.window.scene.select_nodes([nid])
    settle()
    found = editors(d.window.inspector)
    if not found:
        return f"{nid}: no editors"
    editor = d.rng.choice(found)
    return f"{nid}.{name_of(editor)}: {poke(editor, d.rng)}"
