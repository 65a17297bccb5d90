"""The lesson examples show their effect with their saved seed, and the lessons module's API.

Every effect test runs the example headless, exactly as saved or with one of its VARIANTS, and
compares variants of the same example after the same number of steps (issue #5).
"""

from __future__ import annotations

import copy
import math
import warnings
from functools import cache

import numpy as np
import pytest

from dlsim import resources
from dlsim.engine.errors import DlsimError
from dlsim.engine.nn.graph import GraphSpec
from dlsim.engine.teaching.topics import VARIANTS, apply_variant, lesson_text
from dlsim.engine.training.experiment import Experiment, check_document
from dlsim.engine.training.fileformat import read_document
from dlsim.engine.training.trainer import StepRecord

EXAMPLES = resources.examples_dir()
TOPICS = ("overfitting", "vanishing_gradients", "initializers", "optimizers", "exploding_gradients")
LECTURE = ("and_gate", "nand_gate", "or_gate", "xor_gates", "xor_learn", "backprop_lecture")
ALL_EXAMPLES = (*LECTURE, "iris_keras", *TOPICS)
LN2 = math.log(2.0)  # binary cross-entropy of the constant guess 0.5: the loss of "no idea"


def example(name: str) -> dict:
    return read_document(EXAMPLES / f"{name}.dlsim")


def find_variant(name: str, label_start: str) -> dict:
    matches = [v for v in VARIANTS[name] if v["label"].startswith(label_start)]
    assert len(matches) == 1, f"{name}: no single variant labelled {label_start!r}"
    return matches[0]


KEPT_RECORDS = 20  # a record holds its step's gradients and activations: keep only the first few


