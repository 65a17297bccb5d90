"""The Training dock: it shows the document's settings, and every edit is one undoable change
that ends up in the saved .dlsim file."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from dlsim import resources
from dlsim.engine.nn import optimizers
from dlsim.engine.nn.params import Param
from dlsim.engine.training.fileformat import read_document
from dlsim.ui.document import Document
from dlsim.ui.panels.param_form import ParamForm
from dlsim.ui.panels.training_panel import TrainingPanel

EXAMPLES = resources.examples_dir()


@pytest.fixture
def document(qtbot) -> Document:
    doc = Document()
    doc.load_dict(read_document(EXAMPLES / "xor_learn.dlsim"), base_dir=EXAMPLES)
    return doc


@pytest.fixture
def panel(qtbot, document) -> TrainingPanel:
    widget = TrainingPanel(document)
    qtbot.addWidget(widget)
    return widget


def adam_defaults() -> dict:
    return {p.name: p.default for p in optimizers.SCHEMA["adam"]}


def test_the_form_shows_the_files_settings(panel):
    # xor_learn.dlsim: sgd with lr 0.5 and momentum 0.9, full batch, seed 1, BCE loss
    assert panel.optimizer_box.currentText() == "Momentum"
    assert panel.optimizer_form.editor("lr").value() == 0.5
    assert panel.optimizer_form.editor("momentum").value() == 0.9
    assert panel.batch_mode.currentData() == "full"
    assert not panel.batch_size.isEnabled()
    assert panel.seed_box.value() == 1
    assert panel.loss_box.currentData() == "binary_crossentropy"
    assert panel.dataset_type.currentData() == "truth_table"
    assert panel.dataset_form.editor("gate").currentData() == "xor"


def test_a_learning_rate_edit_is_one_undoable_change(panel, document):
    panel.optimizer_form.editor("lr").setValue(0.1)
    assert document.training["optimizer"]["lr"] == 0.1
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.training["optimizer"]["lr"] == 0.5
    assert panel.optimizer_form.editor("lr").value() == 0.5, "the form follows the undo"


def test_small_rates_are_shown_as_written(panel, document):
    field = panel.optimizer_form.editor("lr")
    field.setValue(1e-4)
    assert field.text() == "0.0001"
    assert document.training["optimizer"]["lr"] == 1e-4


def test_choosing_adam_uses_the_lectures_adam_defaults(panel, document):
    panel.optimizer_box.setCurrentIndex(panel.optimizer_box.findData("adam"))
    panel.optimizer_box.activated.emit(panel.optimizer_box.currentIndex())
    opt = document.training["optimizer"]
    # Keras' Adam(lr=0.001, beta_1=0.9, beta_2=0.999) as on the slides
    assert {k: opt[k] for k in ("type", "lr", "beta_1", "beta_2", "amsgrad")} == {
        "type": "adam",
        **{k: adam_defaults()[k] for k in ("lr", "beta_1", "beta_2", "amsgrad")},
    }
    assert set(panel.optimizer_form.fields) == {"lr", "beta_1", "beta_2", "epsilon"}


def test_plain_sgd_sets_momentum_to_zero_and_hides_it(panel, document):
    panel.optimizer_box.activated.emit(panel.optimizer_box.findData("sgd"))
    assert document.training["optimizer"]["momentum"] == 0.0
    assert "momentum" not in panel.optimizer_form.fields


def test_clip_norm_is_switched_on_and_off(panel, document):
    clip = panel.clip_form.fields["clipnorm"]
    check, value = clip.check, clip.spin
    check.setChecked(True)
    assert document.training["optimizer"]["clipnorm"] == 1.0
    value.setValue(0.5)
    assert document.training["optimizer"]["clipnorm"] == 0.5
    check.setChecked(False)
    assert document.training["optimizer"].get("clipnorm") is None


@pytest.mark.parametrize(("mode", "size"), [("mini", 32), ("stochastic", 1), ("full", None)])
def test_batch_modes(panel, document, mode, size):
    if mode == "full":
        document.set_training({"batch_size": 8}, "setup")
    panel.batch_mode.activated.emit(panel.batch_mode.findData(mode))
    assert document.training["batch_size"] == size


def test_mini_batch_size_is_editable(panel, document):
    panel.batch_mode.activated.emit(panel.batch_mode.findData("mini"))
    panel.batch_size.setValue(8)
    assert document.training["batch_size"] == 8


def test_switching_to_spiral_shows_its_parameters_with_their_defaults(panel, document):
    panel.dataset_type.activated.emit(panel.dataset_type.findData("spiral"))
    assert document.training["dataset"] == {"type": "spiral"}
    form = panel.dataset_form
    assert set(form.fields) == {"n", "noise", "val_split", "classes", "seed"}
    fields = {name: form.editor(name) for name in form.fields}
    assert (fields["n"].value(), fields["noise"].value(), fields["val_split"].value()) == (
        200,
        0.1,
        0.2,
    )
    fields["noise"].setValue(0.3)
    assert document.training["dataset"]["noise"] == 0.3


def test_augmentation_switch_sets_and_clears_the_noise(panel, document):
    switch = panel.augment_form.fields["augment_noise"].check
    switch.setChecked(True)
    assert document.training["augment_noise"] == 0.05
    switch.setChecked(False)
    assert document.training["augment_noise"] == 0.0


def test_seed_and_precision_are_saved_in_the_file(panel, document, tmp_path):
    panel.seed_box.setValue(42)
    panel.dtype_box.activated.emit(panel.dtype_box.findData("float32"))
    document.save(tmp_path / "x.dlsim")
    saved = read_document(tmp_path / "x.dlsim")["training"]
    assert (saved["seed"], saved["dtype"]) == (42, "float32")


def test_insert_batchnorm_after_every_hidden_dense_is_one_undo_entry(panel, document):
    panel.norm_buttons["BatchNorm"].click()
    graph = document.graph
    (after_h,) = graph.outputs_of("h")
    assert graph.nodes[after_h].type == "BatchNorm"
    assert graph.outputs_of(after_h) == ["y"]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.graph.outputs_of("h") == ["y"]


def test_apply_he_to_all_dense_layers(panel, document):
    box = panel.initializer_editor.main_widget()
    box.setCurrentIndex(box.findData("he_normal"))
    panel.apply_initializer_button.click()
    for nid in ("h", "y"):
        assert document.graph.nodes[nid].params["kernel_initializer"] == "he_normal"


def test_normalization_buttons_are_off_without_hidden_dense_layers(qtbot):
    doc = Document()
    doc.load_dict(read_document(EXAMPLES / "and_gate.dlsim"), base_dir=EXAMPLES)
    panel = TrainingPanel(doc)
    qtbot.addWidget(panel)
    assert not panel.norm_buttons["BatchNorm"].isEnabled()
    assert panel.rule_box.currentData() == "perceptron"


@pytest.mark.parametrize("typed", ["0", "-0"])
def test_typing_zero_momentum_keeps_momentum_chosen_and_its_field(panel, document, qtbot, typed):
    # Issue 10 #1: the form used to rebuild itself as plain SGD while the spin box was still
    # emitting valueChanged, deleting the box inside its own signal (a hard crash).
    panel.show()
    box = panel.optimizer_form.editor("momentum")
    alive_in_signal = []
    box.valueChanged.connect(
        lambda _: alive_in_signal.append(
            shiboken6.isValid(box) and panel.optimizer_form.editor("momentum") is box
        )
    )
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert alive_in_signal == [True], "the box the user typed into still exists in its signal"
    assert shiboken6.isValid(box) and panel.optimizer_form.editor("momentum") is box
    assert panel.optimizer_box.currentText() == "Momentum"
    assert document.training["optimizer"]["momentum"] == 0.9, "μ = 0 would be plain SGD"
    assert box.value() == 0.9 and box.text() == "0.9"
    assert document.undo_stack.count() == 0
    assert "momentum" in panel.banner.text and "SGD" in panel.banner.text
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "0.5")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert document.training["optimizer"]["momentum"] == 0.5
    assert panel.optimizer_box.currentText() == "Momentum"


def test_a_form_rebuilt_inside_its_own_signal_deletes_its_widgets_later(qtbot):
    form = ParamForm()
    qtbot.addWidget(form)
    first = (Param("a", "float", 0.5, "first", 0.0, 1.0),)
    second = (Param("b", "int", 3, "second", 0, 9),)
    form.load(first, {})
    box = form.editor("a")
    alive = []
    form.edited.connect(lambda *_: (form.load(second, {}), alive.append(shiboken6.isValid(box))))
    box.setValue(0.25)
    assert alive == [True] and set(form.fields) == {"b"}
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(box)


def test_an_unchanged_schema_updates_values_in_place(panel, document):
    box = panel.optimizer_form.editor("lr")
    document.set_training({"optimizer": {"lr": 0.2}}, "lr")
    assert panel.optimizer_form.editor("lr") is box and box.value() == 0.2
