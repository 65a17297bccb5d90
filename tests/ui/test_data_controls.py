"""The data controls beside the decision boundary: each data edit is one undoable document edit
the Training panel shows too, Regenerate draws new samples that undo takes back exactly, a saved
file reopens with the same data, and the two view preferences are no edits at all."""

from __future__ import annotations

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.training.experiment import training_data
from dlsim.engine.training.fileformat import read_document
from dlsim.engine.views.thumbnails import PICTURES
from dlsim.ui import wheel_guard
from dlsim.ui.document import Document
from dlsim.ui.panels.data_controls import DataControls, DataViewPrefs
from dlsim.ui.panels.training_panel import TrainingPanel

EXAMPLES = resources.examples_dir()


@pytest.fixture
def document(qtbot) -> Document:
    doc = Document()
    doc.load_dict(read_document(EXAMPLES / "xor_learn.dlsim"), base_dir=EXAMPLES)
    return doc


@pytest.fixture
def controls(qtbot, document) -> DataControls:
    widget = DataControls(document, DataViewPrefs())
    qtbot.addWidget(widget)
    widget.resize(140, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def panel(qtbot, document) -> TrainingPanel:
    widget = TrainingPanel(document)
    qtbot.addWidget(widget)
    return widget


def points(document: Document) -> tuple[np.ndarray, ...]:
    data = training_data(document.training, document.base_dir)
    return data.x_train, data.y_train, data.x_val, data.y_val


def same_points(a, b) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def checked(controls: DataControls) -> list[str]:
    return [key for key, button in controls.picture_buttons.items() if button.isChecked()]


def enabled(controls: DataControls) -> list[str]:
    return [name for name, editor in controls.form.fields.items() if editor.isEnabled()]


def test_each_picture_is_one_undoable_edit_the_training_panel_shows(controls, panel, document):
    assert checked(controls) == [], "a truth table has no picture"
    for n, picture in enumerate(PICTURES, start=1):
        controls.picture_buttons[picture.key].click()
        assert document.training["dataset"] == document.training["dataset"] | picture.spec
        assert document.undo_stack.count() == n
        assert checked(controls) == [picture.key]
        assert panel.dataset_type.currentData() == picture.spec["type"]
    controls.picture_buttons[PICTURES[-1].key].click()  # the current one again: no edit
    assert document.undo_stack.count() == len(PICTURES)
    assert checked(controls) == [PICTURES[-1].key]
    document.undo_stack.undo()
    assert checked(controls) == [PICTURES[-2].key]
    assert panel.dataset_type.currentData() == PICTURES[-2].spec["type"]
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert document.training["dataset"] == {"type": "truth_table", "gate": "xor"}
    assert checked(controls) == []


def test_noise_samples_and_split_edit_the_document_both_panels_agree(controls, panel, document):
    controls.picture_buttons["spiral"].click()
    noise = controls.form.editor("noise")
    noise.setValue(0.35)
    noise.editingFinished.emit()  # the end of the gesture
    assert document.training["dataset"]["noise"] == 0.35
    assert panel.dataset_form.editor("noise").value() == 0.35
    controls.form.editor("n").setValue(120)
    controls.form.editor("val_split").setValue(0.5)
    data = training_data(document.training, document.base_dir)
    assert (data.n_train, data.n_val) == (60, 60)
    panel.dataset_form.editor("noise").setValue(0.05)  # the other way round
    assert noise.value() == 0.05
    assert document.undo_stack.count() == 5
    for _ in range(4):
        document.undo_stack.undo()
    assert noise.value() == 0.1 and controls.form.editor("n").value() == 200
    assert panel.dataset_form.editor("n").value() == 200


def test_regenerate_draws_new_points_and_undo_gives_the_same_points_back(controls, document):
    assert not controls.regenerate_button.isEnabled(), "a truth table has nothing to redraw"
    controls.picture_buttons["moons"].click()
    before = points(document)
    assert controls.regenerate_button.isEnabled()
    controls.regenerate_button.click()
    assert document.training["dataset"]["seed"] == 1
    after = points(document)
    assert not same_points(after, before)
    assert document.undo_stack.undoText() == "Regenerate the data (data seed 1)"
    controls.regenerate_button.click()
    assert document.training["dataset"]["seed"] == 2
    assert not same_points(points(document), after)
    document.undo_stack.undo()
    assert same_points(points(document), after)
    document.undo_stack.undo()
    assert same_points(points(document), before)
    document.undo_stack.redo()
    assert same_points(points(document), after)


def test_the_data_is_the_same_after_saving_and_opening_the_file(controls, document, tmp_path):
    controls.picture_buttons["function_cubic"].click()
    controls.form.editor("noise").setValue(0.2)
    controls.regenerate_button.click()
    expected = points(document)
    path = tmp_path / "cubic.dlsim"
    document.save(path)
    reopened = Document()
    reopened.open(path)
    assert reopened.training["dataset"] == {
        "type": "function",
        "function": "cubic",
        "noise": 0.2,
        "seed": 1,
    }
    assert same_points(points(reopened), expected)
    document.new()
    document.open(path)
    assert checked(controls) == ["function_cubic"]
    assert controls.form.editor("noise").value() == 0.2


def test_new_and_open_show_the_new_documents_data(controls, document):
    controls.picture_buttons["circle"].click()
    controls.form.editor("noise").setValue(0.4)
    document.new()
    assert checked(controls) == ["xor"]
    assert controls.form.editor("noise").value() == 0.1
    assert document.undo_stack.count() == 0
    document.load_dict(read_document(EXAMPLES / "iris_keras.dlsim"), base_dir=EXAMPLES)
    assert checked(controls) == []
    assert enabled(controls) == ["val_split"], "Iris: only its split"
    assert not controls.regenerate_button.isEnabled()
    document.load_dict(read_document(EXAMPLES / "xor_learn.dlsim"), base_dir=EXAMPLES)
    assert enabled(controls) == []
    assert [p.name for p in controls.form.params] == ["n", "noise", "val_split"], "rows stay"


def test_the_view_preferences_are_no_edits_and_are_remembered(controls, document):
    controls.validation_box.setChecked(False)
    controls.discrete_box.setChecked(True)
    assert document.undo_stack.count() == 0 and not document.is_dirty
    fresh = DataViewPrefs()
    assert not fresh.show_validation and fresh.discretize, "kept in QSettings"
    fresh.show_validation = True  # another owner changes it: the boxes follow their own prefs
    other = DataControls(document, fresh)
    assert other.validation_box.isChecked() and other.discrete_box.isChecked()
    other.deleteLater()


def test_the_wheel_over_the_unfocused_noise_box_changes_nothing(qtbot, qapp, controls, document):
    from tests.ui.test_wheel_guard import wheel

    wheel_guard.install(qapp)
    controls.picture_buttons["spiral"].click()
    count = document.undo_stack.count()
    wheel(controls.form.editor("noise"))
    wheel(controls.form.editor("n"))
    assert document.training["dataset"].get("noise", 0.1) == 0.1
    assert document.undo_stack.count() == count
