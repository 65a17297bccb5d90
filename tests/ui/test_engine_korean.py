"""With Korean installed, the texts the engine gives the GUI — layer and parameter help and
labels, palette groups, the stepper's phases — read in Korean, through the shipped engine_ko.qm."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel

from dlsim import resources
from dlsim.engine import text
from dlsim.engine.nn import optimizers
from dlsim.engine.nn.registry import layer_type
from dlsim.engine.teaching.stepper import BackpropWalk
from dlsim.engine.training.fileformat import read_document
from dlsim.ui import language
from dlsim.ui.panels.palette import LayerTree
from dlsim.ui.panels.param_form import ParamForm

HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture
def korean(qapp):
    loaded = language.install("ko")
    assert "engine_ko.qm" in {p.name for p in loaded}
    yield
    language.install("en")


def test_the_training_process_is_told_the_interface_language(korean) -> None:
    assert text.language() == "ko"


def test_the_palette_groups_and_help_read_in_korean(qtbot, korean) -> None:
    tree = LayerTree()
    qtbot.addWidget(tree)
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [g.text(0) for g in groups][:2] == ["기본", "규제"]
    dense = groups[0].child(1)
    assert dense.text(0) == "Dense"  # the layer type's name stays as the file writes it
    assert HANGUL.search(dense.toolTip(0))


def test_the_inspector_labels_and_tooltips_read_in_korean(qtbot, korean) -> None:
    form = ParamForm()
    qtbot.addWidget(form)
    form.load(layer_type("Dense").params, {})
    labels = [w.text() for w in form.findChildren(QLabel)]
    assert "유닛 수" in labels and "활성화 함수" in labels and "편향 사용" in labels
    form.load(optimizers.SCHEMA["sgd"], {})
    assert "학습률" in [w.text() for w in form.findChildren(QLabel)]
    assert form.editor("lr").toolTip().startswith("학습률:")


def test_the_stepper_explains_in_korean_with_the_lectures_numbers(korean) -> None:
    doc = read_document(resources.example_path("backprop_lecture"))
    phases = BackpropWalk(doc).phases(1)
    assert phases[0].title == "반복 1: 출발점"
    update = next(p for p in phases if p.kind == "update")
    assert update.title == "업데이트" and "경사 하강법" in update.intro
    assert "W5⁺ = W5 − α·∂E/∂W5 = 0.45 − 0.5 × 0.02592286 = 0.43703857" in update.text()
