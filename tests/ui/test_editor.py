"""The graph editor: build, connect, edit, refuse with reasons, show problems — through the same
functions the palette, the port drag and the inspector's widgets use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QSpinBox

from dlsim import resources
from dlsim.engine.nn import activations
from dlsim.engine.nn.registry import layer_type
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.document import Document
from dlsim.ui.graph_editor.view import MAX_ZOOM, MIN_ZOOM
from dlsim.ui.main_window import MainWindow

EXAMPLES = resources.examples_dir()


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    w.remember_layout = False
    w.resize(1280, 800)
    w.show()
    yield w
    w.document.undo_stack.setClean()  # closing must not stop at the unsaved-changes prompt
    w.close()
    w.deleteLater()


def xor_window(window: MainWindow) -> MainWindow:
    window.open_example("xor_learn")
    return window


def test_build_xor_with_the_mouse_functions_save_and_reopen_it_exactly(
    window, qtbot, tmp_path, monkeypatch
):
    window.new_document()
    scene, view, inspector = window.scene, window.view, window.inspector
    x = view.drop_layer("Input", QPointF(0, 0))  # what a palette drop does
    window.palette_panel.activate("Dense")  # a palette double-click: beside x, fed by x
    h = window.selected_node_ids()[0]
    assert window.document.graph.inputs_of(h) == [x]
    y = view.drop_layer("Dense", QPointF(440, 200))
    assert scene.try_connect(h, y) is None  # what releasing a port drag does

    scene.select_nodes([h])
    units = inspector.editor("units")
    assert isinstance(units, QSpinBox)
    units.setValue(4)
    inspector.editor("activation").setCurrentText("tanh")
    scene.select_nodes([y])
    inspector.editor("units").setValue(1)
    inspector.editor("activation").setCurrentText("sigmoid")
    window.document.set_training(
        {"dataset": {"type": "truth_table", "gate": "xor"}, "loss": "binary_crossentropy"},
        "Training for XOR",
    )
    assert window.document.problems() == []
    assert scene.node_item(h).content.title == "Dense 4 · tanh"
    assert inspector.facts.text().startswith("Output: 1 feature ·"), "one, not '1 features'"
    assert "output: 1 feature" in scene.node_item(y).toolTip()
    scene.select_nodes([h])
    assert inspector.facts.text().startswith("Output: 4 features ·")

    experiment = window.document.experiment()
    for _ in range(5):
        experiment.step()
    window.document.set_weights_provider(experiment.params)
    target = tmp_path / "my_xor.dlsim"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_action.trigger()
    assert not window.document.is_dirty and target.is_file()
    saved = window.document.to_dict()

    other = MainWindow()
    other.remember_layout = False
    qtbot.addWidget(other)
    assert other.open_path(target)
    assert other.document.to_dict() == saved
    assert other.document.weights == saved["weights"]
    positions = {n["id"]: n["pos"] for n in saved["graph"]["nodes"]}
    assert {nid: list(n.pos) for nid, n in other.document.graph.nodes.items()} == positions


def test_palette_double_clicks_chain_layers_beside_the_selection_never_on_one_spot(window):
    window.new_document()
    doc, palette = window.document, window.palette_panel
    palette.activate("Input")
    x = window.selected_node_ids()[0]
    palette.activate("Dense")
    h = window.selected_node_ids()[0]
    palette.activate("Dense")
    y = window.selected_node_ids()[0]
    assert doc.graph.inputs_of(h) == [x] and doc.graph.inputs_of(y) == [h]
    assert doc.graph.nodes[x].pos[0] < doc.graph.nodes[h].pos[0] < doc.graph.nodes[y].pos[0]
    window.undo_action.trigger()  # one entry per double-click: the layer and its connection
    assert y not in doc.graph.nodes and doc.graph.outputs_of(h) == []
    window.scene.clearSelection()
    for _ in range(3):  # nothing selected: each lands in a free spot near the view's centre
        palette.activate("Dropout")
    positions = [n.pos for n in doc.graph.nodes.values()]
    assert len(set(positions)) == len(positions)
    for i, (ax, ay) in enumerate(positions):
        for bx, by in positions[i + 1 :]:
            assert abs(ax - bx) >= 156 or abs(ay - by) >= 60, "two layers overlap"


def test_then_undo_all_the_way_back_to_the_empty_diagram(window):
    window.new_document()
    empty = window.document.to_dict()
    a = window.view.drop_layer("Input", QPointF(0, 0))
    b = window.view.drop_layer("Dense", QPointF(220, 0))
    window.scene.try_connect(a, b)
    assert window.undo_stack.count() == 3
    for _ in range(3):
        window.undo_action.trigger()
    assert window.document.to_dict() == empty
    assert window.scene.node_items() == []


def test_nodes_show_type_key_params_and_parameter_count_edges_show_the_shape(window):
    xor_window(window)
    scene = window.scene
    h = scene.node_item("h").content
    assert h.title == "Dense 4 · tanh"
    # a Dense layer from 2 inputs to 4 units holds a 2×4 W and 4 biases
    assert h.subtitle == f"h · {2 * 4 + 4} params"
    assert scene.node_item("y").content.subtitle == f"y · {4 * 1 + 1} params"
    assert scene.node_item("x").content.title == "Input 2"
    assert scene.edge_item("x", "h").label == "2"
    assert scene.edge_item("h", "y").label == "4"
    assert scene.node_item("x").content.has_input is False


def test_a_cycle_is_refused_with_its_reason_at_the_cursor_and_in_the_status_bar(window):
    xor_window(window)
    doc, scene = window.document, window.scene
    c1 = doc.add_node("Concatenate")
    c2 = doc.add_node("Concatenate")
    for src, dst in (("h", c1), (c1, c2), ("x", c2)):
        assert scene.try_connect(src, dst) is None
    count = window.undo_stack.count()
    reason = scene.try_connect(c2, c1, QPointF(100, 100))
    assert "cycle" in reason
    assert scene.hint_text() == reason
    assert reason in window.statusBar().currentMessage()
    assert window.undo_stack.count() == count


def test_adding_unequal_sizes_is_refused_with_a_message(window):
    xor_window(window)
    add = window.document.add_node("Add")
    window.scene.try_connect("x", add)
    reason = window.scene.try_connect("h", add)
    assert "equal sizes" in reason
    assert "equal sizes" in window.statusBar().currentMessage()


def test_a_port_drag_connects_when_released_on_an_input_port(window):
    window.new_document()
    a = window.view.drop_layer("Input", QPointF(0, 0))
    b = window.view.drop_layer("Dense", QPointF(300, 0))
    scene = window.scene
    out_port = scene.node_item(a).output_port
    in_port = scene.node_item(b).input_port
    scene.begin_connection(out_port, out_port.scenePos())
    scene.update_connection(in_port.scenePos())
    assert scene.hint_text() == f"Connect {a} → {b}"
    scene.end_connection(in_port.scenePos())
    assert [(e.src, e.dst) for e in window.document.graph.edges] == [(a, b)]


def test_a_port_drag_onto_a_taken_input_is_refused_while_hovering_and_on_release(window):
    xor_window(window)
    scene = window.scene
    out_port = scene.node_item("x").output_port
    target = scene.node_item("y").input_port.scenePos()
    scene.begin_connection(out_port, out_port.scenePos())
    scene.update_connection(target)
    assert "taken" in scene.hint_text()
    scene.end_connection(target)
    assert "taken" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_problems_are_drawn_on_their_nodes_and_listed(window, qtbot):
    xor_window(window)
    window.document.disconnect("h", "y")
    y = window.scene.node_item("y").content
    assert y.severity == "error"
    problems = window.problems_panel.messages()
    messages_for_y = [m for nid, m in problems if nid == "y"]
    assert messages_for_y and all(m in y.tooltip for m in messages_for_y)
    assert window.scene.node_item("x").content.severity is None
    window.problems_panel.problem_activated.emit("y")  # what a double-click on the row does
    assert window.selected_node_ids() == ["y"]
    errors = sum(p.severity == "error" for p in window.document.problems())
    assert window._problems_button.text().startswith(f"{errors} error")


def test_warnings_are_amber_not_red(window):
    xor_window(window)
    window.document.set_node_params("h", {"activation": "step"})
    h = window.scene.node_item("h").content
    assert h.severity == "warning"
    assert "step units pass no gradient" in h.tooltip


def test_a_drag_of_several_nodes_is_one_undo_entry(window):
    xor_window(window)
    scene = window.scene
    scene.select_nodes(["h", "y"])
    for step in range(1, 11):  # many mouse-move positions
        scene.node_item("h").setPos(220 + 10 * step, 5 * step)
        scene.node_item("y").setPos(440 + 10 * step, 5 * step)
    scene.commit_moves()  # what the mouse release does
    assert window.undo_stack.count() == 1
    assert window.document.graph.nodes["h"].pos == (320.0, 50.0)
    window.undo_action.trigger()
    assert window.document.graph.nodes["h"].pos == (220.0, 0.0)
    assert scene.node_item("h").pos() == QPointF(220, 0)


def test_delete_copy_paste_duplicate_and_select_all_actions(window):
    xor_window(window)
    scene, graph = window.scene, window.document.graph
    scene.select_nodes(["h", "y"])
    window.copy_action.trigger()
    window.paste_action.trigger()
    assert len(window.document.graph.nodes) == 5
    pasted = window.selected_node_ids()
    assert len(pasted) == 2 and not {"h", "y"} & set(pasted)
    edges = [{e.src, e.dst} for e in window.document.graph.edges]
    assert set(pasted) in edges  # the edge between the copies came along
    window.duplicate_action.trigger()
    assert len(window.document.graph.nodes) == 7
    window.select_all_action.trigger()
    assert len(window.selected_node_ids()) == 7
    window.delete_action.trigger()
    assert window.document.graph.nodes == {}
    window.undo_action.trigger()
    assert len(window.document.graph.nodes) == 7
    assert graph is window.document.graph


def test_edit_actions_are_enabled_only_when_they_can_act(window, qtbot):
    """Paste was enabled with an empty clipboard (it only said "Nothing to paste")."""
    from PySide6.QtGui import QGuiApplication

    xor_window(window)
    QGuiApplication.clipboard().setText("")
    window.scene.clearSelection()
    actions = (window.cut_action, window.copy_action, window.paste_action, window.delete_action)
    qtbot.waitUntil(lambda: not any(a.isEnabled() for a in actions))
    QGuiApplication.clipboard().setText("some words copied elsewhere")
    assert not window.paste_action.isEnabled()
    window.scene.select_nodes(["h"])
    assert window.cut_action.isEnabled() and window.delete_action.isEnabled()
    window.copy_action.trigger()
    qtbot.waitUntil(window.paste_action.isEnabled)


def test_deleting_a_selected_edge_disconnects(window):
    xor_window(window)
    window.scene.clearSelection()
    window.scene.edge_item("h", "y").setSelected(True)
    window.delete_action.trigger()
    assert [(e.src, e.dst) for e in window.document.graph.edges] == [("x", "h")]


def test_inspector_form_is_generated_from_the_registry_schema(window):
    xor_window(window)
    window.scene.select_nodes(["h"])
    inspector = window.inspector
    for param in layer_type("Dense").params:
        widget = inspector.editor(param.name)
        assert param.help in widget.toolTip()
    units = inspector.editor("units")
    assert (units.minimum(), units.maximum()) == (1, layer_type("Dense").param("units").max)
    assert units.value() == 4
    combo = inspector.editor("activation")
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == list(activations.NAMES)
    assert combo.currentText() == "tanh"
    assert isinstance(inspector.editor("use_bias"), QCheckBox)


def test_a_spin_box_gesture_is_one_undo_entry(window):
    xor_window(window)
    window.scene.select_nodes(["h"])
    units = window.inspector.editor("units")
    for value in (5, 6, 7):  # three arrow clicks
        units.setValue(value)
    assert window.undo_stack.count() == 1
    units.editingFinished.emit()  # focus leaves the box: the gesture ends
    units.setValue(9)
    assert window.undo_stack.count() == 2
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.document.graph.nodes["h"].params["units"] == 4
    assert units.value() == 4  # the form follows the model on undo


def test_leaky_relu_shows_and_edits_its_alpha(window):
    xor_window(window)
    window.scene.select_nodes(["h"])
    window.inspector.editor("activation").setCurrentText("leaky_relu")
    editor = window.inspector.param_editor("activation")
    assert list(editor.extra.fields) == ["alpha"]
    editor.extra.editor("alpha").setValue(0.25)
    assert window.document.graph.nodes["h"].params["activation"] == {
        "name": "leaky_relu",
        "alpha": 0.25,
    }


def test_zoom_has_limits_and_fit_shows_the_whole_diagram(window):
    xor_window(window)
    view = window.view
    for _ in range(40):
        view.zoom_in()
    assert view.zoom() == pytest.approx(MAX_ZOOM)
    for _ in range(80):
        view.zoom_out()
    assert view.zoom() == pytest.approx(MIN_ZOOM)
    window.fit_action.trigger()
    assert view.visible_scene_rect().contains(window.scene.diagram_rect())


def test_auto_arrange_is_one_entry_and_points_every_edge_right(window):
    xor_window(window)
    window.document.move_nodes({"x": (600, 300), "h": (0, -200)})
    window.arrange_action.trigger()
    graph = window.document.graph
    assert all(graph.nodes[e.src].pos[0] < graph.nodes[e.dst].pos[0] for e in graph.edges)
    window.undo_action.trigger()
    assert graph.nodes["x"].pos == (600.0, 300.0)


def test_minimap_appears_only_when_the_diagram_does_not_fit(window, qtbot):
    xor_window(window)
    window.view.fit_to_view()
    assert not window.view.minimap.isVisible()
    window.view.set_zoom(MAX_ZOOM)
    assert window.view.minimap.isVisible()
    window.minimap_action.trigger()  # switched off by the user
    assert not window.view.minimap.isVisible()


def test_scene_follows_a_document_it_did_not_edit(qtbot):
    doc = Document()
    window = MainWindow(doc)
    window.remember_layout = False
    qtbot.addWidget(window)
    doc.load_dict(read_document(EXAMPLES / "iris_keras.dlsim"))
    assert {i.node_id for i in window.scene.node_items()} == set(doc.graph.nodes)


def test_right_click_offers_what_fits_the_place(window):
    xor_window(window)
    scene = window.scene
    on_edge = dict(scene.context_actions(scene.edge_item("h", "y").path().pointAtPercent(0.5)))
    on_edge["Disconnect h → y"]()
    assert [(e.src, e.dst) for e in window.document.graph.edges] == [("x", "h")]
    on_node = dict(scene.context_actions(scene.node_item("h").sceneBoundingRect().center()))
    assert set(on_node) == {"Duplicate", "Delete", "Disconnect Inputs"}
    on_node["Disconnect Inputs"]()
    assert window.document.graph.edges == []
    empty = dict(scene.context_actions(QPointF(0, 600)))
    nid = empty["Add Dropout"]()
    assert window.document.graph.nodes[nid].type == "Dropout"


def test_dropping_a_palette_entry_on_the_canvas_adds_that_layer_there(window):
    window.new_document()
    view = window.view
    mime = window.palette_panel.tree.mimeData([window.palette_panel.item_for("BatchNorm")])
    where = view.viewport().rect().center()
    event = QDropEvent(
        QPointF(where),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    (node,) = window.document.graph.nodes.values()
    assert node.type == "BatchNorm"
    item = window.scene.node_item(node.id)
    assert item.sceneBoundingRect().contains(view.mapToScene(where))


def test_the_empty_canvas_hint_goes_with_the_first_layer_and_stays_gone_after_redo(window, qtbot):
    """The hint is painted over the whole view: when layers come or go, all of it is repainted
    (a partial repaint after Redo left the hint's text on screen beside the layers)."""
    window.new_document()
    view = window.view
    qtbot.waitUntil(lambda: view._empty)
    window.view.drop_layer("Input", QPointF(0, 0))
    qtbot.waitUntil(lambda: not view._empty)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: view._empty)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: not view._empty)


def test_card_titles_shrink_to_fit_before_they_are_cut_short(window):
    from dlsim.ui.graph_editor.items import NODE_W, fitted_title

    font = window.view.font()
    for title in ("Dense 16 · sigmoid", "Dense 128 · leaky_relu", "BatchNorm"):
        _font, shown = fitted_title(font, title, NODE_W - 28)
        assert shown == title


def test_inspector_rows_stay_put_when_a_problem_comes_and_goes(window, qtbot):
    """The problems and the output size are below the form: a message appearing or going never
    moves a row under the cursor."""
    xor_window(window)
    window.scene.select_nodes(["y"])
    inspector = window.inspector
    body = inspector.widget()

    def rows() -> list[int]:
        body.layout().activate()
        return [
            inspector.editor(name).mapTo(body, QPoint(0, 0)).y()
            for name in ("units", "activation", "use_bias")
        ]

    before = rows()
    assert not inspector.problems.isVisible()
    window.document.disconnect("h", "y")
    qtbot.waitUntil(lambda: inspector.problems.isVisible())
    assert inspector.problems.text().startswith("• Error")
    assert rows() == before
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not inspector.problems.isVisible())
    assert rows() == before