@cache
def run(name: str, label_start: str, steps: int) -> tuple[Experiment, list[StepRecord], np.ndarray]:
    """The variant trained `steps` steps from its saved seed: the first records, every loss."""
    exp = Experiment(apply_variant(example(name), find_variant(name, label_start)))
    records, losses = [], []
    with np.errstate(over="ignore", invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for _ in range(steps):
            record = exp.step()
            losses.append(record.loss)
            if len(records) < KEPT_RECORDS:
                records.append(record)
    return exp, records, np.array(losses)


def gap(exp: Experiment) -> float:
    """How far validation loss sits above training loss: the size of the overfitting."""
    m = exp.metrics()
    return m["val_loss"] - m["loss"]


# --- the documents and their lessons ------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_every_example_has_a_name_a_description_and_a_short_lesson(name):
    doc = example(name)
    assert doc["name"].strip() and doc["description"].strip()
    text = lesson_text(name)
    assert text is not None, f"dlsim/assets/lessons/{name}.md is missing"
    assert text.startswith("# ")
    assert 8 <= len(text.splitlines()) <= 20


@pytest.mark.parametrize("name", TOPICS)
def test_topic_examples_and_their_variants_are_laid_out_left_to_right(name):
    for variant in VARIANTS[name]:
        graph = GraphSpec.from_dict(apply_variant(example(name), variant)["graph"])
        order = graph.topological_order()
        assert [graph.nodes[nid].pos for nid in order] == [(220 * i, 0) for i in range(len(order))]


@pytest.mark.parametrize(
    ("name", "label"), [(name, v["label"]) for name in TOPICS for v in VARIANTS[name]]
)
def test_every_variant_is_a_valid_document_without_warnings(name, label):
    doc = apply_variant(example(name), find_variant(name, label))
    assert check_document(doc, EXAMPLES) == []


def test_lesson_text_is_none_for_unknown_or_path_like_names():
    assert lesson_text("no_such_example") is None
    assert lesson_text("../README") is None
    assert lesson_text("") is None


# --- apply_variant ------------------------------------------------------------------------------


def test_apply_variant_returns_a_new_document_and_leaves_the_original_alone():
    doc = example("vanishing_gradients")
    before = copy.deepcopy(doc)
    for variant in VARIANTS["vanishing_gradients"]:
        out = apply_variant(doc, variant)
        assert out is not doc
    assert doc == before
    assert apply_variant(doc, {"label": "as saved", "changes": {}}) == doc


def test_a_training_change_means_what_it_means_to_set_training():
    doc = example("exploding_gradients")
    changes = find_variant("exploding_gradients", "clipnorm")["changes"]
    by_document = Experiment(apply_variant(doc, {"changes": changes}))
    by_call = Experiment(doc)
    by_call.set_training(changes["training"])
    assert by_document.training == by_call.training
    assert by_document.training["optimizer"] == {
        "type": "sgd",
        "lr": 0.05,
        "momentum": 0.0,
        "nesterov": False,
        "clipnorm": 1.0,
    }


def test_insert_after_puts_a_layer_after_every_hidden_dense_and_keeps_one_chain():
    variant = find_variant("vanishing_gradients", "sigmoid + BatchNorm")
    doc = apply_variant(example("vanishing_gradients"), variant)
    graph = GraphSpec.from_dict(doc["graph"])
    types = [graph.nodes[nid].type for nid in graph.topological_order()]
    assert types == ["Input"] + ["Dense", "BatchNorm"] * 6 + ["Dense"]
    assert len(graph.edges) == len(graph.nodes) - 1
    assert all(len(graph.outputs_of(nid)) <= 1 for nid in graph.nodes)


def test_a_graph_edit_keeps_the_saved_weights_of_the_layers_it_leaves_unchanged():
    doc = example("backprop_lecture")
    relu = {
        "changes": {
            "graph": [{"op": "set", "select": "hidden_dense", "params": {"activation": "relu"}}]
        }
    }
    out = apply_variant(doc, relu)
    assert out["graph"]["nodes"][1]["params"]["activation"] == "relu"
    # The one rule (nn.weight_carry): an activation does not decide the weights, so h keeps them.
    assert out["weights"]["h"] == doc["weights"]["h"]
    assert out["weights"]["o"] == doc["weights"]["o"]
    he = {
        "changes": {
            "graph": [
                {
                    "op": "set",
                    "select": "hidden_dense",
                    "params": {"activation": "relu", "kernel_initializer": "he_normal"},
                }
            ]
        }
    }
    out = apply_variant(doc, he)
    assert "h" not in out["weights"], "a new initializer means a fresh start"
    assert out["weights"]["o"] == doc["weights"]["o"]


@pytest.mark.parametrize(
    "changes",
    [
        {"graph": [{"op": "explode", "select": "dense"}]},
        {"graph": [{"op": "set", "select": "every_layer", "params": {}}]},
        {"graph": [{"op": "insert_after", "select": "dense"}]},
        {"graph": {"op": "set", "select": "dense", "params": {}}},
        {"weights": {}},
        {"training": "adam"},
    ],
)
def test_a_malformed_variant_raises_one_dlsim_error(changes):
    with pytest.raises(DlsimError):
        apply_variant(example("optimizers"), {"label": "bad", "changes": changes})


# --- overfitting (Part 4) -----------------------------------------------------------------------

OVERFIT_STEPS = 600


def test_overfitting_baseline_memorizes_its_training_points():
    exp, _, _ = run("overfitting", "baseline", OVERFIT_STEPS)
    m = exp.metrics()
    assert exp.dataset.n_train == 30 and exp.dataset.n_val == 170
    assert m["loss"] < 0.05 and m["accuracy"] == 1.0
    assert gap(exp) > 0.5


@pytest.mark.parametrize("remedy", ["L2", "dropout", "data augmentation", "smaller model"])
def test_each_remedy_at_least_halves_the_gap_between_validation_and_training_loss(remedy):
    baseline, _, _ = run("overfitting", "baseline", OVERFIT_STEPS)
    treated, _, _ = run("overfitting", remedy, OVERFIT_STEPS)
    assert gap(treated) < gap(baseline) / 2
    assert treated.metrics()["val_loss"] < baseline.metrics()["val_loss"]


# --- vanishing gradients (Part 5) ---------------------------------------------------------------

VANISH_STEPS = 300


def first_to_last_ratio(records: list[StepRecord]) -> float:
    """Median over the first 20 steps of ‖grad of the first Dense‖ / ‖grad of the output‖."""
    return float(np.median([r.grad_norms()["h1"] / r.grad_norms()["y"] for r in records[:20]]))


def test_sigmoid_layers_shrink_the_first_layers_gradient_by_orders_of_magnitude():
    # Each sigmoid layer multiplies the backward signal by σ'(z) ≤ 1/4; six of them allow at
    # most 4⁻⁶ ≈ 2.4e-4 times what the weights pass on.
    exp, records, _ = run("vanishing_gradients", "sigmoid (as saved)", VANISH_STEPS)
    assert first_to_last_ratio(records) < 1e-2
    assert exp.metrics()["loss"] == pytest.approx(LN2, abs=0.02)


@pytest.mark.parametrize("cure", ["relu + he_normal", "sigmoid + BatchNorm"])
def test_relu_with_he_or_batchnorm_lets_the_gradient_reach_the_first_layer(cure):
    exp, records, _ = run("vanishing_gradients", cure, VANISH_STEPS)
    assert first_to_last_ratio(records) > 1e-1
    assert exp.metrics()["loss"] < LN2 / 4


# --- initializers (Part 5) ----------------------------------------------------------------------

INIT_STEPS = 300
HIDDEN = [f"h{k}" for k in range(1, 7)]


def spread_ratio(records: list[StepRecord]) -> float:
    """Std of the last hidden layer's activations over the first's, at the first step."""
    stats = records[0].activation_stats()
    return stats[HIDDEN[-1]]["std"] / stats[HIDDEN[0]]["std"]


def test_zeros_keep_every_unit_of_a_layer_identical_and_nothing_learns():
    exp, _, _ = run("initializers", "zeros", INIT_STEPS)
    exp.predict(exp.dataset.x_train)
    for nid in HIDDEN:
        a = exp.network.layers[nid].a
        assert np.all(a == a[:, :1]), f"units of {nid} differ"
        w = exp.params()[nid]["W"]
        assert np.all(w == w[:, :1]), f"incoming weights of {nid} differ"
    assert exp.metrics()["loss"] == pytest.approx(LN2, abs=0.01)


def test_small_uniform_weights_make_the_signal_die_out_with_depth():
    # U(−0.05, 0.05) has variance 0.05²/3; through 32 ReLU inputs each layer scales the spread
    # by √(32 · 0.05²/3 / 2) ≈ 0.12, five times from h1 to h6: about 2e-5.
    exp, records, _ = run("initializers", "uniform", INIT_STEPS)
    assert spread_ratio(records) < 1e-3
    assert exp.metrics()["loss"] == pytest.approx(LN2, abs=0.01)


def test_glorot_shrinks_the_relu_signal_gently_and_he_keeps_it():
    # Glorot: variance 2/(32+32), so the ReLU spread scales by √(32 · 1/32 / 2) ≈ 0.71 per
    # layer (0.18 after five); He: variance 2/32, a factor √(32 · 2/32 / 2) = 1.
    glorot, glorot_records, _ = run("initializers", "glorot_uniform", INIT_STEPS)
    he, he_records, _ = run("initializers", "he_normal", INIT_STEPS)
    assert 0.05 < spread_ratio(glorot_records) < 0.5
    assert 0.5 < spread_ratio(he_records) < 2.0
    assert glorot.metrics()["loss"] < LN2 / 4
    assert he.metrics()["loss"] < LN2 / 4


# --- optimizers (Part 3) ------------------------------------------------------------------------

OPT_STEPS = 300


@pytest.mark.parametrize(
    ("rule", "factor"), [("momentum", 0.75), ("Adagrad", 0.75), ("RMSProp", 0.25), ("Adam", 0.25)]
)
def test_momentum_and_adaptive_optimizers_beat_plain_sgd_in_the_same_steps(rule, factor):
    sgd, _, _ = run("optimizers", "mini-batch", OPT_STEPS)
    other, _, _ = run("optimizers", rule, OPT_STEPS)
    assert other.metrics()["loss"] < factor * sgd.metrics()["loss"]


def run_epochs(label_start: str, epochs: int) -> tuple[float, np.ndarray]:
    exp = Experiment(apply_variant(example("optimizers"), find_variant("optimizers", label_start)))
    losses = []
    while exp.epoch < epochs:
        losses.append(exp.step().loss)
    return exp.metrics()["loss"], np.array(losses)


def test_smaller_batches_learn_more_per_epoch_but_their_loss_is_noisier():
    batch_loss, batch_curve = run_epochs("batch", 5)
    mini_loss, _ = run_epochs("mini-batch", 5)
    sgd_loss, sgd_curve = run_epochs("stochastic", 5)
    n = Experiment(example("optimizers")).dataset.n_train
    assert (len(batch_curve), len(sgd_curve)) == (5, 5 * n)
    assert sgd_loss < mini_loss < batch_loss
    roughness = [np.mean(np.abs(np.diff(c))) for c in (batch_curve, sgd_curve)]
    assert roughness[1] > 10 * roughness[0]


# --- exploding gradients (Part 5) ---------------------------------------------------------------

EXPLODE_STEPS = 300


def test_without_clipping_the_gradients_grow_and_the_weights_diverge():
    exp, records, losses = run("exploding_gradients", "no clipping", 10)
    assert max(records[0].grad_norms().values()) > 100  # far beyond clipnorm = 1
    assert max(records[1].grad_norms().values()) > max(records[0].grad_norms().values())
    assert losses[1] > losses[0]
    assert not np.all(np.isfinite(losses)) or losses.max() > 1e6
    weights = np.concatenate([w.ravel() for p in exp.params().values() for w in p.values()])
    assert not np.all(np.isfinite(weights)) or np.abs(weights).max() > 1e6


# A network that learned nothing predicts the mean of y = sin(πx) + noise, x ~ U(−1, 1): its
# mean squared error is Var(sin(πx)) + 0.1² = 1/2 + 0.01.
MEAN_GUESS_MSE = 0.5 + 0.1**2


def test_with_clipnorm_1_the_same_network_trains():
    exp, _, losses = run("exploding_gradients", "clipnorm", EXPLODE_STEPS)
    assert np.all(np.isfinite(losses))
    assert exp.evaluate() < losses[0] / 100
    assert exp.evaluate() < MEAN_GUESS_MSE / 10
    assert all(np.all(np.isfinite(w)) for p in exp.params().values() for w in p.values())


def test_he_initialization_removes_the_cause_without_any_clipping():
    exp, records, losses = run("exploding_gradients", "he_normal", EXPLODE_STEPS)
    assert max(records[0].grad_norms().values()) < 100
    assert np.all(np.isfinite(losses))
    assert exp.evaluate() < MEAN_GUESS_MSE / 10
