"""Every Param the engine declares — layer, optimizer, optimizer choice, data set, training
setting, named-function parameter — has a generated editor that shows its default and gives it
back, so no form needs a hand-made widget."""

from __future__ import annotations

import pytest

from dlsim.engine.nn import activations, initializers, optimizer_choices, optimizers
from dlsim.engine.nn.params import PARAM_KINDS, Param
from dlsim.engine.nn.registry import layer_types
from dlsim.engine.training import datasets, settings
from dlsim.ui.panels.param_form import EDITORS, ParamForm, edit_text, make_editor


def every_param() -> list[tuple[str, Param]]:
    found = [(f"layer {t.name}", p) for t in layer_types() for p in t.params]
    found += [(f"optimizer {k}", p) for k, ps in optimizers.SCHEMA.items() for p in ps]
    found += [("clipping", p) for p in optimizers.CLIP_SCHEMA]
    found += [("optimizer choice", optimizer_choices.CHOICE), ("data set type", datasets.TYPE)]
    found += [(f"data set {k}", p) for k, ps in datasets.SCHEMA.items() for p in ps]
    found += [("training", p) for p in settings.SETTINGS]
    for module in (activations, initializers):
        for name in module.NAMES:
            found += [(f"{name}", p) for p in type(module.get(name)).params]
    return found


PARAMS = every_param()


def test_every_kind_has_an_editor():
    assert set(EDITORS) == set(PARAM_KINDS)


@pytest.mark.parametrize(("owner", "param"), PARAMS, ids=[f"{o}.{p.name}" for o, p in PARAMS])
def test_the_editor_shows_the_default_and_gives_it_back(qtbot, owner, param):
    editor = make_editor(param)
    qtbot.addWidget(editor)
    editor.set_value(param.default)
    assert editor.value() == param.default
    assert param.help in editor.toolTip()
    assert edit_text(param, param.default)


def test_a_form_emits_one_merge_key_per_gesture(qtbot):
    form = ParamForm()
    qtbot.addWidget(form)
    form.load((Param("rate", "float", 0.5, "a rate", 0.0, 0.95),), {})
    keys = []
    form.edited.connect(lambda name, value, key: keys.append((name, value, key)))
    spin = form.editor("rate")
    spin.setValue(0.55)
    spin.setValue(0.6)
    spin.editingFinished.emit()
    spin.setValue(0.65)
    assert [k[1] for k in keys] == [0.55, 0.6, 0.65]
    assert keys[0][2] == keys[1][2] != keys[2][2]


@pytest.mark.parametrize(
    ("param", "value", "text"),
    [
        (optimizers.SCHEMA["sgd"][0], 0.1, "Set learning rate to 0.1"),
        (settings.BATCH_SIZE, None, "Use full batch"),
        (settings.BATCH_SIZE, 1, "Use stochastic (1)"),
        (settings.BATCH_SIZE, 8, "Set the batch size to 8"),
        (settings.SHUFFLE, False, "Turn shuffle off"),
        (optimizers.CLIP_SCHEMA[0], None, "Turn clip norm (per tensor) off"),
        (settings.DTYPE, "float32", "Set precision to float32 (faster)"),
    ],
)
def test_undo_texts_name_the_setting_and_its_value(param, value, text):
    assert edit_text(param, value) == text
