"""The document model: exact round trips, one undo entry per edit, exact undo, refusals in words."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import Edge, GraphSpec, Node
from dlsim.engine.training.fileformat import read_document, weights_to_lists
from dlsim.ui.document import Document
from dlsim.ui.graph_editor.layout import layered_positions
from dlsim.ui.panels.inspector import Inspector

EXAMPLES = resources.examples_dir()


@pytest.fixture
def doc(qapp) -> Document:
    return Document()


def open_example(doc: Document, key: str) -> Document:
    doc.open(EXAMPLES / f"{key}.dlsim")
    return doc


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.dlsim")), ids=lambda p: p.stem)
def test_every_example_survives_save_and_reopen_exactly(doc, tmp_path, path):
    doc.open(path)
    before = doc.to_dict()
    doc.save(tmp_path / "copy.dlsim")
    again = Document()
    again.open(tmp_path / "copy.dlsim")
    assert again.to_dict() == before
    assert read_document(tmp_path / "copy.dlsim") == before
    assert not doc.is_dirty


def test_saved_weights_are_written_with_full_precision(doc, tmp_path):
    open_example(doc, "backprop_lecture")
    doc.save(tmp_path / "w.dlsim")
    saved = json.loads((tmp_path / "w.dlsim").read_text())
    original = json.loads((EXAMPLES / "backprop_lecture.dlsim").read_text())
    assert saved["weights"] == original["weights"]


def build_steps(doc: Document) -> list[tuple[str, callable]]:
    """One edit of every kind, in an order where each makes sense after the previous."""
    ids: dict[str, str] = {}

    def add_input():
        ids["in"] = doc.add_node("Input", {"units": 2}, (0, 0))

    def add_dense():
        ids["h"] = doc.add_node("Dense", {"units": 3}, (220, 0))

    def add_out():
        ids["y"] = doc.add_node("Dense", {"units": 1, "activation": "sigmoid"}, (440, 0))

    def paste():
        fragment = {"nodes": [doc.graph.nodes[ids["h"]].to_dict()], "edges": []}
        ids["copy"] = doc.add_fragment(fragment)[0]

    def replace():
        new = doc.graph.copy()
        new.nodes[ids["copy"]].params["units"] = 5
        doc.apply_to_graph(new, "Widen the copy")

    return [
        ("add", add_input),
        ("add", add_dense),
        ("add", add_out),
        ("connect", lambda: doc.connect(ids["in"], ids["h"])),
        ("connect", lambda: doc.connect(ids["h"], ids["y"])),
        ("params", lambda: doc.set_node_params(ids["h"], {"activation": "tanh"})),
        ("params", lambda: doc.set_node_params(ids["h"], {"units": 4})),
        ("move", lambda: doc.move_nodes({ids["h"]: (230, 40), ids["y"]: (460, 40)})),
        ("paste", paste),
        ("replace", replace),
        ("remove", lambda: doc.remove_nodes([ids["copy"]])),
        ("disconnect", lambda: doc.disconnect(ids["h"], ids["y"])),
        ("remove", lambda: doc.remove_nodes([ids["h"]])),
        ("arrange", doc.arrange),
        ("training", lambda: doc.set_training({"optimizer": {"lr": 0.3}}, "Learning rate")),
    ]


def test_every_edit_is_one_undo_entry_and_undo_redo_restore_each_state_exactly(doc):
    states = [doc.to_dict()]
    for kind, step in build_steps(doc):
        count = doc.undo_stack.count()
        step()
        assert doc.undo_stack.count() == count + 1, kind
        states.append(doc.to_dict())
    assert all(a != b for a, b in zip(states, states[1:], strict=False))
    for expected in reversed(states[:-1]):
        doc.undo_stack.undo()
        assert doc.to_dict() == expected
    for expected in states[1:]:
        doc.undo_stack.redo()
        assert doc.to_dict() == expected


def test_spin_box_gesture_merges_into_one_entry(doc):
    open_example(doc, "xor_learn")
    for units in (5, 6, 7):
        doc.set_node_params("h", {"units": units}, merge_key=("h", "units", 1))
    assert doc.undo_stack.count() == 1
    assert doc.graph.nodes["h"].params["units"] == 7
    doc.set_node_params("h", {"units": 8}, merge_key=("h", "units", 2))
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.graph.nodes["h"].params["units"] == 4


def test_a_refused_connection_says_why_and_changes_nothing(doc):
    open_example(doc, "xor_learn")
    first = doc.add_node("Concatenate")
    second = doc.add_node("Concatenate")
    for src, dst in (("h", first), (first, second), ("x", second)):
        assert doc.connect(src, dst) is None
    before = doc.to_dict()
    count = doc.undo_stack.count()
    assert "cycle" in doc.connect(second, first)
    assert "Input" in doc.connect("h", "x")
    assert "taken" in doc.connect("x", "y")
    assert "itself" in doc.connect(first, first)
    assert doc.undo_stack.count() == count
    assert doc.to_dict() == before


def test_adding_unequal_sizes_is_refused_with_the_sizes(doc):
    open_example(doc, "xor_learn")
    add = doc.add_node("Add")
    assert doc.connect("x", add) is None
    reason = doc.connect("h", add)
    assert "equal sizes" in reason and "4" in reason and "2" in reason


def test_bad_parameter_value_is_refused_and_nothing_is_pushed(doc):
    open_example(doc, "xor_learn")
    with pytest.raises(DlsimError, match="units"):
        doc.set_node_params("h", {"units": 0})
    with pytest.raises(DlsimError, match="relux"):
        doc.set_node_params("h", {"activation": "relux"})
    with pytest.raises(DlsimError):
        doc.set_training({"optimizer": {"lr": -1}}, "lr")
    assert doc.undo_stack.count() == 0


def test_weights_a_change_makes_stale_are_dropped_and_come_back_on_undo(doc):
    open_example(doc, "backprop_lecture")
    weights = json.loads(json.dumps(doc.weights))
    hidden, output = doc.graph.topological_order()[1:3]
    doc.set_node_params(hidden, {"activation": "tanh"})  # W's shape and values still fit
    assert doc.weights == weights
    doc.set_node_params(hidden, {"kernel_initializer": "he_normal"})  # rule 4: starts afresh
    assert hidden not in doc.weights and doc.weights[output] == weights[output]
    doc.undo_stack.undo()
    assert doc.weights == weights
    doc.move_nodes({hidden: (0, 300)})
    assert doc.weights == weights


def test_units_typed_in_the_inspector_keep_the_other_units_weights_as_plus_and_minus_do(doc):
    """Issue 12: one rule both ways. Units 2 → 3 in the Inspector keeps h's two columns and o's
    two rows exactly as the neuron view's + does; undo gives the file's weights back."""
    open_example(doc, "backprop_lecture")
    saved = json.loads(json.dumps(doc.weights))
    plus = open_example(Document(), "backprop_lecture")
    plus.resize_layer({k: {n: np.array(a) for n, a in v.items()} for k, v in saved.items()}, "h", 3)
    inspector = Inspector(doc)
    inspector.show_selection(["h"])
    inspector.editor("units").setValue(3)
    assert doc.graph.nodes["h"].params["units"] == 3
    assert doc.weights == plus.weights
    np.testing.assert_array_equal(np.array(doc.weights["h"]["W"])[:, :2], saved["h"]["W"])
    np.testing.assert_array_equal(np.array(doc.weights["o"]["W"])[:2], saved["o"]["W"])
    grown = json.loads(json.dumps(doc.weights))
    doc.undo_stack.undo()
    assert doc.weights == saved
    doc.undo_stack.redo()
    assert doc.weights == grown
    doc.undo_stack.undo()
    doc.set_node_params("h", {"units": 1})  # a unit removed: the first one's weights stay
    np.testing.assert_array_equal(doc.weights["h"]["W"], np.array(saved["h"]["W"])[:, :1])
    np.testing.assert_array_equal(doc.weights["o"]["W"], np.array(saved["o"]["W"])[:1])
    doc.undo_stack.undo()
    # one spin-box gesture 2 → 3 → 4 is one entry; back to 2 within it changes nothing
    for units in (3, 4):
        doc.set_node_params("h", {"units": units}, merge_key=("h", "units"))
    assert doc.undo_stack.count() == 1
    np.testing.assert_array_equal(np.array(doc.weights["h"]["W"])[:, :2], saved["h"]["W"])
    doc.undo_stack.undo()
    assert doc.weights == saved
    for units in (3, 2):
        doc.set_node_params("h", {"units": units}, merge_key=("h", "units", 2))
    assert doc.weights == saved and doc.undo_stack.count() == 0


def test_a_clean_document_after_undo_and_redo_has_the_saved_weights(doc, tmp_path):
    """Issue 10 #5: save, then undo and redo an earlier edit: the document is clean again, so
    its graph, settings and weights must be the file's (the pre-save weights came back and the
    edited layer's saved weights were dropped)."""
    open_example(doc, "backprop_lecture")
    hidden, output = doc.graph.topological_order()[1:3]
    doc.set_node_params(hidden, {"units": 3})  # the hidden and output layers start afresh
    trained = doc.experiment()
    for _ in range(5):
        trained.step()
    doc.set_weights_provider(lambda: weights_to_lists(trained.params()))
    doc.save(tmp_path / "trained.dlsim")
    doc.set_weights_provider(None)
    saved = read_document(tmp_path / "trained.dlsim")
    assert {hidden, output} <= set(saved["weights"])
    doc.undo_stack.undo()
    assert doc.is_dirty
    doc.undo_stack.redo()
    assert not doc.is_dirty
    assert doc.to_dict() == saved
    doc.undo_stack.undo()  # and back before the save: the file's weights as they were loaded
    assert doc.weights == read_document(EXAMPLES / "backprop_lecture.dlsim")["weights"]


