"""Comparisons: one document run several ways, every variant from the same start."""

import json

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
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
