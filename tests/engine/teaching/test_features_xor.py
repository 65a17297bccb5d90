"""The features_xor example: one sigmoid unit learns XOR once x1·x2 is an input, and cannot
without it (issue #12)."""

from __future__ import annotations

import copy
import math

import numpy as np

from dlsim import resources
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.teaching.topics import lesson_text
from dlsim.engine.training.experiment import Experiment, check_document
from dlsim.engine.training.fileformat import read_document

LN2 = math.log(2.0)


def example(terms: list[str] | None = None) -> dict:
    doc = read_document(resources.examples_dir() / "features_xor.dlsim")
    if terms is not None:
        doc = copy.deepcopy(doc)
        (features,) = [n for n in doc["graph"]["nodes"] if n["type"] == "Features"]
        features["params"]["terms"] = terms
    return doc


def train(doc: dict, steps: int) -> tuple[Experiment, np.ndarray]:
    exp = Experiment(doc)
    return exp, np.array([exp.step().loss for _ in range(steps)])


def test_it_is_input_features_and_one_sigmoid_unit_trained_by_adam():
    doc = example()
    assert check_document(doc, resources.examples_dir()) == []
    graph = GraphSpec.from_dict(doc["graph"])
    order = [graph.nodes[n] for n in graph.topological_order()]
    assert [n.type for n in order] == ["Input", "Features", "Dense"]
    assert order[1].params["terms"] == ["x1", "x2", "x1*x2"]
    assert order[2].params["units"] == 1 and order[2].params["activation"] == "sigmoid"
    training = doc["training"]
    assert training["optimizer"] == {"type": "adam", "lr": 0.1}
    assert training["loss"] == "binary_crossentropy"
    assert [n.pos[1] for n in order] == [0, 0, 0]  # one row, left to right
    assert [n.pos[0] for n in order] == sorted(n.pos[0] for n in order)


def test_with_x1_times_x2_it_gets_every_row_right_within_400_steps():
    exp, losses = train(example(), 400)
    assert losses[-1] < 0.05
    assert exp.metrics()["accuracy"] == 1.0
    x = exp.dataset.x_train
    np.testing.assert_array_equal(
        exp.predict(x)[:, 0] > 0.5, x[:, 0] + x[:, 1] - 2 * x[:, 0] * x[:, 1] > 0.5
    )


def test_without_x1_times_x2_the_loss_stays_near_ln_2():
    exp, losses = train(example(["x1", "x2"]), 400)
    assert abs(losses[-1] - LN2) < 0.01
    assert losses.min() > LN2 - 0.01
    assert exp.metrics()["accuracy"] <= 0.75


def test_its_lesson_explains_the_feature_and_what_happens_without_it():
    doc = example()
    assert doc["name"].strip() and doc["description"].strip()
    text = lesson_text("features_xor")
    assert text is not None and text.startswith("# ")
    assert 8 <= len(text.splitlines()) <= 20
    assert "x1 + x2 − 2·x1·x2" in text
    assert "ln 2" in text
