"""Comparisons: one document run several ways, every variant from the same start where the
weight rule keeps it (a changed initializer starts its layers afresh)."""

import json

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.nn.graph_edits import apply_initializer
from dlsim.engine.teaching.comparisons import comparison_documents, optimizer_comparison
from dlsim.engine.training.experiment import Experiment

EXAMPLES = resources.examples_dir()


def xor_doc() -> dict:
    return json.loads((EXAMPLES / "xor_learn.dlsim").read_text())


def test_an_optimizer_comparison_gives_three_labelled_documents_with_the_same_start():
    doc = xor_doc()
    start = Experiment(doc).params()
    docs = comparison_documents(doc, "optimizers", start)
    assert [label for label, _ in docs] == ["SGD", "Momentum", "Adam"]
    types = [
        (d["training"]["optimizer"]["type"], d["training"]["optimizer"].get("momentum"))
        for _, d in docs
    ]
    assert types == [("sgd", 0.0), ("sgd", 0.9), ("adam", None)]
    assert all(d["training"]["optimizer"]["lr"] == 0.5 for _, d in docs), "same learning rate"
    for _, d in docs:
        np.testing.assert_array_equal(Experiment(d).params()["h"]["W"], start["h"]["W"])


def test_a_two_optimizer_comparison_is_labelled_by_optimizer():
    doc = xor_doc()
    comparison = optimizer_comparison("sgd", "amsgrad")
    docs = comparison_documents(doc, comparison, Experiment(doc).params())
    assert comparison.title == "SGD vs AMSGrad"
    assert [label for label, _ in docs] == ["SGD", "AMSGrad"]
    assert docs[1][1]["training"]["optimizer"]["amsgrad"] is True


def test_an_activation_comparison_changes_only_the_hidden_layers():
    docs = comparison_documents(xor_doc(), "activations", Experiment(xor_doc()).params())
    for label, d in docs:
        nodes = {n["id"]: n for n in d["graph"]["nodes"]}
        assert nodes["h"]["params"]["activation"] == label
        assert nodes["y"]["params"]["activation"] == "sigmoid"


def test_unknown_comparison_is_refused():
    with pytest.raises(DlsimError, match="nonsense"):
        comparison_documents(xor_doc(), "nonsense", {})


def test_an_initializer_comparison_starts_each_variant_as_its_initializer_does():
    """It used to give all variants the document's start, so all curves were the same."""
    doc = json.loads((EXAMPLES / "initializers.dlsim").read_text())
    # the user applied He first: the comparison must still vary the initializer
    doc["graph"] = apply_initializer(GraphSpec.from_dict(doc["graph"]), "he_normal").to_dict()
    docs = comparison_documents(doc, "initializers", Experiment(doc).params())
    assert [label for label, _ in docs] == ["zeros", "uniform", "glorot_uniform", "he_normal"]
    starts = {label: Experiment(d).params()["h1"]["W"] for label, d in docs}
    assert not starts["zeros"].any()
    assert np.abs(starts["uniform"]).max() <= 0.05
    spreads = [starts[k].std() for k in ("uniform", "glorot_uniform", "he_normal")]
    assert spreads == sorted(spreads) and len(set(spreads)) == 3


def test_the_initializer_comparison_makes_the_lessons_point():
    """Zeros keep every unit identical and stay at ln 2; He learns."""
    doc = json.loads((EXAMPLES / "initializers.dlsim").read_text())
    docs = dict(comparison_documents(doc, "initializers", Experiment(doc).params()))
    zeros, he = Experiment(docs["zeros"]), Experiment(docs["he_normal"])
    for _ in range(300):
        zeros.step()
        he.step()
    w = zeros.params()["h3"]["W"]
    assert np.all(w == w[:, :1]), "the units of a zero-started layer stay identical"
    assert zeros.metrics()["loss"] == pytest.approx(np.log(2), abs=0.01)
    assert he.metrics()["loss"] < np.log(2) / 4