def test_dirty_follows_edits_saves_and_undo(doc, tmp_path):
    seen: list[bool] = []
    doc.dirty_changed.connect(seen.append)
    open_example(doc, "xor_learn")
    assert not doc.is_dirty
    doc.move_nodes({"h": (200, 20)})
    assert doc.is_dirty
    doc.save(tmp_path / "x.dlsim")
    assert not doc.is_dirty
    doc.undo_stack.undo()
    assert doc.is_dirty
    assert seen[-3:] == [True, False, True]


def test_problems_follow_edits(doc):
    got: list[list] = []
    doc.problems_changed.connect(got.append)
    open_example(doc, "xor_learn")
    assert doc.problems() == []
    doc.disconnect("h", "y")
    nodes = {p.node_id for p in got[-1] if p.severity == "error"}
    assert "y" in nodes  # y has no input now
    doc.undo_stack.undo()
    assert got[-1] == []


def test_saved_weights_come_from_the_provider_when_one_is_set(doc, tmp_path):
    open_example(doc, "xor_learn")
    experiment = doc.experiment()
    for _ in range(3):
        experiment.step()
    doc.set_weights_provider(experiment.params)
    doc.save(tmp_path / "trained.dlsim")
    saved = read_document(tmp_path / "trained.dlsim")["weights"]
    assert saved == {
        nid: {k: v.tolist() for k, v in d.items()} for nid, d in experiment.params().items()
    }
    assert doc.to_dict()["weights"] == saved


