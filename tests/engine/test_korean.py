"""The engine in Korean: every text translated, and translation never touches a number.

The translator here is the one the training process uses (`text.catalogue` over
dlsim/i18n/engine_ko.ts, the source of engine_ko.qm), so these tests need no Qt.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from dlsim import resources
from dlsim.engine import text
from dlsim.engine.live.process_session import ProcessSession
from dlsim.engine.nn.registry import layer_types
from dlsim.engine.teaching import explorer
from dlsim.engine.teaching.lab import RuleLearner
from dlsim.engine.teaching.stepper import BackpropWalk
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import dumps, read_document

TS = text.engine_catalogue_path("ko")
HANGUL = re.compile("[\uac00-\ud7a3]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:e[−-]?\d+)?")
LATIN = re.compile("[A-Za-z]{2,}")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def korean() -> Iterator[None]:
    text.set_translator(text.catalogue(TS), "ko")
    yield
    text.set_translator(None)


def english_and_korean(make):
    """`make()` once as it is and once with the Korean translator installed."""
    english = make()
    text.set_translator(text.catalogue(TS), "ko")
    try:
        return english, make()
    finally:
        text.set_translator(None)


def numbers(s: str) -> list[str]:
    return sorted(NUMBER.findall(s))


def test_every_entry_is_translated_and_keeps_its_placeholders() -> None:
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 400
    for message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation.get("type") is None and translation.text, source
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(
            PLACEHOLDER.findall(source)
        ), source


def lecture_doc() -> dict:
    return read_document(resources.example_path("backprop_lecture"))


def small_doc(**training) -> dict:
    """A 2-2-1 net with biases on two samples, so the start note and bias lines appear."""
    return {
        "format": "dlsim",
        "version": 1,
        "graph": {
            "nodes": [
                {"id": "x", "type": "Input", "params": {"units": 2}},
                {"id": "h", "type": "Dense", "params": {"units": 2, "activation": "tanh"}},
                {"id": "o", "type": "Dense", "params": {"units": 1, "activation": "sigmoid"}},
            ],
            "edges": [{"from": "x", "to": "h"}, {"from": "h", "to": "o"}],
        },
        "training": {
            "dataset": {"type": "inline", "x": [[0.5, -1.0], [1.0, 1.0]], "y": [[1.0], [0.0]]},
            "loss": "binary_crossentropy",
            "optimizer": {"type": "sgd", "lr": 0.1},
            "shuffle": False,
            **training,
        },
    }


@pytest.mark.parametrize(
    "doc",
    [
        lecture_doc(),
        small_doc(),
        small_doc(optimizer={"type": "adam", "lr": 0.01}),
    ],
    ids=["lecture", "biases-cross-entropy", "adam"],
)
def test_the_stepper_in_korean_shows_every_number_it_shows_in_english(doc: dict) -> None:
    english, korean = english_and_korean(lambda: BackpropWalk(doc).phases(2))
    assert len(english) == len(korean)
    for en, ko in zip(english, korean, strict=True):
        assert HANGUL.search(ko.title) and HANGUL.search(ko.intro), ko.title
        assert numbers(en.text()) == numbers(ko.text()), en.title
        assert [line.value for line in en.lines] == [line.value for line in ko.lines]
        assert [line.value_text for line in en.lines] == [line.value_text for line in ko.lines]
        assert [line.numbers for line in en.lines] == [line.numbers for line in ko.lines]
        assert en.unit_values == ko.unit_values and en.edge_labels == ko.edge_labels


def test_the_lectures_typo_notes_read_in_korean_with_the_slides_numbers(korean) -> None:
    phases = BackpropWalk(lecture_doc()).phases(1)
    notes = [note for phase in phases for note in phase.notes]
    assert len(notes) == 2 and all(HANGUL.search(n) for n in notes)
    assert "0.68047" in notes[0] and "0.66384" in notes[0]
    assert "0.29959556" in notes[1]


def test_the_perceptron_lab_in_korean_writes_the_same_numbers() -> None:
    def run() -> list[str]:
        learner = RuleLearner.random("xor", seed=3)
        lines = []
        for step in learner.run(max_updates=400):
            lines.extend(step.lines)
            if step.cycle is not None:
                lines.append(step.cycle.describe())
        return lines

    english, korean = english_and_korean(run)
    assert len(english) == len(korean)
    assert any("converge" in line for line in english)
    for en, ko in zip(english, korean, strict=True):
        assert numbers(en) == numbers(ko), en
    assert any(HANGUL.search(line) for line in korean)


def test_the_activation_explorer_in_korean_keeps_its_formulas_numbers() -> None:
    for name in explorer.explorer_names():
        values = {p.name: 0.2 for p in explorer.params(name)}
        en, ko = english_and_korean(lambda: explorer.activation_curves(name, values))  # noqa: B023
        assert numbers(en.formula) == numbers(ko.formula), name
        assert numbers(en.derivative_formula) == numbers(ko.derivative_formula), name
        assert (en.f == ko.f).all() and (en.df == ko.df).all()
        assert HANGUL.search(ko.note), name


def test_layer_and_parameter_texts_read_in_korean(korean) -> None:
    for ltype in layer_types():
        assert HANGUL.search(ltype.tip) and HANGUL.search(ltype.category_title), ltype.name
        for p in ltype.params:
            assert HANGUL.search(p.tip), (ltype.name, p.name)
            assert HANGUL.search(p.title) or not LATIN.search(p.title), p.title  # σ stays σ


def test_a_document_saved_with_korean_texts_is_the_english_file() -> None:
    def saved() -> str:
        exp = Experiment(small_doc())
        for _ in range(5):
            exp.step()
        return dumps(exp.to_dict())

    english, korean = english_and_korean(saved)
    assert english == korean
    assert not HANGUL.search(korean)


def test_the_training_process_speaks_the_language_of_the_gui(korean) -> None:
    doc = {
        "format": "dlsim",
        "version": 1,
        "graph": {
            "nodes": [
                {"id": "x", "type": "Input", "params": {"units": 1}},
                {"id": "y", "type": "Dense", "params": {"units": 1}},
            ],
            "edges": [{"from": "x", "to": "y"}],
        },
        "training": {
            "dataset": {"type": "regression_1d"},
            "loss": "mse",
            "optimizer": {"type": "sgd", "lr": 100.0},
        },
    }
    session = ProcessSession(Experiment(doc))
    try:
        session.run()
        deadline = time.monotonic() + 20
        while session.state != "diverged" and time.monotonic() < deadline:
            time.sleep(0.01)
        snap = session.snapshot()
    finally:
        session.close()
    assert snap.state == "diverged"
    assert snap.message.startswith(f"스텝 {snap.step}에서 학습이 발산했습니다")
    assert "그래디언트 클리핑(clipnorm)" in snap.message
