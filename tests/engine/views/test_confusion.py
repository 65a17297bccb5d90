"""Confusion matrices: the counts are what counting the rows one by one gives, and they agree
with the accuracy the loss plot shows."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.training.experiment import Experiment
from dlsim.engine.training.fileformat import read_document
from dlsim.engine.views.confusion import confusion, split_confusions
from tests.engine.helpers import chain_doc


def direct_count(true: list[int], guess: list[int], k: int) -> list[list[int]]:
    table = [[0] * k for _ in range(k)]
    for t, g in zip(true, guess, strict=True):
        table[t][g] += 1
    return table


def test_counts_equal_a_direct_count_of_the_rows():
    rng = np.random.default_rng(0)
    k = 4
    true = rng.integers(0, k, 300)
    pred = rng.normal(size=(300, k))
    pred[np.arange(300)[:150], true[:150]] += 5.0  # the first half right, the rest by chance
    result = confusion(pred, np.eye(k)[true], ("a", "b", "c", "d"))
    expected = direct_count(true.tolist(), pred.argmax(axis=1).tolist(), k)
    assert result.counts.tolist() == expected
    rows = np.array(expected).sum(axis=1)
    np.testing.assert_allclose(result.per_class_accuracy, np.diag(expected) / rows)
    assert result.accuracy == pytest.approx(np.mean(pred.argmax(axis=1) == true))


def test_binary_outputs_are_thresholded_and_an_absent_class_has_no_accuracy():
    pred = np.array([[0.9], [0.2], [0.7], [0.4]])
    target = np.array([[1.0], [1.0], [1.0], [1.0]])
    result = confusion(pred, target, ("0", "1"))
    assert result.counts.tolist() == [[0, 0], [2, 2]]
    assert math.isnan(result.per_class_accuracy[0]) and result.per_class_accuracy[1] == 0.5
    with pytest.raises(DlsimError, match="different numbers of rows"):
        confusion(pred, target[:2], ("0", "1"))


def test_iris_train_and_validation_confusions_match_the_accuracy_metric():
    exp = Experiment(read_document(resources.examples_dir() / "iris_keras.dlsim"))
    for _ in range(30):
        exp.step()
    result = split_confusions(exp)
    metrics = exp.metrics()
    assert set(result) == {"train", "val"}
    assert result["train"].counts.shape == (3, 3)
    assert result["train"].counts.sum() == exp.dataset.n_train
    assert result["val"].counts.sum() == exp.dataset.n_val
    assert result["train"].accuracy == pytest.approx(metrics["accuracy"])
    assert result["val"].accuracy == pytest.approx(metrics["val_accuracy"])
    assert result["train"].classes == exp.dataset.target_names


def test_regression_has_no_confusion():
    doc = chain_doc([{"type": "Dense", "params": {"units": 1}}], 2, [[0.0, 1.0]], [[0.3]])
    doc["training"]["dataset"] = {"type": "regression_plane"}
    assert split_confusions(Experiment(doc)) == {}


def test_row_shares_shade_each_true_class_by_its_own_rows():
    result = confusion(np.eye(3)[[0, 0, 1, 2, 2, 2]], np.eye(3)[[0, 1, 1, 2, 2, 0]], "abc")
    assert result.counts.tolist() == [[1, 0, 1], [1, 1, 0], [0, 0, 2]]
    np.testing.assert_allclose(result.row_shares, [[0.5, 0, 0.5], [0.5, 0.5, 0], [0, 0, 1]])


def test_an_experiment_measures_confusions_for_more_than_two_classes_only():
    iris = Experiment(read_document(resources.examples_dir() / "iris_keras.dlsim"))
    assert set(iris.confusions()) == {"train", "val"}
    xor = Experiment(read_document(resources.examples_dir() / "xor_learn.dlsim"))
    assert xor.confusions() == {}


def test_a_session_publishes_the_confusions_with_the_metrics():
    from dlsim.engine.live.session import TrainingSession

    exp = Experiment(read_document(resources.examples_dir() / "iris_keras.dlsim"))
    session = TrainingSession(exp)
    try:
        session.step(5)
        assert session.wait_idle()
        snap = session.snapshot()
        assert snap.step == 5
        assert snap.confusion["train"].accuracy == pytest.approx(snap.metrics["accuracy"])
        assert snap.confusion["val"].counts.sum() == exp.dataset.n_val
    finally:
        session.close()
