"""The Features layer in the editor: in the palette, its terms edited as one line in the
inspector (undoable, a bad term refused with its reason), and its card naming the terms."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from dlsim.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    w.remember_layout = False
    w.resize(1280, 800)
    w.show()
    w.open_example("features_xor")
    w.scene.select_nodes(["features"])
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def type_terms(window: MainWindow, text: str) -> None:
    line = window.inspector.editor("terms")
    line.setText(text)
    line.editingFinished.emit()


def terms(window: MainWindow) -> list[str]:
    return window.document.graph.nodes["features"].params["terms"]


def test_features_is_in_the_palette_and_its_terms_are_one_line(window):
    assert "Features" in window.palette_panel.type_names()
    line = window.inspector.editor("terms")
    assert isinstance(line, QLineEdit)
    assert line.text() == "x1, x2, x1*x2"
    assert "x1*x2" in line.toolTip()
    assert window.scene.node_item("features").content.title == "Features · x1, x2, x1*x2"


def test_typing_terms_changes_the_layer_and_undo_brings_them_back(window):
    type_terms(window, "x1, x2,x1^2 , sin( x2 )")
    assert terms(window) == ["x1", "x2", "x1^2", "sin(x2)"]
    assert window.document.graph.infer_shapes()["features"] == 4
    assert window.inspector.editor("terms").text() == "x1, x2, x1^2, sin(x2)"
    window.undo_action.trigger()
    assert terms(window) == ["x1", "x2", "x1*x2"]
    assert window.inspector.editor("terms").text() == "x1, x2, x1*x2"


@pytest.mark.parametrize(
    ("text", "reason"), [("x1, x1^3", "'x1^3' is not a term"), ("", "non-empty list of terms")]
)
def test_a_bad_term_is_refused_with_its_reason_and_nothing_changes(window, text, reason):
    count = window.undo_stack.count()
    type_terms(window, text)
    assert reason in window.statusBar().currentMessage()
    assert terms(window) == ["x1", "x2", "x1*x2"]
    assert window.undo_stack.count() == count
    assert window.inspector.editor("terms").text() == "x1, x2, x1*x2"


def test_a_term_beyond_the_input_is_a_problem_on_the_node(window):
    type_terms(window, "x1, x3")
    problems = [p for p in window.document.problems() if p.node_id == "features"]
    assert [p.message for p in problems] == ["term 'x3' reads x3 but the input has 2 feature(s)"]
    assert window.scene.node_item("features").content.severity == "error"