def test_a_file_without_positions_is_laid_out_left_to_right(doc, tmp_path):
    raw = json.loads((EXAMPLES / "iris_keras.dlsim").read_text())
    for node in raw["graph"]["nodes"]:
        node.pop("pos", None)
    (tmp_path / "nopos.dlsim").write_text(json.dumps(raw))
    doc.open(tmp_path / "nopos.dlsim")
    for edge in doc.graph.edges:
        assert doc.graph.nodes[edge.src].pos[0] < doc.graph.nodes[edge.dst].pos[0]


def test_layered_layout_points_every_edge_right_and_separates_rows():
    nodes = [Node("in", "Input"), Node("a", "Dense"), Node("b", "Dense"), Node("sum", "Add")]
    edges = [Edge("in", "a"), Edge("a", "b"), Edge("b", "sum"), Edge("in", "sum")]
    pos = layered_positions(GraphSpec(nodes, edges))
    for e in edges:
        assert pos[e.src][0] < pos[e.dst][0]
    assert len(set(pos.values())) == 4


def test_load_dict_failure_leaves_the_document_untouched(doc):
    open_example(doc, "xor_learn")
    before = doc.to_dict()
    bad = json.loads(json.dumps(before))
    bad["graph"]["nodes"][1]["type"] = "Densee"
    with pytest.raises(DlsimError, match="Densee"):
        doc.load_dict(bad)
    assert doc.to_dict() == before
